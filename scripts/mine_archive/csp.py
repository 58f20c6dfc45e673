"""A Content-Security-Policy for the built site, and the headers file that carries it.

Material's templates put three small inline scripts in every page; one of them
differs with the page's depth. Rather than allow every inline script
('unsafe-inline'), the policy lists the hash of each inline script the site
actually contains, so it has to be computed from the built pages.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# Executable inline scripts: no src attribute and no data type such as application/json.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)

DIRECTIVES = [
    ("default-src", "'none'"),
    # Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
    ("script-src", "'self' 'wasm-unsafe-eval' {hashes}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
]


def inline_script_hashes(pages: Iterable[str]) -> set[str]:
    """The CSP source (``'sha256-…'``) of every inline script in ``pages`` (HTML texts)."""
    hashes = set()
    for html in pages:
        for script in _INLINE_SCRIPT.findall(html):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return hashes


def policy(hashes: Iterable[str]) -> str:
    """The policy allowing the inline scripts of ``hashes`` (see ``inline_script_hashes``)."""
    allowed = " ".join(sorted(hashes))
    return "; ".join(f"{name} {value.format(hashes=allowed)}".strip() for name, value in DIRECTIVES)


def headers_file(policy_text: str) -> str:
    """A ``_headers`` file (the format of Netlify and Cloudflare Pages) for every path."""
    return (
        '# Security headers for the whole site; see the README, "Reliability".\n'
        "/*\n"
        f"  Content-Security-Policy: {policy_text}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
    )
