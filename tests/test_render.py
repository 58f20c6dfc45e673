"""Rendering and exports: pure functions from Statement objects to text."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
import yaml
from conftest import DATA
from mine_archive import exports, pipeline, render
from mine_archive.dates import PartialDate, display_range
from mine_archive.statements import Block, EditorialNote, Source, Speaker, load_statements
from mine_archive.templates import Page


@pytest.fixture(scope="module")
def statements():
    return load_statements(DATA / "statements")


@pytest.fixture(scope="module")
def files():
    return pipeline.build(DATA)


def test_generated_files(files, statements):
    archive = pipeline.load(DATA)
    assert sorted(files) == sorted(
        [
            "index.md",
            "catalogue/index.md",
            "statements/index.md",
            "conventions/apmbc.md",
            "conventions/ccm.md",
            "data/statements.json",
            "data/timeline.json",
            "data/timeline.csv",
            "glossary.md",
            "feed.xml",
            "data/record.json",
            "data/record.csv",
            "data/catalogue.json",
            "data/catalogue.csv",
            "data/schema.json",
            "data/timeline.schema.json",
            "data/record.schema.json",
            "data/catalogue.schema.json",
            "data/citations.bib",
            "data/citations.json",
        ]
        + [f"statements/{s.id}.md" for s in statements]
        + ["timeline.md", "timeline/money.md"]
        # The timeline is one page; the year pages a larger one has lead to it.
        + [f"timeline/{year}/index.html" for year in sorted({event.date.year for event in archive.events})]
    )


def test_statement_page_numbers_every_paragraph_in_reading_order(statements):
    for statement in statements:
        page = render.statement_page(statement, None, None).markdown()
        ids = re.findall(r'<p class="para" id="(p\d+)">', page)
        assert ids == [f"p{n}" for n in range(1, len(statement.paragraphs) + 1)]
        for paragraph in statement.paragraphs:
            assert (
                f'<p class="para" id="{paragraph.id}"><a class="para-num" href="#{paragraph.id}" '
                f'aria-label="Link to paragraph {paragraph.number}">{paragraph.number}</a> ' in page
            )


def test_statement_page_shows_headings_with_ids(statements):
    page = render.statement_page(statements[0], None, None).markdown()
    assert '<h2 class="statement-heading" id="h2">2. Support for Anti-landmine Measures</h2>' in page


def test_statement_page_metadata_panel(statements):
    ccm = statements[1]
    page = render.statement_page(ccm, None, None).markdown()
    assert "<dt>Speaker</dt> <dd>H. E. Mr. Mari AMANO, Ambassador, Permanent Representative" in page
    assert "<dt>Place</dt> <dd>Oslo, Norway</dd>" in page
    assert '<time datetime="2012-09-11">11 September 2012</time>' in page
    assert 'href="https://www.disarm.emb-japan.go.jp/Statements/120911CCM.htm"' in page
    assert '<abbr class="badge badge--ccm" title="Convention on Cluster Munitions">CCM</abbr>' in page
    apmbc = render.statement_page(statements[2], None, None).markdown()
    assert "Intersessional Meetings of the Anti-Personnel Mine Ban Convention, 8–9 June 2017" in apmbc
    assert "<dt>Source</dt> <dd>Not recorded: the transcription names no publisher.</dd>" in apmbc


def test_editorial_notes_are_listed_and_marked_at_their_paragraph(statements):
    mofa = statements[0]
    page = render.statement_page(mofa, None, None).markdown()
    assert page.count('<li id="note-') == len(mofa.editorial_notes) == 4
    yen = next(n for n in mofa.editorial_notes if n.paragraph == "p4")
    assert f'<a class="editorial-mark" href="#note-{yen.number}">[Editorial note {yen.number}]</a></p>' in page
    assert '<a href="#p4">(about ¶4)</a>' in page


def test_pager_links_previous_and_next(statements):
    page = render.statement_page(statements[1], statements[0], statements[2]).markdown()
    assert f'href="../{statements[0].id}/" rel="prev"' in page
    assert f'href="../{statements[2].id}/" rel="next"' in page
    first = render.statement_page(statements[0], None, statements[1]).markdown()
    assert 'rel="prev"' not in first


def test_page_front_matter_is_yaml_for_the_head(statements):
    page = render.statement_page(statements[1], None, None, head='<meta name="x" content="y">').markdown()
    assert page.startswith("---\n")
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["title"].startswith("Statement by H. E. Mr. Mari AMANO to the Third Meeting")
    assert front["description"].startswith(front["title"] + " (11 September 2012).")
    assert front["head"] == '<meta name="x" content="y">'
    mofa = yaml.safe_load(render.statement_page(statements[0], None, None).markdown().split("---\n")[1])
    assert mofa["title"] == "Japan's Efforts on the Issue of Landmines"
    page = Page("x.md", title='a "quoted" <b> & \\ title: x\nnext', description="d", body="<p>b</p>")
    hostile = yaml.safe_load(page.markdown().split("---\n")[1])
    assert hostile == {
        "title": "a &quot;quoted&quot; &lt;b&gt; &amp; \\ title: x\nnext",
        "description": "d",
        "hide": ["toc"],
    }


def test_every_value_from_data_is_escaped(statements):
    hostile = '<script>alert("x")</script>'
    statement = dataclasses.replace(
        statements[1],
        title=hostile,
        place=hostile,
        speaker=Speaker(hostile, hostile),
        source=Source(hostile, hostile, 'https://example.org/"onmouseover="alert(1)'),
        editorial_notes=(EditorialNote(1, hostile, "p1"),),
        blocks=(Block("paragraph", "p1", 1, (hostile, "<img src=x onerror=alert(1)>"), 10),),
    )
    page = render.statement_page(statement, None, None).markdown() + render.browse_pages([statement], 1)[0].markdown()
    assert "<script" not in page and "<img" not in page
    # A double quote may be escaped either way: &quot; (front matter) or &#34; (templates).
    page = page.replace("&#34;", "&quot;")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="https://example.org/&quot;onmouseover=&quot;alert(1)"' in page


def test_browse_page_is_newest_first_grouped_by_year(statements):
    page = render.browse_pages(statements, 67)[0].markdown()
    years = re.findall(r'<h2 id="y(\d{4})">', page)
    assert years == ["2017", "2012", "2003"]
    links = re.findall(r'class="statement-entry__title" href="([^"]+)"', page)
    assert links == [f"../statements/{s.id}/" for s in reversed(statements)]
    assert 'data-conventions="ccm"' in page and 'data-conventions="apmbc"' in page
    assert 'id="filter-all" checked' in page and 'id="filter-ccm"' in page
    assert "3 statements in full text, of 67 known: these are the ones in full text, from 2003–2017" in page
    assert 'href="../catalogue/"' in page


def test_browse_page_context_line(statements):
    page = render.browse_pages(statements, 67)[0].markdown()
    assert (
        "Statement · Third Meeting of States Parties to the Convention on Cluster Munitions · "
        "Oslo, Norway · H. E. Mr. Mari AMANO" in page
    )
    assert "Fact sheet · Ministry of Foreign Affairs of Japan" in page


def test_statements_json(files, statements):
    records = json.loads(files["data/statements.json"])
    assert [r["id"] for r in records] == [s.id for s in statements]
    ccm = records[1]
    assert ccm["url"] == "/statements/2012-09-11-ccm-3msp/"
    assert ccm["date"] == "2012-09-11" and ccm["convention"] == ["CCM"]
    assert ccm["paragraphs"][0] == {
        "id": "p1",
        "text": "Mr. President,\nExcellencies,\nDistinguished Delegates,\nLadies and Gentlemen,",
    }
    assert len(ccm["paragraphs"]) == len(statements[1].paragraphs)
    assert ccm["speaker"] == {"name": "H. E. Mr. Mari AMANO", "role": statements[1].speaker.role}
    assert records[2]["meeting"] == {
        "name": "Intersessional Meetings of the Anti-Personnel Mine Ban Convention",
        "start": "2017-06-08",
        "end": "2017-06-09",
    }
    assert records[0]["headings"][0]["id"] == "h1"


def test_statements_json_uses_the_site_url_when_configured(statements):
    records = json.loads(exports.statements_json(statements, "https://example.org/archive/"))
    assert records[0]["url"] == "https://example.org/archive/statements/2003-02-mofa-efforts-landmines/"


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (PartialDate(2017, 6, 8), PartialDate(2017, 6, 9), "8–9 June 2017"),
        (PartialDate(2012, 6), PartialDate(2012, 7), "June–July 2012"),
        (PartialDate(1998), PartialDate(2002), "1998–2002"),
        (PartialDate(2001, 9, 18), PartialDate(2001, 9, 18), "18 September 2001"),
        (PartialDate(2002, 9), None, "September 2002"),
        (PartialDate(2002, 9, 30), PartialDate(2003, 1, 2), "30 September 2002 – 2 January 2003"),
    ],
)
def test_date_ranges_read_naturally(start, end, shown):
    assert display_range(start, end) == shown
