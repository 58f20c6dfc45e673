"""From a data directory to every generated file, as ``{site path: text}``.

The one entry point the site engine needs. It imports no engine, so the same
output can be handed to MkDocs today and to its successor later.
"""

from __future__ import annotations

from pathlib import Path

from . import exports, render, render_conventions, render_timeline, timeline
from .conventions import Convention, load_conventions
from .errors import DataError
from .statements import Statement, load_statements


def generate_files(
    statements: list[Statement], conventions: dict[str, Convention], site_url: str = ""
) -> dict[str, str]:
    """Every generated page and data file for ``statements`` (oldest first)."""
    events = timeline.events(statements)
    files: dict[str, str] = {
        "statements/index.md": render.browse_page(statements),
        "timeline.md": render_timeline.timeline_page(events),
    }
    for index, statement in enumerate(statements):
        previous = statements[index - 1] if index > 0 else None
        following = statements[index + 1] if index + 1 < len(statements) else None
        files[f"statements/{statement.id}.md"] = render.statement_page(statement, previous, following)
    for convention in conventions.values():
        files[f"conventions/{convention.slug}.md"] = render_conventions.convention_page(convention, statements, events)
    files["data/statements.json"] = exports.statements_json(statements, site_url)
    files["data/timeline.json"] = exports.timeline_json(events, site_url)
    files["data/timeline.csv"] = exports.timeline_csv(events, site_url)
    return files


def load(data_dir: Path) -> tuple[list[Statement], dict[str, Convention]]:
    """Load and validate everything in ``data_dir``; one ``DataError`` lists every problem."""
    errors = []
    statements: list[Statement] = []
    conventions: dict[str, Convention] = {}
    try:
        statements = load_statements(data_dir / "statements")
    except DataError as error:
        errors += error.errors
    try:
        conventions = load_conventions(data_dir / "conventions.yml")
    except DataError as error:
        errors += error.errors
    if errors:
        raise DataError(errors)
    return statements, conventions


def build(data_dir: Path, site_url: str = "") -> dict[str, str]:
    """Load and validate ``data_dir`` and generate every file; raises ``DataError``."""
    statements, conventions = load(data_dir)
    return generate_files(statements, conventions, site_url)
