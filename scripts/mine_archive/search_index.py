"""The archive's search index, built with the site and fetched piece by piece.

Material's search splits pages at headings; a statement has few, so a hit in its
text would land at the top of the page. Generated pages (statements, browse,
timeline, conventions) are therefore left out of Material's index
(``search: exclude``) and indexed here instead: for each statement its own entry
(title and the facts a reader searches for: speaker, place, meeting, convention)
followed by one entry per paragraph (``…/#p7``) and heading, and a short entry
for each listing page. Documents are numbered in that order.

The index is split so that a query downloads little and a build writes few files,
however large the archive:

- ``search/index.json``: the pages, each ``[location, title, fragments, lengths]``
  where ``fragments`` names the page's documents after its own (space-separated)
  and ``lengths`` gives every document's length in words, the page's own first;
- ``search/terms/<key>.json``: ``{word: postings}`` for the words beginning with
  the same ``KEY_LENGTH`` characters (``key`` is their code points). A posting is
  one number, ``gap << 4 | min(count, 7) << 1 | in_title``, where ``gap`` is the
  document's number minus the previous posting's (the first: minus 0);
- ``search/text/<n>.json``: ``[title, text]`` of consecutive documents, fetched only
  for the results shown: at most ``TEXT_SHARD`` documents and, unless one document is
  longer, ``TEXT_BYTES`` of text, so that a result on a long listing page (a timeline
  year lists every title of the year) does not bring two dozen others with it. The
  index's ``text`` lists the number of each file's first document.

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

KEY_LENGTH = 2
TEXT_SHARD = 25
TEXT_BYTES = 8192
MAX_COUNT = 7
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Document:
    location: str
    title: str
    text: str


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shard_key(word: str) -> str:
    """The file a word's postings live in: the code points of its first two characters."""
    return "-".join(f"{ord(c):x}" for c in word[:KEY_LENGTH])


def decode_postings(encoded: list[int]) -> list[tuple[int, int, bool]]:
    """``[(document, count, in_title), …]`` from the numbers stored (counts capped at ``MAX_COUNT``)."""
    decoded, document = [], 0
    for number in encoded:
        document += number >> 4
        decoded.append((document, number >> 1 & MAX_COUNT, bool(number & 1)))
    return decoded


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
    pages: list[list] = []
    # word -> [number << 4 | count << 1 | in_title, …]; turned into gaps below.
    postings: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        page, _, fragment = doc.location.partition("#")
        if not fragment:
            pages.append([page, doc.title, [], []])
        elif pages and pages[-1][0] == page:
            pages[-1][2].append(fragment)
        else:
            raise ValueError(f"{doc.location}: a page's own document must come before its fragments")
        title_words, text_words = tokens(doc.title), tokens(doc.text)
        pages[-1][3].append(len(title_words) + len(text_words))
        counts = Counter(text_words)
        in_title = set(title_words)
        for word in in_title:
            counts[word] = counts.get(word, 0)
        base = number << 4
        for word, count in counts.items():
            posting = base | (count if count < MAX_COUNT else MAX_COUNT) << 1 | (word in in_title)
            if word in postings:
                postings[word].append(posting)
            else:
                postings[word] = [posting]
    index = [[page, title, " ".join(fragments), lengths] for page, title, fragments, lengths in pages]
    starts = text_shard_starts(docs)
    files = {"search/index.json": _dump({"text": starts, "pages": index})}
    shards: dict[str, dict[str, list[int]]] = {}
    for word in sorted(postings):
        absolute = postings[word]
        gaps = [absolute[0]] + [now - (before >> 4 << 4) for before, now in zip(absolute, absolute[1:], strict=False)]
        shards.setdefault(shard_key(word), {})[word] = gaps
    for key, words in shards.items():
        files[f"search/terms/{key}.json"] = _dump(words)
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(docs)], strict=True)):
        files[f"search/text/{number}.json"] = _dump([[d.title, d.text] for d in docs[start:end]])
    return files


def text_shard_starts(docs: list[Document]) -> list[int]:
    """The number of the first document of each text file (see the module's docstring)."""
    starts: list[int] = []
    count = size = 0
    for number, doc in enumerate(docs):
        length = len(doc.title.encode()) + len(doc.text.encode())
        if not starts or count == TEXT_SHARD or (count and size + length > TEXT_BYTES):
            starts.append(number)
            count = size = 0
        count += 1
        size += length
    return starts
