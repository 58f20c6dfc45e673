"""Shared fixtures: a real site build, a local server for it, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def shared_path(*parts: str) -> Path:
    """A file or folder of ../shared beside this checkout. Missing: a skip locally, a failure
    under CI, where ../shared is always laid beside the clone."""
    path = ROOT.parent.joinpath("shared", *parts)
    if not path.exists():
        message = f"{path} is missing: the tests that check the data against it need ../shared beside the checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_build(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run scripts/build.py as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def build_into(tmp_path_factory: pytest.TempPathFactory, command: str, *args: str) -> Path:
    """``scripts/build.py command`` into a fresh temporary folder named as the command's
    default (site, site-zensical, site-properdocs); the built site."""
    site = tmp_path_factory.mktemp(command) / ("site" if command == "site" else f"site-{command}")
    result = run_build(command, "--site-dir", str(site), *args)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with the real pipeline and mkdocs --strict."""
    return build_into(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def synthetic_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``(data, site)``: 200 synthetic statements (scripts/synthetic.py, as ``make bench``
    makes them) built with the real pipeline: listings long enough to scroll."""
    import synthetic

    root = tmp_path_factory.mktemp("synthetic")
    data = synthetic.write_corpus(root / "data", 200)
    result = run_build("site", "--data", str(data), "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stderr
    return data, root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class _HeadersHandler(_QuietHandler):
    """Sends the headers of the site's own _headers file, as a static host would."""

    extra_headers: list[tuple[str, str]] = []

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def served(directory: Path, handler_class: type = _QuietHandler):
    """``directory`` served on 127.0.0.1 (an ephemeral port) while the block runs; its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served on 127.0.0.1 (an ephemeral port)."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def synthetic_url(synthetic_archive: tuple[Path, Path]):
    """The synthetic site served on 127.0.0.1."""
    with served(synthetic_archive[1]) as url:
        yield url


@pytest.fixture(scope="session")
def csp_site_url(built_site: Path):
    """The built site served with the headers of its _headers file, Content-Security-Policy included."""
    lines = (built_site / "_headers").read_text(encoding="utf-8").splitlines()
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in lines if line.startswith("  ")]
    handler = type("SiteHeaders", (_HeadersHandler,), {"extra_headers": headers})
    with served(built_site, handler) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing: a skip locally, a failure under CI."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing; run `make browser` (as root) to install Debian's chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Visit:
    """A browser page that records every request and console error it sees."""

    def __init__(self, context, origin: str):
        self.context = context
        self.origin = origin
        self.page = context.new_page()
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def goto(self, path: str):
        response = self.page.goto(self.origin + path, wait_until="networkidle")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin + "/") and not url.startswith("data:")]


@pytest.fixture
def visit(browser, site_url):
    """Open pages of the served site in a fresh light-scheme context."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    yield Visit(context, site_url)
    context.close()


@pytest.fixture
def no_js_visit(browser, site_url):
    """A context with JavaScript off: what every page must still do without it."""
    context = browser.new_context(java_script_enabled=False)
    yield Visit(context, site_url)
    context.close()


@pytest.fixture
def dark_visit(browser, site_url):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    yield Visit(context, site_url)
    context.close()


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def stable(digest: dict[str, str]) -> dict[str, str]:
    """Every file but Pagefind's filter and metadata indexes and the entry file naming them,
    which Pagefind 1.5 writes in a varying order (upstream issue Pagefind#638: its fragments
    and word index are stable, these are not). What they hold is the same; the test of the
    search checks it."""
    varying = ("pagefind/filter/", "pagefind/pagefind-entry.json")
    return {
        path: value
        for path, value in digest.items()
        if not path.startswith(varying) and not (path.startswith("pagefind/pagefind.") and path.endswith(".pf_meta"))
    }
