"""Machine-readable metadata for a statement page's <head>.

Highwire Press ``citation_*`` tags (read by Zotero and Google Scholar), Dublin
Core, Open Graph and schema.org JSON-LD, all describing the same statement.
"""

from __future__ import annotations

import json
from html import escape

from .citations import AUTHOR
from .schema import CONVENTIONS
from .statements import Statement


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{escape(name)}" content="{escape(content)}">'


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
        _meta("name", "citation_title", statement.title),
        _meta("name", "citation_author", AUTHOR),
        _meta("name", "citation_publication_date", _slashed(statement)),
        _meta("name", "citation_date", _slashed(statement)),
        _meta("name", "citation_language", statement.language),
        _meta("name", "citation_public_url", url),
    ]
    if statement.meeting:
        tags.append(_meta("name", "citation_conference_title", statement.meeting.name))
    if statement.source:
        tags.append(_meta("name", "citation_publisher", statement.source.publisher))
    tags += [
        _meta("name", "DC.title", statement.title),
        _meta("name", "DC.creator", AUTHOR),
        _meta("name", "DC.date", statement.date.iso),
        _meta("name", "DC.type", "Text"),
        _meta("name", "DC.language", statement.language),
        _meta("name", "DC.identifier", url),
        _meta("name", "DC.subject", "; ".join(CONVENTIONS[c] for c in statement.conventions)),
    ]
    if statement.source:
        tags.append(_meta("name", "DC.publisher", statement.source.publisher))
        if statement.source.url:
            tags.append(_meta("name", "DC.source", statement.source.url))
    tags += [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", statement.title),
        _meta("property", "og:description", description),
        _meta("property", "og:url", url),
        _meta("property", "og:site_name", site_name),
        _meta("property", "og:locale", "en_GB" if statement.language == "en" else statement.language),
    ]
    # No markup can appear inside the script element's JSON: < > & become JSON escapes.
    data = json.dumps(json_ld(statement, url), ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    tags.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(tags)
