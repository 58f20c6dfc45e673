"""Commitments: validation rules, the timeline order, the page, the chart and the exports."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, ROOT
from mine_archive import charts, export_schemas, exports, history, pipeline, render_timeline, timeline
from mine_archive.commitments import Amount, quote_in
from mine_archive.conventions import load_conventions
from mine_archive.errors import DataError
from mine_archive.schema import COMMITMENT_KINDS, CONVENTIONS
from mine_archive.statements import load_statement, load_statements
from test_statements import VALID, write

sys.path.insert(0, str(ROOT / "scripts"))
import synthetic  # noqa: E402

STATEMENTS = load_statements(DATA / "statements")
ARCHIVE = pipeline.load(DATA)
EVENTS = ARCHIVE.events  # quoted commitments and the treaty record, merged
PAGES = render_timeline.year_pages(EVENTS)
COMMITMENTS = [c for s in STATEMENTS for c in s.commitments]

ENTRY = """\
commitments:
  - date: 2012-06
    end_date: 2012-07
    convention: CCM
    kind: universalization
    title: Outreach
    paragraph: p2
    quote: The text
"""


def with_entry(**changes: str) -> str:
    text = ENTRY
    for key, value in changes.items():
        text = re.sub(rf"(?m)^(    |  - ){key}: .*$", rf"\g<1>{key}: {value}", text)
    return VALID.replace("editorial_notes: []\n", "editorial_notes: []\n" + text)


def entry_errors(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        load_statement(path)
    return [f"{e.line}: {e.message}" for e in caught.value.errors]


# --- validation: one test per rule ------------------------------------------------


def test_a_valid_entry_loads(tmp_path):
    statement = load_statement(write(tmp_path, with_entry()))
    [commitment] = statement.commitments
    assert commitment.id == "sample-p2-1"
    assert commitment.date.iso == "2012-06" and commitment.end_date.iso == "2012-07"


def test_paragraph_must_exist(tmp_path):
    assert entry_errors(tmp_path, with_entry(paragraph="p9")) == [
        "15: commitments[0]: paragraph p9 does not exist (the body has p1 to p2)"
    ]


def test_quote_must_be_in_the_paragraph(tmp_path):
    assert entry_errors(tmp_path, with_entry(quote="The txt")) == [
        "16: commitments[0]: the quote is not in p2 word for word: 'The txt'"
    ]


def test_quote_in_another_paragraph_is_not_enough(tmp_path):
    assert entry_errors(tmp_path, with_entry(quote="Mr. President")) == [
        "16: commitments[0]: the quote is not in p2 word for word: 'Mr. President'"
    ]


def test_end_date_not_before_date(tmp_path):
    assert entry_errors(tmp_path, with_entry(end_date="2012-05")) == [
        "11: commitments[0]: end_date 2012-05 is before date 2012-06"
    ]


def test_impossible_commitment_date(tmp_path):
    assert entry_errors(tmp_path, with_entry(date="2012-06-31")) == [
        "10: 'commitments[0].date' is not a real date: '2012-06-31': June 2012 has 30 days"
    ]


def test_kind_in_vocabulary(tmp_path):
    [error] = entry_errors(tmp_path, with_entry(kind="promise"))
    assert error.startswith("13: 'commitments[0].kind' must be one of treaty-action, stockpile-destruction, pledge")


def test_convention_in_vocabulary(tmp_path):
    assert entry_errors(tmp_path, with_entry(convention="CCW")) == [
        "12: 'commitments[0].convention' must be one of APMBC, CCM; not 'CCW'"
    ]


def test_convention_must_be_one_the_statement_is_about(tmp_path):
    assert entry_errors(tmp_path, with_entry(convention="APMBC")) == [
        "12: commitments[0]: convention APMBC is not one this statement is about (CCM)"
    ]


def test_currency_in_vocabulary(tmp_path):
    text = with_entry() + ""
    text = text.replace(
        "    quote: The text\n", "    quote: The text\n    amount: {value: 5, currency: XYZ, basis: grant}\n"
    )
    [error] = entry_errors(tmp_path, text)
    assert error.startswith("17: 'commitments[0].amount.currency' must be one of JPY, USD")


def test_amount_must_be_positive(tmp_path):
    text = with_entry().replace(
        "    quote: The text\n", "    quote: The text\n    amount: {value: 0, currency: USD, basis: grant}\n"
    )
    assert entry_errors(tmp_path, text) == ["17: 'commitments[0].amount.value' must be more than 0, not 0"]


def test_required_commitment_fields(tmp_path):
    text = with_entry().replace("    title: Outreach\n", "")
    assert entry_errors(tmp_path, text) == ["10: required field 'commitments[0].title' is missing"]


def test_bare_years_are_dates():
    events = [e for e in EVENTS if e.date.month is None]
    assert events and all(e.date.iso.isdigit() for e in events)


def test_quotes_may_leave_words_out_with_an_ellipsis():
    paragraph = "one two three four five"
    assert quote_in("one two … four five", paragraph)
    assert quote_in("one   two", paragraph)
    assert not quote_in("four five … one two", paragraph), "spans must occur in order"
    assert not quote_in("one … six", paragraph)


# --- the annotations of the three documents ----------------------------------------


def test_every_statement_is_annotated():
    counts = {s.id: len(s.commitments) for s in STATEMENTS}
    assert counts == {
        "2003-02-mofa-efforts-landmines": 12,
        "2012-09-11-ccm-3msp": 9,
        "2017-06-apmbc-intersessional-cooperation": 4,
    }


def test_relative_dates_are_resolved_and_explained():
    signing = next(c for c in COMMITMENTS if c.quote.startswith("here in Oslo, where four years"))
    assert signing.date.iso == "2008" and "Four years ago" in signing.note
    laos = next(c for c in COMMITMENTS if c.amount and c.amount.basis == "grant")
    assert laos.date.iso == "2011" and "last year" in laos.note
    fy = next(c for c in COMMITMENTS if "FY 2016" in c.quote)
    assert (fy.date.iso, fy.end_date.iso) == ("2016-04", "2017-03") and "fiscal year" in fy.note


def test_timeline_is_in_date_order():
    keys = [e.date.sort_key for e in EVENTS]
    assert keys == sorted(keys)
    quoted_only = timeline.events(STATEMENTS)
    assert [e.date.sort_key for e in quoted_only] == sorted(e.date.sort_key for e in quoted_only)
    assert len(quoted_only) == len(COMMITMENTS), "without the record, every commitment is an entry of its own"


# --- rendering ----------------------------------------------------------------------


def _year_events(year: int) -> list:
    return [e for e in EVENTS if e.date.year == year]


def test_every_convention_and_kind_has_a_css_filter_rule():
    css = (ROOT / "docs" / "stylesheets" / "archive.css").read_text(encoding="utf-8")
    for code in CONVENTIONS:
        assert f'#timeline-filter:has([name="convention"][value="{code.lower()}"]:not(:checked))' in css, code
    for kind in COMMITMENT_KINDS:
        assert f'#timeline-filter:has([name="kind"][value="{kind}"]:not(:checked))' in css, kind
    for evidence in timeline.EVIDENCE:
        assert f'#timeline-filter:has([name="evidence"][value="{evidence}"]:not(:checked))' in css, evidence


def test_the_timeline_is_one_page_with_every_entry_in_full():
    assert PAGES.single, "the real archive's timeline fits one page"
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(EVENTS, PAGES)}
    assert sorted(files) == ["timeline.md", "timeline/money.md"]
    page = files["timeline.md"]
    ids = re.findall(r'<li class="timeline-entry" id="([^"]+)"', page)
    assert ids == [e.id for e in EVENTS], "every entry once, in timeline order"
    years = re.findall(r'<h2 id="t(\d{4})">', page)
    assert years == [str(year) for year, _ in render_timeline.by_year(EVENTS)]
    assert '<form class="filter timeline-filter" id="timeline-filter" data-pagefind-ignore>' in page
    assert f"Showing {len(EVENTS)} of {len(EVENTS)} entries." in page
    assert '<time datetime="2003-02-08">8 February 2003</time>' in page
    assert (
        '<a class="timeline-entry__source" href="../statements/2012-09-11-ccm-3msp/#p7">'
        "Statement by H. E. Mr. Mari AMANO to the Third Meeting of States Parties to the Convention on "
        "Cluster Munitions, ¶7</a>" in page
    )
    assert all(PAGES.url(e) == f"timeline/#{e.id}" for e in EVENTS)


def test_the_picture_links_every_entry_and_sets_the_milestones_apart():
    page = render_timeline.timeline_page(EVENTS, PAGES).body
    svg = page[page.index('<svg class="history"') : page.index("</svg>")]
    links = re.findall(r'<a href="\.\./timeline/#([^"]+)" aria-label="([^"]+)">', svg)
    assert sorted(target for target, _ in links) == sorted(e.id for e in EVENTS), "a mark per entry"
    names = dict(links)
    signed = next(e for e in EVENTS if e.milestone == "signed" and e.convention == "APMBC")
    assert names[signed.id] == f"Signed: 3 December 1997, APMBC, Treaty action: {html.escape(signed.title)}"
    milestones = [e for e in EVENTS if e.milestone in history.SET_APART]
    assert svg.count('class="history__milestone"') == len(milestones) > 0
    periods = [e for e in EVENTS if e.end_date and e.end_date.year > e.date.year and e not in milestones]
    assert svg.count('class="history__bar"') == len(periods) > 0
    assert svg.count('class="history__lane ') == len(CONVENTIONS)
    assert ">1997</text>" in svg and f">{history.last_year(EVENTS) // 5 * 5}</text>" in svg


def test_old_year_addresses_lead_to_the_one_page_timeline():
    redirects = render_timeline.year_redirects(EVENTS, PAGES)
    assert sorted(redirects) == [f"timeline/{year}/index.html" for year, _ in render_timeline.by_year(EVENTS)]
    assert '<link rel="canonical" href="../">' in redirects["timeline/2012/index.html"]


def test_a_large_timeline_is_split_into_year_pages(tmp_path):
    data = synthetic.write_corpus(tmp_path / "data", 60)
    events = pipeline.load(data).events
    pages = render_timeline.year_pages(events)
    assert not pages.single and render_timeline.year_redirects(events, pages) == {}
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(events, pages)}
    years = [year for year, _ in render_timeline.by_year(events)]
    assert sorted(files) == sorted(["timeline.md", "timeline/money.md"] + [f"timeline/{year}.md" for year in years])
    ids = []
    for year in years:
        page = files[f"timeline/{year}.md"]
        assert f'<h1 id="timeline">Timeline: {year}</h1>' in page
        ids += re.findall(r'<li class="timeline-entry" id="([^"]+)"', page)
        count = sum(1 for e in events if e.date.year == year)
        assert f"Showing {count} of {count} entries." in page
    assert ids == [e.id for e in events], "every entry once, in timeline order"
    middle = years[len(years) // 2]
    page = files[f"timeline/{middle}.md"]
    assert f'href="../../timeline/{years[years.index(middle) - 1]}/" rel="prev"' in page
    assert f'href="../../timeline/{years[years.index(middle) + 1]}/" rel="next"' in page
    assert 'rel="prev"' not in files[f"timeline/{years[0]}.md"]
    assert 'rel="next"' not in files[f"timeline/{years[-1]}.md"]
    overview = files["timeline.md"]
    linked = re.findall(r'<h3 id="t(\d{4})"><a href="../timeline/(\d{4})/">', overview)
    assert [a for a, b in linked] == [b for a, b in linked] == [str(year) for year in years]
    links = re.findall(r'<li class="timeline-line">.*?<a href="../(timeline/\d{4}/#[^"]+)">', overview)
    first = [ev for _, items in render_timeline.by_year(events) for ev in items[: render_timeline.OVERVIEW_PER_YEAR]]
    assert links == [pages.url(e) for e in first]
    assert '<svg class="history"' in overview and "timeline-entry" not in overview, "evidence on the year pages"


def test_the_overview_shows_the_first_entries_of_a_busy_year(tmp_path):
    data = synthetic.write_corpus(tmp_path / "data", 60)
    events = pipeline.load(data).events
    busiest, items = max(render_timeline.by_year(events), key=lambda pair: len(pair[1]))
    assert len(items) > render_timeline.OVERVIEW_PER_YEAR
    pages = render_timeline.year_pages(events)
    page = render_timeline.timeline_page(events, pages).markdown()
    section = page[page.index(f'<h3 id="t{busiest}">') :]
    section = section[: section.index("</section>")]
    assert section.count('<li class="timeline-line">') == render_timeline.OVERVIEW_PER_YEAR
    rest = len(items) - render_timeline.OVERVIEW_PER_YEAR
    assert f"All {len(items)} entries of {busiest} ({rest} more), with their evidence" in section
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(events, pages)}
    year_page = files[f"timeline/{busiest}.md"]
    assert year_page.count('<li class="timeline-entry"') == len(items)


def test_amounts_are_shown_as_stated():
    assert Amount(10_000_000_000, "JPY", "period", "about").display() == "about ¥10 billion"
    assert Amount(40_000_000, "USD", "annual", "more-than").display() == "more than US$40 million"
    assert Amount(1_500_000, "EUR", "grant").display() == "€1.5 million"
    assert Amount(250_000, "CHF", "grant").display() == "250,000 Swiss francs"


def _with_amount(currency: str) -> list:
    return [e for e in EVENTS if e.amount and e.amount.currency == currency]


def test_money_charts_keep_currencies_apart_on_a_time_axis():
    yen = charts.money_chart(EVENTS, "JPY")
    dollars = charts.money_chart(EVENTS, "USD")
    assert "US$" not in yen and "¥" not in dollars
    for chart, currency in ((yen, "JPY"), (dollars, "USD")):
        sums = _with_amount(currency)
        spans = [e for e in sums if e.amount.basis != "cumulative"]
        cumulative = [e for e in sums if e.amount.basis == "cumulative"]
        drawn = re.findall(r'class="money-chart__span money-chart__span--\w+" d="([^"]+)"', chart)
        assert sum(d.count("M") for d in drawn) == len(spans), "a span per single grant, year or period"
        points = re.search(r'class="money-chart__point" d="([^"]*)"', chart)
        assert (points.group(1).count("M") if points else 0) == len(cumulative), "a point per cumulative total"
        assert ">1997</text>" in chart and ">2015</text>" in chart, "one time axis from 1997"
    assert 'role="img" aria-labelledby="money-usd-title money-usd-desc"' in dollars
    assert "1998 – June 2017 · Contribution · about US$710 million" in dollars
    assert ">about US$710 million</text>" in dollars, "the last cumulative total is labelled"
    assert charts.money_chart(EVENTS, "EUR") == ""


def test_money_page_has_the_chart_and_its_data():
    (money,) = render_timeline.money_pages(EVENTS, PAGES)
    page = money.body
    assert '<h2 id="jpy">Yen (JPY)</h2>' in page and '<svg class="money-chart"' in page
    table = page[page.index("<caption>Sums stated in US dollars") :]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == 1 + len(_with_amount("USD"))  # header + every sum
    assert "more than US$40 million" in table and "cumulative total" in table
    assert 'href="../../timeline/#' in table, "each sum links to its entry on the timeline"
    assert 'rel="external">Ministry of Foreign Affairs of Japan, <cite>' in table, "record sums cite their sources"
    assert '<div class="money-table"><table><caption>' in page, (
        "a table without a class of its own, which the theme styles"
    )


def test_convention_pages_open_with_japans_dates_then_statements_then_entries():
    files = pipeline.build(DATA)
    for code in CONVENTIONS:
        page = files[f"conventions/{code.lower()}.md"]
        mine = [e for e in EVENTS if e.convention == code]
        milestones = [e for e in mine if e.milestone]
        table = page[page.index('<div class="key-dates japan-dates"><table>') : page.index("</table>")]
        assert table.count("<tr>") == 1 + len(milestones)
        for event in milestones:
            assert f'href="../../{PAGES.url(event)}"' in table
        assert [e.milestone for e in milestones if e.milestone in ("signed", "accepted", "in-force")] != []
        offices = page[page.index('<ul class="office-list">') :]
        assert offices[: offices.index("</ul>")].count("<li>") == sum(1 for e in mine if e.kind == "office")
        known = [entry for entry in ARCHIVE.catalogue if code in entry.conventions]
        assert page.count('class="statement-entry catalogue-entry"') == len(known)
        assert page.count("Full text in the archive") == sum(1 for entry in known if entry.archived)
        assert page.count('class="timeline-line"') == sum(
            len(items[: render_timeline.OVERVIEW_PER_YEAR]) for _, items in render_timeline.by_year(mine)
        )
        # Japan's own dates come first, the convention's own key dates after the statements.
        assert page.index('id="japan"') < page.index('id="offices"') < page.index('id="statements"')
        assert page.index('id="statements"') < page.index('id="about"') < page.index('id="timeline"')
    ccm = files["conventions/ccm.md"]
    assert '<time datetime="2009-07-14">14 July 2009</time>' in ccm and "Dublin, Ireland" in ccm
    assert 'href="../../timeline/?convention=ccm#t2012"' in ccm
    assert "2003-02-mofa-efforts-landmines/" not in ccm


# --- exports ---------------------------------------------------------------------------


def _validate(text: str, schema_path: str) -> list:
    """The export's records, checked against the schema the site publishes for it."""
    schema = json.loads(export_schemas.schema_files()[schema_path])
    jsonschema.Draft202012Validator.check_schema(schema)
    records = json.loads(text)
    jsonschema.validate(records, schema)
    return records


def test_timeline_json_carries_each_entrys_evidence_and_follows_its_schema():
    records = _validate(exports.timeline_json(EVENTS, PAGES.url), "data/timeline.schema.json")
    assert [r["id"] for r in records] == [e.id for e in EVENTS]
    by_id = {s.id: s for s in STATEMENTS}
    quoted = record_only = 0
    for record in records:
        assert record["url"] == f"/timeline/#{record['id']}"
        for quote in record.get("quotes", []):
            assert quote["url"] == f"/statements/{quote['statement']}/#{quote['paragraph']}"
            paragraph = next(p for p in by_id[quote["statement"]].paragraphs if p.id == quote["paragraph"])
            assert quote_in(quote["quote"], paragraph.text)
        assert ("quotes" in record) == ("quote" in record["evidence"])
        assert ("record" in record) == ("record" in record["evidence"])
        quoted += "quotes" in record
        record_only += record["evidence"] == ["record"]
        if "amount" in record:
            assert isinstance(record["amount"]["value"], int | float)
    assert quoted == sum(1 for e in EVENTS if e.quotes) and record_only == sum(1 for e in EVENTS if not e.quotes)
    assert json.loads(exports.timeline_json(EVENTS, PAGES.url, "https://example.org/"))[0]["url"].startswith(
        "https://example.org/timeline/"
    )


def test_timeline_csv_has_a_row_per_entry_with_its_evidence():
    rows = list(csv.DictReader(io.StringIO(exports.timeline_csv(EVENTS, PAGES.url))))
    assert list(rows[0]) == exports.TIMELINE_CSV_COLUMNS
    assert [row["id"] for row in rows] == [e.id for e in EVENTS]
    for row, event in zip(rows, EVENTS, strict=True):
        assert row["evidence"] == " ".join(event.evidence)
        assert row["quotes"].split(exports.CELL_JOIN) == [q.commitment.quote for q in event.quotes] or not event.quotes
        if event.record:
            assert row["source_urls"].split(exports.CELL_JOIN) == [s.url for s in event.record.sources]
        assert row["amount_value"] == (str(event.amount.number) if event.amount else "")


# --- conventions.yml ------------------------------------------------------------------


def test_conventions_load_with_sourced_key_dates():
    conventions = load_conventions(DATA / "conventions.yml")
    assert set(conventions) == {"APMBC", "CCM"}
    for convention in conventions.values():
        assert [d.event for d in convention.key_dates] == ["adoption", "opening-for-signature", "entry-into-force"]
        assert all(d.source_url.startswith("https://") for d in convention.key_dates)


def test_conventions_file_errors_name_file_and_line(tmp_path):
    text = (DATA / "conventions.yml").read_text(encoding="utf-8").replace("event: adoption", "event: adopted", 1)
    path = tmp_path / "conventions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_conventions(path)
    [error] = caught.value.errors
    assert error.line == 15 and error.message.startswith("'APMBC.key_dates[0].event' must be one of adoption")
