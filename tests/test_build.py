"""The build as a user runs it: scripts/build.py and a real mkdocs build --strict."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_build, stable, tree_digest
from mine_archive import reproducible
from mine_archive.statements import load_statements


def break_title(data: Path) -> Path:
    path = data / "statements" / "2012-09-11-ccm-3msp.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: 2012-09-11", "date: 2012-09-31", 1), encoding="utf-8")
    return path


def test_check_passes_on_the_real_data():
    result = run_build("check")
    assert result.returncode == 0, result.stderr
    assert "3 statements, 29 paragraphs, 25 commitments: all valid." in result.stdout


def test_check_reports_file_and_line_without_traceback(data_copy):
    break_title(data_copy)
    result = run_build("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(
        r"data/statements/2012-09-11-ccm-3msp\.md:4: 'date' is not a real date: '2012-09-31': "
        r"September 2012 has 30 days",
        result.stderr,
    )
    assert result.stderr.strip().endswith("1 problem found.")


def test_built_site_has_every_page_and_export(built_site):
    for path in ["index.html", "about/index.html", "statements/index.html", "data/statements.json", "404.html"]:
        assert (built_site / path).is_file(), path
    for statement in load_statements(ROOT / "data" / "statements"):
        html = (built_site / "statements" / statement.id / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<p class="para" id="(p\d+)">', html)
        assert ids == [p.id for p in statement.paragraphs]
        assert f"<title>{statement.title.replace('&', '&amp;')} - " in html


def test_nav_lists_sections_not_statements(built_site):
    """With 1,000 statements a nav of statements would put 1,000 links on every page."""
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>", html.index("md-nav--primary"))]
    assert "Statements" in nav
    assert "/statements/2012-09-11-ccm-3msp/" not in html and "2012-09-11-ccm-3msp" not in nav


def test_exported_json_lists_all_paragraphs(built_site):
    records = json.loads((built_site / "data" / "statements.json").read_text(encoding="utf-8"))
    assert [len(r["paragraphs"]) for r in records] == [4, 16, 9]


def test_site_build_swaps_in_only_on_success(tmp_path, data_copy):
    site = tmp_path / "site"
    first = run_build("site", "--site-dir", str(site), "--data", str(data_copy))
    assert first.returncode == 0, first.stderr
    before = tree_digest(site)
    assert "statements/2012-09-11-ccm-3msp/index.html" in before

    break_title(data_copy)
    failed = run_build("site", "--site-dir", str(site), "--data", str(data_copy))
    assert failed.returncode == 1
    assert "2012-09-11-ccm-3msp.md:4:" in failed.stderr and "Traceback" not in failed.stderr
    assert f"Build stopped; {site} was left unchanged." in failed.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"], "no staging directory left behind"


def test_a_failing_mkdocs_build_leaves_the_site_unchanged(tmp_path):
    site = tmp_path / "site"
    assert run_build("site", "--site-dir", str(site)).returncode == 0
    before = tree_digest(site)
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - About: about.md", "  - About: missing.md")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    failed = run_build("site", "--site-dir", str(site), "--config", str(project / "mkdocs.yml"))
    assert failed.returncode != 0
    assert "missing.md" in failed.stderr
    assert f"Build stopped; {site} was left unchanged." in failed.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_mkdocs_still_checks_links_to_the_paragraphs_of_generated_pages(tmp_path):
    """Generated pages pass through Markdown untouched (mine_archive/passthrough.py), yet
    MkDocs still knows their ids: a link to a paragraph that exists passes --strict, one
    to a paragraph that does not fails it."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    about = project / "docs" / "about.md"
    page = "statements/2012-09-11-ccm-3msp.md"
    links = f"\n\n[Paragraph 4]({page}#p4), [no such paragraph]({page}#p999)\n"
    about.write_text(about.read_text(encoding="utf-8") + links, encoding="utf-8")
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    failed = run_build("site", "--site-dir", str(tmp_path / "site"), "--config", str(project / "mkdocs.yml"))
    assert failed.returncode != 0
    assert "does not contain an anchor '#p999'" in failed.stderr
    assert "'#p4'" not in failed.stderr


def test_markup_in_front_matter_never_reaches_a_page(tmp_path, data_copy):
    path = data_copy / "statements" / "2012-09-11-ccm-3msp.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^title: .*$",
        "title: '</title><script>alert(1)</script> \"><img src=x onerror=alert(2)>'",
        text,
    ).replace("place: Oslo, Norway", "place: '<iframe src=javascript:alert(3)>'")
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("site", "--site-dir", str(site), "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html, page


def test_pagefind_indexes_each_pages_content_with_the_statements_facts(built_site):
    """Search's index is Pagefind's, built with the site; it reads each page's content (not
    the theme's navigation) and a statement's facts as filters."""
    assert (built_site / "pagefind" / "pagefind-entry.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").exists()
    statement = (built_site / "statements" / "2012-09-11-ccm-3msp" / "index.html").read_text(encoding="utf-8")
    assert statement.count("data-pagefind-body") == 1
    for fact in [
        "convention:CCM", "year:2012", "type:Statement", "speaker:H. E. Mr. Mari AMANO",
        "meeting:Third Meeting of States Parties to the Convention on Cluster Munitions",
    ]:  # fmt: skip
        assert f'data-pagefind-filter="{fact}"' in statement, fact
    assert '<section class="cite" aria-labelledby="cite-this" data-pagefind-ignore>' in statement
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "pagefind/pagefind.js" not in html, f"{page}: search loads on first use, not with the page"


def test_the_built_exports_are_the_pipelines(built_site):
    """The build writes the files the pipeline makes, byte for byte."""
    from mine_archive import pipeline

    first_line = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()[0]
    site_name = first_line.removeprefix("site_name: ")
    expected = pipeline.data_files(pipeline.load(ROOT / "data"), "", site_name)
    assert set(pipeline.DATA_FILES) == set(expected)
    for path, text in expected.items():
        assert (built_site / path).read_bytes() == text.encode("utf-8"), path
    assert not (built_site / "search").exists(), "no search files but Pagefind's"


def test_the_order_of_the_plugins_does_not_matter(tmp_path):
    """Listed before another plugin or after it, the archive's plugin builds the same site:
    its post-build step (the search index, the headers) runs last whatever the order. The
    other plugin here is Material's search, which a maintainer might add back."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = "  - statements-archive:\n      data_dir: !ENV [ARCHIVE_DATA_DIR, data]\n"
    assert "plugins:\n" + ours in config
    before = config.replace("plugins:\n" + ours, "plugins:\n  - search\n" + ours)
    after = config.replace("plugins:\n" + ours, "plugins:\n" + ours + "  - search\n")
    sites = [_build_with(text, tmp_path / name) for name, text in (("before", before), ("after", after))]
    first, second = (stable(tree_digest(site)) for site in sites)
    assert first == second
    assert "pagefind/pagefind.js" in first and "search/search_index.json" in first


def _build_with(config: str, target: Path) -> Path:
    """The real docs and data built with ``config``; the site's path."""
    swapped = config
    swapped = swapped.replace("data_dir: !ENV [ARCHIVE_DATA_DIR, data]", f"data_dir: {ROOT / 'data'}")
    swapped = swapped.replace("custom_dir: docs/overrides\n", f"custom_dir: {ROOT / 'docs' / 'overrides'}\n")
    target.mkdir()
    (target / "mkdocs.yml").write_text(f"docs_dir: {ROOT / 'docs'}\n{swapped}", encoding="utf-8")
    site = target / "site"
    # The build date the real build took from this checkout's last commit (the copied
    # config is outside the checkout).
    epoch = reproducible.source_date_epoch(ROOT, load_statements(ROOT / "data" / "statements"))
    command = ["mkdocs", "build", "--strict", "-q", "-f", str(target / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(
        [sys.executable, "-m", *command],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site
