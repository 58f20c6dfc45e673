"""Citations, head metadata, glossary, feed, schema and the new-statement scaffold."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from base64 import b64decode
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import jsonschema
import pytest
import yaml
from conftest import DATA, ROOT
from mine_archive import citations, feed, head_meta, pipeline, render
from mine_archive.errors import DataError
from mine_archive.glossary import Marker, load_glossary
from mine_archive.schema import STATEMENT_SCHEMA
from mine_archive.statements import load_statement, load_statements

STATEMENTS = load_statements(DATA / "statements")
MOFA, CCM, APMBC = STATEMENTS
URL = "https://archive.example/statements/2012-09-11-ccm-3msp/"


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[dict] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "content" in a:
            key = a.get("name") or a.get("property") or a.get("http-equiv")
            self.meta.setdefault(key, []).append(a["content"])
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False


def test_formatted_citation():
    assert citations.formatted(CCM, URL) == (
        "Government of Japan (2012) Statement by H. E. Mr. Mari AMANO to the Third Meeting of States Parties to "
        "the Convention on Cluster Munitions. Third Meeting of States Parties to the Convention on Cluster "
        "Munitions, Oslo, Norway, 11 September 2012. Delivered by H. E. Mr. Mari AMANO, Ambassador, Permanent "
        f"Representative of Japan to the Conference on Disarmament. {URL}"
    )


def test_bibtex_entry():
    entry = citations.bibtex(CCM, URL)
    assert entry.startswith("@misc{japan20120911ccm3msp,\n  author = {{Government of Japan}},\n")
    assert "  month = sep,\n" in entry and f"  url = {{{URL}}},\n" in entry
    assert entry.count("{") == entry.count("}")


def test_every_tex_special_character_comes_back_as_itself():
    """What BibTeX and LaTeX make of a title: every special character printed as itself
    (decoded by pylatexenc, a maintained LaTeX-to-text converter), none doubled."""
    from pylatexenc.latex2text import LatexNodes2Text

    decode = LatexNodes2Text().latex_to_text
    text = "Back\\slash {braces} 5% & $1 #2 snake_case ~tilde ^caret ¥10 billion, Côte d'Ivoire"
    for character in [*citations.TEX_SPECIALS, *text]:
        # pylatexenc prints \textasciicircum as the modifier letter ˆ (U+02C6).
        assert decode(citations.tex_escape(f"a{character}b")).replace("ˆ", "^") == f"a{character}b", character
    assert decode(citations.tex_escape(text)).replace("ˆ", "^") == text
    hostile = dataclasses.replace(CCM, title=text)
    title = next(line for line in citations.bibtex(hostile, URL).splitlines() if line.startswith("  title = "))
    assert decode(title.removeprefix("  title = {").removesuffix("},")).replace("ˆ", "^") == text


def test_csl_json_item():
    [item] = json.loads(citations.csl_json(CCM, URL))
    assert item["type"] == "speech" and item["issued"] == {"date-parts": [[2012, 9, 11]]}
    assert item["author"] == [{"literal": "Government of Japan"}] and item["URL"] == URL
    assert item["event-title"].startswith("Third Meeting") and item["event-place"] == "Oslo, Norway"
    [mofa] = json.loads(citations.csl_json(MOFA, URL))
    assert mofa["issued"] == {"date-parts": [[2003, 2]]} and mofa["type"] == "report"


def test_download_links_work_without_javascript():
    panel = render.cite_panel(CCM, URL)
    found = re.findall(r'<a href="data:[^,"]*;base64,([^"]*)" download="japan20120911ccm3msp(\.\w+)"', panel)
    links = {extension: b64decode(text).decode("utf-8") for text, extension in found}
    assert links == {".bib": citations.bibtex(CCM, URL), ".json": citations.csl_json(CCM, URL)}


def test_head_metadata_describes_the_statement():
    head = Head()
    head.feed(head_meta.head_tags(CCM, URL, render.description(CCM), "Site"))
    assert head.meta["citation_title"] == [CCM.title]
    assert head.meta["citation_author"] == ["Government of Japan"]
    assert head.meta["citation_publication_date"] == ["2012/09/11"]
    assert head.meta["citation_conference_title"] == [CCM.meeting.name]
    assert head.meta["DC.date"] == ["2012-09-11"] and head.meta["DC.identifier"] == [URL]
    assert head.meta["og:url"] == [URL] and head.meta["og:type"] == ["article"]
    [ld] = head.json_ld
    assert ld["@type"] == "CreativeWork" and ld["datePublished"] == "2012-09-11"
    assert ld["contributor"]["name"] == "H. E. Mr. Mari AMANO"
    assert ld["about"][0] == {"@type": "Legislation", "name": "Convention on Cluster Munitions", "alternateName": "CCM"}
    assert ld["isBasedOn"] == CCM.source.url


def test_built_pages_carry_head_metadata_and_the_feed_link(built_site):
    html = (built_site / "statements" / CCM.id / "index.html").read_text(encoding="utf-8")
    head = Head()
    head.feed(html[: html.index("</head>")])
    assert head.meta["citation_title"] == [CCM.title] and len(head.json_ld) == 1
    for page in ["index.html", "timeline/index.html", f"statements/{CCM.id}/index.html"]:
        text = (built_site / page).read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml"' in text, page


def test_the_archive_wide_citation_files_hold_every_statement(built_site):
    bib = (built_site / "data" / "citations.bib").read_text(encoding="utf-8")
    assert [line.split("{")[1].rstrip(",") for line in bib.splitlines() if line.startswith("@misc{")] == [
        citations.bibtex_key(s) for s in STATEMENTS
    ]
    items = json.loads((built_site / "data" / "citations.json").read_text(encoding="utf-8"))
    assert items == [citations.csl(s, f"/{s.url}") for s in STATEMENTS]


def test_glossary_marks_only_the_first_use_on_a_page():
    marker = Marker(load_glossary(DATA / "glossary.yml"))
    first = marker.mark("the CCM and the CCM")
    assert (
        first == 'the <abbr class="gloss" title="Convention on Cluster Munitions" tabindex="0">CCM</abbr> and the CCM'
    )
    page = render.statement_page(CCM, None, None, marker=Marker(load_glossary(DATA / "glossary.yml"))).markdown()
    for form in ["CCM", "MSP", "ICRC", "CMC", "UXO", "Lao PDR"]:
        assert page.count(f'tabindex="0">{form}</abbr>') == 1, form


def test_glossary_page_lists_every_term():
    terms = load_glossary(DATA / "glossary.yml")
    page = render.glossary_page(terms).markdown()
    assert page.count('class="glossary-entry"') == len(terms) >= 15
    assert '<div class="glossary-entry" id="erw"><dt>ERW</dt> <dd><strong>explosive remnants of war</strong>' in page


def test_atom_feed_is_valid_and_newest_first():
    parsed = feedparser.parse(feed.atom(STATEMENTS, "Archive", "https://archive.example/"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.link for e in parsed.entries] == [
        f"https://archive.example/statements/{s.id}/" for s in reversed(STATEMENTS)
    ]
    assert parsed.entries[0].updated == "2017-06-01T00:00:00Z" and parsed.feed.updated == "2017-06-01T00:00:00Z"
    assert all(e.id and e.title and e.summary for e in parsed.entries)
    local = feedparser.parse(feed.atom(STATEMENTS, "Archive"))
    assert not local.bozo and local.entries[0].id.startswith("urn:uuid:")
    assert local.entries[0].id == feedparser.parse(feed.atom(STATEMENTS, "Archive")).entries[0].id


def test_published_schema_is_the_validators_schema_and_accepts_the_data():
    files = pipeline.build(DATA)
    schema = json.loads(files["data/schema.json"])
    assert {k: v for k, v in schema.items() if k != "$id"} == json.loads(json.dumps(STATEMENT_SCHEMA))
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((DATA / "statements").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        jsonschema.validate(_dates_as_text(front), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x"}, schema)


def _dates_as_text(value):
    """PyYAML's safe_load reads 2012-09-11 as a date; the archive reads it as text."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def run_new(*args, data):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_statement.py"), *args, "--data", str(data)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_new_statement_scaffolds_a_valid_file(tmp_path):
    (tmp_path / "statements").mkdir()
    source = tmp_path / "source.txt"
    source.write_text("Mr. President,\nExcellencies,\n\nJapan welcomes the progress.\n\nThank you.\n", encoding="utf-8")
    result = run_new(
        "--title", "Statement to the Fourth Meeting", "--date", "2013-09", "--convention", "CCM",
        "--place", "Lusaka, Zambia", "--speaker", "A. Speaker", "--text-file", str(source), data=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = tmp_path / "statements" / "2013-09-statement-fourth-meeting.md"
    statement = load_statement(path)
    assert statement.date.iso == "2013-09" and statement.speaker.name == "A. Speaker"
    assert statement.paragraphs[0].lines == ("Mr. President,", "Excellencies,")
    again = run_new(
        "--title", "Statement to the Fourth Meeting", "--date", "2013-09", "--convention", "CCM", data=tmp_path
    )
    assert again.returncode == 1 and "already exists" in again.stderr
    one = tmp_path / "one.txt"
    one.write_text("Japan welcomes the progress.\n", encoding="utf-8")
    single = run_new(
        "--title", "One", "--date", "2013-09", "--convention", "CCM", "--text-file", str(one), data=tmp_path
    )
    assert single.returncode == 0 and ": 1 paragraph, valid." in single.stdout


def test_new_statement_refuses_bad_values_before_writing_anything(tmp_path):
    (tmp_path / "statements").mkdir()
    for date, message in [
        ("2013-02-30", "--date: '2013-02-30': February 2013 has 28 days"),
        ("2030-13-01", "--date: '2030-13-01' has no month 13"),
        ("2099-01", "--date: 2099-01 is in the future"),
    ]:
        result = run_new("--title", "T", "--date", date, "--convention", "CCM", data=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert message in result.stderr and "Nothing was written." in result.stderr
    result = run_new("--title", "T", "--date", "2013", "--convention", "CCM", "--id", "Not A Slug", data=tmp_path)
    assert result.returncode == 1 and "--id: 'Not A Slug' must be lowercase words" in result.stderr
    assert list((tmp_path / "statements").iterdir()) == []


def test_a_scaffold_without_text_does_not_validate_until_the_text_is_in(tmp_path):
    (tmp_path / "statements").mkdir()
    result = run_new("--title", "Statement", "--date", "2013-09", "--convention", "CCM", data=tmp_path)
    assert result.returncode == 0 and "placeholder body, which does not validate" in result.stdout
    path = tmp_path / "statements" / "2013-09-statement.md"
    with pytest.raises(DataError) as caught:
        load_statement(path)
    assert [e.message for e in caught.value.errors] == [
        "the body is still the placeholder new-statement wrote: replace it with the statement's text"
    ]
    front = path.read_text(encoding="utf-8").rsplit("---\n", 1)[0]
    path.write_text(front + "---\nMr. President,\n", encoding="utf-8")
    assert load_statement(path).paragraphs[0].text == "Mr. President,"


def test_new_statement_needs_its_required_values_when_not_interactive(tmp_path):
    result = run_new("--date", "2013", data=tmp_path)
    assert result.returncode == 2 and "--title is required" in result.stderr


# --- in the browser ----------------------------------------------------------------------


@pytest.fixture
def clipboard_page(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    yield page
    context.close()


def test_cite_panel_copies_citation_bibtex_and_csl(clipboard_page, site_url):
    page = clipboard_page
    page.goto(f"{site_url}/statements/{CCM.id}/", wait_until="networkidle")
    text = page.locator("#cite-text").inner_text()
    assert text.startswith("Government of Japan (2012) Statement by H. E. Mr. Mari AMANO")
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert f"{site_url}/statements/{CCM.id}/ (accessed {today})" in text, "the URL is made absolute, the date filled in"
    page.get_by_role("button", name="Copy citation", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()") == text
    page.locator("summary", has_text="BibTeX").click()
    page.get_by_role("button", name="Copy BibTeX").click()
    bib = page.evaluate("navigator.clipboard.readText()")
    assert bib.startswith("@misc{japan20120911ccm3msp,") and f"url = {{{site_url}/statements/{CCM.id}/}}" in bib
    page.locator("summary", has_text="CSL-JSON").click()
    page.get_by_role("button", name="Copy CSL-JSON").click()
    assert json.loads(page.evaluate("navigator.clipboard.readText()"))[0]["URL"] == f"{site_url}/statements/{CCM.id}/"
    for name, filename in [
        ("BibTeX (.bib)", "japan20120911ccm3msp.bib"),
        ("CSL-JSON (.json)", "japan20120911ccm3msp.json"),
    ]:
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        assert download.value.suggested_filename == filename
        saved = Path(download.value.path()).read_text(encoding="utf-8")
        assert f"{site_url}/statements/{CCM.id}/" in saved, "the download carries the absolute URL shown"
        assert (
            saved.startswith("@misc{")
            if filename.endswith(".bib")
            else json.loads(saved)[0]["id"] == "japan20120911ccm3msp"
        )


def test_paragraph_citation_copies_title_number_and_url(clipboard_page, site_url):
    page = clipboard_page
    page.goto(f"{site_url}/statements/{CCM.id}/", wait_until="networkidle")
    page.locator("#p7").hover()
    page.get_by_role("button", name="Cite paragraph 7").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{CCM.title}, ¶7, {site_url}/statements/{CCM.id}/#p7"


def test_glossary_tooltip_opens_by_keyboard_and_touch(browser, site_url):
    context = browser.new_context(has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/statements/{APMBC.id}/", wait_until="networkidle")
    term = page.locator("abbr.gloss", has_text="ODA")
    assert term.get_attribute("title") == "Official Development Assistance"
    tooltip = "el => getComputedStyle(el, '::after').content"
    assert term.evaluate(tooltip) in ("none", "normal")
    term.focus()
    assert term.evaluate(tooltip) == '"Official Development Assistance"'
    term.blur()
    term.tap()
    assert term.evaluate(tooltip) == '"Official Development Assistance"'
    context.close()


def test_a_statement_prints_with_numbers_metadata_and_address(visit, tmp_path):
    from pypdf import PdfReader

    page = visit.goto(f"/statements/{CCM.id}/")
    page.emulate_media(media="print")
    pdf = tmp_path / "statement.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    flat = " ".join(text.split())
    assert "Statement by H. E. Mr. Mari AMANO" in flat and "About this document" in flat
    assert "Oslo, Norway" in flat and "unearthed by torrential rain" in flat
    assert f"{visit.origin}/statements/{CCM.id}/" in flat, "the page's address is printed"
    assert "Government of Japan (2012)" in flat, "the citation is printed"
    for numbered in ["7 In June and July this year", "12 One substantial addition", "16 Thank you for your attention."]:
        assert numbered in flat, f"paragraph numbers are printed: {numbered}"
    for absent in ["Copy link", "Search", "Previous (older)", "Download:", "Made with"]:
        assert absent not in flat, absent


def test_the_timeline_prints_without_controls(visit, tmp_path):
    from pypdf import PdfReader

    page = visit.goto("/timeline/")
    page.emulate_media(media="print")
    pdf = tmp_path / "timeline.pdf"
    page.pdf(path=str(pdf), format="A4")
    flat = " ".join("\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Timeline of Japan's commitments" in flat and "Zero Victims Program" in flat
    assert "Showing" not in flat and "Search" not in flat
