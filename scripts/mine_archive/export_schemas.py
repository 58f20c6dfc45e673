"""JSON Schemas of the open-data exports (``/data/<name>.schema.json``).

They describe the files as published, which differ from the data files they come from:
sources are written out in full, URLs are added, optional keys are left out where they
do not apply. A test validates every export against its schema.
"""

from __future__ import annotations

import json

from .schema import (
    AMOUNT_BASES,
    AMOUNT_QUALIFIERS,
    COMMITMENT_KINDS,
    CONVENTIONS,
    CURRENCIES,
    DOCUMENT_TYPES,
    MILESTONES,
    PARTIAL_DATE_PATTERN,
    SCOPES,
)

_DATE = {"type": "string", "pattern": PARTIAL_DATE_PATTERN, "description": "ISO 8601 at the source's precision."}
_TEXT = {"type": "string", "minLength": 1}
_URL = {"type": "string", "description": "Absolute, or root-relative when the site was built without SITE_URL."}


def _object(required: list[str], properties: dict) -> dict:
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


_AMOUNT = _object(
    ["value", "currency", "basis", "qualifier"],
    {
        "value": {"type": "number", "exclusiveMinimum": 0},
        "currency": {"enum": list(CURRENCIES), "description": "ISO 4217; never converted."},
        "basis": {"enum": list(AMOUNT_BASES), "description": "A cumulative total includes earlier years."},
        "qualifier": {"enum": list(AMOUNT_QUALIFIERS)},
    },
)

_SOURCE = _object(
    ["publisher", "title", "url"],
    {"publisher": _TEXT, "title": _TEXT, "url": {"type": "string"}, "date": _DATE},
)

# What makes a dated entry, in the timeline and in the record alike (its id aside).
_ENTRY = {
    "date": _DATE,
    "end_date": _DATE,
    "convention": {"enum": list(CONVENTIONS)},
    "kind": {"enum": list(COMMITMENT_KINDS)},
    "milestone": {"enum": list(MILESTONES)},
    "title": _TEXT,
}

RECORD_ENTRY = _object(
    ["id", "date", "convention", "kind", "title", "sources"],
    {
        "id": _TEXT,
        **_ENTRY,
        "description": _TEXT,
        "amount": _AMOUNT,
        "sources": {"type": "array", "minItems": 1, "items": _SOURCE},
        "conflict": _object(
            ["note", "readings"],
            {
                "note": _TEXT,
                "readings": {
                    "type": "array",
                    "minItems": 2,
                    "items": _object(
                        ["reading", "sources"],
                        {"reading": _TEXT, "sources": {"type": "array", "minItems": 1, "items": _SOURCE}},
                    ),
                },
            },
        ),
        "uncertain": _TEXT,
    },
)

_QUOTE = _object(
    ["statement", "paragraph", "url", "quote"],
    {
        "statement": _TEXT,
        "paragraph": {"type": "string", "pattern": "^p[1-9][0-9]*$"},
        "url": _URL,
        "quote": {**_TEXT, "description": "The paragraph's own words; ' … ' marks words left out."},
        "note": _TEXT,
    },
)


def _array_of(item: dict, title: str, description: str) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        "type": "array",
        "items": item,
    }


TIMELINE_EXPORT = _array_of(
    _object(
        ["id", "date", "convention", "kind", "title", "url", "evidence"],
        {
            "id": {**_TEXT, "description": "The entry's anchor on the timeline: a record id or <statement>-<p>-<n>."},
            **_ENTRY,
            "url": {**_URL, "description": "The entry on the timeline."},
            "evidence": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"enum": ["quote", "record"]},
            },
            "amount": _AMOUNT,
            "quotes": {"type": "array", "minItems": 1, "items": _QUOTE},
            "record": RECORD_ENTRY,
            "aliases": {
                "type": "array",
                "items": _TEXT,
                "description": "Ids of quoted commitments merged into this record entry; still anchors of it.",
            },
        },
    ),
    "timeline.json",
    "Every timeline entry in timeline order, with its evidence: quotes from archived paragraphs, "
    "a treaty-record entry with its sources, or both.",
)

RECORD_EXPORT = _array_of(
    RECORD_ENTRY,
    "record.json",
    "Japan's treaty record: formal acts and stated facts under each convention, each with its sources.",
)

_MEETING = _object(
    ["name", "start", "end"],
    {"name": _TEXT, "start": {**_DATE, "type": ["string", "null"]}, "end": {**_DATE, "type": ["string", "null"]}},
)

CATALOGUE_EXPORT = _array_of(
    _object(
        ["id", "date", "title", "document_type", "convention", "scope", "sources"],
        {
            "id": _TEXT,
            "date": _DATE,
            "title": _TEXT,
            "document_type": {"enum": list(DOCUMENT_TYPES)},
            "convention": {"type": "array", "minItems": 1, "items": {"enum": list(CONVENTIONS)}},
            "scope": {"enum": list(SCOPES)},
            "speaker": _object(["name", "role"], {"name": _TEXT, "role": {"type": ["string", "null"]}}),
            "meeting": _MEETING,
            "place": _TEXT,
            "language": {"type": "array", "minItems": 1, "items": _TEXT},
            "archived": {**_TEXT, "description": "The id of the statement whose full text the archive holds."},
            "url": {**_URL, "description": "The archived statement's page."},
            "sources": {
                "type": "array",
                "items": _object(
                    ["publisher", "url"],
                    {
                        "publisher": _TEXT,
                        "url": {"type": "string"},
                        "language": {"type": ["string", "null"]},
                        "note": {"type": ["string", "null"]},
                    },
                ),
            },
            "note": _TEXT,
            "uncertain": _TEXT,
        },
    ),
    "catalogue.json",
    "Every known statement, speech and official release by Japan on the two conventions, oldest first.",
)

EXPORT_SCHEMAS = {
    "data/timeline.schema.json": TIMELINE_EXPORT,
    "data/record.schema.json": RECORD_EXPORT,
    "data/catalogue.schema.json": CATALOGUE_EXPORT,
}


def schema_files() -> dict[str, str]:
    """``{site path: JSON text}`` for every export schema."""
    return {
        path: json.dumps({"$id": path.rpartition("/")[2], **schema}, ensure_ascii=False, indent=2) + "\n"
        for path, schema in EXPORT_SCHEMAS.items()
    }
