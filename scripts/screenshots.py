"""`make screenshots`: the README's pictures, taken in Chromium from the built site.

Serves ``site/`` (build it first: `make screenshots` does) on 127.0.0.1 and writes
``screenshots/*.png``: a statement page, the timeline, a statement on a phone, the
home page in the dark theme, and a search with its results. Run it again after a change to the pages; the README shows
whatever it wrote.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")

# (file, page, viewport width, height, colour scheme): what the README shows.
SHOTS = [
    ("statement.png", "statements/2012-09-11-ccm-3msp/", 1280, 900, "light"),
    ("timeline.png", "timeline/", 1280, 900, "light"),
    ("phone.png", "statements/2017-06-apmbc-intersessional-cooperation/#p4", 390, 844, "light"),
    ("dark.png", "", 1280, 900, "dark"),
    ("search.png", "?q=universalization", 1280, 900, "light"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write the pictures")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html: no built site here; run `make site` first", file=sys.stderr)
        return 1
    if not CHROMIUM.exists():
        print(f"{CHROMIUM}: missing; run `make browser` (as root) to install Debian's chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            for name, path, width, height, scheme in SHOTS:
                phone = width < 600
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,
                    device_scale_factor=2 if phone else 1,
                    is_mobile=phone,
                    has_touch=phone,
                )
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                if "?q=" in path:  # the address opens the search; wait for its results
                    page.wait_for_selector(".archive-search__result")
                page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
                page.screenshot(path=str(args.out / name))
                context.close()
                print(f"Wrote {args.out / name}")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
