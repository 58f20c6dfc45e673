"""The site as a reader sees it, in Debian's Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT
from mine_archive import pipeline, render_timeline
from mine_archive.statements import load_statements

STATEMENTS = load_statements(ROOT / "data" / "statements")
ARCHIVE = pipeline.load(ROOT / "data")
EVENTS = ARCHIVE.events
PAGES = [
    "/",
    "/about/",
    "/statements/",
    "/catalogue/",
    "/timeline/",
    "/timeline/2003/",  # entries quoted, sourced and both, with conflicting sources
    "/timeline/2012/",
    "/timeline/money/",
    "/conventions/apmbc/",
    "/conventions/ccm/",
    "/data/",
    "/glossary/",
    "/contributing/",
    "/404.html",
] + [f"/statements/{s.id}/" for s in STATEMENTS]


# axe's rules, plus one it leaves off as experimental: a control's visible text must be in
# its accessible name (WCAG 2.5.3), so that a reader using speech input can say it.
AXE_DEFAULTS = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}


def axe_violations(page, options: dict | None = None) -> list[str]:
    results = Axe().run(page, options=options or AXE_DEFAULTS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_loads_nothing_from_elsewhere_in_light_theme(visit, path):
    page = visit.goto(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert axe_violations(page) == []
    assert visit.foreign_requests() == []
    assert visit.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_loads_nothing_from_elsewhere_in_dark_theme(dark_visit, path):
    page = dark_visit.goto(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(page) == []
    assert dark_visit.foreign_requests() == []
    assert dark_visit.console_errors == []


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.id)
def test_statement_page_is_accessible_on_a_touch_screen(browser, site_url, statement):
    """On a screen that cannot hover, the paragraph controls are always shown (archive.css):
    their visible words must then be in their accessible names too."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/statements/{statement.id}/", wait_until="networkidle")
    assert page.evaluate("matchMedia('(hover: none)').matches")
    assert page.locator(".para-copy").first.evaluate("b => getComputedStyle(b).opacity") == "1"
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.id)
def test_statement_page_shows_every_paragraph_numbered_with_its_id(visit, statement):
    page = visit.goto(f"/statements/{statement.id}/")
    paragraphs = page.locator(".statement-body p.para")
    assert paragraphs.count() == len(statement.paragraphs)
    for index, paragraph in enumerate(statement.paragraphs):
        element = paragraphs.nth(index)
        assert element.get_attribute("id") == paragraph.id
        assert element.locator(".para-num").inner_text() == str(paragraph.number)
        assert element.locator(".para-num").is_visible()
        assert element.locator(".para-link").get_attribute("href") == f"#{paragraph.id}"
        assert paragraph.lines[0] in element.inner_text()
    assert page.locator("h1").inner_text() == statement.title
    assert page.locator(".statement-meta").is_visible()
    assert page.locator(".statement-notes li").count() == len(statement.editorial_notes)


def _target_state(page, element_id: str) -> dict:
    return page.evaluate(
        """id => {
            const el = document.getElementById(id);
            const rect = el.getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const other = document.querySelector('.statement-body p.para:not(:target)');
            return {
                target: el.matches(':target'),
                top: rect.top, headerBottom: header.bottom, viewport: window.innerHeight,
                background: getComputedStyle(el).backgroundColor,
                otherBackground: getComputedStyle(other).backgroundColor,
                outline: getComputedStyle(el).outlineStyle,
            };
        }""",
        element_id,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_paragraph_link_lands_on_and_marks_that_paragraph(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 700})
    page = context.new_page()
    ccm = STATEMENTS[1]
    page.goto(f"{site_url}/statements/{ccm.id}/#p12", wait_until="networkidle")
    state = _target_state(page, "p12")
    assert state["target"]
    assert state["headerBottom"] <= state["top"] < state["viewport"] / 2, state
    assert state["background"] != state["otherBackground"]
    assert state["outline"] == "solid"
    context.close()


def test_clicking_a_paragraph_link_links_to_it(visit):
    page = visit.goto(f"/statements/{STATEMENTS[2].id}/")
    page.locator("#p4").hover()
    page.get_by_role("link", name="Link to paragraph 4", exact=True).click()
    assert page.url.endswith("#p4")
    assert page.evaluate("document.getElementById('p4').matches(':target')")


def test_editorial_mark_and_note_link_to_each_other(visit):
    page = visit.goto(f"/statements/{STATEMENTS[0].id}/")
    page.locator("#p4 .editorial-mark").click()
    note = page.locator(":target")
    assert "yen sign" in note.inner_text()
    note.locator("a", has_text="about ¶4").click()
    assert page.evaluate("location.hash") == "#p4"


def test_every_statement_is_two_clicks_from_home(visit):
    for statement in STATEMENTS:
        page = visit.goto("/")
        page.get_by_role("link", name="Read the statements").click()
        page.get_by_role("link", name=statement.title, exact=True).click()
        page.wait_for_load_state()
        assert page.url == f"{visit.origin}/statements/{statement.id}/"


def test_previous_and_next_links_walk_the_statements_in_date_order(visit):
    page = visit.goto(f"/statements/{STATEMENTS[0].id}/")
    seen = [STATEMENTS[0].id]
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
        page.wait_for_load_state()
        seen.append(page.url.rstrip("/").rsplit("/", 1)[1])
    assert seen == [s.id for s in STATEMENTS]
    page.locator("a[rel=prev]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/statements/{STATEMENTS[1].id}/")


def _visible_titles(page) -> list[str]:
    # textContent, not innerText: a year not yet laid out (content-visibility) has no innerText.
    return [link.text_content() for link in page.locator(".statement-entry__title").all() if link.is_visible()]


def test_browse_filter_narrows_and_restores_the_list(visit):
    page = visit.goto("/statements/")
    assert _visible_titles(page) == [s.title for s in reversed(STATEMENTS)]
    page.get_by_label("Convention on Cluster Munitions (CCM)").check()
    assert _visible_titles(page) == [STATEMENTS[1].title]
    assert page.locator("#y2003").is_hidden() and page.locator("#y2012").is_visible()
    page.get_by_label("Anti-Personnel Mine Ban Convention (APMBC)").check()
    assert _visible_titles(page) == [STATEMENTS[2].title, STATEMENTS[0].title]
    page.get_by_label("All conventions").check()
    assert len(_visible_titles(page)) == len(STATEMENTS)


def test_browse_filter_works_without_javascript(no_js_visit):
    page = no_js_visit.goto("/statements/")
    assert len(_visible_titles(page)) == len(STATEMENTS)
    page.get_by_label("Convention on Cluster Munitions (CCM)").check()
    assert _visible_titles(page) == [STATEMENTS[1].title]


def test_statement_reads_without_javascript(no_js_visit):
    page = no_js_visit.goto(f"/statements/{STATEMENTS[1].id}/#p7")
    assert page.locator(".statement-body p.para").count() == len(STATEMENTS[1].paragraphs)
    assert page.evaluate("document.getElementById('p7').matches(':target')")


@pytest.mark.parametrize("path", ["/catalogue/", "/timeline/2003/", "/conventions/apmbc/", "/timeline/money/"])
def test_dark_theme_chosen_with_the_header_toggle_is_accessible(visit, path):
    """The tests above emulate a dark system preference; a reader may instead use the toggle."""
    page = visit.goto(path)
    page.get_by_title("Switch to dark theme").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    assert axe_violations(page) == []


def test_theme_toggle_switches_and_remembers_the_scheme(visit):
    page = visit.goto("/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.get_by_title("Switch to dark theme").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.reload(wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(page) == []
    page.get_by_title("Switch to light theme").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


def test_a_saved_scheme_wins_over_the_preference(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}/", wait_until="networkidle")
    page.get_by_title("Switch to light theme").click()
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.reload(wait_until="domcontentloaded")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()


def test_statements_json_is_served(visit):
    page = visit.goto("/")
    records = page.evaluate("fetch('data/statements.json').then(r => r.json())")
    assert [r["id"] for r in records] == [s.id for s in STATEMENTS]


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_360px_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def _visible_entries(page) -> list[str]:
    return page.eval_on_selector_all(
        "#timeline-list .timeline-entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
    )


def _year(year: int) -> list[str]:
    return [e.id for e in EVENTS if e.date.year == year]


def test_the_timeline_overview_leads_to_every_entry_on_its_years_page(visit):
    page = visit.goto("/timeline/")
    lines = page.locator(".timeline-line a")
    hrefs = [lines.nth(i).get_attribute("href") for i in range(lines.count())]
    first = [ev for _, items in render_timeline.by_year(EVENTS) for ev in items[: render_timeline.OVERVIEW_PER_YEAR]]
    assert hrefs == [f"../timeline/{e.date.year}/#{e.id}" for e in first]
    event = next(e for e in EVENTS if e.id == "apmbc-accepted")
    page.locator(f'.timeline-line a[href$="#{event.id}"]').click()
    page.wait_for_load_state()
    assert page.url == f"{visit.origin}/timeline/1998/#{event.id}"
    assert page.locator(":target").get_attribute("id") == event.id and page.locator(":target").is_visible()
    for year in sorted({e.date.year for e in EVENTS}):
        page = visit.goto(f"/timeline/{year}/")
        assert _visible_entries(page) == _year(year)
        assert (
            page.locator(".filter__status").inner_text() == f"Showing {len(_year(year))} of {len(_year(year))} entries."
        )


def test_the_money_page_draws_each_currency(visit):
    page = visit.goto("/timeline/money/")
    figure = page.locator("#money-usd svg")
    assert figure.get_attribute("role") == "img" and figure.bounding_box()["height"] > 100
    assert page.locator(".money-table tbody tr").count() == sum(1 for e in EVENTS if e.amount)


def test_timeline_filters_narrow_and_restore_the_list(visit):
    page = visit.goto("/timeline/1998/")
    form = page.locator("#timeline-filter")
    of_year = [e for e in EVENTS if e.date.year == 1998]
    form.get_by_label("Pledge").uncheck()
    assert _visible_entries(page) == [e.id for e in of_year if e.kind != "pledge"]
    shown = len([e for e in of_year if e.kind != "pledge"])
    assert page.locator(".filter__status").inner_text() == f"Showing {shown} of {len(of_year)} entries."
    form.get_by_label("Universalization").uncheck()
    assert _visible_entries(page) == [e.id for e in of_year if e.kind not in ("pledge", "universalization")]
    form.get_by_label("Pledge").check()
    form.get_by_label("Universalization").check()
    assert _visible_entries(page) == _year(1998)


def test_the_evidence_filter_keeps_an_entry_while_either_of_its_evidence_is_wanted(visit):
    page = visit.goto("/timeline/2003/")
    of_year = [e for e in EVENTS if e.date.year == 2003]
    assert {e.evidence for e in of_year} >= {("quote", "record"), ("record",)}
    form = page.locator("#timeline-filter")
    form.get_by_label("From the treaty record, with sources").uncheck()
    assert _visible_entries(page) == [e.id for e in of_year if e.quotes]
    form.get_by_label("Quoted from a statement").uncheck()
    assert _visible_entries(page) == []
    assert page.locator(".filter__status").inner_text() == f"Showing 0 of {len(of_year)} entries."
    form.get_by_label("From the treaty record, with sources").check()
    assert _visible_entries(page) == [e.id for e in of_year if e.record]


def test_timeline_filters_work_by_keyboard(visit):
    page = visit.goto("/timeline/2012/")
    page.locator("#timeline-filter input[value=pledge]").focus()
    page.keyboard.press("Space")
    assert _visible_entries(page) == [e.id for e in EVENTS if e.date.year == 2012 and e.kind != "pledge"]


def test_each_timeline_entry_links_to_and_marks_its_paragraph(visit):
    page = visit.goto("/timeline/")
    for event in EVENTS:
        for number, quote in enumerate(event.quotes):
            page.goto(f"{visit.origin}/timeline/{event.date.year}/#{event.id}")
            page.locator(f'[id="{event.id}"] a.timeline-entry__source').nth(number).click()
            page.wait_for_load_state()
            assert page.url == f"{visit.origin}/statements/{quote.statement.id}/#{quote.commitment.paragraph}"
            target = page.locator(":target")
            assert target.get_attribute("id") == quote.commitment.paragraph
            assert target.is_visible()
            assert quote.commitment.quote.split(" … ")[0][:60] in " ".join(target.inner_text().split())


def test_a_link_to_a_commitment_merged_into_the_record_still_lands_on_its_entry(visit):
    merged = [event for event in EVENTS if event.aliases]
    assert merged
    for event in merged:
        for alias in event.aliases:
            visit.goto("/timeline/")  # a new document each time: only a fragment change would not scroll
            page = visit.goto(f"/timeline/{event.date.year}/#{alias}")
            entry = page.locator(f'[id="{event.id}"]')
            assert entry.is_visible() and entry.evaluate("(e, a) => e.contains(document.getElementById(a))", alias)
            assert entry.bounding_box()["y"] < 900, "the page opens on the entry"


def test_record_sources_are_links_and_never_fetched(visit):
    page = visit.goto("/timeline/2003/")
    links = page.locator("#timeline-list a.record-source")
    assert links.count() >= 1
    assert all(href.startswith("http") for href in links.evaluate_all("ls => ls.map(l => l.href)"))
    assert visit.foreign_requests() == []


def test_timeline_reads_without_javascript(no_js_visit):
    page = no_js_visit.goto("/timeline/1998/")
    assert _visible_entries(page) == _year(1998)
    page.locator("#timeline-filter").get_by_label("Pledge").uncheck()
    assert _visible_entries(page) == [
        e for e in _year(1998) if e not in {ev.id for ev in EVENTS if ev.kind == "pledge"}
    ], "the filters work by CSS alone"
    page = no_js_visit.goto("/timeline/")
    assert page.locator(".timeline-line").count() == sum(
        len(items[: render_timeline.OVERVIEW_PER_YEAR]) for _, items in render_timeline.by_year(EVENTS)
    )
    page = no_js_visit.goto("/timeline/money/")
    assert page.locator(".money-table tbody tr").count() == sum(1 for e in EVENTS if e.amount)


def test_timeline_prints_entries_without_controls(visit):
    page = visit.goto("/timeline/1998/")
    page.emulate_media(media="print")
    assert page.locator("#timeline-filter").is_hidden()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert _visible_entries(page) == _year(1998)


def test_a_convention_pages_year_link_opens_the_year_filtered_to_that_convention(
    browser, synthetic_archive, synthetic_url
):
    url, synthetic_events = synthetic_url, pipeline.load(synthetic_archive[0]).events
    year = next(
        y
        for y in sorted({e.date.year for e in synthetic_events})
        if len({e.convention for e in synthetic_events if e.date.year == y}) == 2
    )
    of_year = [e for e in synthetic_events if e.date.year == year]
    page = browser.new_page()
    page.goto(f"{url}/conventions/ccm/", wait_until="networkidle")
    page.locator(f"#t{year} a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{url}/timeline/{year}/?convention=ccm"
    ccm = [e.id for e in of_year if e.convention == "CCM"]
    assert _visible_entries(page) == ccm and 0 < len(ccm) < len(of_year)
    assert page.locator(".filter__status").inner_text() == f"Showing {len(ccm)} of {len(of_year)} entries."
    page.locator("#timeline-filter").get_by_label("APMBC").check()
    assert _visible_entries(page) == [e.id for e in of_year]
    page.close()
