"""Property: any mutation of a valid data file gives a clean file:line error or a valid build."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mine_archive import pipeline
from mine_archive.errors import DataError

# Every data file an editor writes by hand; the whole data folder is copied for each case.
SOURCES = sorted((DATA / "statements").glob("*.md")) + [DATA / "record.yml", DATA / "catalogue.yml"]
NOISE = st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@#`?,\n\t <>/\\~=") + ["\u00a0", "é", "¥"]), max_size=12)


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    source = draw(st.sampled_from(SOURCES))
    data = source.read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate", "swap", "byte"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, max(0, len(lines) - 1)))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind in ("insert", "replace"):
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            noise = draw(NOISE).encode("utf-8")
            end = column + (1 if kind == "replace" else 0)
            lines[at] = line[:column] + noise + line[end:]
        elif kind == "truncate":
            lines = lines[: at + 1]
        else:
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + bytes([draw(st.integers(0x80, 0xFF))]) + line[column:]
        data = b"\n".join(lines)
    return str(source.relative_to(DATA)), data


@settings(
    max_examples=300,
    deadline=2000,  # a hang (an alias bomb, a runaway regex) fails the example
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=mutated())
def test_a_mutated_file_fails_cleanly_or_builds(tmp_path_factory, case):
    name, content = case
    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, data)
    target = data / name
    target.write_bytes(content)
    try:
        archive = pipeline.load(data)
    except DataError as error:
        event("clean error")
        assert error.errors, "an error with no problems listed"
        # A problem names the mutated file, or a file that refers to it (the catalogue
        # naming a statement, a statement naming a record entry), at a line it has.
        for problem in error.errors:
            path = Path(problem.path)
            assert path.is_relative_to(data), problem
            assert path == target or path.name in ("catalogue.yml", "anchors.lock") or path.suffix == ".md", problem
            line_count = (path.read_bytes() if path.exists() else b"").count(b"\n") + 1
            assert 1 <= problem.line <= line_count + 1, problem
            assert problem.message.strip(), problem
        return
    event("valid build")
    files = pipeline.generate_files(archive)
    assert f"statements/{archive.statements[0].id}.md" in files and "catalogue/index.md" in files
