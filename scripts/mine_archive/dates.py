"""Dates at the precision a source gives them: a year, a month or a day."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_FORM = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Sorts a month before the days within it, and a year before its months."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def earliest(self) -> tuple[int, int, int]:
        """The first day the date can mean: 2003 -> (2003, 1, 1)."""
        return (self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> tuple[int, int, int]:
        """The last day the date can mean, near enough to compare: 2003 -> (2003, 12, 31)."""
        return (self.year, self.month or 12, self.day or 31)

    def contains(self, other: PartialDate) -> bool:
        """Whether ``other`` falls within this date: 2008 contains 2008-12-03."""
        return self.earliest <= other.earliest and other.latest <= self.latest

    def display(self) -> str:
        """``2003``, ``February 2003`` or ``11 September 2012``."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso


def parse_partial_date(text: str | int) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError names what is impossible.

    A bare year may arrive as an int: YAML reads ``date: 1998`` as a number.
    """
    text = str(text)
    match = _FORM.match(text)
    if not match:
        raise ValueError(f"{text!r} is not of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year < 1:
        raise ValueError(f"{text!r} has no year 0000")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month:02d}")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{text!r}: {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)


def display_range(start: PartialDate, end: PartialDate | None) -> str:
    """``8–9 June 2017``, ``June–July 2012``, ``1998–2002``; collapses shared parts."""
    if end is None or end == start:
        return start.display()
    if start.day and end.day and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {calendar.month_name[start.month]} {start.year}"
    if start.month and end.month and start.day is None and end.day is None and start.year == end.year:
        return f"{calendar.month_name[start.month]}–{calendar.month_name[end.month]} {start.year}"
    if start.month is None and end.month is None:
        return f"{start.year}–{end.year}"
    return f"{start.display()} – {end.display()}"
