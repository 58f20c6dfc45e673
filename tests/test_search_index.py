"""The archive's search index: what it holds and how it is split."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from mine_archive import pipeline, search_index
from mine_archive.statements import load_statements

STATEMENTS = load_statements(DATA / "statements")


@pytest.fixture(scope="module")
def files():
    return {path: json.loads(text) for path, text in pipeline.build(DATA).items() if path.startswith("search/")}


def documents(files) -> list[dict]:
    """Rebuild the documents from the index and the text shards, as the worker does."""
    index = files["search/index.json"]
    shard = index["shard"]
    result = []
    for number, (page, fragment, length) in enumerate(index["docs"]):
        title, text = files[f"search/text/{number // shard}.json"][number % shard]
        result.append({"location": index["pages"][page] + fragment, "title": title, "text": text, "length": length})
    return result


def test_every_block_has_a_document_after_its_statements_own(files):
    locations = [d["location"] for d in documents(files)]
    listings = ["statements/", "timeline/", "conventions/apmbc/", "conventions/ccm/"]
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


def test_postings_live_in_the_shard_of_their_first_three_characters(files):
    docs = documents(files)
    torrential = files["search/terms/" + search_index.shard_key("torrential") + ".json"]["torrential"]
    hits = [
        (docs[torrential[i]]["location"], torrential[i + 1], torrential[i + 2]) for i in range(0, len(torrential), 3)
    ]
    assert hits == [("statements/2012-09-11-ccm-3msp/#p12", 1, 0)]
    laos = files["search/terms/" + search_index.shard_key("lao") + ".json"]["lao"]
    assert len(laos) // 3 >= 2
    for path, shard in files.items():
        if path.startswith("search/terms/"):
            key = path.removeprefix("search/terms/").removesuffix(".json")
            assert all(search_index.shard_key(word) == key for word in shard), path


def test_title_words_are_marked(files):
    docs = documents(files)
    ottawa = files["search/terms/" + search_index.shard_key("efforts") + ".json"]["efforts"]
    in_title = {docs[ottawa[i]]["location"] for i in range(0, len(ottawa), 3) if ottawa[i + 2]}
    assert "statements/2003-02-mofa-efforts-landmines/" in in_title


def test_the_tokenizer_matches_the_workers():
    assert search_index.tokens("Lao PDR's UXO-related ¥10 (113) états") == [
        "lao", "pdr", "s", "uxo", "related", "10", "113", "états",
    ]  # fmt: skip
    assert search_index.shard_key("étés") == "e9-74-e9" and search_index.shard_key("a") == "61"
