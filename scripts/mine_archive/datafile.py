"""Read a whole YAML data file (conventions, glossary, anchor changes) and check it.

The same rules as statement front matter: no aliases, dates stay text, and every
problem reported as ``path:line: message``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError, SourceError, display_path
from .frontmatter import FrontMatterSyntaxError, compose, plain
from .validate import validate


def load(path: Path, schema: dict) -> tuple[yaml.Node | None, object]:
    """The file's node tree and plain value (``None`` for an empty file); ``DataError`` on any problem."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([SourceError(shown, 1, f"cannot read the file: {error}")]) from None
    try:
        node = compose(text, first_line=1)
    except FrontMatterSyntaxError as error:
        raise DataError([SourceError(shown, error.line, error.message)]) from None
    if node is None:
        return None, None
    problems = list(validate(node, schema, lambda n: n.start_mark.line + 1))
    if problems:
        raise DataError([SourceError(shown, p.line, p.message) for p in problems])
    return node, plain(node)
