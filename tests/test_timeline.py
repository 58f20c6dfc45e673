"""Commitments: validation rules, the timeline order, the page, the chart and the exports."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from mine_archive import charts, exports, pipeline, render_timeline, timeline
from mine_archive.commitments import Amount, quote_in
from mine_archive.conventions import load_conventions
from mine_archive.errors import DataError
from mine_archive.schema import COMMITMENT_KINDS, CONVENTIONS
from mine_archive.statements import load_statement, load_statements
from test_statements import VALID, write

sys.path.insert(0, str(ROOT / "scripts"))
import synthetic  # noqa: E402

STATEMENTS = load_statements(DATA / "statements")
EVENTS = timeline.events(STATEMENTS)

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
    events = [e for e in EVENTS if e.commitment.date.month is None]
    assert events and all(e.commitment.date.iso.isdigit() for e in events)


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
    signing = next(e.commitment for e in EVENTS if e.commitment.quote.startswith("here in Oslo, where four years"))
    assert signing.date.iso == "2008" and "Four years ago" in signing.note
    laos = next(e.commitment for e in EVENTS if e.commitment.amount and e.commitment.amount.basis == "grant")
    assert laos.date.iso == "2011" and "last year" in laos.note
    fy = next(e.commitment for e in EVENTS if "FY 2016" in e.commitment.quote)
    assert (fy.date.iso, fy.end_date.iso) == ("2016-04", "2017-03") and "fiscal year" in fy.note


def test_timeline_is_in_date_order():
    keys = [e.commitment.date.sort_key for e in EVENTS]
    assert keys == sorted(keys)
    assert EVENTS[0].commitment.date.iso == "1997-12"
    assert EVENTS[-1].commitment.kind == "goal" and EVENTS[-1].commitment.date.iso == "2025"


# --- rendering ----------------------------------------------------------------------


def _year_events(year: int) -> list:
    return [e for e in EVENTS if e.commitment.date.year == year]


def test_every_convention_and_kind_has_a_css_filter_rule():
    css = (ROOT / "docs" / "stylesheets" / "archive.css").read_text(encoding="utf-8")
    for code in CONVENTIONS:
        assert f'#timeline-filter:has([name="convention"][value="{code.lower()}"]:not(:checked))' in css, code
    for kind in COMMITMENT_KINDS:
        assert f'#timeline-filter:has([name="kind"][value="{kind}"]:not(:checked))' in css, kind


def test_year_pages_hold_every_entry_in_full():
    files = render_timeline.timeline_files(EVENTS)
    years = sorted({e.commitment.date.year for e in EVENTS})
    assert sorted(files) == sorted(["timeline.md", "timeline/money.md"] + [f"timeline/{year}.md" for year in years])
    ids = []
    for year in years:
        page = files[f"timeline/{year}.md"]
        assert f'<h1 id="timeline">Timeline: {year}</h1>' in page
        ids += re.findall(r'<li class="timeline-entry" id="([^"]+)"', page)
        assert '<form class="filter timeline-filter" id="timeline-filter">' in page
        assert f"Showing {len(_year_events(year))} of {len(_year_events(year))} entries." in page
    assert ids == [e.id for e in EVENTS], "every entry once, in timeline order"
    page = files["timeline/2012.md"]
    assert '<time datetime="2003-02-08">8 February 2003</time>' in files["timeline/2003.md"]
    assert (
        '<a class="timeline-entry__source" href="../../statements/2012-09-11-ccm-3msp/#p7">'
        "Statement by H. E. Mr. Mari AMANO to the Third Meeting of States Parties to the Convention on "
        "Cluster Munitions, ¶7</a>" in page
    )
    assert 'href="../2011/" rel="prev"' in page and 'href="../2016/" rel="next"' in page
    assert 'rel="prev"' not in files["timeline/1997.md"] and 'rel="next"' not in files["timeline/2025.md"]


def test_the_overview_lists_every_year_and_links_each_entry_to_its_year():
    page = render_timeline.timeline_page(EVENTS)
    years = re.findall(r'<h3 id="t(\d{4})"><a href="../timeline/(\d{4})/">', page)
    assert [a for a, b in years] == [b for a, b in years] == sorted({str(e.commitment.date.year) for e in EVENTS})
    links = re.findall(r'<li class="timeline-line">.*?<a href="../(timeline/\d{4}/#[^"]+)">', page)
    assert links == [render_timeline.entry_url(e) for e in EVENTS], "the real archive has at most 5 a year"
    assert '<time datetime="1998">1998–2002</time>' in page
    assert "4 entries: APMBC 4" in page and "This entry with its quote" in page
    assert 'href="money/"' in page and "timeline-entry" not in page, "quotes live on the year pages"


def test_the_overview_shows_the_first_entries_of_a_busy_year(tmp_path):
    data = synthetic.write_corpus(tmp_path / "data", 60)
    events = timeline.events(pipeline.load(data).statements)
    busiest, items = max(render_timeline.by_year(events), key=lambda pair: len(pair[1]))
    assert len(items) > render_timeline.OVERVIEW_PER_YEAR
    page = render_timeline.timeline_page(events)
    section = page[page.index(f'<h3 id="t{busiest}">') :]
    section = section[: section.index("</section>")]
    assert section.count('<li class="timeline-line">') == render_timeline.OVERVIEW_PER_YEAR
    rest = len(items) - render_timeline.OVERVIEW_PER_YEAR
    assert f"All {len(items)} entries of {busiest} ({rest} more), with their quotes" in section
    year_page = render_timeline.timeline_files(events)[f"timeline/{busiest}.md"]
    assert year_page.count('<li class="timeline-entry"') == len(items)


def test_amounts_are_shown_as_stated():
    assert Amount(10_000_000_000, "JPY", "period", "about").display() == "about ¥10 billion"
    assert Amount(40_000_000, "USD", "annual", "more-than").display() == "more than US$40 million"
    assert Amount(1_500_000, "EUR", "grant").display() == "€1.5 million"
    assert Amount(250_000, "CHF", "grant").display() == "250,000 Swiss francs"


def test_money_chart_keeps_currencies_apart_and_marks_cumulative_totals():
    yen = charts.money_chart(EVENTS, "JPY")
    dollars = charts.money_chart(EVENTS, "USD")
    assert yen.count('<rect class="money-chart__bar') == 2 and dollars.count('<rect class="money-chart__bar') == 4
    assert "US$" not in yen and "¥" not in dollars
    assert 'money-chart__bar--cumulative" x="0" y="92" width="400.0" height="14" fill="url(#money-jpy-hatch)"' in yen
    assert 'role="img" aria-labelledby="money-usd-title money-usd-desc"' in dollars
    assert '<desc id="money-usd-desc">1998 – June 2017 · Contribution · about US$710 million' in dollars
    assert charts.money_chart(EVENTS, "EUR") == ""


def test_money_page_has_the_chart_and_its_data():
    page = render_timeline.money_page(EVENTS)
    assert '<h2 id="jpy">Yen (JPY)</h2>' in page and '<svg class="money-chart"' in page
    table = page[page.index('<table class="money-table"><caption>Sums stated in US dollars') :]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == 5  # header + four sums
    assert "more than US$40 million" in table and "cumulative total" in table
    assert 'href="../../timeline/2016/#' in table, "each sum links to its entry on its year's page"


def test_convention_pages_list_key_dates_statements_and_entries():
    files = pipeline.build(DATA)
    ccm = files["conventions/ccm.md"]
    assert '<time datetime="2010-08-01">1 August 2010</time>' in ccm
    assert "Dublin, Ireland" in ccm and 'rel="external">United Nations Treaty Collection</a>' in ccm
    assert ccm.count('class="timeline-line"') == 9
    assert 'href="../../timeline/2012/?convention=ccm"' in ccm
    assert "2003-02-mofa-efforts-landmines" not in ccm
    apmbc = files["conventions/apmbc.md"]
    assert apmbc.count('class="timeline-line"') == 16 and apmbc.count('class="statement-entry"') == 2
    # Statements by year, newest first, in sections that are laid out when scrolled to.
    assert re.findall(r'<section class="statement-year" aria-labelledby="s(\d{4})"><h3 id="s\1">', apmbc) == [
        "2017",
        "2003",
    ]


# --- exports ---------------------------------------------------------------------------

REQUIRED = {"id", "date", "convention", "kind", "title", "statement", "paragraph", "url", "quote"}
OPTIONAL = {"end_date", "amount", "note"}


def test_timeline_json_follows_the_documented_schema():
    records = json.loads(exports.timeline_json(EVENTS))
    assert len(records) == len(EVENTS) == 25
    by_id = {s.id: s for s in STATEMENTS}
    for record in records:
        assert REQUIRED <= set(record) <= REQUIRED | OPTIONAL, record
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", record["date"])
        assert record["url"] == f"/statements/{record['statement']}/#{record['paragraph']}"
        paragraph = next(p for p in by_id[record["statement"]].paragraphs if p.id == record["paragraph"])
        assert quote_in(record["quote"], paragraph.text)
        if "amount" in record:
            assert set(record["amount"]) == {"value", "currency", "basis", "qualifier"}
            assert isinstance(record["amount"]["value"], int)
    assert json.loads(exports.timeline_json(EVENTS, "https://example.org/"))[0]["url"].startswith(
        "https://example.org/statements/"
    )


def test_timeline_csv_has_the_same_rows_and_columns():
    rows = list(csv.DictReader(io.StringIO(exports.timeline_csv(EVENTS))))
    records = json.loads(exports.timeline_json(EVENTS))
    assert list(rows[0]) == [
        "id", "date", "end_date", "convention", "kind", "title", "statement", "paragraph", "url", "quote",
        "amount_value", "amount_currency", "amount_basis", "amount_qualifier", "note",
    ]  # fmt: skip
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"] and row["quote"] == record["quote"]
        assert row["end_date"] == record.get("end_date", "")
        assert row["amount_value"] == str(record.get("amount", {}).get("value", ""))


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
