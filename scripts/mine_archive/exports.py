"""Open-data exports: the archive as JSON for people who reuse it."""

from __future__ import annotations

import json
from dataclasses import asdict

from .statements import Statement


def absolute_url(site_url: str, path: str) -> str:
    """``path`` under the site's configured address, or root-relative when none is set."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"/{path}"


def statement_record(statement: Statement, site_url: str = "") -> dict:
    """One statement as a JSON-ready dict: metadata, then every block's plain text."""
    record: dict = {
        "id": statement.id,
        "title": statement.title,
        "date": statement.date.iso,
        "document_type": statement.document_type,
        "convention": list(statement.conventions),
        "url": absolute_url(site_url, statement.url),
        "language": statement.language,
        "meeting": None,
        "place": statement.place,
        "speaker": asdict(statement.speaker) if statement.speaker else None,
        "source": asdict(statement.source) if statement.source else None,
        "editorial_notes": [
            {"number": n.number, "note": n.text, "paragraph": n.paragraph} for n in statement.editorial_notes
        ],
        "headings": [{"id": b.id, "text": b.text} for b in statement.blocks if b.kind == "heading"],
        "paragraphs": [{"id": b.id, "text": b.text} for b in statement.paragraphs],
    }
    if statement.meeting:
        record["meeting"] = {
            "name": statement.meeting.name,
            "start": statement.meeting.start.iso if statement.meeting.start else None,
            "end": statement.meeting.end.iso if statement.meeting.end else None,
        }
    return record


def statements_json(statements: list[Statement], site_url: str = "") -> str:
    """``/data/statements.json``: every statement, oldest first, stable key order."""
    records = [statement_record(s, site_url) for s in statements]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
