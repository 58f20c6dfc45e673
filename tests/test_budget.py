"""Size budgets: pages that grow with the archive are split, and no page passes the budget,
even for the degenerate archive of 1,000 statements all dated, with all their
commitments, in one year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Visit, run_build, served
from mine_archive import budget, pipeline, render_timeline
from test_browser import axe_violations


def test_split_keeps_order_and_the_budget():
    assert budget.split([40, 40, 40, 40], 100) == [range(0, 2), range(2, 4)]
    assert budget.split([150, 10, 10], 100) == [range(0, 1), range(1, 3)], "an item over the budget stands alone"
    assert budget.split([], 100) == [range(0, 0)], "a listing always has its first page"
    assert budget.split([100, 1], 100) == [range(0, 1), range(1, 2)]


@pytest.fixture(scope="module")
def one_year_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import synthetic

    root = tmp_path_factory.mktemp("one-year")
    data = synthetic.write_corpus(root / "data", 1000, one_year=2012)
    result = run_build("site", "--data", str(data), "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    return data, root / "site"


def test_no_page_passes_the_budget_in_the_degenerate_archive(one_year_archive):
    _, site = one_year_archive
    sizes = {str(path.relative_to(site)): path.stat().st_size for path in site.rglob("*.html")}
    over = {path: size for path, size in sizes.items() if size > budget.PAGE_BYTES}
    assert over == {}
    assert (site / "timeline" / "2012" / "2" / "index.html").exists(), "the one year is split"
    assert (site / "timeline" / "money" / "usd" / "index.html").exists(), "each currency's sums get pages of their own"
    assert (site / "statements" / "page" / "2" / "index.html").exists(), "so is the statements listing"


def test_every_statement_and_entry_is_on_exactly_one_page_and_linked(one_year_archive):
    data, site = one_year_archive
    archive = pipeline.load(data)
    listed = []
    for page in [site / "statements" / "index.html", *sorted((site / "statements" / "page").glob("*/index.html"))]:
        listed += re.findall(r'class="statement-entry__title" href="[./]*statements/([^/"]+)/"', page.read_text())
    assert sorted(listed) == sorted(s.id for s in archive.statements)
    pages = render_timeline.year_pages(archive.events)
    year, year_pages = next((year, found) for year, found in pages.years if year == 2012)
    assert len(year_pages) > 1
    on_pages = []
    for number in range(1, len(year_pages) + 1):
        html = (site / render_timeline.year_page_path(year, number) / "index.html").read_text()
        on_pages += re.findall(r'<li class="timeline-entry" id="([^"]+)"', html)
        assert html.count('aria-current="page"') == 2, "the page's place, above and below its entries"
    assert on_pages == [event.id for event in archive.events if event.date.year == 2012]
    overview = (site / "timeline" / "index.html").read_text()
    for href in re.findall(r'<li class="timeline-line">.*?<a href="\.\./(timeline/[^"]+)"', overview):
        path, _, anchor = href.partition("#")
        assert f'id="{anchor}"' in (site / path / "index.html").read_text(), href


@pytest.fixture(scope="module")
def one_year_url(one_year_archive):
    with served(one_year_archive[1]) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_further_pages_read_link_and_pass_axe(browser, one_year_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    visit = Visit(context, one_year_url)
    for path in ["/statements/page/2/", "/catalogue/page/2/", "/timeline/2012/2/"]:
        page = visit.goto(path)
        assert axe_violations(page) == [], path
        current = page.locator('.listing-pager [aria-current="page"]').first
        assert current.inner_text().startswith("Page 2"), path
        page.locator(".listing-pager a").first.click()  # back to page 1
        page.wait_for_load_state()
        assert page.url.endswith(path.rsplit("/", 2)[0].removesuffix("/page") + "/"), page.url
    page = visit.goto("/timeline/money/")
    page.locator(".money-more a").first.click()
    page.wait_for_load_state()
    assert page.locator(".money-table tbody tr").count() > 0 and axe_violations(page) == []
    assert visit.foreign_requests() == [] and visit.console_errors == []
    context.close()
