"""The same archive built by Zensical (`make zensical`), which runs no MkDocs plugin,
checked in Chromium: every statement with every numbered paragraph, the timeline, the
catalogue, the data exports, and no request to another origin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, Visit, build_into, served
from mine_archive import pipeline, render_timeline

ARCHIVE = pipeline.load(DATA)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(tmp_path_factory, "zensical")


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path):
    with served(zensical_site) as url:
        yield url


@pytest.fixture
def zvisit(browser, zensical_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Visit(context, zensical_url)
    context.close()


def test_the_zensical_build_is_complete_with_its_security_headers(zensical_site):
    files = pipeline.generate_files(ARCHIVE)
    pages = [path.removesuffix(".md") for path in files if path.endswith(".md")]
    for page in pages:
        folder = page.removesuffix("index").removesuffix("/")
        assert (zensical_site / folder / "index.html").exists(), page
    assert "Content-Security-Policy: default-src 'none'" in (zensical_site / "_headers").read_text(encoding="utf-8")


@pytest.mark.parametrize("statement", ARCHIVE.statements, ids=lambda s: s.id)
def test_every_statement_has_every_numbered_paragraph(zvisit, statement):
    page = zvisit.goto(f"/statements/{statement.id}/")
    ids = page.eval_on_selector_all(".statement-body p.para", "els => els.map(e => e.id)")
    assert ids == [paragraph.id for paragraph in statement.paragraphs]
    numbers = page.eval_on_selector_all(".statement-body .para-num", "els => els.map(e => e.textContent)")
    assert numbers == [str(paragraph.number) for paragraph in statement.paragraphs]
    last = statement.paragraphs[-1].id
    page.goto(f"{zvisit.origin}/statements/{statement.id}/#{last}")  # the same document: no response
    assert page.evaluate(f"document.getElementById({last!r}).matches(':target')")
    assert zvisit.foreign_requests() == [] and zvisit.console_errors == []


def test_the_timeline_with_every_entry_and_its_picture(zvisit):
    page = zvisit.goto("/timeline/")
    assert page.locator(".timeline-year").count() == len(render_timeline.by_year(ARCHIVE.events))
    ids = page.eval_on_selector_all("#timeline-list .timeline-entry", "els => els.map(e => e.id)")
    assert ids == [event.id for event in ARCHIVE.events]
    assert page.locator("svg.history a").count() == len(ARCHIVE.events)
    page = zvisit.goto("/timeline/2012/")
    page.wait_for_url("**/timeline/")
    assert zvisit.foreign_requests() == [] and zvisit.console_errors == []


def test_the_catalogue_conventions_and_home(zvisit):
    page = zvisit.goto("/catalogue/")
    assert page.locator(".catalogue-entry").count() == len(ARCHIVE.catalogue)
    for code in ("apmbc", "ccm"):
        page = zvisit.goto(f"/conventions/{code}/")
        assert page.locator(".japan-dates table tbody tr").count() > 0
    page = zvisit.goto("/")
    assert page.locator("h1").first.inner_text().startswith("Japan and the Mine Ban")
    assert zvisit.foreign_requests() == [] and zvisit.console_errors == []


def test_the_data_exports_are_the_pipelines(zvisit, zensical_site):
    expected = pipeline.data_files(ARCHIVE, "", "")
    for path in ["data/statements.json", "data/timeline.json", "data/record.json", "data/catalogue.json"]:
        assert (zensical_site / path).read_bytes() == expected[path].encode("utf-8"), path
    page = zvisit.goto("/")
    records = page.evaluate("fetch('data/record.json').then(r => r.json())")
    assert [r["id"] for r in records] == [entry.id for entry in ARCHIVE.record.entries]
    assert (zensical_site / "data" / "timeline.csv").read_bytes() == expected["data/timeline.csv"].encode("utf-8")
    assert json.loads((zensical_site / "data" / "timeline.schema.json").read_text())["title"] == "timeline.json"


def test_the_same_search_works_on_the_zensical_build(zvisit):
    """Pagefind indexes Zensical's pages as it does MkDocs': a phrase finds its paragraph,
    the filters are there, and the engine's own search box gives way to the archive's."""
    from test_search import check_the_same_search

    page = zvisit.goto("/")
    assert page.locator(".archive-search__open").is_visible()
    assert not page.locator(".md-header label[for='__search']").is_visible()
    check_the_same_search(zvisit)
