"""The site works under the Content-Security-Policy it documents (site/_headers)."""

from __future__ import annotations

import pytest
from conftest import DATA
from mine_archive import csp, pipeline
from test_browser import PAGES, STATEMENTS

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def csp_page(browser, csp_site_url):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=csp_site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def test_the_policy_is_sent(csp_page, csp_site_url):
    response = csp_page.goto(csp_site_url + "/")
    assert "default-src 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_a_violation(csp_page, csp_site_url, path):
    csp_page.goto(csp_site_url + path, wait_until="networkidle")
    assert csp_page.evaluate("window.__violations") == []
    assert csp_page.errors == []


def test_interactive_features_work_under_the_policy(csp_page, csp_site_url):
    page = csp_page
    page.goto(f"{csp_site_url}/statements/{STATEMENTS[1].id}/", wait_until="networkidle")
    page.get_by_title("Switch to dark theme").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("#p7").hover()
    page.get_by_role("button", name="Copy link to paragraph 7").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith("#p7")
    page.keyboard.press("/")  # search: Pagefind's WebAssembly runs under the policy
    page.keyboard.type("torrential rain")
    page.wait_for_selector(".archive-search__results a[href$='#p12']")
    page.goto(f"{csp_site_url}/timeline/", wait_until="networkidle")
    page.locator("#timeline-filter").get_by_label("Pledge").uncheck()
    events = pipeline.load(DATA).events
    shown = sum(1 for event in events if event.kind != "pledge")
    assert page.locator(".filter__status").inner_text() == f"Showing {shown} of {len(events)} entries."
    assert page.evaluate("window.__violations") == []
    assert page.errors == []


def test_the_policy_allows_the_inline_scripts_of_every_built_page(built_site):
    """The plugin collects them as MkDocs renders; reading the built site back finds the same."""
    pages = [path.read_text(encoding="utf-8") for path in built_site.rglob("*.html")]
    hashes = csp.inline_script_hashes(pages)
    assert len(hashes) >= 3
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {csp.policy(hashes)}\n" in headers
