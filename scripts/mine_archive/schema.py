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

COMMITMENT_KINDS = {
    "treaty-action": ("Treaty action", "Signature, conclusion, ratification or entry into force."),
    "stockpile-destruction": ("Stockpile destruction", "Destroying stockpiled mines or munitions."),
    "pledge": ("Pledge", "A promise of future action or money."),
    "contribution": ("Contribution", "Money given, for a year, a period or in total."),
    "office": ("Office", "A role in the convention's work: chair, co-chair, co-rapporteur, Friend of the President."),
    "universalization": ("Universalization", "Seminars, démarches and outreach urging states to join."),
    "cooperation": ("Cooperation", "Projects, programmes and side events with other states and agencies."),
    "goal": ("Goal", "A target, such as a mine-free world by 2025."),
}

# ISO 4217 codes accepted in amounts; extend as statements need them.
CURRENCIES = {
    "JPY": "yen",
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds sterling",
    "CHF": "Swiss francs",
}

AMOUNT_BASES = {
    "grant": "a single grant or project",
    "annual": "one year's total (calendar or fiscal)",
    "period": "the total over a stated period",
    "cumulative": "a running total since a starting point",
}

AMOUNT_QUALIFIERS = {"exactly": "", "about": "about", "more-than": "more than"}

_TEXT = {"type": "string", "minLength": 1}
# YAML reads a bare year (`date: 1998`) as a number, so a year may be an integer.
_PARTIAL_DATE = {
    "type": ["string", "integer"],
    "pattern": PARTIAL_DATE_PATTERN,
    "minimum": 1,
    "maximum": 9999,
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
        "commitments": {
            "type": "array",
            "description": "Dated commitments the text states, for the timeline; each quoted from its paragraph.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["date", "convention", "kind", "title", "paragraph", "quote"],
                "properties": {
                    "date": {
                        **_PARTIAL_DATE,
                        "description": "When, at the precision the text allows. " + _PARTIAL_DATE["description"],
                    },
                    "end_date": {
                        **_PARTIAL_DATE,
                        "description": 'End of a period ("over the five years from 1998"); not before date.',
                    },
                    "convention": {"enum": list(CONVENTIONS)},
                    "kind": {"enum": list(COMMITMENT_KINDS)},
                    "title": {**_TEXT, "maxLength": 120, "description": "Short, neutral summary."},
                    "paragraph": {
                        "type": "string",
                        "pattern": PARAGRAPH_ID_PATTERN,
                        "description": "The paragraph (p1, p2, …) that states it.",
                    },
                    "quote": {
                        **_TEXT,
                        "description": "The words of that paragraph that support the entry, verbatim; "
                        "' … ' joins spans that occur in this order.",
                    },
                    "amount": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["value", "currency", "basis"],
                        "properties": {
                            "value": {"type": "number", "exclusiveMinimum": 0},
                            "currency": {"enum": list(CURRENCIES), "description": "ISO 4217 code."},
                            "basis": {"enum": list(AMOUNT_BASES)},
                            "qualifier": {"enum": list(AMOUNT_QUALIFIERS)},
                        },
                        "description": "Money the text states, as stated: no conversion.",
                    },
                    "note": {**_TEXT, "description": "How a relative date was resolved, or other context."},
                },
            },
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


KEY_DATE_EVENTS = {
    "adoption": "Adopted",
    "opening-for-signature": "Opened for signature",
    "entry-into-force": "Entered into force",
}

_CONVENTION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "short_name", "summary", "key_dates"],
    "properties": {
        "name": {**_TEXT, "description": "Full official title."},
        "short_name": _TEXT,
        "also_known_as": _TEXT,
        "summary": {**_TEXT, "description": "What the convention does, in a few sentences."},
        "key_dates": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["event", "date", "source"],
                "properties": {
                    "event": {"enum": list(KEY_DATE_EVENTS)},
                    "date": _PARTIAL_DATE,
                    "place": _TEXT,
                    "source": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["publisher", "url"],
                        "properties": {
                            "publisher": _TEXT,
                            "url": {"type": "string", "pattern": r"^https?://[^\s]+$"},
                        },
                    },
                },
            },
        },
    },
}

CONVENTIONS_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/conventions.yml",
    "type": "object",
    "additionalProperties": False,
    "required": list(CONVENTIONS),
    "properties": {code: _CONVENTION for code in CONVENTIONS},
}


_ANCHOR = {
    "type": "string",
    "pattern": r"^statements/[a-z0-9]+(-[a-z0-9]+)*/(#[ph][1-9][0-9]*)?$",
    "description": "A published anchor: statements/<id>/ or statements/<id>/#p4.",
}

ANCHOR_CHANGES_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/anchor-changes.yml",
    "description": "Intended changes to published anchors; each keeps old links working or explains why not.",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["anchor", "change", "reason"],
        "properties": {
            "anchor": _ANCHOR,
            "change": {
                "enum": ["edited", "removed", "moved"],
                "description": "edited: same place, corrected text; removed: gone, old links land on the page; "
                "moved: old links are sent to `to`.",
            },
            "was": {"type": "string", "pattern": "^[0-9a-f]{16}$", "description": "The hash in the lock."},
            "to": _ANCHOR,
            "reason": _TEXT,
        },
    },
}


GLOSSARY_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/glossary.yml",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["term", "expansion"],
        "properties": {
            "term": _TEXT,
            "expansion": _TEXT,
            "description": _TEXT,
            "forms": {
                "type": "array",
                "items": _TEXT,
                "uniqueItems": True,
                "description": "Spellings to mark in statement text, e.g. [ERWs, ERW].",
            },
        },
    },
}
