"""The same archive built by ProperDocs (`make properdocs`), a maintained fork of MkDocs 1.6
that runs the archive's plugin: the MkDocs build file for file, but for the line naming
the generator, and the same search, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Visit, build_into, served, stable, tree_digest

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(tmp_path_factory, "properdocs")


def _without_generator(root: Path) -> dict[str, bytes]:
    return {
        path: GENERATOR.sub(b"", (root / path).read_bytes()) if path.endswith(".html") else (root / path).read_bytes()
        for path in stable(tree_digest(root))
    }


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, properdocs_site):
    engines = [GENERATOR.search((site / "index.html").read_bytes()).group(1) for site in (built_site, properdocs_site)]
    assert engines[0].startswith(b"mkdocs-1.6") and b"ProperDocs" in engines[1], engines
    ours, theirs = _without_generator(built_site), _without_generator(properdocs_site)
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def test_the_same_search_works_on_the_properdocs_build(browser, properdocs_site):
    from test_search import check_the_same_search

    with served(properdocs_site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        check_the_same_search(Visit(context, url))
        context.close()
