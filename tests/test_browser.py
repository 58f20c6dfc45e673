"""The site as a reader sees it, in Debian's Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT
from mine_archive import pipeline
from mine_archive.statements import load_statements

STATEMENTS = load_statements(ROOT / "data" / "statements")
ARCHIVE = pipeline.load(ROOT / "data")
EVENTS = ARCHIVE.events
PAGES = [
    "/",
    "/about/",
    "/statements/",
    "/catalogue/",
    "/timeline/",  # every entry: quoted, sourced and both, with conflicting sources
    "/timeline/money/",
    "/conventions/apmbc/",
    "/conventions/ccm/",
    "/data/",
    "/glossary/",
    "/contributing/",
    "/performance/",
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
def test_a_paragraphs_tools_open_with_a_tap_on_its_number(browser, site_url, statement):
    """A screen that cannot hover: tapping a paragraph's number opens it (#pN), and its tools
    show, 24 px or larger, with their visible words in their accessible names."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/statements/{statement.id}/", wait_until="networkidle")
    assert page.evaluate("matchMedia('(hover: none)').matches")
    assert page.locator(".para-tools").first.is_hidden(), "no room taken until used"
    last = statement.paragraphs[-1]
    page.locator(f"#{last.id} .para-num").tap()
    assert page.evaluate("location.hash") == f"#{last.id}"
    buttons = page.locator(f"#{last.id} .para-tools button")
    assert buttons.count() == 2 and buttons.first.is_visible()
    for index in range(2):
        box = buttons.nth(index).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, box
    number = page.locator(f"#{last.id} .para-num").bounding_box()
    assert number["height"] >= 24 and number["width"] >= 24, number
    assert axe_violations(page) == []
    context.close()


def test_a_statement_page_opens_on_its_text(visit):
    page = visit.goto(f"/statements/{STATEMENTS[1].id}/")
    assert page.viewport_size == {"width": 1280, "height": 900}
    first = page.locator("#p1").bounding_box()
    assert first["y"] + 40 < 900, "the text begins on the first screen"
    about = page.locator("details.statement-meta")
    assert about.evaluate("d => d.open") and about.bounding_box()["x"] > first["x"] + first["width"], (
        "the document's facts stand beside the text, open"
    )
    assert "Oslo, Norway" in page.locator(".statement-kicker").inner_text()


def test_paragraph_tools_take_no_room(visit):
    """Paragraphs whose last line is full once got an empty line for the hidden controls."""
    page = visit.goto(f"/statements/{STATEMENTS[1].id}/")
    for paragraph in ["p3", "p4", "p9"]:
        para = page.locator(f"#{paragraph}")
        before = para.bounding_box()["height"]
        para.hover()
        tools = para.locator(".para-tools")
        assert tools.is_visible()
        assert para.bounding_box()["height"] == before, paragraph
        lines = para.evaluate(
            "p => { const r = document.createRange(); r.selectNodeContents(p); "
            "return Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)); }"
        )
        text_lines = para.evaluate(
            "p => { const t = [...p.childNodes].filter(n => n.nodeType === 3); const r = document.createRange(); "
            "r.setStartBefore(t[0]); r.setEndAfter(t[t.length - 1]); "
            "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
        )
        assert lines == text_lines, f"{paragraph}: no line for the tools"


def test_a_statement_page_lists_the_timeline_entries_that_quote_it(visit):
    for statement in STATEMENTS:
        quoting = [e for e in EVENTS if any(q.statement.id == statement.id for q in e.quotes)]
        page = visit.goto(f"/statements/{statement.id}/")
        links = page.locator(".on-timeline__list > li > a")
        assert links.count() == len(quoting) > 0
        hrefs = links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
        assert hrefs == [f"../../timeline/#{e.id}" for e in quoting]
    links.first.click()
    page.wait_for_load_state()
    assert page.locator(":target").get_attribute("id") == quoting[0].id


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
        assert element.locator(".para-num").get_attribute("href") == f"#{paragraph.id}"
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
        page.get_by_role("link", name=f"All {len(STATEMENTS)} statements in full text").click()
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


def _toggle(page, to: str) -> None:
    page.get_by_title(f"Switch to {to} theme").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if to == "dark" else "default")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


@pytest.mark.parametrize("path", PAGES)
def test_dark_theme_chosen_with_the_header_toggle_is_accessible(visit, path):
    """The tests above emulate a dark system preference; a reader may instead use the toggle."""
    page = visit.goto(path)
    _toggle(page, "dark")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_light_theme_chosen_with_the_header_toggle_is_accessible(dark_visit, path):
    page = dark_visit.goto(path)
    _toggle(page, "light")
    assert axe_violations(page) == []


# On a phone, also axe's rule that touch targets are 24 px or have 24 px of room (WCAG 2.5.8),
# which it leaves off by default.
PHONE_AXE = {**AXE_DEFAULTS, "rules": {**AXE_DEFAULTS["rules"], "target-size": {"enabled": True}}}

LEGIBLE = """() => {
    const tiny = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const element = node.parentElement;
        if (!element.getClientRects().length || element.closest('[hidden], .visually-hidden, details:not([open])'))
            continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 12) tiny.push(`${element.tagName}.${element.className}: ${size}px`);
    }
    return tiny;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_legible_on_a_phone(browser, site_url, path, scheme):
    """A phone, with the theme from the system (light) or from the header toggle (dark):
    axe finds nothing, no text is under 12 px (Lighthouse's legible-font audit), and the
    page fits the screen."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    if scheme == "dark":
        _toggle(page, "dark")
    assert axe_violations(page, PHONE_AXE) == []
    assert page.evaluate(LEGIBLE) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


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


def _visible_entries(page) -> list[str]:
    return page.eval_on_selector_all(
        "#timeline-list .timeline-entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
    )


def test_the_timeline_shows_every_entry_on_one_page_and_the_picture_leads_to_each(visit):
    page = visit.goto("/timeline/")
    assert _visible_entries(page) == [e.id for e in EVENTS]
    assert page.locator(".filter__status").inner_text() == f"Showing {len(EVENTS)} of {len(EVENTS)} entries."
    marks = page.locator("svg.history a")
    assert marks.count() == len(EVENTS)
    event = next(e for e in EVENTS if e.id == "apmbc-accepted")
    mark = page.locator(f'svg.history a[href$="#{event.id}"]')
    assert mark.get_attribute("aria-label").endswith(event.title)
    mark.locator(".history__milestone").click()
    assert page.evaluate("location.hash") == f"#{event.id}"
    assert page.locator(":target").get_attribute("id") == event.id and page.locator(":target").is_visible()


def test_the_picture_is_reached_by_keyboard_and_can_be_skipped(visit):
    page = visit.goto("/timeline/")
    skip = page.locator(".history-figure .skip-link")
    skip.focus()
    assert skip.is_visible(), "the skip link shows when it has focus"
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.closest('svg.history') !== null")
    assert first, "the marks come next, one Tab stop each"
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#timeline-kinds"


def test_the_picture_scrolls_sideways_on_a_phone_and_fits_in_print(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/timeline/", wait_until="networkidle")
    box = page.locator(".history-scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "wider than the phone: it scrolls"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself does not"
    page.emulate_media(media="print")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "on paper it fits the page"
    context.close()


def test_old_year_addresses_land_on_their_entry(visit):
    event = next(e for e in EVENTS if e.id == "apmbc-accepted")
    page = visit.goto(f"/timeline/{event.date.year}/#{event.id}")
    page.wait_for_url(f"{visit.origin}/timeline/#{event.id}")
    assert page.locator(":target").get_attribute("id") == event.id


def test_the_money_page_draws_each_currency(visit):
    page = visit.goto("/timeline/money/")
    figure = page.locator("#money-usd svg")
    assert figure.get_attribute("role") == "img" and figure.bounding_box()["height"] > 100
    assert page.locator(".money-table tbody tr").count() == sum(1 for e in EVENTS if e.amount)
    header = page.locator(".money-table th").first
    assert header.evaluate("th => getComputedStyle(th).fontWeight") == "700", "styled as the theme's tables"


def test_timeline_filters_narrow_and_restore_the_list(visit):
    page = visit.goto("/timeline/")
    form = page.locator("#timeline-filter")
    form.get_by_label("Pledge").uncheck()
    assert _visible_entries(page) == [e.id for e in EVENTS if e.kind != "pledge"]
    shown = len([e for e in EVENTS if e.kind != "pledge"])
    assert page.locator(".filter__status").inner_text() == f"Showing {shown} of {len(EVENTS)} entries."
    form.get_by_label("CCM").uncheck()
    wanted = [e for e in EVENTS if e.kind != "pledge" and e.convention != "CCM"]
    assert _visible_entries(page) == [e.id for e in wanted]
    only_ccm = {e.date.year for e in EVENTS} - {e.date.year for e in wanted}
    for year in only_ccm:
        assert page.locator(f"#t{year}").is_hidden(), f"{year} has no entry left to show"
    form.get_by_label("Pledge").check()
    form.get_by_label("CCM").check()
    assert _visible_entries(page) == [e.id for e in EVENTS]


def test_the_evidence_filter_keeps_an_entry_while_either_of_its_evidence_is_wanted(visit):
    page = visit.goto("/timeline/")
    assert {e.evidence for e in EVENTS} >= {("quote", "record"), ("record",), ("quote",)}
    form = page.locator("#timeline-filter")
    form.get_by_label("From the treaty record, with sources").uncheck()
    assert _visible_entries(page) == [e.id for e in EVENTS if e.quotes]
    form.get_by_label("Quoted from a statement").uncheck()
    assert _visible_entries(page) == []
    assert page.locator(".filter__status").inner_text() == f"Showing 0 of {len(EVENTS)} entries."
    form.get_by_label("From the treaty record, with sources").check()
    assert _visible_entries(page) == [e.id for e in EVENTS if e.record]


def test_timeline_filters_work_by_keyboard(visit):
    page = visit.goto("/timeline/")
    page.locator("#timeline-filter input[value=pledge]").focus()
    page.keyboard.press("Space")
    assert _visible_entries(page) == [e.id for e in EVENTS if e.kind != "pledge"]


def test_each_timeline_entry_links_to_and_marks_its_paragraph(visit):
    page = visit.goto("/timeline/")
    for event in EVENTS:
        for number, quote in enumerate(event.quotes):
            page.goto(f"{visit.origin}/timeline/#{event.id}")
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
            visit.goto("/")  # a new document each time: only a fragment change would not scroll
            page = visit.goto(f"/timeline/#{alias}")
            entry = page.locator(f'[id="{event.id}"]')
            assert entry.is_visible() and entry.evaluate("(e, a) => e.contains(document.getElementById(a))", alias)
            top = entry.bounding_box()["y"]
            assert 0 <= top < 900, "the page opens on the entry"


def test_record_sources_are_links_and_never_fetched(visit):
    page = visit.goto("/timeline/")
    links = page.locator("#timeline-list a.record-source")
    assert links.count() >= 1
    assert all(href.startswith("http") for href in links.evaluate_all("ls => ls.map(l => l.href)"))
    assert visit.foreign_requests() == []


def test_timeline_reads_without_javascript(no_js_visit):
    page = no_js_visit.goto("/timeline/")
    assert _visible_entries(page) == [e.id for e in EVENTS]
    page.locator("#timeline-filter").get_by_label("Pledge").uncheck()
    assert _visible_entries(page) == [e.id for e in EVENTS if e.kind != "pledge"], "the filters work by CSS alone"
    page = no_js_visit.goto("/timeline/money/")
    assert page.locator(".money-table tbody tr").count() == sum(1 for e in EVENTS if e.amount)


def test_timeline_prints_entries_without_controls(visit):
    page = visit.goto("/timeline/")
    page.emulate_media(media="print")
    assert page.locator("#timeline-filter").is_hidden()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert _visible_entries(page) == [e.id for e in EVENTS]


def test_a_convention_pages_year_link_opens_the_timeline_filtered_to_that_convention(visit):
    ccm = [e for e in EVENTS if e.convention == "CCM"]
    year = ccm[0].date.year
    page = visit.goto("/conventions/ccm/")
    page.locator(f"#t{year} a").first.click()
    page.wait_for_load_state()
    assert page.url == f"{visit.origin}/timeline/?convention=ccm#t{year}"
    assert _visible_entries(page) == [e.id for e in ccm]
    assert page.locator(".filter__status").inner_text() == f"Showing {len(ccm)} of {len(EVENTS)} entries."


def test_in_a_split_timeline_a_convention_pages_year_link_opens_the_year_filtered(
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
