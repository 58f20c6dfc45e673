"""The statement front-matter schema, written as JSON Schema (draft 2020-12).

``validate`` checks data files against this very dictionary with ``jsonschema``, so
the schema that documents the format and the rules that enforce it cannot drift
apart. ``validate`` words the messages for editors: a keyword it has no wording for
still fails, with jsonschema's own message.
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
    # Kinds of document the catalogue (data/catalogue.yml) lists.
    "summary": "Meeting summary",
    "video-message": "Video message",
    "press-conference": "Press conference",
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
    # Kinds the treaty record needs (data/record.yml); statements may use them too.
    "legislation": ("Legislation", "A law or bill to carry out a convention in Japan."),
    "implementation": ("Implementation", "Other steps to carry out a convention at home, such as ending production."),
    "retention": ("Mines retained", "Mines kept under APMBC Article 3 for training and development."),
    "report": ("Transparency report", "A report to the convention under its Article 7."),
    "position": ("Position", "A decision or stated position on a convention or its work."),
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
                    "record": {
                        "type": "string",
                        "pattern": SLUG_PATTERN,
                        "description": "The id of the data/record.yml entry this commitment describes too: "
                        "the timeline then shows one entry with both pieces of evidence.",
                    },
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
            "reason": {
                **_TEXT,
                "pattern": r"^(?!WHY:)",
                "description": "Say why the published link changes (replace the WHY: placeholder).",
            },
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


# Japan's key dates under a convention; a record entry may be one of them.
MILESTONES = {
    "signed": "Signed",
    "accepted": "Instrument of acceptance deposited",
    "law": "Implementing law",
    "in-force": "In force for Japan",
    "stockpile-destroyed": "Stockpile destroyed",
    "mines-retained": "Mines retained",
    "presidency": "Presidency",
}

_URL = {"type": "string", "pattern": r"^https?://[^\s]+$", "description": "A web address (http or https)."}
_AMOUNT = STATEMENT_SCHEMA["properties"]["commitments"]["items"]["properties"]["amount"]
_KEYS = {
    "type": "array",
    "minItems": 1,
    "uniqueItems": True,
    "items": {"type": "string", "pattern": SLUG_PATTERN},
    "description": "Keys of the file's `sources` mapping.",
}

RECORD_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/record.yml",
    "description": "Japan's treaty record: its formal acts and stated facts under each convention, each with sources.",
    "type": "object",
    "additionalProperties": False,
    "required": ["sources", "entries"],
    "properties": {
        "sources": {
            "type": "object",
            "description": "Every document the entries cite, by a key of your choice.",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["publisher", "title", "url"],
                "properties": {
                    "publisher": _TEXT,
                    "title": {**_TEXT, "description": "The document's title, or what it is, in the archive's words."},
                    "url": _URL,
                    "date": {**_PARTIAL_DATE, "description": "The date the source gives itself, where it gives one."},
                },
            },
        },
        "entries": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "date", "convention", "kind", "title", "sources"],
                "properties": {
                    "id": {
                        "type": "string",
                        "pattern": SLUG_PATTERN,
                        "maxLength": 80,
                        "description": "Stable slug; the entry's anchor on the timeline.",
                    },
                    "date": {**_PARTIAL_DATE, "description": "When. " + _PARTIAL_DATE["description"]},
                    "end_date": {**_PARTIAL_DATE, "description": "End of a period; not before date."},
                    "convention": {"enum": list(CONVENTIONS)},
                    "kind": {"enum": list(COMMITMENT_KINDS)},
                    "milestone": {
                        "enum": list(MILESTONES),
                        "description": "One of Japan's key dates, shown first on the convention's page.",
                    },
                    "title": {**_TEXT, "maxLength": 160, "description": "Short, neutral summary."},
                    "description": {**_TEXT, "description": "What happened, in the archive's own words."},
                    "amount": _AMOUNT,
                    "sources": _KEYS,
                    "conflict": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["note", "readings"],
                        "description": "Where sources disagree: each reading with its own sources.",
                        "properties": {
                            "note": _TEXT,
                            "readings": {
                                "type": "array",
                                "minItems": 2,
                                "items": {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["reading", "sources"],
                                    "properties": {"reading": _TEXT, "sources": _KEYS},
                                },
                            },
                        },
                    },
                    "uncertain": {**_TEXT, "description": "Why the entry is uncertain, shown with it."},
                },
            },
        },
    },
}

SCOPES = {
    "subject": "about the convention",
    "mention": "on another subject, mentioning the convention",
}

CATALOGUE_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/catalogue.yml",
    "description": "Every known statement, speech and official release by Japan on the two conventions.",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "date", "title", "document_type", "convention"],
        "properties": {
            "id": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 80, "description": "Stable slug."},
            "date": {**_PARTIAL_DATE, "description": "Date of the document. " + _PARTIAL_DATE["description"]},
            "title": {**_TEXT, "description": "The document's title, or what it is, in the archive's words."},
            "document_type": {"enum": list(DOCUMENT_TYPES)},
            "convention": STATEMENT_SCHEMA["properties"]["convention"],
            "scope": {"enum": list(SCOPES), "description": "subject (the default) or mention."},
            "speaker": STATEMENT_SCHEMA["properties"]["speaker"],
            "meeting": STATEMENT_SCHEMA["properties"]["meeting"],
            "place": STATEMENT_SCHEMA["properties"]["place"],
            "language": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": STATEMENT_SCHEMA["properties"]["language"],
                "description": "The languages the document is published in.",
            },
            "archived": {
                "type": "string",
                "pattern": SLUG_PATTERN,
                "description": "The id of the statement in data/statements/ that holds its full text.",
            },
            "sources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["publisher", "url"],
                    "properties": {
                        "publisher": _TEXT,
                        "url": _URL,
                        "language": STATEMENT_SCHEMA["properties"]["language"],
                        "note": _TEXT,
                    },
                },
                "description": "Where it is published; required unless the archive holds its text.",
            },
            "note": _TEXT,
            "uncertain": {**_TEXT, "description": "What is not certain about the entry, and why."},
        },
    },
}
