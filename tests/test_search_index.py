"""The archive's search index: what it holds and how it is split."""

from __future__ import annotations

import bisect
import json

import pytest
from conftest import DATA
from mine_archive import pipeline, render_catalogue, search_index
from mine_archive.statements import load_statements

STATEMENTS = load_statements(DATA / "statements")


@pytest.fixture(scope="module")
def files():
    return {path: json.loads(text) for path, text in pipeline.build(DATA).items() if path.startswith("search/")}


def documents(files) -> list[dict]:
    """Rebuild the documents from the index and the text shards, as the worker does."""
    index = files["search/index.json"]
    starts = index["text"]
    locations = []
    for page, title, fragments, lengths in index["pages"]:
        locations.append((page, title, lengths[0]))
        locations += [(f"{page}#{f}", None, n) for f, n in zip(fragments.split(), lengths[1:], strict=True)]
    result = []
    for number, (location, page_title, length) in enumerate(locations):
        shard = bisect.bisect_right(starts, number) - 1
        title, text = files[f"search/text/{shard}.json"][number - starts[shard]]
        assert page_title in (None, title)
        result.append({"location": location, "title": title, "text": text, "length": length})
    return result


def postings(files, word: str) -> list[tuple[str, int, bool]]:
    """``(location, count, in_title)`` of every document holding ``word``."""
    docs = documents(files)
    encoded = files["search/terms/" + search_index.shard_key(word) + ".json"][word]
    return [(docs[n]["location"], count, in_title) for n, count, in_title in search_index.decode_postings(encoded)]


def test_every_block_has_a_document_after_its_statements_own(files):
    locations = [d["location"] for d in documents(files)]
    archive = pipeline.load(DATA)
    assert archive.year_pages.single, "the real timeline is one page: its entries follow it"
    listings = ["statements/", "timeline/"] + [f"timeline/#{event.id}" for event in archive.events if event.record]
    listings += ["timeline/money/"]
    for page in render_catalogue.listing("catalogue/", archive.catalogue):
        listings += [page.path] + [f"{page.path}#{entry.id}" for entry in page.items if not entry.archived]
    listings += ["conventions/apmbc/", "conventions/ccm/"]
    assert locations == listings + [
        location for s in STATEMENTS for location in [s.url] + [f"{s.url}#{b.id}" for b in s.blocks]
    ]


def test_a_statements_own_entry_holds_the_facts_readers_search_for(files):
    own = next(d for d in documents(files) if d["location"] == "statements/2012-09-11-ccm-3msp/")
    assert own["title"].startswith("Statement by H. E. Mr. Mari AMANO")
    for fact in ["11 September 2012", "Oslo, Norway", "H. E. Mr. Mari AMANO, Ambassador", "CCM", "Third Meeting"]:
        assert fact in own["text"], fact


def test_paragraph_and_heading_documents(files):
    docs = documents(files)
    heading = next(d for d in docs if d["location"].endswith("#h2"))
    assert heading["title"] == heading["text"] == "2. Support for Anti-landmine Measures"
    p12 = next(d for d in docs if d["location"] == "statements/2012-09-11-ccm-3msp/#p12")
    assert p12["title"] == "¶12" and p12["text"].endswith("unearthed by torrential rain.")
    assert p12["length"] == len(search_index.tokens(p12["title"] + " " + p12["text"]))


def test_postings_live_in_the_shard_of_their_first_two_characters(files):
    assert postings(files, "torrential") == [("statements/2012-09-11-ccm-3msp/#p12", 1, False)]
    assert len(postings(files, "lao")) >= 2
    for path, shard in files.items():
        if path.startswith("search/terms/"):
            key = path.removeprefix("search/terms/").removesuffix(".json")
            assert all(search_index.shard_key(word) == key for word in shard), path


def test_a_posting_is_one_number_counting_from_the_previous_document():
    # Document 1, once, in the title; then document 6 (gap 5), twice; then 6 + 2, ten times (stored as 7).
    assert search_index.decode_postings([1 << 4 | 1 << 1 | 1, 5 << 4 | 2 << 1, 2 << 4 | 7 << 1]) == [
        (1, 1, True), (6, 2, False), (8, 7, False),
    ]  # fmt: skip


def test_counts_and_title_flags_survive_the_encoding(files):
    para = next(d for d in documents(files) if d["location"] == "statements/2012-09-11-ccm-3msp/#p12")
    words = search_index.tokens(para["text"])
    word = max(set(words), key=words.count)
    hit = next(h for h in postings(files, word) if h[0] == para["location"])
    assert hit[1] == min(words.count(word), search_index.MAX_COUNT) and words.count(word) >= 2


def test_title_words_are_marked(files):
    in_title = {location for location, _, title in postings(files, "efforts") if title}
    assert "statements/2003-02-mofa-efforts-landmines/" in in_title


def test_the_tokenizer_matches_the_workers():
    assert search_index.tokens("Lao PDR's UXO-related ¥10 (113) états") == [
        "lao", "pdr", "s", "uxo", "related", "10", "113", "états",
    ]  # fmt: skip
    assert search_index.shard_key("étés") == "e9-74" and search_index.shard_key("a") == "61"


def test_every_record_entry_is_found_on_the_timeline(files):
    events = pipeline.load(DATA).events
    found = {d["location"]: d for d in documents(files) if d["location"].startswith("timeline/#")}
    assert sorted(found) == sorted(f"timeline/#{e.id}" for e in events if e.record)
    entry = next(e for e in events if e.record and e.record.description)
    assert found[f"timeline/#{entry.id}"]["title"] == entry.title
    assert entry.record.description in found[f"timeline/#{entry.id}"]["text"]


def test_text_files_hold_a_few_documents_and_a_long_one_alone():
    docs = [search_index.Document(f"p{n}/", f"T{n}", "word " * (3000 if n in (3, 40) else 40)) for n in range(80)]
    starts = search_index.text_shard_starts(docs)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert {3, 4, 40, 41} <= set(starts), "each long document has a file of its own"
    for start, end in zip(starts, [*starts[1:], len(docs)], strict=True):
        size = sum(len(d.title) + len(d.text) for d in docs[start:end])
        assert end - start <= search_index.TEXT_SHARD
        assert end - start == 1 or size <= search_index.TEXT_BYTES
    files = search_index.index_files(docs)
    assert sum(len(json.loads(files[f"search/text/{n}.json"])) for n in range(len(starts))) == len(docs)
