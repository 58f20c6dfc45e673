"""Search documents for statement paragraphs, so a hit opens at its paragraph.

Material's search splits pages at headings; a statement has few, so a hit in
its text would land at the top of the page. Statement bodies are therefore left
out of Material's index (``data-search-exclude``) and published here instead,
one document per paragraph (``…/#p7``) and per heading, as
``/search/paragraphs.json``. The site's search worker
(``docs/javascripts/search-worker.js``) fetches it on the first query and groups
its hits under the statement's own entry, which keeps the title and metadata
(speaker, place, meeting, convention) searchable.
"""

from __future__ import annotations

import json
from html import escape

from .statements import Statement


def block_documents(statement: Statement) -> list[dict[str, str]]:
    """``{location, title, text}`` for every paragraph and heading, in reading order."""
    documents = []
    for block in statement.blocks:
        text = escape(" ".join(block.lines), quote=False)
        title = f"¶{block.number}" if block.kind == "paragraph" else text
        documents.append({"location": f"{statement.url}#{block.id}", "title": title, "text": text})
    return documents


def paragraphs_json(statements: list[Statement]) -> str:
    documents = [document for statement in statements for document in block_documents(statement)]
    return json.dumps(documents, ensure_ascii=False, separators=(",", ":")) + "\n"
