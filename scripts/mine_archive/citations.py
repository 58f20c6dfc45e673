"""How to cite a statement: an author-date citation, BibTeX and CSL-JSON.

The author is the Government of Japan: the statements speak for it, whoever
delivered them (the speaker is named in the note). ``url`` is the statement's
address, absolute when the site's address is configured.
"""

from __future__ import annotations

import json
import re

from .statements import Statement

AUTHOR = "Government of Japan"
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def occasion(statement: Statement) -> str:
    """``Third Meeting of States Parties …, Oslo, Norway, 11 September 2012``."""
    parts = [statement.meeting.name] if statement.meeting else []
    if statement.place:
        parts.append(statement.place)
    parts.append(statement.date.display())
    return ", ".join(parts)


def formatted(statement: Statement, url: str) -> str:
    """Author-date: Government of Japan (2012) Title. Occasion. Delivered by …. URL (accessed …)."""
    text = f"{AUTHOR} ({statement.date.year}) {statement.title}. {occasion(statement)}."
    if statement.speaker:
        text += f" Delivered by {statement.speaker.name}"
        text += f", {statement.speaker.role}." if statement.speaker.role else "."
    elif statement.source:
        text += f" {statement.source.publisher}."
    return f"{text} {url}"


def bibtex_key(statement: Statement) -> str:
    return "japan" + re.sub(r"[^a-z0-9]", "", statement.id)


# Every character TeX gives a meaning of its own, as the text command that prints it. One
# pass, so that what one replacement writes (the braces of \textbackslash{}) is never
# escaped again.
TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_SPECIAL = re.compile("[" + re.escape("".join(TEX_SPECIALS)) + "]")


def tex_escape(value: str) -> str:
    """``value`` with every TeX special character written so that TeX prints it."""
    return _TEX_SPECIAL.sub(lambda match: TEX_SPECIALS[match.group()], value)


def _bib(value: str) -> str:
    """A BibTeX field value: escaped, in braces (which also keep its capitals)."""
    return "{" + tex_escape(value) + "}"


def bibtex(statement: Statement, url: str) -> str:
    """A @misc entry; the corporate author is double-braced so BibTeX keeps it whole."""
    note = occasion(statement)
    if statement.speaker:
        note += f". Delivered by {statement.speaker.name}"
    fields = [
        ("author", "{{" + AUTHOR + "}}"),
        ("title", _bib(statement.title)),
        ("year", "{" + str(statement.date.year) + "}"),
    ]
    if statement.date.month:
        fields.append(("month", MONTHS[statement.date.month - 1]))  # a BibTeX macro: no braces
    fields += [
        ("howpublished", _bib(statement.document_type_label)),
        ("note", _bib(note)),
        ("url", "{" + url + "}"),
        ("language", _bib(statement.language)),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{bibtex_key(statement)},\n{body}\n}}\n"


def csl(statement: Statement, url: str) -> dict:
    """CSL-JSON, as read by Zotero, Mendeley and citeproc."""
    date = [statement.date.year] + [v for v in (statement.date.month, statement.date.day) if v]
    item: dict = {
        "id": bibtex_key(statement),
        "type": "speech" if statement.document_type in ("statement", "speech") else "report",
        "title": statement.title,
        "author": [{"literal": AUTHOR}],
        "issued": {"date-parts": [date]},
        "genre": statement.document_type_label,
        "language": statement.language,
        "URL": url,
    }
    if statement.meeting:
        item["event-title"] = statement.meeting.name
    if statement.place:
        item["event-place"] = statement.place
    if statement.speaker:
        item["note"] = f"Delivered by {statement.speaker.name}"
    if statement.source:
        item["publisher"] = statement.source.publisher
    return item


def _csl_list(items: list[dict]) -> str:
    """A JSON list of CSL items, one key per line (as indent=2 would, but values on one line).

    json.dumps with an indent runs in pure Python; this stays readable at a tenth of the cost.
    """
    dump = json.JSONEncoder(ensure_ascii=False).encode
    blocks = [
        "  {\n" + ",\n".join(f"    {dump(key)}: {dump(value)}" for key, value in item.items()) + "\n  }"
        for item in items
    ]
    return "[\n" + ",\n".join(blocks) + "\n]\n"


def csl_json(statement: Statement, url: str) -> str:
    return _csl_list([csl(statement, url)])


def bibtex_file(entries: list[tuple[Statement, str]]) -> str:
    """``/data/citations.bib``: every statement's entry, oldest first; ``(statement, url)`` pairs."""
    return "\n".join(bibtex(statement, url) for statement, url in entries)


def csl_json_file(entries: list[tuple[Statement, str]]) -> str:
    """``/data/citations.json``: every statement as CSL-JSON, oldest first."""
    return _csl_list([csl(statement, url) for statement, url in entries])
