"""Search: Pagefind indexes the built site, whatever engine built it.

Pagefind (PyPI ``pagefind[bin]``, pinned; its wheel carries the binary, so nothing is
downloaded) reads the built HTML and writes ``pagefind/``: an index split into chunks that
the browser fetches as a query needs them. What it indexes is marked in the pages
themselves: ``data-pagefind-body`` on each page's content, ``data-pagefind-filter`` and
``data-pagefind-meta`` on a statement's facts, ``data-pagefind-ignore`` on what is not
text (pagers, the citation panel, the pictures). Every paragraph has an id, which
Pagefind reports as an anchor with its place among the page's words, so the search box
(``docs/javascripts/search.js``) links a hit to its paragraph (``…/#p4``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is its own."""


def index(site: Path) -> None:
    """Index the built site at ``site`` into ``site/pagefind/``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", OUTPUT, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site}: {(result.stderr or result.stdout).strip()}")
