"""Search (Pagefind) lands on the paragraph; paragraph links and their copy control, in real Chromium."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, Visit
from mine_archive.statements import load_statements

STATEMENTS = {s.id: s for s in load_statements(ROOT / "data" / "statements")}
MOFA, CCM, APMBC = "2003-02-mofa-efforts-landmines", "2012-09-11-ccm-3msp", "2017-06-apmbc-intersessional-cooperation"


def _phrases() -> list[tuple[str, str, str]]:
    """From every paragraph of every statement long enough to be a phrase: its words 3 to 9."""
    found = []
    for statement in STATEMENTS.values():
        for paragraph in statement.paragraphs:
            words = paragraph.text.split()
            if len(words) >= 12:
                found.append((" ".join(words[3:9]), statement.id, paragraph.id))
    return found


PHRASES = _phrases()


def search(page, query: str) -> list[str]:
    """Open the search (the / key), type ``query`` and return the result links, in order."""
    if not page.evaluate("!!document.querySelector('dialog.archive-search[open]')"):
        page.keyboard.press("/")
    field = page.locator("#archive-search-query")
    field.fill("")
    field.type(query)
    page.wait_for_function(
        "q => document.querySelector('.archive-search__status').textContent.match(/result/) && "
        "new URLSearchParams(location.search).get('q') === q",
        arg=query,
    )
    page.wait_for_timeout(200)
    return [link.get_attribute("href") for link in page.locator(".archive-search__results a").all()]


FILTERS_FILLED = "document.querySelectorAll('.archive-search__filters select[name=convention] option').length > 1"


def open_filters(page) -> None:
    """Open "Narrow to" with a click and wait until its lists hold their values."""
    page.locator(".archive-search__narrow summary").click()
    page.wait_for_function(FILTERS_FILLED)


def check_the_same_search(visit) -> None:
    """What another engine's build is checked for: from its home page a phrase finds its
    paragraph first, "Narrow to" fills with the filters, nothing comes from elsewhere."""
    page = visit.goto("/")
    links = search(page, "unexploded ordnance unearthed by torrential rain")
    assert links[0].startswith(f"/statements/{CCM}/") and links[0].endswith("#p12")
    open_filters(page)
    assert page.locator(".archive-search__filters select[name=convention] option").count() == 3
    assert visit.foreign_requests() == [] and visit.console_errors == []


def test_every_statement_paragraph_is_found_by_a_phrase_of_its_own_first(visit):
    """For a phrase of each paragraph, the first link of the first result is that paragraph."""
    page = visit.goto("/")
    misses = []
    for phrase, statement, paragraph in PHRASES:
        links = search(page, phrase)
        first = links[0] if links else ""
        if not (first.startswith(f"/statements/{statement}/") and first.endswith(f"#{paragraph}")):
            misses.append((phrase, paragraph, first))
    assert misses == [], misses
    assert visit.foreign_requests() == []


def test_results_are_grouped_under_the_statement_title_with_highlighted_snippet(visit):
    page = visit.goto("/")
    search(page, "torrential rain")
    item = page.locator(".archive-search__result").first
    assert item.locator(".archive-search__name").inner_text() == STATEMENTS[CCM].title
    assert item.locator(".badge").inner_text() == "CCM" and "11 September 2012" in item.inner_text()
    first = item.locator("a").first
    assert first.locator(".archive-search__number").inner_text() == "¶12"
    assert first.locator("mark").all_inner_texts()[:2] == ["torrential", "rain."]
    # The snippet is the paragraph's: it ends where paragraph 12 ends, not in paragraph 13.
    paragraph = next(p for p in STATEMENTS[CCM].paragraphs if p.id == "p12")
    words = first.locator(".archive-search__snippet").inner_text().split()
    assert words[-3:] == paragraph.text.split()[-3:], words


@pytest.mark.parametrize(
    ("query", "wanted"),
    [("contributed", "contribution"), ("stockpiles", "stockpile"), ("demarche", "demarches")],
)
def test_word_forms_match(visit, query, wanted):
    page = visit.goto("/")
    search(page, query)
    marked = " ".join(page.locator(".archive-search__results mark").all_inner_texts()).lower()
    assert wanted in marked or query in marked, marked
    assert page.locator(".archive-search__result").count() >= 1


def test_metadata_is_searchable(visit):
    page = visit.goto("/")
    for query, statement in [
        ("Mari AMANO", CCM),
        ("Intersessional Meetings Geneva", APMBC),
        ("Efforts on the Issue of Landmines", MOFA),
    ]:
        pages = list(dict.fromkeys(href.split("?")[0].split("#")[0] for href in search(page, query)))
        assert f"/statements/{statement}/" in pages[:2], (query, pages[:3])


def test_timeline_entries_are_found_and_linked(visit):
    page = visit.goto("/")
    links = search(page, "deposits its instrument of acceptance")
    assert any(link.split("?")[0] == "/timeline/" and link.endswith("#apmbc-accepted") for link in links), links


def test_catalogue_entries_are_found_and_linked(visit):
    page = visit.goto("/")
    links = search(page, "Statement to the First Meeting of States Parties")
    assert any(link.split("?")[0] == "/catalogue/" and link.endswith("#1999-05-03-takemi-1msp") for link in links), (
        links
    )


def test_each_filter_narrows_the_results(visit):
    page = visit.goto("/")
    search(page, "Japan")
    total = _count(page)
    open_filters(page)
    for name, value, wanted in [
        ("convention", "CCM", {f"/statements/{CCM}/"}),
        ("year", "2003", {f"/statements/{MOFA}/"}),
        ("type", "Fact sheet", {f"/statements/{MOFA}/"}),
        ("speaker", "H. E. Mr. Mari AMANO", {f"/statements/{CCM}/"}),
        ("meeting", "Intersessional Meetings of the Anti-Personnel Mine Ban Convention", {f"/statements/{APMBC}/"}),
    ]:
        select = page.locator(f".archive-search__filters select[name={name}]")
        option = select.locator("option", has_text=value).first
        assert option.inner_text().endswith("(1)"), (name, option.inner_text())
        select.select_option(value)
        page.wait_for_function(
            f"new URLSearchParams(location.search).getAll('filter').some(f => f.startsWith('{name}:'))"
        )
        page.wait_for_timeout(300)
        narrowed = {
            a.get_attribute("href").split("?")[0].split("#")[0]
            for a in page.locator(".archive-search__results a").all()
        }
        assert narrowed == wanted and _count(page) < total, (name, narrowed)
        # Said in the status line too, which stays in view when "Narrow to" is closed.
        said = {"type": "document"}.get(name, name)
        assert f"Narrowed to {said} {value}." in page.locator(".archive-search__status").inner_text()
        select.select_option("")
        page.wait_for_timeout(300)


def test_a_search_link_reproduces_the_search(visit):
    page = visit.goto("/catalogue/?q=torrential+rain&filter=convention:CCM")
    page.wait_for_selector(".archive-search__result")
    assert page.locator("#archive-search-query").input_value() == "torrential rain"
    assert page.locator(".archive-search__filters select[name=convention]").input_value() == "CCM"
    assert page.locator(".archive-search__results a").first.get_attribute("href").endswith("#p12")


def test_following_a_result_lands_on_and_marks_the_paragraph(visit):
    page = visit.goto("/")
    search(page, "Cambodian Mine Action Centre")
    page.locator(".archive-search__results a[href$='#p12']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("?")[0].endswith(f"/statements/{CCM}/") and page.url.endswith("#p12")
    assert page.evaluate("document.getElementById('p12').matches(':target')")
    box = page.locator("#p12").bounding_box()
    assert 0 < box["y"] < page.viewport_size["height"]
    page.wait_for_selector("#p12 mark")  # the searched words, marked once the page has loaded
    assert "Cambodian Mine Action Centre" in " ".join(page.locator("#p12 mark").all_inner_texts())


def test_more_results_come_on_request(visit):
    page = visit.goto("/")
    search(page, "Japan")
    total = _count(page)
    shown = page.locator(".archive-search__result").count()
    assert total > shown == 6
    page.get_by_role("button", name="Show more results").click()
    page.wait_for_function(f"document.querySelectorAll('.archive-search__result').length > {shown}")
    assert page.evaluate("document.activeElement.closest('.archive-search__result') !== null")


def test_search_works_by_keyboard_alone(visit):
    page = visit.goto("/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "archive-search-query"
    search(page, "torrential rain")
    page.keyboard.press("ArrowDown")  # the first result: the statement's paragraph 12
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#p12")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "archive-search-query"
    page.keyboard.press("Escape")
    assert not page.evaluate("!!document.querySelector('dialog.archive-search[open]')")
    page.wait_for_function("document.activeElement.classList.contains('archive-search__open')")
    assert "q=" not in page.url, "a closed search leaves the address"
    page.keyboard.press("Enter")  # the header's search button opens it again
    search(page, "torrential rain")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("#p12")


def test_pagefind_loads_on_first_use_only(visit):
    """Nothing of search loads with the page; a first query fetches the index and the
    results' fragments but not the filters' values, which load when "Narrow to" opens."""
    page = visit.goto(f"/statements/{CCM}/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if "/pagefind/" in url], "nothing of search at page load"
    search(page, "universalization")
    assert any(url.endswith("/pagefind/pagefind.js") for url in visit.requests)
    assert any(url.endswith(".pf_index") for url in visit.requests)
    assert any(url.endswith(".pf_fragment") for url in visit.requests)
    assert not [url for url in visit.requests if url.endswith(".pf_filter")]
    open_filters(page)
    assert [url for url in visit.requests if url.endswith(".pf_filter")]


def test_paragraph_links_are_reachable_and_labelled_for_keyboard_users(visit):
    page = visit.goto(f"/statements/{CCM}/")
    link = page.get_by_role("link", name="Link to paragraph 4", exact=True)
    assert link.is_visible(), "the paragraph's number is its link"
    tools = page.locator("#p4 .para-tools")
    assert tools.is_hidden()
    link.focus()
    assert tools.is_visible(), "its tools show while the paragraph holds focus"
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Copy link to paragraph 4")
    assert button.evaluate("el => el === document.activeElement")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    # A link within the page changes the address when the browser gets to it, not at once.
    page.wait_for_url("**#p4", timeout=5000)


def test_copy_control_copies_the_absolute_paragraph_url(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}/statements/{APMBC}/", wait_until="networkidle")
    page.locator("#p6").hover()
    page.get_by_role("button", name="Copy link to paragraph 6").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/statements/{APMBC}/#p6"
    assert page.get_by_role("button", name="Copy link to paragraph 6").inner_text() == "Copied"
    assert page.locator(".statement-body [role=status]").inner_text().startswith("Link to paragraph 6 copied")
    context.close()


def test_paragraph_links_work_without_javascript(no_js_visit):
    page = no_js_visit.goto(f"/statements/{MOFA}/")
    assert page.locator(".para-copy").count() == 0
    page.locator("#p3").hover()
    page.get_by_role("link", name="Link to paragraph 3", exact=True).click()
    assert page.url.endswith("#p3") and page.evaluate("document.getElementById('p3').matches(':target')")


def test_text_fragments_still_scroll_to_their_text(visit):
    page = visit.goto(f"/statements/{CCM}/#:~:text=unearthed%20by%20torrential%20rain")
    page.wait_for_timeout(500)
    assert page.evaluate("window.scrollY") > 500
    box = page.locator("#p12").bounding_box()
    assert 0 < box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("scheme, toggled", [("light", None), ("dark", None), ("light", "dark"), ("dark", "light")])
def test_search_results_are_accessible_and_local(browser, site_url, scheme, toggled):
    """In both themes, from the system (``scheme``) or chosen with the header's toggle."""
    from test_browser import _toggle, axe_violations

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(f"{site_url}/timeline/", wait_until="networkidle")
    if toggled:
        _toggle(page, toggled)
    search(page, "universalization")
    assert page.locator(".archive-search__result").count() >= 2
    assert axe_violations(page) == []
    open_filters(page)
    assert axe_violations(page) == [], "with the filters open"
    assert [url for url in requests if not url.startswith(site_url + "/")] == []
    assert errors == []
    context.close()


def test_search_works_offline(browser, site_url):
    """With every other origin unreachable (a reader without a connection, a copy of the
    site on a laptop), the search finds, narrows and opens results: it needs nothing but
    the site's own files."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def only_the_site(route):
        if route.request.url.startswith(site_url + "/"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_the_site)
    visit = Visit(context, site_url)
    page = visit.goto(f"/statements/{MOFA}/")
    links = search(page, "unexploded ordnance unearthed by torrential rain")
    assert links[0].startswith(f"/statements/{CCM}/") and links[0].endswith("#p12")
    open_filters(page)
    page.locator(".archive-search__filters select[name=convention]").select_option("APMBC")
    page.wait_for_function("!document.querySelector('.archive-search__results a[href*=\"ccm-3msp\"]')")
    page.locator(".archive-search__filters select[name=convention]").select_option("")
    page.wait_for_selector(".archive-search__results a[href*='ccm-3msp']")
    with page.expect_navigation():
        page.locator(".archive-search__results a").first.click()
    page.wait_for_selector("#p12 mark")
    assert refused == [] and visit.console_errors == []
    context.close()


def test_the_filters_work_by_keyboard(visit):
    page = visit.goto("/")
    search(page, "Japan")
    before = _count(page)
    page.keyboard.press("Tab")  # from the field to the Close button
    page.keyboard.press("Tab")  # to "Narrow to"
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.wait_for_function(FILTERS_FILLED)
    page.keyboard.press("Tab")  # to the first filter, the convention
    assert page.evaluate("document.activeElement.name") == "convention"
    page.keyboard.type("C")  # a closed list picks the choice its letter begins: CCM
    page.wait_for_function("new URLSearchParams(location.search).getAll('filter').includes('convention:CCM')")
    page.wait_for_timeout(300)
    assert _count(page) < before
    hrefs = [a.get_attribute("href") for a in page.locator(".archive-search__results a").all()]
    assert hrefs and all(f"/statements/{CCM}/" in href for href in hrefs)


def test_the_search_fits_a_phone(browser, site_url):
    """On a 360-px phone the field, its Close button and the filters stay inside the dialog."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/?q=universalization", wait_until="networkidle")
    page.wait_for_selector(".archive-search__result")
    open_filters(page)
    dialog = page.locator("dialog.archive-search").bounding_box()
    for part in [".archive-search__close", "#archive-search-query", ".archive-search__filters select[name=meeting]"]:
        box = page.locator(part).bounding_box()
        assert dialog["x"] <= box["x"] and box["x"] + box["width"] <= dialog["x"] + dialog["width"], (part, box, dialog)
    assert page.evaluate("(d => d.scrollWidth <= d.clientWidth)(document.querySelector('dialog.archive-search'))")
    context.close()


def _indexed_texts(site: Path) -> dict[str, str]:
    """Each page's text as Pagefind indexed it, by URL: its fragment file is gzip-compressed
    JSON after a short signature."""
    texts = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        texts[fragment["url"]] = fragment["content"]
    return texts


def _words(text: str) -> set[str]:
    return {word.strip(".,;:()[]“”‘’\"'!?…·—–-").lower() for word in text.split()} - {""}


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_the_index_holds_the_words_a_reader_sees(browser, request, which):
    """Pagefind runs together the text of neighbouring elements with no white space between
    them in the HTML, except headings, paragraphs, cells, list items and sections: a badge
    and the line after it became "APMBCStatement", a word no one can find. Every word it
    indexes must be a word of the page as the browser shows it (every <details> open). The
    synthetic archive adds the pages only a larger archive has (one page per year, say)."""
    if which == "real":
        site, url = request.getfixturevalue("built_site"), request.getfixturevalue("site_url")
    else:
        site, url = request.getfixturevalue("synthetic_archive")[1], request.getfixturevalue("synthetic_url")
    texts = _indexed_texts(site)
    if which == "synthetic":  # every page but the statements, which are the real ones' shape
        statements = sorted(path for path in texts if path.startswith("/statements/") and path != "/statements/")
        texts = {path: text for path, text in texts.items() if path not in statements[3:]}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    run_together = {}
    for path, text in sorted(texts.items()):
        page.goto(url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        shown = _words(page.evaluate("document.querySelector('[data-pagefind-body]').innerText"))
        if _words(text) - shown:
            run_together[path] = sorted(_words(text) - shown)
    context.close()
    assert run_together == {}


@pytest.mark.parametrize("query", ["universalization", "stockpile", "Japan", "Ambassador"])
def test_each_place_shows_words_of_its_own(visit, query):
    """A result's place (a paragraph, a timeline entry, an editorial note) quotes words of
    that place only: a hit in the list after the notes, or in a heading, is not a note's."""
    page = visit.goto("/")
    search(page, query)
    places = []  # (page, id, snippet)
    for link in page.locator("a.archive-search__place").all():
        address = urlsplit(link.get_attribute("href"))
        places.append((address.path, address.fragment, link.locator(".archive-search__snippet").inner_text()))
    assert places
    texts = {}
    for path in sorted({path for path, _, _ in places}):
        target = visit.goto(path)  # each page once
        ids = [i for p, i, _ in places if p == path]
        texts.update({(path, i): text for i, text in zip(ids, target.evaluate(ELEMENT_TEXTS, ids), strict=True)})
    wrong = [(p, i, snippet) for p, i, snippet in places if not _words(snippet) <= _words(texts[p, i])]
    assert wrong == []


ELEMENT_TEXTS = "ids => ids.map(id => document.getElementById(id).innerText)"


def _count(page) -> int:
    """The number of results the status line gives."""
    return int(page.locator(".archive-search__status").inner_text().split()[0])
