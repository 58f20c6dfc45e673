"""Trustworthy builds: atomic under signals, reproducible, every internal link resolves."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, run_build, stable, tree_digest


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_site_unchanged(tmp_path, signum):
    site = tmp_path / "site"
    assert run_build("site", "--site-dir", str(site)).returncode == 0
    before = tree_digest(site)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "site", "--site-dir", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site-build-*")):  # MkDocs is now writing the new site
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before it was interrupted"
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert f"Interrupted; {site} was left unchanged." in stderr
    assert "Traceback" not in stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no staging directory left behind"


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path):
    env = {"SITE_URL": "https://archive.example/"}  # so the sitemap carries dates too
    first = run_build("site", "--site-dir", str(tmp_path / "a"), env=env)
    time.sleep(1.1)  # a clock-derived timestamp would now differ
    second = run_build("site", "--site-dir", str(tmp_path / "b"), env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a, b = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert stable(a) == stable(b)
    assert len(stable(a)) > 40 and any(path.endswith(".pf_fragment") for path in stable(a))


def test_dates_come_from_the_sources_not_the_clock(tmp_path):
    site = tmp_path / "site"
    result = run_build("site", "--site-dir", str(site), env={"SITE_URL": "https://archive.example/"})
    assert result.returncode == 0, result.stderr
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmods == {commit} if commit else len(lastmods) == 1
    pinned = run_build(
        "site", "--site-dir", str(tmp_path / "pinned"), env={"SITE_URL": "https://x.example/", "SOURCE_DATE_EPOCH": "0"}
    )
    assert pinned.returncode == 0
    assert "<lastmod>1970-01-01</lastmod>" in (tmp_path / "pinned" / "sitemap.xml").read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value and not (tag == "link" and attributes.get("rel") == "canonical" and value.startswith("http")):
                self.links.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_fragment_resolves(built_site):
    pages = {path: _parse(path) for path in built_site.rglob("*.html")}
    broken = []
    checked = 0
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root, as it must
                target = (built_site / unquote(parts.path).lstrip("/")).resolve()
            elif parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
            else:
                target = page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {link} (no such file)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment} there)")
    assert broken == []
    assert checked > 200


def test_no_page_links_out_by_script_or_frame(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "javascript:alert" not in html and "<iframe" not in html, path
        for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
            assert not src.startswith(("http:", "https:", "//")), (path, src)


def test_the_headers_file_carries_a_policy_for_every_inline_script(built_site):
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    policy = re.search(r"Content-Security-Policy: (.+)", headers).group(1)
    assert "'unsafe-inline'" not in policy and "default-src 'none'" in policy
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy)) >= 3
