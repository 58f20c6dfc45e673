"""Pages that stay usable as the archive grows: what `make bench` measures, checked here
for behaviour (never timed): no script in a page's head holds up its first paint, and
long listings read, link and pass axe like the rest, on a desktop and a phone, at the
top and scrolled to the end. The long listings come from 200 synthetic statements."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mine_archive import pipeline
from test_browser import AXE_DEFAULTS, axe_violations

# Resolves once the browser has rendered the next frame, after a scroll.
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_no_page_waits_for_a_script_before_it_is_shown(built_site):
    """No script file in a page's head blocks it (Material's bundle comes after the content,
    at the end of the body), and the archive's own script is deferred."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    blocking = [
        f"{page.relative_to(built_site)}: {tag}"
        for page in pages
        for tag in SCRIPT_TAG.findall(page.read_text(encoding="utf-8").split("</head>")[0])
        if " src=" in tag and not re.search(r"\s(defer|async)\b", tag)
    ]
    assert blocking == []
    assert re.search(r'<script src="[^"]*javascripts/archive\.js" defer>', (built_site / "index.html").read_text())


def _busiest_year(data: Path) -> tuple[int, list]:
    by_year: dict[int, list] = {}
    for event in pipeline.load(data).events:
        by_year.setdefault(event.date.year, []).append(event)
    return max(by_year.items(), key=lambda item: len(item[1]))


def _long_pages(data: Path) -> list[str]:
    year, _ = _busiest_year(data)
    return ["/statements/", "/conventions/apmbc/", f"/timeline/{year}/"]


# As Lighthouse looks at a page: a phone's viewport, and axe's target-size rule (WCAG 2.2
# AA), which axe leaves off unless asked.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 412, "height": 823}}
AXE_OPTIONS = {**AXE_DEFAULTS, "rules": {**AXE_DEFAULTS["rules"], "target-size": {"enabled": True}}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_long_listings_are_accessible_in_both_themes(browser, synthetic_archive, synthetic_url, scheme, viewport):
    size = VIEWPORTS[viewport]
    context = browser.new_context(color_scheme=scheme, viewport=size)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ["/timeline/", "/timeline/money/", *_long_pages(synthetic_archive[0])]:
        page.goto(synthetic_url + path, wait_until="networkidle")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height > 5 * size["height"], f"{path} is too short to test what is off screen ({height}px)"
        assert axe_violations(page, AXE_OPTIONS) == [], path
        # Scrolled to the end, past the header's reach, the last entries still pass.
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.evaluate(NEXT_FRAME)
        assert axe_violations(page, AXE_OPTIONS) == [], f"{path}, scrolled to the end"
    assert errors == []
    context.close()


def test_a_link_to_an_entry_far_down_a_year_lands_on_it(browser, synthetic_archive, synthetic_url):
    year, entries = _busiest_year(synthetic_archive[0])
    last = entries[-1]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{synthetic_url}/timeline/{year}/#{last.id}", wait_until="networkidle")
    box = page.evaluate(f"document.getElementById({last.id!r}).getBoundingClientRect().toJSON()")
    assert 0 <= box["top"] < 900 and box["height"] > 20, box
    assert page.locator(":target").get_attribute("id") == last.id
    page.close()


def test_the_last_statement_of_a_long_browse_page_shows_when_scrolled_to(browser, synthetic_archive, synthetic_url):
    statements = pipeline.load(synthetic_archive[0]).statements
    oldest = min(statements, key=lambda s: (s.date.sort_key, s.id))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{synthetic_url}/statements/", wait_until="networkidle")
    link = page.locator(f'a.statement-entry__title[href="../statements/{oldest.id}/"]')
    link.scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAME)
    assert link.is_visible() and link.inner_text() == oldest.title
    # The convention filter (CSS :has() rules) hides and shows whole years.
    page.get_by_label("Convention on Cluster Munitions (CCM)").check()
    shown = page.eval_on_selector_all(
        ".statement-entry", "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.conventions)"
    )
    assert shown and set(shown) == {"ccm"} and len(shown) == sum("CCM" in s.conventions for s in statements)
    page.close()
