"""The timeline: every commitment of every statement, in date order."""

from __future__ import annotations

from dataclasses import dataclass

from .commitments import Commitment
from .statements import Statement


@dataclass(frozen=True)
class Event:
    """A commitment placed on the timeline, with the statement that states it."""

    commitment: Commitment
    statement: Statement

    @property
    def id(self) -> str:
        return self.commitment.id

    @property
    def url(self) -> str:
        """Site-relative URL of the paragraph that supports the entry."""
        return f"{self.statement.url}#{self.commitment.paragraph}"

    @property
    def paragraph_number(self) -> int:
        return int(self.commitment.paragraph[1:])


def events(statements: list[Statement]) -> list[Event]:
    """All commitments, earliest first; a period sorts by its start, then its end."""
    found = [Event(c, s) for s in statements for c in s.commitments]
    return sorted(
        found,
        key=lambda e: (
            e.commitment.date.sort_key,
            e.commitment.end_date.sort_key if e.commitment.end_date else (0, 0, 0),
            e.statement.date.sort_key,
            e.id,
        ),
    )
