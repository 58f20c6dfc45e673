"""Machine-readable metadata for a statement page's <head>.

Highwire Press ``citation_*`` tags (read by Zotero and Google Scholar), Dublin
Core, Open Graph and schema.org JSON-LD, all describing the same statement.
"""

from __future__ import annotations

import json

from .citations import AUTHOR
from .schema import CONVENTIONS
from .statements import Statement
from .templates import Markup, render


def _slashed(statement: Statement) -> str:
    """Highwire dates: 2012/09/11, 2003/02, 2017."""
    return statement.date.iso.replace("-", "/")


def json_ld(statement: Statement, url: str) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": statement.title,
        "genre": statement.document_type_label,
        "datePublished": statement.date.iso,
        "inLanguage": statement.language,
        "author": {"@type": "Organization", "name": AUTHOR},
        "about": [{"@type": "Legislation", "name": CONVENTIONS[c], "alternateName": c} for c in statement.conventions],
        "url": url,
    }
    if statement.speaker:
        data["contributor"] = {"@type": "Person", "name": statement.speaker.name}
        if statement.speaker.role:
            data["contributor"]["jobTitle"] = statement.speaker.role
    if statement.meeting:
        data["recordedAt"] = {"@type": "Event", "name": statement.meeting.name}
        if statement.place:
            data["recordedAt"]["location"] = {"@type": "Place", "name": statement.place}
    if statement.place:
        data["locationCreated"] = {"@type": "Place", "name": statement.place}
    if statement.source:
        data["publisher"] = {"@type": "Organization", "name": statement.source.publisher}
        if statement.source.url:
            data["isBasedOn"] = statement.source.url
    return data


def head_tags(statement: Statement, url: str, description: str, site_name: str) -> str:
    tags = [
        ("name", "citation_title", statement.title),
        ("name", "citation_author", AUTHOR),
        ("name", "citation_publication_date", _slashed(statement)),
        ("name", "citation_date", _slashed(statement)),
        ("name", "citation_language", statement.language),
        ("name", "citation_public_url", url),
    ]
    if statement.meeting:
        tags.append(("name", "citation_conference_title", statement.meeting.name))
    if statement.source:
        tags.append(("name", "citation_publisher", statement.source.publisher))
    tags += [
        ("name", "DC.title", statement.title),
        ("name", "DC.creator", AUTHOR),
        ("name", "DC.date", statement.date.iso),
        ("name", "DC.type", "Text"),
        ("name", "DC.language", statement.language),
        ("name", "DC.identifier", url),
        ("name", "DC.subject", "; ".join(CONVENTIONS[c] for c in statement.conventions)),
    ]
    if statement.source:
        tags.append(("name", "DC.publisher", statement.source.publisher))
        if statement.source.url:
            tags.append(("name", "DC.source", statement.source.url))
    tags += [
        ("property", "og:type", "article"),
        ("property", "og:title", statement.title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "en_GB" if statement.language == "en" else statement.language),
    ]
    # No markup can appear inside the script element's JSON: < > & become JSON escapes.
    data = json.dumps(json_ld(statement, url), ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return render("head.html", tags=tags, json_ld=Markup(data)).strip()
