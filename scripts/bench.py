#!/usr/bin/env python3
"""`make bench`: build synthetic archives of 100 and 1,000 statements and report.

Everything is measured against plain MkDocs + Material building the same statements
as ordinary Markdown pages in the same run, so overhead is a ratio (this machine is
noisy; times are medians of several runs). Corpora live in a temporary directory and
are never committed. The table is printed and written into docs/performance.md.

    python scripts/bench.py [--runs 3] [--lighthouse-runs 5] [--no-browser] [--no-lighthouse]

--runs: builds of each size (ours and the baseline's), edits under mkdocs serve, pages
searched (at least five). --lighthouse-runs: Lighthouse runs per page (its scores swing
with the machine's load; Lighthouse advises the median of five).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import multiprocessing
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic  # noqa: E402
from mine_archive import pipeline, search  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
LIGHTHOUSE_VERSION = "13.5.0"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], env: dict, cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def build_ours(data: Path, site: Path) -> tuple[float, int]:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    return timed(command, {**ENV, "ARCHIVE_DATA_DIR": str(data)})


def build_baseline(project: Path, site: Path) -> tuple[float, int]:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], ENV, cwd=project)


def our_share(data: Path, runs: int) -> tuple[float, float]:
    """Seconds the project's own code takes in a build: loading, validating and generating
    the pages, then the exports."""
    inline, exported = [], []
    for _ in range(runs):
        start = time.perf_counter()
        archive = pipeline.load(data)
        pipeline.page_files(archive, "", "bench")
        middle = time.perf_counter()
        pipeline.data_files(archive, "", "bench")
        inline.append(middle - start)
        exported.append(time.perf_counter() - middle)
    return statistics.median(inline), statistics.median(exported)


def pagefind_seconds(site: Path, runs: int) -> float:
    """Seconds Pagefind takes to index the built site (a part of every build)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        search.index(site)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def tree_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def tree_files(site: Path) -> int:
    return sum(1 for p in site.rglob("*") if p.is_file())


def statement_pages(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (site / "statements").glob("*/index.html"))


def largest_year_page(site: Path) -> str:
    """The year of the largest /timeline/<year>/ page."""
    return max((site / "timeline").glob("[0-9]*/index.html"), key=lambda p: p.stat().st_size).parent.name


def listing_pages(site: Path) -> dict[str, int]:
    """HTML bytes of the pages that list many entries, and of the largest page of all."""
    return {
        "the largest page of all": max(p.stat().st_size for p in site.rglob("*.html")),
        "timeline overview": (site / "timeline" / "index.html").stat().st_size,
        "largest timeline year": (site / "timeline" / largest_year_page(site) / "index.html").stat().st_size,
        "money": (site / "timeline" / "money" / "index.html").stat().st_size,
        "largest convention page": max(p.stat().st_size for p in (site / "conventions").glob("*/index.html")),
        "statements (browse)": (site / "statements" / "index.html").stat().st_size,
        "catalogue": (site / "catalogue" / "index.html").stat().st_size,
    }


def search_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())


class _Quiet(SimpleHTTPRequestHandler):
    """Keeps connections open and sends each response without waiting (TCP_NODELAY), as
    static hosts do: Python's server sends headers and body apart, and Nagle's algorithm
    then held every response back 40 ms for the browser's delayed acknowledgement."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass


@functools.cache
def _gzipped(path: Path) -> bytes:
    """A file compressed once, as static hosts keep it (level 6, gzip's default)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class _Gzip(_Quiet):
    """Compresses text responses, as static hosts (GitHub Pages, Netlify, Cloudflare) do."""

    COMPRESSED = (".html", ".css", ".js", ".json")

    @classmethod
    def prepare(cls, directory: Path) -> None:
        """Compress every text file before serving, as hosts serve them from a cache."""
        for path in directory.rglob("*"):
            if path.suffix in cls.COMPRESSED and path.is_file():
                _gzipped(path)

    def do_GET(self):  # noqa: N802 - http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESSED:
            return super().do_GET()
        if not path.is_file():
            return self.send_error(404)
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path, handler: type = _Quiet):
    """Serve ``directory`` from a process of its own: in this one, its threads would
    compete for the interpreter with the Playwright driver that measures the page."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    fork = multiprocessing.get_context("fork")
    ready = fork.Event()

    def run() -> None:
        getattr(handler, "prepare", lambda _: None)(directory)
        ready.set()
        server.serve_forever()

    process = fork.Process(target=run, daemon=True)
    process.start()
    ready.wait()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        process.terminate()
        process.join()
        server.server_close()


LATENCY_PROBE = """
window.__lastKey = 0; window.__firstResult = null;
document.addEventListener('keydown', () => {
  window.__lastKey = performance.now();
  window.__firstResult = null;
}, true);
new MutationObserver(() => {
  if (window.__firstResult === null && document.querySelector('.archive-search__result')) {
    window.__firstResult = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""


def browser_numbers(url: str, samples: list[tuple[str, str]], slow: bool = True) -> dict:
    """Medians over ``samples`` ((statement path, phrase) pairs), each in a fresh browser
    context: bytes of the first view of the page, then the phrase typed at 30 ms a key
    (the first query, which downloads what it needs, and its bytes), then typed again
    (a later query, answered from what is loaded). Also the slowest first query."""
    from playwright.sync_api import sync_playwright

    seen: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path, query in samples:
            for name, value in one_visit(browser, url + path, query).items():
                seen.setdefault(name, []).append(value)
            if slow:
                seen.setdefault("slow_search_bytes", []).append(slow_typing_bytes(browser, url + path, query))
        browser.close()
    numbers = {name: statistics.median(values) for name, values in seen.items()}
    numbers["first_query_ms_max"] = max(seen["first_query_ms"])
    numbers["samples"] = len(samples)
    return numbers


FIRST_RESULT_SHOWN = "window.__firstResult !== null && window.__firstResult > window.__lastKey"


def response_bytes(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def fresh_page(browser, url: str) -> tuple:
    """``(page, sizes, first view bytes)``: ``url`` in a new context, then reloaded with
    the latency probe; ``sizes`` records ``(url, bytes)`` of every response from the
    reload on (the Worker's requests included: Chromium reports them as the page's)."""
    from playwright.sync_api import Error as PlaywrightError

    page = browser.new_context().new_page()
    sizes: list[tuple[str, int]] = []

    def record(request) -> None:  # noqa: ANN001 - Playwright's Request
        try:
            sizes.append((request.url, response_bytes(request)))
        except PlaywrightError:
            # A response that finishes while its page closes is outside every count.
            if not page.is_closed():
                raise

    page.on("requestfinished", record)
    page.goto(url, wait_until="networkidle")
    first_view = sum(size for _, size in sizes)
    page.add_init_script(LATENCY_PROBE)
    page.reload(wait_until="networkidle")
    sizes.clear()
    return page, sizes, first_view


SEARCH_PARTS = ("code", "index", "fragments", "filters", "other")


def search_part(url: str) -> str:
    """What a response of a search is: Pagefind's code (its script, Worker, WebAssembly,
    entry and metadata), a chunk of the word index, a result's fragment, a filter's values."""
    if "/pagefind/" not in url:
        return "other"
    kinds = {"pf_index": "index", "pf_fragment": "fragments", "pf_filter": "filters"}
    return kinds.get(url.split("?")[0].rsplit(".", 1)[-1], "code")


def open_search(page) -> None:
    """Open the search from the header's button, as a reader would, with the field focused."""
    page.wait_for_function("!document.querySelector('dialog.archive-search[open]')")
    page.locator(".archive-search__open").click()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'archive-search-query'")


def one_visit(browser, url: str, query: str) -> dict:
    page, sizes, first_view = fresh_page(browser, url)
    numbers = {"first_view_bytes": first_view}
    for attempt in ("first", "warm"):
        open_search(page)
        page.locator("#archive-search-query").fill("")
        page.evaluate("document.querySelector('.archive-search__results').textContent = ''")
        page.evaluate("window.__firstResult = null")
        page.keyboard.type(query, delay=30)
        page.wait_for_function(FIRST_RESULT_SHOWN, timeout=60000)
        numbers[f"{attempt}_query_ms"] = page.evaluate("window.__firstResult - window.__lastKey")
        if attempt == "first":
            page.wait_for_load_state("networkidle")
            numbers["first_search_bytes"] = sum(size for _, size in sizes)
            for part in SEARCH_PARTS:
                numbers[f"first_search_{part}"] = sum(size for url, size in sizes if search_part(url) == part)
        page.keyboard.press("Escape")
    page.context.close()
    return numbers


def slow_typing_bytes(browser, url: str, query: str, delay: int = 250) -> int:
    """Bytes a fresh page fetches while the query is typed at ``delay`` ms a key, until
    the last query's results are shown: each pause long enough makes a query that downloads."""
    page, sizes, _ = fresh_page(browser, url)
    open_search(page)
    page.keyboard.type(query, delay=delay)
    page.wait_for_function(FIRST_RESULT_SHOWN, timeout=60000)
    page.wait_for_load_state("networkidle")
    page.context.close()
    return sum(size for _, size in sizes)


def lighthouse(url: str, pages: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    """Each page's median score per category over ``runs`` Lighthouse runs (its scores
    vary from run to run on a shared machine; Lighthouse's own advice is the median)."""
    binary = ROOT / ".cache" / "node" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        prefix = str(ROOT / ".cache" / "node")
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "--prefix",
                prefix,
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    scores = {}
    for name, path in pages.items():
        runs_scores: dict[str, list[float]] = {}
        for _ in range(runs):
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    [str(binary), url + path, "--quiet", "--output=json", f"--output-path={report.name}",
                     "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                    env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
                )  # fmt: skip
                result = json.loads(Path(report.name).read_text(encoding="utf-8"))
            for key, value in result["categories"].items():
                runs_scores.setdefault(key, []).append(value["score"])
        scores[name] = {key: statistics.median(values) for key, values in runs_scores.items()}
    return scores


def search_samples(data: Path, count: int) -> list[tuple[str, str]]:
    """``count`` (statement page, phrase) pairs spread over the corpus: five words from
    the middle of a paragraph of that statement, as a reader would quote it."""
    files = sorted((data / "statements").glob("*.md"))
    samples = []
    for number in range(count):
        path = files[len(files) * (2 * number + 1) // (2 * count)]
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        phrase = " ".join(next(p for p in body.split("\n\n") if len(p.split()) > 12).split()[3:8])
        samples.append((f"/statements/{path.stem}/", phrase))
    return samples


# Lighthouse's targets are the home page, a statement and the timeline; the other pages
# are the ones that grow with the archive, reported beside them.
LIGHTHOUSE_TARGETS = {"home", "a statement", "timeline overview"}


def lighthouse_pages(site: Path, statement: str) -> dict[str, str]:
    largest_convention = max((site / "conventions").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return {
        "home": "/",
        "a statement": statement,
        "timeline overview": "/timeline/",
        "the largest timeline year": f"/timeline/{largest_year_page(site)}/",
        "money": "/timeline/money/",
        "statements (browse)": "/statements/",
        "the largest convention page": f"/conventions/{largest_convention.parent.name}/",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str) -> str | None:
    with contextlib.suppress(OSError):
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    return None


def serve_rebuild_seconds(data: Path, edits: int) -> list[float]:
    """For each of ``edits`` statements in turn: seconds from saving an edit to the
    statement until `mkdocs serve` serves its rebuilt page."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        env={**ENV, "ARCHIVE_DATA_DIR": str(data)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    files = sorted((data / "statements").glob("*.md"))
    seconds = []
    try:
        deadline = time.monotonic() + 120
        while fetch_text(f"http://127.0.0.1:{port}/") is None:
            if time.monotonic() > deadline:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        for number in range(edits):
            target = files[len(files) * (2 * number + 1) // (2 * edits)]
            url = f"http://127.0.0.1:{port}/statements/{target.stem}/"
            time.sleep(1.0)  # the watcher settles; no rebuild is under way
            marker = f"Edited for the benchmark {number}"
            text = target.read_text(encoding="utf-8").replace("\nplace: ", f"\nplace: {marker}, ", 1)
            start = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            while marker not in (fetch_text(url) or ""):
                if time.perf_counter() - start > 60:
                    raise SystemExit("the edited page was not served within 60 s")
                time.sleep(0.05)
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        process.terminate()
        process.wait(timeout=30)


def kib(value: float) -> str:
    return f"{value / 1024:,.0f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--write", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    results: dict = {}
    try:
        real_site = tmp / "real-site"
        build_ours(ROOT / "data", real_site)
        results["real_largest_page"] = statement_pages(real_site)[-1]
        for count in (100, 1000):
            print(f"Building {count} statements ({args.runs} runs each, ours and baseline)…", file=sys.stderr)
            data = synthetic.write_corpus(tmp / f"c{count}" / "data", count)
            base = synthetic.write_baseline_docs(data, tmp / f"c{count}" / "baseline")
            # Alternated, so that a noisy moment of the machine falls on both sides alike.
            ours, theirs = [], []
            for i in range(args.runs):
                ours.append(build_ours(data, tmp / f"c{count}" / f"site{i}"))
                theirs.append(build_baseline(base, tmp / f"c{count}" / f"base{i}"))
            site = tmp / f"c{count}" / "site0"
            pages = statement_pages(site)
            share, exports_time = our_share(data, args.runs)
            results[count] = {
                "ours": statistics.median(t for t, _ in ours),
                "baseline": statistics.median(t for t, _ in theirs),
                "share": share,
                "exports_time": exports_time,
                "pagefind_time": pagefind_seconds(tmp / f"c{count}" / "site0", args.runs),
                "memory": max(m for _, m in ours),
                "baseline_memory": max(m for _, m in theirs),
                "site": tree_bytes(site),
                "baseline_site": tree_bytes(tmp / f"c{count}" / "base0"),
                "files": tree_files(site),
                "baseline_files": tree_files(tmp / f"c{count}" / "base0"),
                "median_page": statistics.median(pages),
                "largest_page": pages[-1],
                "search": search_bytes(site),
                "listings": listing_pages(site),
            }
        if not args.no_browser:
            site = tmp / "c1000" / "site0"
            # Searches are quick and their times vary: at least five pages.
            samples = search_samples(tmp / "c1000" / "data", max(5, args.runs))
            with serve(site) as url:
                results["browser"] = browser_numbers(url, samples)
            with serve(site, _Gzip) as url:
                results["gzip"] = browser_numbers(url, samples, slow=False)
                if not args.no_lighthouse:
                    results["lighthouse"] = lighthouse(url, lighthouse_pages(site, samples[0][0]), args.lighthouse_runs)
            results["serve"] = serve_rebuild_seconds(tmp / "c100" / "data", args.runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = report(results, args.runs, args.lighthouse_runs)
    print(table)
    write_page(args.write, table)
    return 0


def report(r: dict, runs: int, lighthouse_runs: int) -> str:
    small, large = r[100], r[1000]
    rows = [("measure", "100 statements", "1,000 statements", "target")]

    def row(name, a, b, target=""):
        rows.append((name, a, b, target))

    row("build, ours (median wall time)", f"{small['ours']:.2f} s", f"{large['ours']:.2f} s")
    row("build, plain MkDocs + Material", f"{small['baseline']:.2f} s", f"{large['baseline']:.2f} s")
    ratio_small, ratio_large = small["ours"] / small["baseline"], large["ours"] / large["baseline"]
    row(
        "overhead vs baseline",
        f"{ratio_small:.2f}×",
        f"{ratio_large:.2f}×",
        f"≤ 1.5× at 1,000: {'met' if ratio_large <= 1.5 else 'NOT met'}",
    )
    row("time per statement", f"{small['ours'] / 100 * 1000:.1f} ms", f"{large['ours'] / 1000 * 1000:.1f} ms")
    linear = large["ours"] / small["ours"]
    row("time at 1,000 ÷ time at 100", "", f"{linear:.1f}", f"≤ 11: {'met' if linear <= 11 else 'NOT met'}")
    row("our share: load, validate, generate pages", f"{small['share']:.2f} s", f"{large['share']:.2f} s")
    row("our share: exports", f"{small['exports_time']:.2f} s", f"{large['exports_time']:.2f} s")
    row("Pagefind: indexing the built site", f"{small['pagefind_time']:.2f} s", f"{large['pagefind_time']:.2f} s")

    def rest(r: dict) -> str:
        return f"{r['ours'] - r['share'] - r['exports_time'] - r['pagefind_time']:.2f} s"

    row("MkDocs' share (the rest)", rest(small), rest(large))
    row("peak memory, ours / baseline", f"{small['memory'] / 1024:.0f} / {small['baseline_memory'] / 1024:.0f} MiB",
        f"{large['memory'] / 1024:.0f} / {large['baseline_memory'] / 1024:.0f} MiB")  # fmt: skip
    row("site size, ours / baseline", f"{small['site'] / 2**20:.1f} / {small['baseline_site'] / 2**20:.1f} MiB",
        f"{large['site'] / 2**20:.1f} / {large['baseline_site'] / 2**20:.1f} MiB")  # fmt: skip
    row("files written, ours / baseline", f"{small['files']:,} / {small['baseline_files']:,}",
        f"{large['files']:,} / {large['baseline_files']:,}")  # fmt: skip
    row("statement page HTML, median", kib(small["median_page"]), kib(large["median_page"]))
    page_ratio = large["largest_page"] / r["real_largest_page"]
    row("statement page HTML, largest", kib(small["largest_page"]), kib(large["largest_page"]),
        f"≤ 1.1× the largest of the 3 real ones ({kib(r['real_largest_page'])}): {page_ratio:.2f}×, "
        f"{'met' if page_ratio <= 1.1 else 'NOT met'}")  # fmt: skip
    for name in large["listings"]:
        size = large["listings"][name]
        row(f"page HTML: {name}", kib(small["listings"][name]), kib(size),
            f"≤ 300 KB: {'met' if size <= 300_000 else 'NOT met'}")  # fmt: skip
    row("Pagefind's files, all (a query fetches a few)", kib(small["search"]), kib(large["search"]))
    if "browser" in r:
        b = r["browser"]
        row("first view of a statement page, bytes", "", kib(b["first_view_bytes"]),
            f"≤ 350 KiB: {'met' if b['first_view_bytes'] <= 350 * 1024 else 'NOT met'}")  # fmt: skip
        first = b["first_query_ms"]
        row(f"first query: last keystroke → first result (median of {b['samples']} pages)", "",
            f"{first:.0f} ms", f"≤ 300 ms: {'met' if first <= 300 else 'NOT met'}")  # fmt: skip
        row("first query: the slowest of them", "", f"{b['first_query_ms_max']:.0f} ms", "")
        row("later query: last keystroke → first result", "", f"{b['warm_query_ms']:.0f} ms", "")
        row("bytes fetched by the first search", "", kib(b["first_search_bytes"]),
            f"≤ 300 KB: {'met' if b['first_search_bytes'] <= 300_000 else 'NOT met'}")  # fmt: skip
        parts = ", ".join(f"{part} {kib(b[f'first_search_{part}'])}" for part in SEARCH_PARTS)
        row("of which (median of each)", "", parts, "")
        row("same, typed at 250 ms a key (every pause a query)", "", kib(b["slow_search_bytes"]), "")
    if "gzip" in r:
        g = r["gzip"]
        row("same, served gzip-compressed: first view", "", kib(g["first_view_bytes"]), "")
        row("same, served gzip-compressed: first search", "", kib(g["first_search_bytes"]),
            f"≤ 300 KB: {'met' if g['first_search_bytes'] <= 300_000 else 'NOT met'}")  # fmt: skip
        row("same, served gzip-compressed: first query", "", f"{g['first_query_ms']:.0f} ms", "")
    for name, scores in r.get("lighthouse", {}).items():
        values = ", ".join(f"{k} {v:.2f}" for k, v in scores.items())
        ok = scores["performance"] >= 0.98 and all(scores[k] == 1 for k in ("accessibility", "best-practices", "seo"))
        verdict = "met" if ok else "NOT met"
        target = f"perf ≥ 0.98, others 1.0: {verdict}" if name in LIGHTHOUSE_TARGETS else f"(not a target): {verdict}"
        row(f"Lighthouse, {name} (median of {lighthouse_runs})", "", values, target)
    if "serve" in r:
        served = statistics.median(r["serve"])
        row(f"`make serve`: edit → rebuilt page served (median of {len(r['serve'])} edits)", f"{served:.2f} s", "",
            f"≤ 2 s at 100: {'met' if served <= 2 else 'NOT met'}")  # fmt: skip
        row("`make serve`: the slowest of them", f"{max(r['serve']):.2f} s", "", "")
    widths = [max(len(str(x[i])) for x in rows) for i in range(4)]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(x, widths, strict=True)) + " |" for x in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    machine = (
        f"{os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"{platform.platform()}, Python {platform.python_version()}; medians of {runs} runs; "
        f"{time.strftime('%Y-%m-%d', time.gmtime())}{cpu_pressure()}"
    )
    return "\n".join(lines) + f"\n\nMachine: {machine}.\n"


def cpu_pressure() -> str:
    """The share of the last five minutes in which some task waited for a CPU (Linux PSI):
    the benchmark's own processes count, and so do other tenants of a shared machine, who
    show in every timing above too."""
    try:
        line = Path("/proc/pressure/cpu").read_text(encoding="ascii").splitlines()[0]
    except (OSError, IndexError):
        return ""
    fields = dict(field.split("=") for field in line.split()[1:])
    return f"; a task waited for a CPU {float(fields['avg300']):.0f} % of the last 5 minutes (Linux PSI)"


def write_page(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{table}{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
