"""Deterministic synthetic corpora for benchmarks: statements shaped like the real ones.

Paragraph counts, lengths, salutations, headings, commitments (quoted from their own
paragraphs, so they validate) and amounts follow the three real statements. Words are
drawn from the real statements' vocabulary. Nothing here is ever committed as data.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MEETINGS = [
    ("Meeting of States Parties to the Anti-Personnel Mine Ban Convention", "APMBC"),
    ("Intersessional Meetings of the Anti-Personnel Mine Ban Convention", "APMBC"),
    ("Review Conference of the Anti-Personnel Mine Ban Convention", "APMBC"),
    ("Meeting of States Parties to the Convention on Cluster Munitions", "CCM"),
    ("Intersessional Meetings of the Convention on Cluster Munitions", "CCM"),
]
PLACES = ["Geneva, Switzerland", "Oslo, Norway", "Vientiane, Lao PDR", "Phnom Penh, Cambodia", "Maputo, Mozambique"]
KINDS = ["pledge", "contribution", "office", "universalization", "cooperation", "goal", "treaty-action"]
SALUTATIONS = ["Mr. President,", "Madam President,", "Thank you, Mr. President."]


def vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted((ROOT / "data" / "statements").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        words += re.findall(r"[A-Za-z][A-Za-z'-]*[a-z]|\d{4}", body)
    return words


def _sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(8, 28))]
    return picked[0][:1].upper() + picked[0][1:] + " " + " ".join(picked[1:]) + "."


def _paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(1, 6)))


def statement(number: int, rng: random.Random, words: list[str], one_year: int | None = None) -> tuple[str, str]:
    """One synthetic statement; ``one_year`` dates it and all its commitments in that year."""
    year = one_year or 1997 + number % 29
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    meeting, convention = rng.choice(MEETINGS)
    statement_id = f"{year}-{month:02d}-{day:02d}-synthetic-{number:05d}"
    blocks: list[str] = []
    paragraphs: list[str] = []
    for index in range(rng.randint(4, 18)):
        if index and index % 4 == 0 and rng.random() < 0.2:
            blocks.append(f"## {index // 4}. {_sentence(rng, words)[:-1]}")
        text = rng.choice(SALUTATIONS) if rng.random() < 0.25 else _paragraph(rng, words)
        blocks.append(text)
        paragraphs.append(text)
    commitments = []
    for _ in range(rng.randint(0, 9)):
        number_in_body = rng.randrange(len(paragraphs))
        words_in = paragraphs[number_in_body].split()
        if len(words_in) < 6:
            continue
        start = rng.randrange(len(words_in) - 5)
        years_before = rng.randint(0, 5)
        entry = {
            "date": str(one_year or year - years_before),
            "convention": convention,
            "kind": rng.choice(KINDS),
            "title": " ".join(words_in[start : start + 6]).capitalize()[:100],
            "paragraph": f"p{number_in_body + 1}",
            "quote": " ".join(words_in[start : start + rng.randint(5, 25)]),
        }
        if entry["kind"] == "contribution":
            entry["amount"] = {
                "value": rng.randint(1, 900) * 1_000_000,
                "currency": rng.choice(["USD", "JPY"]),
                "basis": rng.choice(["annual", "period", "cumulative", "grant"]),
            }
        commitments.append(entry)
    front = {
        "id": statement_id,
        "title": f"Statement to the {meeting}, {year} ({number})",
        "date": f"{year}-{month:02d}-{day:02d}",
        "document_type": "statement",
        "convention": [convention],
        "meeting": {"name": meeting},
        "place": rng.choice(PLACES),
        "speaker": {"name": f"H. E. Ambassador {number}", "role": "Permanent Representative of Japan"},
        "source": {"publisher": "Ministry of Foreign Affairs of Japan", "url": f"https://example.org/{statement_id}"},
        "language": "en",
        "commitments": commitments,
        "editorial_notes": [{"note": "Synthetic text for benchmarks.", "paragraph": "p1"}],
    }
    matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return statement_id, f"---\n{matter}---\n" + "\n\n".join(blocks) + "\n"


def write_corpus(target: Path, count: int, seed: int = 1997, one_year: int | None = None) -> Path:
    """A data directory of ``count`` statements, with the real conventions, glossary and record and a lock.

    ``one_year`` makes the degenerate archive the size budgets must hold for: every
    statement and every commitment dated in that one year."""
    sys_path = str(ROOT / "scripts")
    import sys

    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    from mine_archive import anchors
    from mine_archive.statements import load_statements

    rng = random.Random(seed)
    words = vocabulary()
    statements_dir = target / "statements"
    statements_dir.mkdir(parents=True)
    for number in range(count):
        statement_id, text = statement(number, rng, words, one_year)
        (statements_dir / f"{statement_id}.md").write_text(text, encoding="utf-8")
    for name in ("conventions.yml", "glossary.yml", "record.yml"):
        shutil.copy(ROOT / "data" / name, target / name)
    anchors.write_lock(target / "anchors.lock", anchors.current_anchors(load_statements(statements_dir)))
    return target


def write_baseline_docs(data: Path, target: Path) -> Path:
    """The same statements as plain Markdown pages for a project-free MkDocs + Material build."""
    docs = target / "docs"
    (docs / "statements").mkdir(parents=True)
    (docs / "index.md").write_text("# Baseline\n\nPlain MkDocs + Material.\n", encoding="utf-8")
    for path in sorted((data / "statements").glob("*.md")):
        front_text, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        front = yaml.safe_load(front_text.removeprefix("---\n"))
        (docs / "statements" / path.name).write_text(f"# {front['title']}\n\n{body}", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    return target
