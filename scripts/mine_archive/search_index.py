"""The archive's search index, built with the site and fetched piece by piece.

Material's search splits pages at headings; a statement has few, so a hit in its
text would land at the top of the page. Generated pages (statements, browse,
timeline, conventions) are therefore left out of Material's index
(``search: exclude``) and indexed here instead: for each statement its own entry
(title and the facts a reader searches for: speaker, place, meeting, convention)
followed by one entry per paragraph (``…/#p7``) and heading, and a short entry
for each listing page.

The index is split so that a query downloads little, however large the archive:

- ``search/index.json``: where each document lives and how long it is;
- ``search/terms/<key>.json``: postings ``{word: [doc, count, in_title, …]}`` for
  the words starting with the same three characters (``key`` is their code points);
- ``search/text/<n>.json``: the title and text of documents ``n*SHARD_SIZE`` on,
  fetched only for the results shown.

The search worker (``docs/javascripts/search-worker.js``) reads these files; its
tokenizer (letters and digits, lower-cased) is the one below.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from .schema import CONVENTIONS
from .statements import Statement

SHARD_SIZE = 20
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Document:
    location: str
    title: str
    text: str


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shard_key(word: str) -> str:
    """The file a word's postings live in: the code points of its first three characters.

    A word shorter than three characters has a file of its own, so the worker matches
    such words exactly and expands only a typed prefix of three characters or more.
    """
    return "-".join(f"{ord(c):x}" for c in word[:3])


def page_document(statement: Statement) -> Document:
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
    return Document(statement.url, statement.title, " · ".join(facts))


def statement_documents(statement: Statement) -> list[Document]:
    """The statement's own entry, then one per paragraph and heading, in reading order."""
    documents = [page_document(statement)]
    for block in statement.blocks:
        text = " ".join(block.lines)
        title = f"¶{block.number}" if block.kind == "paragraph" else text
        documents.append(Document(f"{statement.url}#{block.id}", title, text))
    return documents


def documents(statements: list[Statement], listings: list[Document] = ()) -> list[Document]:
    return list(listings) + [d for statement in statements for d in statement_documents(statement)]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def index_files(docs: list[Document]) -> dict[str, str]:
    """``{site path: JSON}`` for the index, the postings shards and the text shards."""
    pages: list[str] = []
    page_numbers: dict[str, int] = {}
    entries = []
    postings: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        page, _, fragment = doc.location.partition("#")
        if page not in page_numbers:
            page_numbers[page] = len(pages)
            pages.append(page)
        title_words, text_words = tokens(doc.title), tokens(doc.text)
        counts = Counter(text_words)
        for word in title_words:
            counts.setdefault(word, 0)
        in_title = set(title_words)
        for word, count in counts.items():
            postings.setdefault(word, []).extend([number, count, int(word in in_title)])
        entries.append([page_numbers[page], f"#{fragment}" if fragment else "", len(title_words) + len(text_words)])
    files = {"search/index.json": _dump({"shard": SHARD_SIZE, "pages": pages, "docs": entries})}
    shards: dict[str, dict[str, list[int]]] = {}
    for word in sorted(postings):
        shards.setdefault(shard_key(word), {})[word] = postings[word]
    for key, words in shards.items():
        files[f"search/terms/{key}.json"] = _dump(words)
    for start in range(0, len(docs), SHARD_SIZE):
        chunk = [[d.title, d.text] for d in docs[start : start + SHARD_SIZE]]
        files[f"search/text/{start // SHARD_SIZE}.json"] = _dump(chunk)
    return files
