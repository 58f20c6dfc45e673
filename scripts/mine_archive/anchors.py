"""Published anchors never break: the lock file, the change record, and the check.

``data/anchors.lock`` lists every published statement URL and block id with a
hash of its text. A new anchor breaks no link: the build adds it to the lock by
itself (``lock_new``). A build fails when an anchor in the lock would disappear or
point at different text, unless ``data/anchor-changes.yml`` records the change
(``edited``, ``removed`` or ``moved``); the message gives the entry to paste there.
``refresh`` rewrites the lock on purpose and refuses to drop or alter an anchor
whose change is not recorded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import datafile
from .commitments import normalise
from .errors import DataError, SourceError, display_path
from .schema import ANCHOR_CHANGES_SCHEMA
from .statements import Statement

LOCK_HEADER = """\
# Published anchors: every statement URL and paragraph or heading id, with a hash of its text.
# Links people have shared point here; the build fails if one would break or change meaning.
# New anchors are added by the build. Record intended changes in data/anchor-changes.yml.
"""
PAGE = "-"  # the hash column of a page line: the page itself has no text to compare
# The reason an entry printed for data/anchor-changes.yml starts with: the schema refuses
# it, so that a pasted entry is not accepted until someone says why the link changes.
REASON_PLACEHOLDER = "WHY: say why the published link changes"


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def current_anchors(statements: list[Statement]) -> dict[str, str]:
    """Every anchor the statements publish now: ``statements/<id>/`` and ``…/#p1`` → hash."""
    anchors: dict[str, str] = {}
    for statement in statements:
        anchors[statement.url] = PAGE
        for block in statement.blocks:
            anchors[f"{statement.url}#{block.id}"] = text_hash(block.text)
    return anchors


@dataclass(frozen=True)
class Change:
    anchor: str
    change: str  # edited, removed or moved
    reason: str
    line: int
    was: str | None = None
    to: str | None = None


@dataclass(frozen=True)
class Lock:
    path: str
    anchors: dict[str, str]
    lines: dict[str, int]


def read_lock(path: Path) -> Lock:
    shown = display_path(path)
    if not path.exists():
        return Lock(shown, {}, {})
    anchors: dict[str, str] = {}
    lines: dict[str, int] = {}
    errors = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[0].startswith("statements/"):
            errors.append(SourceError(shown, number, f"expected '<anchor> <hash>', got {line!r}"))
            continue
        anchors[parts[0]], lines[parts[0]] = parts[1], number
    if errors:
        raise DataError(errors)
    return Lock(shown, anchors, lines)


def write_lock(path: Path, anchors: dict[str, str]) -> None:
    body = "".join(f"{anchor} {anchors[anchor]}\n" for anchor in sorted(anchors, key=_anchor_order))
    path.write_text(LOCK_HEADER + body, encoding="utf-8")


def _anchor_order(anchor: str) -> tuple[str, str, int]:
    page, _, block = anchor.partition("#")
    return (page, block[:1], int(block[1:]) if block[1:].isdigit() else 0)


def read_changes(path: Path) -> list[Change]:
    if not path.exists():
        return []
    node, entries = datafile.load(path, ANCHOR_CHANGES_SCHEMA)
    if node is None:
        return []
    changes = []
    for item_node, item in zip(node.value, entries, strict=True):
        changes.append(
            Change(
                anchor=item["anchor"],
                change=item["change"],
                reason=item["reason"],
                line=item_node.start_mark.line + 1,
                was=item.get("was"),
                to=item.get("to"),
            )
        )
    return changes


def _covering(changes: list[Change], anchor: str, locked_hash: str) -> Change | None:
    """The recorded change that explains what happened to ``anchor``, if any."""
    page = anchor.partition("#")[0]
    for change in changes:
        if change.anchor == anchor and (change.was is None or change.was == locked_hash):
            return change
        if change.change == "moved" and change.anchor == page and "#" not in change.anchor and anchor != page:
            return change  # a moved page carries its paragraphs along
    return None


def violations(lock: Lock, current: dict[str, str], changes: list[Change]) -> list[SourceError]:
    """Locked anchors that would break or change meaning without a recorded change."""
    errors = []
    for anchor, locked in lock.anchors.items():
        now = current.get(anchor)
        if now == locked:
            continue
        change = _covering(changes, anchor, locked)
        if change and _change_holds(change, anchor, locked, current):
            continue
        reason = f"reason: '{REASON_PLACEHOLDER}'"
        if now is None:
            problem = f"{anchor} was published and no longer exists"
            entry = f"{{anchor: '{anchor}', change: removed, was: '{locked}', {reason}}}"
            if locked == PAGE:
                entry = f"{{anchor: '{anchor}', change: moved, to: 'statements/<new-id>/', {reason}}}"
        else:
            problem = f"{anchor} now points at different text"
            entry = f"{{anchor: '{anchor}', change: edited, was: '{locked}', {reason}}}"
        errors.append(
            SourceError(
                lock.path,
                lock.lines[anchor],
                f"{problem}. Published links must not break or change meaning. If this is intended, paste "
                f"this line at the end of data/anchor-changes.yml and replace the WHY: placeholder with the "
                f"reason (a moved anchor gets a redirect or alias):\n  - {entry}",
            )
        )
    return errors


def _change_holds(change: Change, anchor: str, locked: str, current: dict[str, str]) -> bool:
    if change.change == "edited":
        return anchor in current
    if change.change == "removed":
        return anchor not in current
    # moved: the new place must exist; a moved page's paragraphs keep their ids and text
    if change.anchor == anchor:
        return change.to in current
    page, _, block = anchor.partition("#")
    return current.get(f"{change.to}#{block}") == locked


def change_errors(changes: list[Change], current: dict[str, str], path: str) -> list[SourceError]:
    """Recorded moves must lead somewhere that exists, from somewhere that does not."""
    errors = []
    for change in changes:
        if change.change != "moved":
            if "#" in change.anchor and change.was is None:
                errors.append(
                    SourceError(path, change.line, f"an {change.change} paragraph needs `was:`, the hash in the lock")
                )
            continue
        if change.to is None:
            errors.append(SourceError(path, change.line, "a moved anchor needs `to:`, where it moved"))
        elif change.to not in current:
            errors.append(SourceError(path, change.line, f"moved to {change.to}, which does not exist"))
        elif change.anchor in current:
            errors.append(
                SourceError(path, change.line, f"{change.anchor} still exists, so it cannot redirect elsewhere")
            )
    return errors


def aliases(changes: list[Change]) -> dict[str, list[str]]:
    """Paragraph moves within the site: new anchor → old ids that should land on it."""
    found: dict[str, list[str]] = {}
    for change in changes:
        if change.change == "moved" and "#" in change.anchor and change.to:
            found.setdefault(change.to, []).append(change.anchor.partition("#")[2])
    return found


def redirects(changes: list[Change]) -> dict[str, str]:
    """Moved statement pages: old page URL → new page URL."""
    return {c.anchor: c.to for c in changes if c.change == "moved" and "#" not in c.anchor and c.to}


def lock_new(path: Path, current: dict[str, str]) -> list[str]:
    """Add the anchors of ``current`` that the lock at ``path`` lacks; the ones added.

    Only additions: an anchor already locked keeps its hash, so a changed or removed one
    still needs its recorded change."""
    lock = read_lock(path)
    added = sorted(set(current) - set(lock.anchors), key=_anchor_order)
    if added:
        write_lock(path, {**lock.anchors, **{anchor: current[anchor] for anchor in added}})
    return added


def refresh(lock: Lock, current: dict[str, str], changes: list[Change]) -> dict[str, str]:
    """The new lock content; raises ``DataError`` when an unrecorded change would be locked in."""
    errors = violations(lock, current, changes)
    if errors:
        raise DataError(errors)
    return dict(current)
