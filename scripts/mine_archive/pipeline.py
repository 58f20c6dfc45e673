"""From a data directory to every generated file, as ``{site path: text}``.

The one entry point the site engine needs. It imports no engine, so the same
output can be handed to MkDocs today and to its successor later.
"""

from __future__ import annotations

from pathlib import Path

from . import exports, render
from .statements import Statement, load_statements


def generate_files(statements: list[Statement], site_url: str = "") -> dict[str, str]:
    """Every generated page and data file for ``statements`` (oldest first)."""
    files: dict[str, str] = {"statements/index.md": render.browse_page(statements)}
    for index, statement in enumerate(statements):
        previous = statements[index - 1] if index > 0 else None
        following = statements[index + 1] if index + 1 < len(statements) else None
        files[f"statements/{statement.id}.md"] = render.statement_page(statement, previous, following)
    files["data/statements.json"] = exports.statements_json(statements, site_url)
    return files


def build(data_dir: Path, site_url: str = "") -> dict[str, str]:
    """Load and validate ``data_dir`` and generate every file; raises ``DataError``."""
    return generate_files(load_statements(data_dir / "statements"), site_url)
