"""Build dates from the sources, never from the clock, so two builds of a commit match.

MkDocs stamps the sitemap (and its gzip header) with the build date unless
``SOURCE_DATE_EPOCH`` is set. When it is not, the archive sets it from the last
commit, or, outside a git checkout, from the newest date in the data.
"""

from __future__ import annotations

import calendar
import os
import subprocess
from pathlib import Path

from .statements import Statement


def last_commit_epoch(directory: Path) -> int | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(directory), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return int(value) if result.returncode == 0 and value.isdigit() else None


def newest_data_epoch(statements: list[Statement]) -> int:
    newest = max(s.date for s in statements)
    return calendar.timegm((newest.year, newest.month or 1, newest.day or 1, 0, 0, 0))


def source_date_epoch(project: Path, statements: list[Statement]) -> str:
    """``SOURCE_DATE_EPOCH`` if set, else the last commit's time, else the newest data date."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return os.environ["SOURCE_DATE_EPOCH"]
    epoch = last_commit_epoch(project)
    return str(epoch if epoch is not None else newest_data_epoch(statements))
