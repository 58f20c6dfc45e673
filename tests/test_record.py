"""The treaty record and the catalogue: every validation message, the merged timeline,
the pages and exports, and agreement with the archive and the research notes."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, shared_path
from mine_archive import export_schemas, exports, pipeline, render_timeline
from mine_archive.catalogue import check_archived, load_catalogue
from mine_archive.errors import DataError
from mine_archive.record import load_record

ARCHIVE = pipeline.load(DATA)
RECORD = ARCHIVE.record
PAGES = render_timeline.year_pages(ARCHIVE.events)

RECORD_YML = """\
sources:
  mofa:
    publisher: Ministry of Foreign Affairs of Japan
    title: A release
    url: https://www.mofa.go.jp/a.html
    date: 1998-09-30
  monitor:
    publisher: Landmine Monitor
    title: A report
    url: https://example.org/report
entries:
  - id: accepted
    date: 1998-09-30
    convention: APMBC
    kind: treaty-action
    milestone: accepted
    title: Japan deposits its instrument of acceptance
    sources: [mofa]
  - id: destroyed
    date: 2003-02-08
    convention: APMBC
    kind: stockpile-destruction
    title: Stockpile destroyed
    sources: [monitor]
    conflict:
      note: The counts differ.
      readings:
        - reading: 985,089 destroyed.
          sources: [monitor]
        - reading: 1,000,089 destroyed.
          sources: [mofa]
"""


def record_errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "record.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_record(path)
    assert all(error.path.endswith("record.yml") for error in caught.value.errors)
    return [f"{error.line}: {error.message}" for error in caught.value.errors]


# --- data/record.yml: one test per message ---------------------------------------------


def test_a_valid_record_loads(tmp_path):
    path = tmp_path / "record.yml"
    path.write_text(RECORD_YML, encoding="utf-8")
    record = load_record(path)
    accepted, destroyed = record.entries
    assert accepted.sources[0].date.iso == "1998-09-30" and accepted.milestone_label.startswith("Instrument")
    assert [r.sources[0].publisher for r in destroyed.conflict.readings] == [
        "Landmine Monitor",
        "Ministry of Foreign Affairs of Japan",
    ]


def test_an_entry_needs_a_source(tmp_path):
    text = RECORD_YML.replace("    sources: [mofa]\n  - id: destroyed", "    sources: []\n  - id: destroyed")
    assert record_errors(tmp_path, text) == ["18: 'entries[0].sources' must list at least 1 item"]
    text = RECORD_YML.replace("    sources: [mofa]\n  - id: destroyed", "  - id: destroyed")
    assert record_errors(tmp_path, text) == ["12: required field 'entries[0].sources' is missing"]


def test_a_source_needs_a_url(tmp_path):
    text = RECORD_YML.replace("    url: https://example.org/report\n", "")
    assert record_errors(tmp_path, text) == ["8: required field 'sources.monitor.url' is missing"]
    text = RECORD_YML.replace("url: https://example.org/report", "url: example.org/report")
    [error] = record_errors(tmp_path, text)
    assert error.startswith("10: 'sources.monitor.url' has the wrong form: 'example.org/report'")


def test_an_unknown_source_key(tmp_path):
    text = RECORD_YML.replace("sources: [mofa]\n  - id", "sources: [mofa, moaf]\n  - id")
    assert record_errors(tmp_path, text) == ["18: entry 'accepted' cites source 'moaf', which is not under 'sources'"]
    text = RECORD_YML.replace("          sources: [mofa]", "          sources: [unknown]")
    assert record_errors(tmp_path, text) == [
        "31: entry 'destroyed' cites source 'unknown', which is not under 'sources'"
    ]


def test_a_source_key_must_be_a_slug(tmp_path):
    extra = "  Monitor_2003:\n    publisher: P\n    title: T\n    url: https://example.org/t\n"
    text = RECORD_YML.replace("entries:\n", extra + "entries:\n")
    assert record_errors(tmp_path, text) == ["11: source key 'Monitor_2003' must be lowercase words joined by hyphens"]


def test_duplicate_ids(tmp_path):
    text = RECORD_YML.replace("  - id: destroyed", "  - id: accepted")
    assert record_errors(tmp_path, text) == ["19: duplicate id 'accepted': line 12 already has it"]


def test_a_repeated_entry(tmp_path):
    text = RECORD_YML + RECORD_YML[RECORD_YML.index("  - id: accepted") :].split("  - id: destroyed")[0].replace(
        "id: accepted", "id: accepted-again"
    )
    assert record_errors(tmp_path, text) == [
        "32: entry 'accepted-again' repeats the entry on line 12 (same date, kind and title)"
    ]


def test_a_period_must_not_end_before_it_begins(tmp_path):
    text = RECORD_YML.replace("    date: 2003-02-08\n", "    date: 2003-02-08\n    end_date: 2003-01\n")
    assert record_errors(tmp_path, text) == ["21: end_date 2003-01 is before date 2003-02-08"]


def test_vocabularies(tmp_path):
    text = RECORD_YML.replace("kind: treaty-action", "kind: treaty").replace(
        "milestone: accepted", "milestone: ratified"
    )
    errors = record_errors(tmp_path, text)
    assert errors[0].startswith("15: 'entries[0].kind' must be one of treaty-action, stockpile-destruction")
    assert errors[1].startswith("16: 'entries[0].milestone' must be one of signed, accepted")


def test_a_conflict_needs_two_readings(tmp_path):
    text = RECORD_YML.replace("        - reading: 1,000,089 destroyed.\n          sources: [mofa]\n", "")
    assert record_errors(tmp_path, text) == ["28: 'entries[1].conflict.readings' must list at least 2 items"]


def test_impossible_dates_and_unknown_fields(tmp_path):
    text = RECORD_YML.replace("date: 2003-02-08", "date: 2003-02-30").replace(
        "    milestone: accepted\n", "    mile: x\n"
    )
    assert record_errors(tmp_path, text) == [
        "16: unknown field 'entries[0].mile'; did you mean 'title'?",
        "20: 'entries[1].date' is not a real date: '2003-02-30': February 2003 has 28 days",
    ]


def test_an_empty_or_missing_record(tmp_path):
    assert record_errors(tmp_path, "") == ["1: the file is empty; it must have 'sources' and 'entries'"]
    with pytest.raises(DataError) as caught:
        load_record(tmp_path / "absent.yml")
    assert "cannot read the file" in str(caught.value)


# --- data/catalogue.yml -----------------------------------------------------------------

CATALOGUE_YML = """\
- id: 2012-statement
  date: 2012-09-11
  title: Statement to the Third Meeting of States Parties
  document_type: statement
  convention: [CCM]
  archived: 2012-09-11-ccm-3msp
- id: 1998-release
  date: 1998-09-30
  title: Conclusion of the Convention
  document_type: press-release
  convention: [APMBC]
  meeting: {name: A meeting, start: 1998-09-29, end: 1998-09-30}
  sources:
    - {publisher: Ministry of Foreign Affairs of Japan, url: "https://www.mofa.go.jp/a.html"}
"""


def catalogue_errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "catalogue.yml"
    path.write_text(text, encoding="utf-8")
    entries, shown = load_catalogue(path)
    problems = check_archived(entries, shown, ARCHIVE.statements)
    return [f"{error.line}: {error.message}" for error in problems]


def catalogue_load_errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "catalogue.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(path)
    return [f"{error.line}: {error.message}" for error in caught.value.errors]


def test_a_valid_catalogue_agrees_with_the_archive(tmp_path):
    assert catalogue_errors(tmp_path, CATALOGUE_YML) == []


def test_an_entry_not_archived_needs_a_source_url(tmp_path):
    text = CATALOGUE_YML.split("  sources:")[0]
    assert catalogue_load_errors(tmp_path, text) == [
        "7: entry '1998-release' gives no source URL; add one under 'sources', or name the archived statement "
        "with 'archived'"
    ]


def test_catalogue_duplicates(tmp_path):
    again = CATALOGUE_YML[CATALOGUE_YML.index("- id: 1998-release") :]
    text = CATALOGUE_YML + again.replace("https://www.mofa.go.jp/a.html", "https://www.mofa.go.jp/b.html")
    assert catalogue_load_errors(tmp_path, text) == ["15: duplicate id '1998-release': line 7 has it"]
    text = CATALOGUE_YML + again.replace("1998-release", "1998-release-copy")
    assert catalogue_load_errors(tmp_path, text) == [
        "22: the URL https://www.mofa.go.jp/a.html is already a source of entry '1998-release'"
    ]


def test_catalogue_meeting_dates_in_order(tmp_path):
    text = CATALOGUE_YML.replace("end: 1998-09-30", "end: 1998-09-28")
    assert catalogue_load_errors(tmp_path, text) == ["12: 'meeting.end' is before 'meeting.start'"]


def test_archived_statement_must_exist_and_agree(tmp_path):
    assert catalogue_errors(tmp_path, CATALOGUE_YML.replace("archived: 2012-09-11-ccm-3msp", "archived: nope")) == [
        "1: entry '2012-statement' is archived as 'nope', but no statement has that id"
    ]
    assert catalogue_errors(tmp_path, CATALOGUE_YML.replace("date: 2012-09-11", "date: 2012-09-12")) == [
        "1: entry '2012-statement' is dated 2012-09-12 but its statement '2012-09-11-ccm-3msp' is dated 2012-09-11"
    ]
    doubled = CATALOGUE_YML + CATALOGUE_YML.split("- id: 1998-release")[0].replace("2012-statement", "again")
    assert catalogue_errors(tmp_path, doubled) == [
        "15: statement '2012-09-11-ccm-3msp' is already archived by entry '2012-statement'"
    ]


def test_a_statement_missing_from_the_catalogue_is_listed_from_its_front_matter(data_copy):
    path = data_copy / "catalogue.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: 2017-06-apmbc-intersessional-cooperation")
    end = text.index("- id: ", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    archive = pipeline.load(data_copy)
    entry = next(e for e in archive.catalogue if e.archived == "2017-06-apmbc-intersessional-cooperation")
    assert entry.title == "Statement on Enhancement of Cooperation and Assistance by JAPAN" and entry.line == 0
    assert len(archive.catalogue) == len(ARCHIVE.catalogue)
    path.unlink()
    assert [e.archived for e in pipeline.load(data_copy).catalogue] == [s.id for s in ARCHIVE.statements]


# --- links from statements to the record -----------------------------------------------


def _link_errors(data: Path, old: str, new: str) -> list[str]:
    path = data / "statements" / "2012-09-11-ccm-3msp.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        pipeline.load(data)
    return [str(error) for error in caught.value.errors]


def test_a_commitment_must_name_a_record_entry_that_exists(data_copy):
    [error] = _link_errors(data_copy, "record: ccm-signed", "record: ccm-sined")
    assert re.fullmatch(
        r".*2012-09-11-ccm-3msp\.md:\d+: commitments\[0\]: record 'ccm-sined' is not an entry of .*record\.yml", error
    )


def test_a_linked_record_entry_must_be_the_same_convention_and_date(data_copy):
    [error] = _link_errors(data_copy, "record: ccm-signed", "record: ccm-accepted")
    assert error.endswith("commitments[0]: dated 2008, but record 'ccm-accepted' is dated 2009-07-14")
    shutil.copytree(DATA, data_copy, dirs_exist_ok=True)
    convention, date = _link_errors(data_copy, "record: ccm-signed", "record: apmbc-zero-victims-met")
    assert convention.endswith("commitments[0]: convention CCM differs from record 'apmbc-zero-victims-met' (APMBC)")
    assert date.endswith("commitments[0]: dated 2008, but record 'apmbc-zero-victims-met' is dated 2002-10")


def test_a_record_id_must_not_be_a_commitment_id(data_copy):
    path = data_copy / "record.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: ccm-law\n", "id: 2012-09-11-ccm-3msp-p4-1\n"), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        pipeline.load(data_copy)
    [error] = caught.value.errors
    assert error.message == "entry id '2012-09-11-ccm-3msp-p4-1' is already a commitment's id; choose another"


# --- the merged timeline -----------------------------------------------------------------


def test_one_event_seen_by_a_statement_and_the_record_is_one_entry_with_both():
    acceptance = [e for e in ARCHIVE.events if e.date.iso == "1998-09-30" and e.kind == "treaty-action"]
    assert [e.id for e in acceptance] == ["apmbc-accepted"], "one entry, not one per kind of evidence"
    [event] = acceptance
    assert event.id == "apmbc-accepted" and event.evidence == ("quote", "record")
    assert event.quotes[0].statement.id == "2003-02-mofa-efforts-landmines"
    assert event.record.sources[0].url == "https://www.mofa.go.jp/announce/announce/1998/9/930-2.html"
    assert event.aliases == ("2003-02-mofa-efforts-landmines-p2-1",)
    linked = sum(1 for s in ARCHIVE.statements for c in s.commitments if c.record)
    commitments = sum(len(s.commitments) for s in ARCHIVE.statements)
    assert len(ARCHIVE.events) == commitments - linked + len(RECORD.entries)


def _entry_html(page: str, entry_id: str) -> str:
    """One timeline entry's markup: up to the next entry or the end of the list (it holds lists of its own)."""
    start = page.index(f'<li class="timeline-entry" id="{entry_id}"')
    ends = [i for i in (page.find('<li class="timeline-entry"', start + 1), page.find("</ol>", start)) if i > 0]
    return page[start : min(ends)]


def test_the_timeline_shows_every_record_entry_with_its_sources_and_keeps_merged_anchors():
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(ARCHIVE.events, PAGES)}
    page = files["timeline.md"]
    for event in ARCHIVE.events:
        html = _entry_html(page, event.id)
        assert f'data-evidence="{" ".join(event.evidence)}"' in html
        for alias in event.aliases:
            assert f'<span class="timeline-entry__alias" id="{alias}"></span>' in html
        if event.record:
            for source in event.record.sources:
                assert f'<a class="record-source" href="{source.url}" rel="external">' in html.replace("&amp;", "&")
        for quote in event.quotes:
            assert f'href="../{quote.url}"' in html


def test_conflicts_show_each_reading_with_its_sources():
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(ARCHIVE.events, PAGES)}
    entry = _entry_html(files["timeline.md"], "apmbc-stockpile-destroyed")
    assert "<strong>Sources disagree.</strong>" in entry
    assert entry.count("<li>") == 3 and "985,089 anti-personnel mines destroyed." in entry
    assert "1,000,089 anti-personnel mines destroyed." in entry
    conflicts = [e for e in RECORD.entries if e.conflict]
    assert all(len(e.conflict.readings) >= 2 and all(r.sources for r in e.conflict.readings) for e in conflicts)
    assert sum(page.count("Sources disagree.") for page in files.values()) == len(conflicts)


def test_the_timeline_filter_counts_evidence_and_the_overview_names_both_kinds():
    files = {page.path: page.markdown() for page in render_timeline.timeline_files(ARCHIVE.events, PAGES)}
    page = files["timeline.md"]
    quoted = sum(1 for e in ARCHIVE.events if e.quotes)
    recorded = sum(1 for e in ARCHIVE.events if e.record)
    if quoted:
        assert f'Quoted from a statement <span class="filter__count">({quoted})</span>' in page
    assert f'From the treaty record, with sources <span class="filter__count">({recorded})</span>' in page
    overview = files["timeline.md"]
    assert f"{len(ARCHIVE.events)} treaty acts" in overview
    recorded = sum(1 for e in ARCHIVE.events if e.record)
    assert f"{recorded} from the treaty record, with their sources" in overview


# --- the catalogue page and the home page ----------------------------------------------


def test_the_catalogue_page_lists_every_entry_with_its_link():
    files = pipeline.build(DATA)
    page = files["catalogue/index.md"]
    for entry in ARCHIVE.catalogue:
        start = page.index(f'id="{entry.id}" data-conventions=')
        html = page[start : page.index("</li>", start)]
        if entry.archived:
            assert f'href="../statements/{entry.archived}/"' in html and "Full text in the archive" in html
        else:
            assert "Full text in the archive" not in html
        for source in entry.sources:
            assert f'href="{source.url}" rel="external"' in unescape(html)
    archived = sum(1 for entry in ARCHIVE.catalogue if entry.archived)
    statement = f"{archived} statements in full text, of {len(ARCHIVE.catalogue)} known"
    assert statement in page and statement in files["index.md"] and statement in files["statements/index.md"]
    assert '<form class="filter" id="statement-filter" data-pagefind-ignore>' in page


def test_every_archived_statement_is_in_the_catalogue_file():
    entries, _ = load_catalogue(DATA / "catalogue.yml")
    assert sorted(e.archived for e in entries if e.archived) == sorted(s.id for s in ARCHIVE.statements)


# Table 2 of the research notes lists statements and releases "found in the sources
# searched"; every one by Japan must be in the catalogue. The one item that is not by
# Japan: the CCM support unit's news of a courtesy call by Japan's minister.
NOT_BY_JAPAN = {
    "https://www.clusterconvention.org/japan-reiterates-its-support-to-the-convention-on-cluster-munitions/"
}


def test_the_catalogue_holds_every_statement_of_the_research_notes():
    notes = shared_path("research", "japan-record.md").read_text(encoding="utf-8")
    table = notes[notes.index("## Table 2") : notes.index("### Gaps")]
    urls = {
        url for line in table.splitlines() if line.startswith("| ") for url in re.findall(r"https?://[^\s|;]+", line)
    }
    assert len(urls) > 60
    catalogued = {source.url for entry in ARCHIVE.catalogue for source in entry.sources}
    assert sorted(urls - NOT_BY_JAPAN - catalogued) == []


# --- exports -------------------------------------------------------------------------------


def _schema(name: str) -> dict:
    return json.loads(export_schemas.schema_files()[f"data/{name}.schema.json"])


def test_record_and_catalogue_exports_follow_their_schemas():
    for name, text in [
        ("record", exports.record_json(RECORD)),
        ("catalogue", exports.catalogue_json(ARCHIVE.catalogue)),
        ("timeline", exports.timeline_json(ARCHIVE.events, PAGES.url)),
    ]:
        schema = _schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(text), schema)
    records = json.loads(exports.record_json(RECORD))
    assert [r["id"] for r in records] == [e.id for e in RECORD.entries]
    assert all(r["sources"] and all(s["url"].startswith("http") for s in r["sources"]) for r in records)
    catalogue = json.loads(exports.catalogue_json(ARCHIVE.catalogue, "https://example.org/"))
    archived = [c for c in catalogue if "archived" in c]
    assert [c["url"] for c in archived] == [f"https://example.org/statements/{c['archived']}/" for c in archived]


def test_record_and_catalogue_csv_have_a_row_per_entry():
    rows = list(csv.DictReader(io.StringIO(exports.record_csv(RECORD))))
    assert list(rows[0]) == exports.RECORD_CSV_COLUMNS and len(rows) == len(RECORD.entries)
    stockpile = next(row for row in rows if row["id"] == "apmbc-stockpile-destroyed")
    assert stockpile["readings"].count(exports.CELL_JOIN) == 2 and "985,089" in stockpile["readings"]
    rows = list(csv.DictReader(io.StringIO(exports.catalogue_csv(ARCHIVE.catalogue))))
    assert list(rows[0]) == exports.CATALOGUE_CSV_COLUMNS and len(rows) == len(ARCHIVE.catalogue)
