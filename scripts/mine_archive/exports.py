"""Open-data exports: the archive as JSON for people who reuse it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from .statements import Statement
from .timeline import Event

TIMELINE_COLUMNS = [
    "id",
    "date",
    "end_date",
    "convention",
    "kind",
    "title",
    "statement",
    "paragraph",
    "url",
    "quote",
    "amount",
    "note",
]


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


def json_lines_array(records: list[dict]) -> str:
    """A JSON array with one record per line: diffable, and fast (json's indent mode is pure Python)."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


def statements_json(statements: list[Statement], site_url: str = "") -> str:
    """``/data/statements.json``: every statement, oldest first, stable key order."""
    return json_lines_array([statement_record(s, site_url) for s in statements])


def event_record(event: Event, site_url: str = "") -> dict:
    """One timeline entry; optional keys (end_date, amount, note) only where they apply."""
    c = event.commitment
    record: dict = {
        "id": event.id,
        "date": c.date.iso,
        "end_date": c.end_date.iso if c.end_date else None,
        "convention": c.convention,
        "kind": c.kind,
        "title": c.title,
        "statement": event.statement.id,
        "paragraph": c.paragraph,
        "url": absolute_url(site_url, event.url),
        "quote": c.quote,
        "amount": {
            "value": c.amount.number,
            "currency": c.amount.currency,
            "basis": c.amount.basis,
            "qualifier": c.amount.qualifier,
        }
        if c.amount
        else None,
        "note": c.note,
    }
    return {key: value for key, value in record.items() if value is not None}


def timeline_json(events: list[Event], site_url: str = "") -> str:
    """``/data/timeline.json``: every entry, in timeline order."""
    return json_lines_array([event_record(e, site_url) for e in events])


# The JSON's columns in the same order, with the nested ``amount`` spread over four.
CSV_COLUMNS = [
    *TIMELINE_COLUMNS[: TIMELINE_COLUMNS.index("amount")],
    "amount_value",
    "amount_currency",
    "amount_basis",
    "amount_qualifier",
    "note",
]


def timeline_csv(events: list[Event], site_url: str = "") -> str:
    """``/data/timeline.csv``: the JSON's columns, with ``amount`` spread over four."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        record = event_record(event, site_url)
        amount = record.pop("amount", None) or {}
        record.update({f"amount_{key}": value for key, value in amount.items()})
        writer.writerow(record)
    return out.getvalue()
