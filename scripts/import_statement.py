#!/usr/bin/env python3
"""Import a published statement as a draft data/statements/<id>.md (`make import SRC=…`).

    python scripts/import_statement.py page.html
    python scripts/import_statement.py statement.pdf --source-url https://…/statement.pdf
    python scripts/import_statement.py https://www.mofa.go.jp/…/statement.html

SRC is an HTML page, a PDF, plain text or Markdown, as a file or an address. The heading
block becomes front matter, the known kinds of transcription damage are repaired (each
an editorial note), and what the catalogue knows about the source's address is filled
in (its entry is marked archived). Nothing is guessed: what is not found is left out or
asked for, and a summary says what was inferred and what to check. The draft is
validated at once; nothing is overwritten.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from datetime import date as Date  # noqa: N812 - the class, not a value
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mine_archive import importer, pipeline  # noqa: E402
from mine_archive.catalogue import load_catalogue  # noqa: E402
from mine_archive.dates import parse_partial_date  # noqa: E402
from mine_archive.errors import DataError, display_path  # noqa: E402
from mine_archive.schema import CONVENTIONS, DOCUMENT_TYPES  # noqa: E402
from new_statement import slug, validate_written  # noqa: E402

FIELD_ORDER = [
    "id",
    "title",
    "date",
    "document_type",
    "convention",
    "meeting",
    "place",
    "speaker",
    "source",
    "language",
]


def fetch(url: str) -> tuple[bytes, str]:
    """The bytes at ``url`` and their content type; ``ImportProblem`` saying why not."""
    request = urllib.request.Request(url, headers={"User-Agent": "japan-mine-statements importer"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - http(s) only, checked
            return response.read(), response.headers.get("Content-Type", "")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise importer.ImportProblem(
            f"{url}: cannot fetch it ({reason}). Without a connection, save the page or PDF from a browser and "
            f"import the file: make import SRC=<saved file> ARGS='--source-url {url}'"
        ) from None


def front_matter(fields: dict, statement_id: str, notes: list[dict]) -> str:
    data = {"id": statement_id}
    for name in FIELD_ORDER[1:]:
        if name in fields:
            data[name] = fields[name]
    data["commitments"] = []
    data["editorial_notes"] = notes
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def mark_archived(catalogue: Path, entry_id: str, statement_id: str) -> bool:
    """Add ``archived: <statement id>`` to the catalogue entry ``entry_id``; whether it did."""
    lines = catalogue.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.strip() == f"- id: {entry_id}":
            lines.insert(index + 1, f"  archived: {statement_id}\n")
            catalogue.write_text("".join(lines), encoding="utf-8")
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", nargs="?", help="the statement: a file (.html, .pdf, .txt, .md) or an http(s) address")
    parser.add_argument("--source-url", help="where a saved file was published (fills in the source and catalogue)")
    parser.add_argument("--date", help="the statement's date, where the heading gives none (2003, 2003-02, 2003-02-08)")
    parser.add_argument("--title", help="the title, where the heading gives none")
    parser.add_argument("--convention", action="append", choices=list(CONVENTIONS), help="repeat for both")
    parser.add_argument("--document-type", choices=list(DOCUMENT_TYPES))
    parser.add_argument("--id", help="defaults to the date and the title's first words")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    if not args.src:
        print("Give the statement to import: make import SRC=<file or http(s) address>", file=sys.stderr)
        return 2
    try:
        return run(args)
    except importer.ImportProblem as problem:
        print(problem, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    url = args.source_url
    if args.src.startswith(("http://", "https://")):
        url = url or args.src
        data, content_type = fetch(args.src)
    else:
        path = Path(args.src)
        if not path.is_file():
            raise importer.ImportProblem(f"{args.src}: no such file")
        data, content_type = path.read_bytes(), ""
    try:
        blocks = importer.read(data, args.src, content_type)
    except Exception as error:  # noqa: BLE001 - a damaged PDF or HTML file, said plainly
        raise importer.ImportProblem(f"{args.src}: cannot read it ({error})") from None
    if not blocks:
        raise importer.ImportProblem(f"{args.src}: no text found in it")
    catalogue_path = args.data / "catalogue.yml"
    try:
        catalogue, _ = load_catalogue(catalogue_path)
    except DataError as error:
        raise importer.ImportProblem(f"{error}\nFix the catalogue first.") from None
    draft = importer.draft(blocks, url, catalogue)
    fields = draft.fields
    for name, value in [("date", args.date), ("title", args.title), ("convention", args.convention),
                        ("document_type", args.document_type)]:  # fmt: skip
        if value:
            fields[name] = value
            draft.inferred.append(f"{name}: {value}, as given on the command line")
    missing = [name for name in ("title", "date", "convention", "document_type") if not fields.get(name)]
    if missing:
        flags = " ".join(f"--{name.replace('_', '-')} …" for name in missing)
        raise importer.ImportProblem(
            f"{args.src}: the source does not say its {', '.join(missing)}; give "
            f"{'it' if len(missing) == 1 else 'them'}: make import SRC={args.src} ARGS='{flags}'"
        )
    try:
        when = parse_partial_date(fields["date"])
    except ValueError as error:
        raise importer.ImportProblem(f"date {fields['date']!r}: {error}") from None
    if when.earliest > Date.today().timetuple()[:3]:
        raise importer.ImportProblem(f"date {fields['date']}: it is in the future; check the source")
    statement_id = args.id or slug(fields["date"], fields["title"])
    target = args.data / "statements" / f"{statement_id}.md"
    if target.exists():
        raise importer.ImportProblem(f"{display_path(target)} already exists; give another id: ARGS='--id …'")
    notes = [
        {**({"paragraph": f"p{index + 1}"} if index is not None else {}), "note": text} for index, text in draft.notes
    ]
    body = "\n\n".join("\n".join(block) for block in draft.blocks)
    target.write_text(f"---\n{front_matter(fields, statement_id, notes)}---\n{body}\n", encoding="utf-8")
    shown = display_path(target)
    statement = validate_written(target)
    if statement is None:
        return 1
    entry = draft.catalogue_entry
    if entry and not entry.archived and mark_archived(catalogue_path, entry.id, statement_id):
        draft.inferred.append(f"catalogue: entry {entry.id} now names this statement (archived: {statement_id})")
    count = len(statement.paragraphs)
    print(f"Wrote {shown}: {count} paragraph{'s' if count != 1 else ''}, valid.")
    print("Inferred:")
    for line in draft.inferred:
        print(f"  - {line}")
    if notes:
        print(f"Repaired ({len(notes)} editorial note{'s' if len(notes) != 1 else ''}):")
        for note in notes:
            where = f"¶{note['paragraph'][1:]}: " if "paragraph" in note else ""
            print(f"  - {where}{note['note']}")
    print("Check before publishing:")
    for line in draft.check:
        print(f"  - {line}")
    try:
        pipeline.load(args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        print("The archive does not build yet: fix the lines above.", file=sys.stderr)
        return 1
    print("Next: `make serve` to read it as readers will; `make check` after each edit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
