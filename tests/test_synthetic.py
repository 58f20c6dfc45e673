"""The benchmark's synthetic corpora are valid archives shaped like the real one."""

from __future__ import annotations

import sys

from conftest import ROOT
from mine_archive import pipeline

sys.path.insert(0, str(ROOT / "scripts"))
import synthetic  # noqa: E402


def test_a_synthetic_corpus_validates_and_generates(tmp_path):
    data = synthetic.write_corpus(tmp_path / "data", 25)
    archive = pipeline.load(data)
    assert len(archive.statements) == 25 and archive.unlocked == []
    assert sum(len(s.commitments) for s in archive.statements) > 25
    assert min(len(s.paragraphs) for s in archive.statements) >= 4
    files = pipeline.generate_files(archive)
    assert len([f for f in files if f.startswith("statements/") and f.endswith(".md")]) == 26


def test_the_same_seed_gives_the_same_corpus(tmp_path):
    first = synthetic.write_corpus(tmp_path / "a", 5)
    second = synthetic.write_corpus(tmp_path / "b", 5)
    names = sorted(p.name for p in (first / "statements").iterdir())
    assert names == sorted(p.name for p in (second / "statements").iterdir())
    for name in names:
        assert (first / "statements" / name).read_bytes() == (second / "statements" / name).read_bytes()


def test_the_baseline_gets_the_same_statements_as_plain_markdown(tmp_path):
    data = synthetic.write_corpus(tmp_path / "data", 3)
    project = synthetic.write_baseline_docs(data, tmp_path / "baseline")
    pages = sorted((project / "docs" / "statements").glob("*.md"))
    assert len(pages) == 3 and pages[0].read_text(encoding="utf-8").startswith("# Statement to the ")
    assert "material" in (project / "mkdocs.yml").read_text(encoding="utf-8")
