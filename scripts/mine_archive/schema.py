"""The statement front-matter schema, written as JSON Schema (draft 2020-12).

``validate`` checks data files against this very dictionary, so the schema that
documents the format and the rules that enforce it cannot drift apart. Only the
keywords ``validate`` implements may appear here.
"""

from __future__ import annotations

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARAGRAPH_ID_PATTERN = r"^p[1-9][0-9]*$"

CONVENTIONS = {
    "APMBC": "Anti-Personnel Mine Ban Convention",
    "CCM": "Convention on Cluster Munitions",
}

DOCUMENT_TYPES = {
    "statement": "Statement",
    "fact-sheet": "Fact sheet",
    "press-release": "Press release",
    "speech": "Speech",
    "letter": "Letter",
    "report": "Report",
}

_TEXT = {"type": "string", "minLength": 1}
_PARTIAL_DATE = {
    "type": "string",
    "pattern": PARTIAL_DATE_PATTERN,
    "format": "partial-date",
    "description": "ISO 8601 date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.",
}

STATEMENT_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Statement front matter",
    "description": "The YAML front matter of one file in data/statements/.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "date", "document_type", "convention", "language", "editorial_notes"],
    "properties": {
        "id": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "maxLength": 80,
            "description": "Stable slug; the page lives at /statements/<id>/ and never moves. "
            "The file is named <id>.md.",
        },
        "title": {**_TEXT, "description": "The document's title, in its own words."},
        "date": {**_PARTIAL_DATE, "description": "Date of the statement. " + _PARTIAL_DATE["description"]},
        "document_type": {"enum": list(DOCUMENT_TYPES), "description": "Kind of document."},
        "convention": {
            "type": "array",
            "items": {"enum": list(CONVENTIONS)},
            "minItems": 1,
            "uniqueItems": True,
            "description": "The convention(s) the document concerns.",
        },
        "meeting": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": _TEXT,
                "start": {**_PARTIAL_DATE, "description": "First day of the meeting, where stated."},
                "end": {**_PARTIAL_DATE, "description": "Last day of the meeting, where stated."},
            },
            "description": "The meeting the statement was delivered to, where there was one.",
        },
        "place": {**_TEXT, "description": "City, country."},
        "speaker": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {"name": _TEXT, "role": _TEXT},
            "description": "Who delivered it; leave out where the document names no one.",
        },
        "source": {
            "type": "object",
            "additionalProperties": False,
            "required": ["publisher"],
            "properties": {
                "publisher": _TEXT,
                "title": _TEXT,
                "url": {"type": "string", "pattern": r"^https?://[^\s]+$"},
            },
            "description": "Where the text was published; leave out what is not known.",
        },
        "language": {
            "type": "string",
            "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            "description": "BCP 47 language tag of the text, e.g. en.",
        },
        "editorial_notes": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["note"],
                "properties": {
                    "note": _TEXT,
                    "paragraph": {
                        "type": "string",
                        "pattern": PARAGRAPH_ID_PATTERN,
                        "description": "The paragraph the note is about (p1, p2, …), if one.",
                    },
                },
            },
            "description": "Every repair or editorial decision, shown to readers.",
        },
    },
}
