"""The whole docs tree as a file system: hand-written pages, assets and generated files.

An engine that runs no MkDocs plugin (Zensical) builds the archive from this tree: the
project's ``docs/`` with every file the pipeline generates written into it, beside a
copy of ``mkdocs.yml`` that points at it. Imports no engine.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def write_tree(generated: dict[str, str], docs: Path, config: Path, target: Path) -> Path:
    """Write ``docs`` plus ``generated`` into ``target``/docs and a config for it; return the config's path.

    The config is ``config`` with ``docs_dir: docs`` and ``site_dir: site`` set first: paths
    relative to the tree (Zensical accepts no other), as is the theme's ``custom_dir``.
    """
    tree_docs = target / "docs"
    shutil.copytree(docs, tree_docs)
    for path, text in generated.items():
        file = tree_docs / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(text.encode("utf-8"))  # as is: timeline.csv has CRLF line ends
    settings = config.read_text(encoding="utf-8")
    settings = re.sub(r"(?m)^(docs_dir|site_dir):.*\n", "", settings)
    written = target / "mkdocs.yml"
    written.write_text(f"docs_dir: docs\nsite_dir: site\n{settings}", encoding="utf-8")
    return written
