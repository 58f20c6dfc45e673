"""Search documents for statement paragraphs, so a hit opens at its paragraph.

Material's search splits pages at headings; a statement has few, so a hit in
its text would land at the top of the page. Generated pages are therefore left
out of Material's index (``search: exclude``) and published here instead as
``/search/paragraphs.json``: for each statement, its own entry (title and the
facts a reader searches for: speaker, place, meeting, convention) followed by
one entry per paragraph (``…/#p7``) and heading; and a short entry for each
listing page (browse, timeline, conventions). The site's search worker
(``docs/javascripts/search-worker.js``) fetches it on the first query and groups
paragraph hits under their statement.
"""

from __future__ import annotations

import json
from html import escape

from .schema import CONVENTIONS
from .statements import Statement


def page_document(statement: Statement) -> dict[str, str]:
    """The statement's own entry: its title, and the facts a reader may search for."""
    facts = [statement.date.display(), statement.document_type_label, *(CONVENTIONS[c] for c in statement.conventions)]
    facts += list(statement.conventions)
    if statement.meeting:
        facts.append(statement.meeting.name)
    if statement.place:
        facts.append(statement.place)
    if statement.speaker:
        facts.append(", ".join(filter(None, [statement.speaker.name, statement.speaker.role])))
    if statement.source:
        facts.append(statement.source.publisher)
    return {
        "location": statement.url,
        "title": escape(statement.title, quote=False),
        "text": escape(" · ".join(facts), quote=False),
    }


def block_documents(statement: Statement) -> list[dict[str, str]]:
    """The statement's own entry, then one per paragraph and heading, in reading order."""
    documents = [page_document(statement)]
    for block in statement.blocks:
        text = escape(" ".join(block.lines), quote=False)
        title = f"¶{block.number}" if block.kind == "paragraph" else text
        documents.append({"location": f"{statement.url}#{block.id}", "title": title, "text": text})
    return documents


def listing_document(location: str, title: str, text: str) -> dict[str, str]:
    """One small entry for a listing page (browse, timeline, a convention) kept out of Material's index."""
    return {"location": location, "title": escape(title, quote=False), "text": escape(text, quote=False)}


def paragraphs_json(statements: list[Statement], listings: list[dict[str, str]] = ()) -> str:
    documents = list(listings) + [document for statement in statements for document in block_documents(statement)]
    return json.dumps(documents, ensure_ascii=False, separators=(",", ":")) + "\n"
