"""`make import`: a published statement (HTML, PDF, text or Markdown) becomes a valid draft.

The fixtures in tests/fixtures/import/ were written for these tests in the shapes the
sources take (a mission's HTML page, a treaty site's PDF with running heads and page
numbers, a page converted to Markdown), with the damage transcriptions show; they are
not copies of published texts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from mine_archive import importer, pipeline
from mine_archive.statements import load_statement

FIXTURES = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def run_import(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_statement.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _written(data: Path, before: set[str]) -> Path:
    (path,) = [p for p in (data / "statements").glob("*.md") if p.name not in before]
    return path


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_missions_html_page_becomes_a_valid_statement(data):
    before = {p.name for p in (data / "statements").glob("*.md")}
    result = run_import(str(FIXTURES / "mission-statement.html"), "--data", str(data))
    assert result.returncode == 0, result.stderr
    path = _written(data, before)
    assert path.name == "2019-09-02-statement-h-e-ms-hanako.md"
    front = _front(path)
    assert front["title"] == (
        "Statement by H. E. Ms. Hanako EXAMPLE to the Ninth Meeting of States Parties to the Convention on Cluster "
        "Munitions"
    )
    assert front["date"] == "2019-09-02" and front["place"] == "Geneva, Switzerland"
    assert front["speaker"] == {
        "name": "H. E. Ms. Hanako EXAMPLE",
        "role": "Ambassador, Permanent Representative of Japan to the Conference on Disarmament",
    }
    assert front["meeting"] == {"name": "Ninth Meeting of States Parties to the Convention on Cluster Munitions"}
    assert front["convention"] == ["CCM"] and front["document_type"] == "statement"
    statement = load_statement(path)
    texts = [p.text for p in statement.paragraphs]
    assert statement.paragraphs[0].lines == ("Mr. President,", "Excellencies,", "Ladies and Gentlemen,")
    assert "10th anniversary" in texts[1], "HTML's own <sup> is text, not damage"
    assert "about [¥]2 billion" in texts[2], "the lost yen sign is restored in brackets"
    assert not any("Back to Index" in t or "Home" in t or "tracker" in t for t in texts)
    notes = [n.text for n in statement.editorial_notes]
    assert any('"_2 billion"' in n for n in notes) and any("Back to Index" in n for n in notes)
    assert any(n.startswith("The heading block of the transcription") for n in notes)
    assert "Inferred:" in result.stdout and "Check before publishing:" in result.stdout
    assert "convention: inferred from the words of the text" in result.stdout
    pipeline.load(data)  # the archive builds with it


def test_a_markdown_conversion_is_repaired_and_every_repair_noted(data):
    before = {p.name for p in (data / "statements").glob("*.md")}
    result = run_import(str(FIXTURES / "fact-sheet.md"), "--data", str(data), "--document-type", "fact-sheet")
    assert result.returncode == 0, result.stderr
    statement = load_statement(_written(data, before))
    assert statement.title == "Japan's Support for Mine Action in a Test Year"
    assert statement.date.iso == "2005-03" and statement.document_type == "fact-sheet"
    body = " ".join(p.text for p in statement.paragraphs)
    assert "**" not in body and "<sup>" not in body and "5th meeting" in body and "[¥]3 billion" in body
    notes = {n.text.split(":")[0][:40]: n for n in statement.editorial_notes}
    assert len(statement.editorial_notes) == 5, [n.text for n in statement.editorial_notes]
    marked = [n for n in statement.editorial_notes if n.paragraph]
    assert {n.paragraph for n in marked} == {"p1", "p2"}, notes


def test_a_treaty_sites_pdf_keeps_its_paragraphs_and_drops_running_heads(data):
    before = {p.name for p in (data / "statements").glob("*.md")}
    result = run_import(
        str(FIXTURES / "treaty-statement.pdf"),
        "--data", str(data),
        "--source-url", "https://www.apminebanconvention.org/fixture/statement.pdf",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = _written(data, before)
    statement = load_statement(path)
    assert statement.title == "Statement by Japan on Victim Assistance"
    assert statement.date.iso == "2023-11", "a meeting of several days: the statement's own day is not guessed"
    assert statement.meeting.start.iso == "2023-11-20" and statement.meeting.end.iso == "2023-11-24"
    texts = [p.text for p in statement.paragraphs]
    assert texts[0] == "Thank you, Mr. President." and texts[-1] == "Thank you."
    assert len(texts) == 7, texts
    assert not any("APMBC/MSP.21" in t for t in texts), "the running head is left out"
    assert all(t.startswith(("Thank", "This", "Japan", "A ")) for t in texts), "wrapped lines are joined"
    assert statement.source.publisher == "Anti-Personnel Mine Ban Convention Implementation Support Unit"
    assert 'place "Geneva": the heading names no country' in result.stdout


def test_the_catalogue_entry_with_the_address_fills_in_and_is_marked_archived(data):
    before = {p.name for p in (data / "statements").glob("*.md")}
    url = "https://www.disarm.emb-japan.go.jp/Statements/OT990503.htm"
    source = data.parent / "takemi.txt"
    source.write_text("Mr. President,\n\nA paragraph written for this test, long enough to be a paragraph.\n")
    result = run_import(str(source), "--data", str(data), "--source-url", url)
    assert result.returncode == 0, result.stderr
    front = _front(_written(data, before))
    assert front["date"] == "1999-05-03" and front["speaker"]["name"] == "Keizo Takemi"
    assert front["source"] == {"publisher": "Permanent Mission of Japan to the Conference on Disarmament", "url": url}
    archive = pipeline.load(data)
    entry = next(e for e in archive.catalogue if e.id == "1999-05-03-takemi-1msp")
    assert entry.archived == front["id"]
    assert "from the catalogue" in result.stdout


def test_an_address_without_a_connection_is_a_clear_error_and_writes_nothing(data):
    before = sorted(p.name for p in (data / "statements").glob("*.md"))
    result = run_import("http://127.0.0.1:9/statement.html", "--data", str(data))
    assert result.returncode == 1
    assert "cannot fetch it" in result.stderr and "make import SRC=<saved file>" in result.stderr
    assert "Nothing was written." in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in (data / "statements").glob("*.md")) == before


def test_a_source_without_a_date_asks_for_one_and_writes_nothing(data, tmp_path):
    source = tmp_path / "undated.txt"
    source.write_text("Statement on Something\n\nMr. President,\n\nThe landmine text, long enough to be read.\n")
    before = sorted(p.name for p in (data / "statements").glob("*.md"))
    result = run_import(str(source), "--data", str(data))
    assert result.returncode == 1
    assert "does not say its date" in result.stderr and "ARGS='--date …'" in result.stderr
    assert sorted(p.name for p in (data / "statements").glob("*.md")) == before
    result = run_import(str(source), "--data", str(data), "--date", "2015-04-01")
    assert result.returncode == 0, result.stderr


def test_what_is_not_in_the_source_is_left_out_not_guessed():
    blocks = importer.text_blocks("A Title\n\nMr. President,\n\nA body paragraph about landmines and more.\n")
    draft = importer.draft(blocks)
    assert "date" not in draft.fields and "speaker" not in draft.fields and "place" not in draft.fields
    assert "source" not in draft.fields
    assert any("commitments" in line for line in draft.check)
