"""Open-data exports: the archive as JSON for people who reuse it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict

from .catalogue import CatalogueEntry
from .commitments import Amount
from .record import Record, RecordEntry, RecordSource
from .statements import Statement
from .timeline import Event


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


def amount_record(amount: Amount | None) -> dict | None:
    if amount is None:
        return None
    return {"value": amount.number, "currency": amount.currency, "basis": amount.basis, "qualifier": amount.qualifier}


def source_record(source: RecordSource) -> dict:
    record = {"publisher": source.publisher, "title": source.title, "url": source.url}
    if source.date:
        record["date"] = source.date.iso
    return record


def _compact(record: dict) -> dict:
    """The record without the optional keys that do not apply."""
    return {key: value for key, value in record.items() if value is not None}


def record_entry_record(entry: RecordEntry) -> dict:
    """One entry of the treaty record, its sources written out in full."""
    conflict = None
    if entry.conflict:
        conflict = {
            "note": entry.conflict.note,
            "readings": [
                {"reading": r.text, "sources": [source_record(s) for s in r.sources]} for r in entry.conflict.readings
            ],
        }
    return _compact(
        {
            "id": entry.id,
            "date": entry.date.iso,
            "end_date": entry.end_date.iso if entry.end_date else None,
            "convention": entry.convention,
            "kind": entry.kind,
            "milestone": entry.milestone,
            "title": entry.title,
            "description": entry.description,
            "amount": amount_record(entry.amount),
            "sources": [source_record(s) for s in entry.sources],
            "conflict": conflict,
            "uncertain": entry.uncertain,
        }
    )


def event_record(event: Event, url_of: Callable[[Event], str], site_url: str = "") -> dict:
    """One timeline entry with its evidence; optional keys only where they apply."""
    record = {
        "id": event.id,
        "date": event.date.iso,
        "end_date": event.end_date.iso if event.end_date else None,
        "convention": event.convention,
        "kind": event.kind,
        "milestone": event.milestone,
        "title": event.title,
        "url": absolute_url(site_url, url_of(event)),
        "evidence": list(event.evidence),
        "amount": amount_record(event.amount),
        "quotes": [
            _compact(
                {
                    "statement": q.statement.id,
                    "paragraph": q.commitment.paragraph,
                    "url": absolute_url(site_url, q.url),
                    "quote": q.commitment.quote,
                    "note": q.commitment.note,
                }
            )
            for q in event.quotes
        ]
        or None,
        "record": record_entry_record(event.record) if event.record else None,
        "aliases": list(event.aliases) or None,
    }
    return _compact(record)


def timeline_json(events: list[Event], url_of: Callable[[Event], str], site_url: str = "") -> str:
    """``/data/timeline.json``: every entry, in timeline order; ``url_of`` gives an entry's page and anchor."""
    return json_lines_array([event_record(e, url_of, site_url) for e in events])


# The first columns of the timeline's and the record's CSV: what makes a dated entry.
ENTRY_COLUMNS = ["id", "date", "end_date", "convention", "kind", "milestone", "title"]

TIMELINE_CSV_COLUMNS = [
    *ENTRY_COLUMNS,
    "url",
    "evidence",
    "statements",
    "paragraph_urls",
    "quotes",
    "source_urls",
    "amount_value",
    "amount_currency",
    "amount_basis",
    "amount_qualifier",
    "conflict",
    "uncertain",
]

# Several values in one cell (a merged entry's quotes, a record entry's sources) are
# joined by this, which none of them contains.
CELL_JOIN = " | "


def _csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _amount_cells(amount: Amount | None) -> dict:
    return {f"amount_{key}": value for key, value in (amount_record(amount) or {}).items()}


def timeline_csv(events: list[Event], url_of: Callable[[Event], str], site_url: str = "") -> str:
    """``/data/timeline.csv``: one row per entry, several quotes or sources joined in a cell."""
    rows = []
    for event in events:
        entry = event.record
        rows.append(
            {
                "id": event.id,
                "date": event.date.iso,
                "end_date": event.end_date.iso if event.end_date else "",
                "convention": event.convention,
                "kind": event.kind,
                "milestone": event.milestone or "",
                "title": event.title,
                "url": absolute_url(site_url, url_of(event)),
                "evidence": " ".join(event.evidence),
                "statements": CELL_JOIN.join(q.statement.id for q in event.quotes),
                "paragraph_urls": CELL_JOIN.join(absolute_url(site_url, q.url) for q in event.quotes),
                "quotes": CELL_JOIN.join(q.commitment.quote for q in event.quotes),
                "source_urls": CELL_JOIN.join(s.url for s in entry.sources) if entry else "",
                **_amount_cells(event.amount),
                "conflict": entry.conflict.note if entry and entry.conflict else "",
                "uncertain": entry.uncertain or "" if entry else "",
            }
        )
    return _csv(TIMELINE_CSV_COLUMNS, rows)


def record_json(record: Record) -> str:
    """``/data/record.json``: the treaty record in file order, sources written out."""
    return json_lines_array([record_entry_record(entry) for entry in record.entries])


RECORD_CSV_COLUMNS = [
    *ENTRY_COLUMNS,
    "description",
    "amount_value",
    "amount_currency",
    "amount_basis",
    "amount_qualifier",
    "source_publishers",
    "source_urls",
    "conflict",
    "readings",
    "uncertain",
]


def record_csv(record: Record) -> str:
    """``/data/record.csv``: one row per entry; readings as ``reading (url, url)`` joined in a cell."""
    rows = []
    for entry in record.entries:
        readings = ""
        if entry.conflict:
            readings = CELL_JOIN.join(
                f"{r.text} ({', '.join(s.url for s in r.sources)})" for r in entry.conflict.readings
            )
        rows.append(
            {
                "id": entry.id,
                "date": entry.date.iso,
                "end_date": entry.end_date.iso if entry.end_date else "",
                "convention": entry.convention,
                "kind": entry.kind,
                "milestone": entry.milestone or "",
                "title": entry.title,
                "description": entry.description or "",
                **_amount_cells(entry.amount),
                "source_publishers": CELL_JOIN.join(s.publisher for s in entry.sources),
                "source_urls": CELL_JOIN.join(s.url for s in entry.sources),
                "conflict": entry.conflict.note if entry.conflict else "",
                "readings": readings,
                "uncertain": entry.uncertain or "",
            }
        )
    return _csv(RECORD_CSV_COLUMNS, rows)


def catalogue_entry_record(entry: CatalogueEntry, site_url: str = "") -> dict:
    return _compact(
        {
            "id": entry.id,
            "date": entry.date.iso,
            "title": entry.title,
            "document_type": entry.document_type,
            "convention": list(entry.conventions),
            "scope": entry.scope,
            "speaker": asdict(entry.speaker) if entry.speaker else None,
            "meeting": {
                "name": entry.meeting.name,
                "start": entry.meeting.start.iso if entry.meeting.start else None,
                "end": entry.meeting.end.iso if entry.meeting.end else None,
            }
            if entry.meeting
            else None,
            "place": entry.place,
            "language": list(entry.languages) or None,
            "archived": entry.archived,
            "url": absolute_url(site_url, f"statements/{entry.archived}/") if entry.archived else None,
            "sources": [_compact(asdict(source)) for source in entry.sources],
            "note": entry.note,
            "uncertain": entry.uncertain,
        }
    )


def catalogue_json(entries: list[CatalogueEntry], site_url: str = "") -> str:
    """``/data/catalogue.json``: every known statement, oldest first."""
    return json_lines_array([catalogue_entry_record(entry, site_url) for entry in entries])


CATALOGUE_CSV_COLUMNS = [
    "id",
    "date",
    "title",
    "document_type",
    "convention",
    "scope",
    "speaker",
    "speaker_role",
    "meeting",
    "place",
    "language",
    "archived",
    "url",
    "source_urls",
    "note",
    "uncertain",
]


def catalogue_csv(entries: list[CatalogueEntry], site_url: str = "") -> str:
    """``/data/catalogue.csv``: one row per entry; several conventions, languages or sources joined."""
    rows = [
        {
            "id": entry.id,
            "date": entry.date.iso,
            "title": entry.title,
            "document_type": entry.document_type,
            "convention": " ".join(entry.conventions),
            "scope": entry.scope,
            "speaker": entry.speaker.name if entry.speaker else "",
            "speaker_role": (entry.speaker.role or "") if entry.speaker else "",
            "meeting": entry.meeting.name if entry.meeting else "",
            "place": entry.place or "",
            "language": " ".join(entry.languages),
            "archived": entry.archived or "",
            "url": absolute_url(site_url, f"statements/{entry.archived}/") if entry.archived else "",
            "source_urls": CELL_JOIN.join(source.url for source in entry.sources),
            "note": entry.note or "",
            "uncertain": entry.uncertain or "",
        }
        for entry in entries
    ]
    return _csv(CATALOGUE_CSV_COLUMNS, rows)
