"""Search lands on the paragraph; paragraph links and their copy control, in real Chromium."""

from __future__ import annotations

import pytest
from conftest import ROOT
from mine_archive import search_index
from mine_archive.statements import load_statements

STATEMENTS = {s.id: s for s in load_statements(ROOT / "data" / "statements")}
MOFA, CCM, APMBC = "2003-02-mofa-efforts-landmines", "2012-09-11-ccm-3msp", "2017-06-apmbc-intersessional-cooperation"

# Phrases a reader might type, taken from paragraphs of all three statements.
PHRASES = [
    ("destruction of its stockpile of approximately one million", MOFA, "p1"),
    ("Zero Victims Program", MOFA, "p4"),
    ("co-rapporteur of the Standing Committee on Mine Clearance", MOFA, "p3"),
    ("unexploded ordnance unearthed by torrential rain", CCM, "p12"),
    ("joint demarches on universalization", CCM, "p7"),
    ("Friend of the President on Universalization", CCM, "p6"),
    ("Landmine Monitor 2016", APMBC, "p6"),
    ("Development Cooperation Charter", APMBC, "p4"),
    ("mine-free world by 2025", APMBC, "p8"),
]


def search(page, query: str) -> list[str]:
    """Type a query into Material's search field and return the result links, in order."""
    if not page.evaluate("document.activeElement.classList.contains('md-search__input')"):
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta') && "
        "document.querySelector('.md-search__input').value === q && "
        "document.querySelectorAll('.md-search-result__link').length > 0",
        arg=query,
    )
    # The worker downloads the texts of a query's results only once it has stood 100 ms
    # (search-worker.js): let the last keystroke's results replace earlier ones.
    page.wait_for_timeout(300)
    page.wait_for_load_state("networkidle")
    # Material fades results in; checks (axe's contrast above all) must see the end state.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]


@pytest.mark.parametrize(("phrase", "statement", "paragraph"), PHRASES)
def test_a_phrase_finds_its_paragraph_among_the_first_results(visit, phrase, statement, paragraph):
    page = visit.goto("/")
    links = search(page, phrase)
    wanted = [
        i for i, href in enumerate(links) if f"/statements/{statement}/" in href and href.endswith(f"#{paragraph}")
    ]
    assert wanted and wanted[0] <= 3, links[:6]
    assert visit.foreign_requests() == []


def test_results_are_grouped_under_the_statement_title_with_highlighted_snippet(visit):
    page = visit.goto("/")
    search(page, "torrential rain")
    item = page.locator(".md-search-result__item").first
    assert item.locator("h1").inner_text() == STATEMENTS[CCM].title
    assert item.locator("h2").first.inner_text() == "¶12"
    assert item.locator("mark").all_inner_texts()[:2] == ["torrential", "rain"]


def test_metadata_is_searchable(visit):
    page = visit.goto("/")
    for query, statement in [
        ("Mari AMANO", CCM),
        ("Geneva intersessional", APMBC),
        ("Ministry of Foreign Affairs", MOFA),
    ]:
        pages = list(dict.fromkeys(href.split("?")[0] for href in search(page, query)))
        assert f"{visit.origin}/statements/{statement}/" in pages[:2], (query, pages[:3])


def test_following_a_result_lands_on_and_marks_the_paragraph(visit):
    page = visit.goto("/")
    search(page, "Cambodian Mine Action Centre")
    page.locator(".md-search-result__link[href$='#p12']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("?")[0].endswith(f"/statements/{CCM}/") and page.url.endswith("#p12")
    assert page.evaluate("document.getElementById('p12').matches(':target')")
    box = page.locator("#p12").bounding_box()
    assert 0 < box["y"] < page.viewport_size["height"]
    page.wait_for_selector("#p12 mark")  # Material highlights the ?h= terms once the page has loaded
    assert "Cambodian Mine Action Centre" in page.locator("#p12 mark").all_inner_texts()


def test_query_links_open_the_search(visit):
    page = visit.goto("/?q=torrential")
    page.wait_for_selector(".md-search-result__link")
    assert page.locator(".md-search__input").input_value() == "torrential"
    assert any(
        h.endswith("#p12") for h in [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    )


def test_search_works_by_keyboard_alone(visit):
    page = visit.goto("/")
    page.keyboard.press("/")  # Material's shortcut to the search field
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    search(page, "torrential rain")
    page.keyboard.press("ArrowDown")  # the statement's heading
    page.keyboard.press("ArrowDown")  # its paragraph 12
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#p12")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("#p12")


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
    assert page.url.endswith("#p4")


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_are_accessible_and_local(browser, site_url, scheme):
    from test_browser import axe_violations

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(f"{site_url}/timeline/", wait_until="networkidle")
    search(page, "universalization")
    assert page.locator(".md-search-result__item").count() >= 2
    assert axe_violations(page) == []
    assert [url for url in requests if not url.startswith(site_url + "/")] == []
    fetched = [url.rsplit("/search/", 1)[-1] for url in requests if "/search/" in url]
    assert "index.json" in fetched and any(name.startswith("terms/") for name in fetched)
    assert errors == []
    context.close()


def test_keystrokes_of_a_query_being_typed_download_no_text(visit):
    """Each keystroke is a query; only the one that stands (100 ms) downloads the texts
    of its results. While typing, the index is fetched from the first keystroke and each
    word's postings once it has three letters, each file once."""
    page = visit.goto("/")
    fetched: list[tuple[float, str]] = []
    page.on("request", lambda r: "/search/" in r.url and fetched.append((page.evaluate("performance.now()"), r.url)))
    page.locator(".md-search__input").click()
    query = "unexploded ordnance unearthed by torrential rain"
    page.keyboard.type(query, delay=10)
    typed = page.evaluate("performance.now()")
    page.wait_for_selector(".md-search-result__link")
    page.wait_for_load_state("networkidle")
    names = [url.rsplit("/search/", 1)[1] for _, url in fetched]
    assert any(n.startswith("text/") for n in names) and any(n.startswith("terms/") for n in names), names
    early = {name for at, name in zip((at for at, _ in fetched), names, strict=True) if at < typed - 50}
    postings = {f"terms/{search_index.shard_key(word)}.json" for word in query.split()}
    assert early - {"index.json", "pages.json"}, "postings wait for nothing"
    assert early <= {"index.json", "pages.json"} | postings, f"texts or stray postings fetched while typing: {early}"
    assert len(names) == len(set(names)), "no file twice"
