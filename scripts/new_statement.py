#!/usr/bin/env python3
"""Scaffold a new statement file in data/statements/ and validate it.

    python scripts/new_statement.py --title "…" --date 2018-06-07 --convention APMBC \\
        --meeting "…" --place "Geneva, Switzerland" --speaker "…" --text-file source.txt

Missing required values are asked for when run in a terminal (`make new-statement`).
The body comes from --text-file (paragraphs separated by blank lines) or stays a
placeholder to replace, which does not validate until replaced. Bad values (an
impossible or future date, an id of the wrong form or already taken) are refused
before anything is written; the file is validated at once; nothing is overwritten.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mine_archive.dates import parse_partial_date  # noqa: E402
from mine_archive.errors import DataError  # noqa: E402
from mine_archive.schema import CONVENTIONS, DOCUMENT_TYPES, SLUG_PATTERN  # noqa: E402
from mine_archive.statements import PLACEHOLDER, Statement, load_statement  # noqa: E402


def slug(date: str, title: str) -> str:
    words = [
        w
        for w in re.sub(r"[^a-z0-9]+", " ", title.lower()).split()
        if w not in {"the", "of", "to", "on", "by", "a", "and", "in"}
    ]
    return "-".join([date, *words[:5]])[:80].strip("-")


def ask(prompt: str, default: str | None = None) -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{prompt}{suffix}: ").strip()
    return answer or (default or "")


def front_matter(args: argparse.Namespace) -> dict:
    data: dict = {
        "id": args.id,
        "title": args.title,
        "date": args.date,
        "document_type": args.document_type,
        "convention": args.convention,
    }
    if args.meeting:
        data["meeting"] = {"name": args.meeting}
    if args.place:
        data["place"] = args.place
    if args.speaker:
        data["speaker"] = {"name": args.speaker, **({"role": args.speaker_role} if args.speaker_role else {})}
    if args.source_publisher:
        data["source"] = {"publisher": args.source_publisher, **({"url": args.source_url} if args.source_url else {})}
    data["language"] = args.language
    data["commitments"] = []
    data["editorial_notes"] = []
    return data


def body(args: argparse.Namespace) -> str:
    if not args.text_file:
        return PLACEHOLDER + "\n"
    text = Path(args.text_file).read_text(encoding="utf-8").replace("\r\n", "\n")
    # Lines inside a paragraph are kept: the body format keeps them as line breaks
    # (salutations). Unwrap hard-wrapped prose by hand.
    paragraphs = [
        "\n".join(" ".join(line.split()) for line in p.strip().splitlines()) for p in re.split(r"\n\s*\n", text)
    ]
    paragraphs = [p for p in paragraphs if p]
    return "\n\n".join(paragraphs) + "\n"


def validate_written(path: Path) -> Statement | None:
    """The statement just written, or ``None`` after printing its problems (``file:line: message``)."""
    try:
        return load_statement(path)
    except DataError as error:
        for problem in error.errors:
            print(problem, file=sys.stderr)
        print(f"{path} is written but not valid yet: fix the lines above, then run `make check`.", file=sys.stderr)
        return None


def input_problems(args: argparse.Namespace, path: Path) -> list[str]:
    """What is wrong with the values given, found before anything is written."""
    problems = []
    if not args.title.strip():
        problems.append("--title: the title is empty")
    try:
        when = parse_partial_date(args.date)
    except ValueError as error:
        problems.append(f"--date: {error}")
    else:
        if when.earliest > date.today().timetuple()[:3]:
            problems.append(f"--date: {when.iso} is in the future")
    if not re.match(SLUG_PATTERN, args.id) or len(args.id) > 80:
        problems.append(
            f"--id: {args.id!r} must be lowercase words and digits joined by hyphens, at most 80 characters"
        )
    elif path.exists():
        problems.append(f"{path} already exists; choose another --id.")
    if args.text_file and not Path(args.text_file).is_file():
        problems.append(f"--text-file: {args.text_file}: no such file")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--title")
    parser.add_argument("--date", help="ISO 8601 at the source's precision: 2003, 2003-02 or 2003-02-08")
    parser.add_argument("--convention", action="append", choices=list(CONVENTIONS), help="repeat for both")
    parser.add_argument("--document-type", default="statement", choices=list(DOCUMENT_TYPES))
    parser.add_argument("--meeting")
    parser.add_argument("--place", help="City, country")
    parser.add_argument("--speaker")
    parser.add_argument("--speaker-role")
    parser.add_argument("--source-publisher")
    parser.add_argument("--source-url")
    parser.add_argument("--language", default="en")
    parser.add_argument("--id", help="defaults to the date and the title's first words")
    parser.add_argument("--text-file", help="plain text of the statement, paragraphs separated by blank lines")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)

    interactive = sys.stdin.isatty()
    for name, prompt in [("title", "Title, as the document gives it"), ("date", "Date (2003, 2003-02 or 2003-02-08)")]:
        if not getattr(args, name):
            if not interactive:
                parser.error(f"--{name} is required")
            setattr(args, name, ask(prompt))
    if not args.convention:
        if not interactive:
            parser.error("--convention is required (APMBC or CCM; repeat for both)")
        args.convention = ask("Convention(s), comma-separated", "APMBC").replace(" ", "").split(",")
    if interactive and not (args.meeting or args.place or args.speaker):
        args.meeting = ask("Meeting (leave empty if none)") or None
        args.place = ask("Place, 'City, country' (leave empty if not stated)") or None
        args.speaker = ask("Speaker (leave empty if the document names no one)") or None
    args.id = args.id or slug(args.date, args.title)

    path = args.data / "statements" / f"{args.id}.md"
    problems = input_problems(args, path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    matter = yaml.safe_dump(front_matter(args), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"---\n{matter}---\n{body(args)}", encoding="utf-8")
    if not args.text_file:
        print(f"Wrote {path} with a placeholder body, which does not validate until you replace it with the")
        print("statement's text, word for word. Then run `make check` and `make serve` (see the Contributing page).")
        return 0
    statement = validate_written(path)
    if statement is None:
        return 1
    count = len(statement.paragraphs)
    print(f"Wrote {path}: {count} paragraph{'s' if count != 1 else ''}, valid.")
    print("Next: check the text against the source, record repairs in editorial_notes, annotate commitments,")
    print("then run `make check`, `make anchors` and `make serve` (see the Contributing page).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
