"""Published anchors: the lock is current, and every break is refused unless recorded."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import DATA, run_build
from mine_archive import anchors, pipeline, render
from mine_archive.errors import DataError
from mine_archive.statements import load_statement, load_statements

CCM = "statements/2012-09-11-ccm-3msp/"


@pytest.fixture
def data(data_copy):
    return data_copy


def edit(data, old: str, new: str, name: str = "2012-09-11-ccm-3msp.md"):
    path = data / "statements" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def record(data, yaml_text: str):
    (data / "anchor-changes.yml").write_text(yaml_text, encoding="utf-8")


def locked_hash(data, anchor: str) -> str:
    return anchors.read_lock(data / "anchors.lock").anchors[anchor]


def errors(data) -> list[str]:
    with pytest.raises(DataError) as caught:
        pipeline.load(data)
    return [str(e) for e in caught.value.errors]


def test_the_committed_lock_lists_every_published_anchor():
    """Fails when a statement or paragraph was committed without the lock the build updated."""
    lock = anchors.read_lock(DATA / "anchors.lock")
    assert lock.anchors == anchors.current_anchors(load_statements(DATA / "statements"))
    assert f"{CCM}#p16" in lock.anchors and lock.anchors[CCM] == anchors.PAGE


def test_editing_a_published_paragraph_fails_with_the_line_to_record(data):
    edit(data, "Thank you for your attention.", "Thank you.")
    [error] = errors(data)
    was = locked_hash(data, f"{CCM}#p16")
    assert re.match(
        r".*data/anchors\.lock:\d+: statements/2012-09-11-ccm-3msp/#p16 now points at different text", error
    )
    entry = f"- {{anchor: '{CCM}#p16', change: edited, was: '{was}', reason: '{anchors.REASON_PLACEHOLDER}'}}"
    assert error.endswith("\n  " + entry)
    assert "make anchors" not in error


def test_the_printed_entry_pastes_as_it_is_and_needs_a_real_reason(data):
    edit(data, "Thank you for your attention.", "Thank you.")
    [error] = errors(data)
    entry = error.rsplit("\n", 1)[1].strip()
    changes = data / "anchor-changes.yml"
    changes.write_text(changes.read_text(encoding="utf-8") + entry + "\n", encoding="utf-8")
    [refused] = errors(data)
    assert "anchor-changes.yml:" in refused and "'[0].reason' has the wrong form" in refused
    assert "replace the WHY: placeholder" in refused
    changes.write_text(changes.read_text(encoding="utf-8").replace(anchors.REASON_PLACEHOLDER, "Corrected."))
    pipeline.load(data)


def test_a_recorded_edit_is_accepted(data):
    edit(data, "Thank you for your attention.", "Thank you.")
    was = locked_hash(data, f"{CCM}#p16")
    record(data, f"- {{anchor: '{CCM}#p16', change: edited, was: '{was}', reason: Corrected.}}\n")
    pipeline.load(data)


def test_a_record_for_other_text_does_not_cover_a_new_edit(data):
    edit(data, "Thank you for your attention.", "Thank you.")
    record(data, f"- {{anchor: '{CCM}#p16', change: edited, was: '0000000000000000', reason: Corrected.}}\n")
    assert "now points at different text" in errors(data)[0]


def test_removing_a_paragraph_fails_unless_recorded(data):
    edit(data, "\n\nThank you for your attention.\n", "\n")
    [error] = errors(data)
    assert "statements/2012-09-11-ccm-3msp/#p16 was published and no longer exists" in error
    was = locked_hash(data, f"{CCM}#p16")
    record(data, f"- {{anchor: '{CCM}#p16', change: removed, was: '{was}', reason: Not in the source.}}\n")
    pipeline.load(data)


def test_renaming_a_statement_fails_unless_recorded_and_then_redirects(data):
    old = data / "statements" / "2012-09-11-ccm-3msp.md"
    new = data / "statements" / "2012-09-11-ccm-3msp-statement.md"
    new.write_text(
        old.read_text(encoding="utf-8").replace("id: 2012-09-11-ccm-3msp", "id: 2012-09-11-ccm-3msp-statement")
    )
    old.unlink()
    messages = errors(data)
    # The page and each of its paragraphs, and the catalogue entry that archives it.
    paragraphs = len(load_statement(new).paragraphs)
    assert len([m for m in messages if "anchors.lock" in m]) == 1 + paragraphs
    assert "change: moved, to: 'statements/<new-id>/'" in messages[0]
    [catalogue] = [m for m in messages if "catalogue.yml" in m]
    assert "is archived as '2012-09-11-ccm-3msp', but no statement has that id" in catalogue
    assert len(messages) == 2 + paragraphs
    record(data, f"- {{anchor: '{CCM}', change: moved, to: 'statements/2012-09-11-ccm-3msp-statement/', reason: R}}\n")
    catalogue_path = data / "catalogue.yml"
    catalogue_path.write_text(
        catalogue_path.read_text(encoding="utf-8").replace(
            "archived: 2012-09-11-ccm-3msp\n", "archived: 2012-09-11-ccm-3msp-statement\n"
        ),
        encoding="utf-8",
    )
    archive = pipeline.load(data)
    assert archive.redirects == {CCM: "statements/2012-09-11-ccm-3msp-statement/"}
    page = pipeline.generate_files(archive)[f"{CCM}index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../../statements/2012-09-11-ccm-3msp-statement/">' in page
    assert '<script src="../../javascripts/redirect.js" defer></script>' in page


def test_a_moved_paragraph_keeps_its_old_id_as_an_alias(data):
    edit(data, "\n\nThank you for your attention.\n", " Thank you for your attention.\n")  # p16 joins p15
    was = locked_hash(data, f"{CCM}#p15")
    record(
        data,
        f"- {{anchor: '{CCM}#p16', change: moved, to: '{CCM}#p15', reason: Merged.}}\n"
        f"- {{anchor: '{CCM}#p15', change: edited, was: '{was}', reason: Merged.}}\n",
    )
    archive = pipeline.load(data)
    assert archive.aliases == {f"{CCM}#p15": ["p16"]}
    page = pipeline.generate_files(archive)["statements/2012-09-11-ccm-3msp.md"]
    assert '<p class="para" id="p15"><span class="para-alias" id="p16"></span>' in page


def test_recorded_moves_must_lead_somewhere(data):
    record(data, "- {anchor: 'statements/gone/', change: moved, to: 'statements/nowhere/', reason: R}\n")
    assert errors(data) == [f"{data}/anchor-changes.yml:1: moved to statements/nowhere/, which does not exist"]


def test_recorded_edits_need_the_old_hash(data):
    record(data, f"- {{anchor: '{CCM}#p3', change: edited, reason: R}}\n")
    assert errors(data) == [f"{data}/anchor-changes.yml:1: an edited paragraph needs `was:`, the hash in the lock"]


def test_the_change_record_is_validated_with_lines(data):
    record(data, "- anchor: statements/x/#p1\n  change: renamed\n  reason: R\n")
    [error] = errors(data)
    assert error.startswith(f"{data}/anchor-changes.yml:2: '[0].change' must be one of edited, removed, moved")


def test_refresh_refuses_unrecorded_breaks_and_locks_recorded_ones(data):
    edit(data, "Thank you for your attention.", "Thank you.")
    refused = run_build("anchors", "--data", str(data))
    assert refused.returncode == 1 and "now points at different text" in refused.stderr
    was = locked_hash(data, f"{CCM}#p16")
    record(data, f"- {{anchor: '{CCM}#p16', change: edited, was: '{was}', reason: Corrected.}}\n")
    done = run_build("anchors", "--data", str(data))
    assert done.returncode == 0, done.stderr
    count = len(anchors.current_anchors(load_statements(data / "statements")))
    assert f"{count} anchors (0 added, 1 changed and 0 dropped as recorded)" in done.stdout
    assert locked_hash(data, f"{CCM}#p16") == anchors.text_hash("Thank you.")


def test_a_new_statements_anchors_are_locked_by_the_build(data, tmp_path):
    shutil.copy(data / "statements" / "2012-09-11-ccm-3msp.md", data / "statements" / "2012-09-12-copy.md")
    edit(data, "id: 2012-09-11-ccm-3msp", "id: 2012-09-12-copy", name="2012-09-12-copy.md")
    count = 1 + len(load_statement(data / "statements" / "2012-09-12-copy.md").paragraphs)
    checked = run_build("check", "--data", str(data))
    assert checked.returncode == 0, checked.stderr
    assert f"{count} new anchors (new pages or paragraphs): the next build adds them to" in checked.stdout
    built = run_build("site", "--data", str(data), "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert f"Locked {count} new anchors in data/anchors.lock (statements/2012-09-12-copy/, " in built.stderr
    lock = anchors.read_lock(data / "anchors.lock")
    assert lock.anchors == anchors.current_anchors(load_statements(data / "statements"))
    assert "Cleaning site directory" not in built.stderr and ".site-build-" not in built.stderr
    again = run_build("check", "--data", str(data))
    assert "new anchor" not in again.stdout


def test_paragraph_markup_carries_the_permalink(data):
    statement = load_statements(DATA / "statements")[1]
    page = render.statement_page(statement, None, None).markdown()
    assert (
        '<p class="para" id="p4"><a class="para-num" href="#p4" aria-label="Link to paragraph 4">4</a> '
        "As a state party to the CCM, Japan is committed to its full implementation." in page
    )
