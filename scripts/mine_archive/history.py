"""The picture of the history: every timeline entry on one time axis, drawn at build time.

One lane per convention. In each lane, the treaty milestones (signature, acceptance,
entry into force, stockpile destroyed, presidency) are diamonds on the lane's line,
labelled; the other entries are dots stacked in their year's column; entries that
span more than a year are bars from start to end. Every mark is a link to its entry
with an accessible name. Inline SVG, no script, no request; colours come from the
site's CSS, so both themes and print follow.

The picture's size is bounded whatever the archive holds: a year's column shows at
most ``STACK`` dots and a ``+N`` link for the rest, and at most ``BAR_ROWS`` rows of bars.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .dates import PartialDate, display_range
from .schema import CONVENTIONS
from .templates import render
from .timeline import Event

FIRST_YEAR = 1997  # the Mine Ban Convention is signed
YEAR = 22  # px per year
LEFT = 64  # px for the lane names
STACK = 8  # dots per year column, then "+N"
DOT = 10  # px between stacked dots
BAR = 8  # px per row of period bars
BAR_ROWS = 6
LABEL = 14  # px per row of milestone labels
CHAR = 7.4  # px per character of a 13 px label, for placing labels apart

# The milestones set apart, with their short labels.
SET_APART = {
    "signed": "Signed",
    "accepted": "Accepted",
    "in-force": "In force",
    "stockpile-destroyed": "Stockpile destroyed",
    "presidency": "Presidency",
}


@dataclass
class Lane:
    code: str
    name: str
    top: int = 0
    line: int = 0  # y of the lane's line
    height: int = 0
    milestones: list[dict] = field(default_factory=list)
    dots: list[dict] = field(default_factory=list)
    more: list[dict] = field(default_factory=list)
    bars: list[dict] = field(default_factory=list)


def _x(date: PartialDate, end: bool = False) -> float:
    """Where a date falls on the axis; a partial date at its first (or, for ``end``, last) month."""
    month = date.month or (12 if end else 1)
    fraction = (month - (0 if end else 1)) / 12
    return round(LEFT + (date.year - FIRST_YEAR + fraction) * YEAR, 1)


def _column(year: int) -> float:
    return LEFT + (year - FIRST_YEAR + 0.5) * YEAR


def last_year(events: list[Event]) -> int:
    """The axis runs to today (the build's date, reproducible with SOURCE_DATE_EPOCH) or the
    latest date in the data, whichever is later."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    latest = max(((ev.end_date or ev.date).year for ev in events), default=now.year)
    return max(now.year, latest)


def _name(event: Event) -> str:
    """A mark's accessible name: when, which convention, what kind, what."""
    return f"{display_range(event.date, event.end_date)}, {event.convention}, {event.kind_label}: {event.title}"


def _is_period(event: Event) -> bool:
    return event.end_date is not None and event.end_date.year > event.date.year


def _place_labels(milestones: list[dict]) -> int:
    """Give each milestone label the first row where it does not run into another; the rows used."""
    ends: list[float] = []
    for mark in sorted(milestones, key=lambda m: m["x"]):
        start = mark["x"] - 4
        for row, end in enumerate(ends):
            if start > end:
                ends[row] = start + len(mark["label"]) * CHAR
                mark["row"] = row
                break
        else:
            mark["row"] = len(ends)
            ends.append(start + len(mark["label"]) * CHAR)
    return len(ends)


def _place_bars(bars: list[dict]) -> list[dict]:
    """Give each bar the first row free at its start; bars beyond ``BAR_ROWS`` rows are left out
    (their entries still have a dot)."""
    ends: list[float] = []
    placed = []
    for bar in sorted(bars, key=lambda b: (b["x"], -b["width"])):
        for row, end in enumerate(ends):
            if bar["x"] > end + 2:
                ends[row] = bar["x"] + bar["width"]
                bar["row"] = row
                break
        else:
            if len(ends) == BAR_ROWS:
                continue
            bar["row"] = len(ends)
            ends.append(bar["x"] + bar["width"])
        placed.append(bar)
    return placed


def picture(events: list[Event], url: Callable[[Event], str], title: str = "The history at a glance") -> str:
    """The SVG of ``events``; ``url(event)`` is a mark's link (relative to the page)."""
    end_year = last_year(events)
    width = int(LEFT + (end_year - FIRST_YEAR + 1) * YEAR + 8)
    lanes = []
    top = 4
    for code, name in CONVENTIONS.items():
        mine = [ev for ev in events if ev.convention == code and ev.date.year >= FIRST_YEAR]
        lane = Lane(code, name)
        columns: dict[int, list[Event]] = defaultdict(list)
        bars = []
        for ev in mine:
            if ev.milestone in SET_APART:
                lane.milestones.append({"x": _column(ev.date.year), "label": SET_APART[ev.milestone], "event": ev})
            elif _is_period(ev):
                x = _x(ev.date)
                bars.append({"x": x, "width": max(4.0, round(_x(ev.end_date, end=True) - x, 1)), "event": ev})
            else:
                columns[ev.date.year].append(ev)
        lane.bars = _place_bars(bars)
        # A period that finds no row is a dot in its first year's column.
        placed = {id(bar["event"]) for bar in lane.bars}
        for bar in bars:
            if id(bar["event"]) not in placed:
                columns[bar["event"].date.year].append(bar["event"])
        # Two milestones of one year sit side by side.
        by_year: dict[int, list[dict]] = defaultdict(list)
        for mark in lane.milestones:
            by_year[mark["event"].date.year].append(mark)
        for marks in by_year.values():
            for index, mark in enumerate(marks):
                mark["x"] += (index - (len(marks) - 1) / 2) * 9
        label_rows = _place_labels(lane.milestones)
        lane.top = top
        lane.line = top + 18 + label_rows * LABEL + 6
        for year, items in sorted(columns.items()):
            shown = items if len(items) <= STACK else items[: STACK - 1]
            for index, ev in enumerate(shown):
                lane.dots.append({"x": _column(year), "y": lane.line + 10 + index * DOT, "event": ev})
            if len(shown) < len(items):
                lane.more.append(
                    {"x": _column(year), "y": lane.line + 10 + len(shown) * DOT + 4, "count": len(items) - len(shown),
                     "event": items[len(shown)]}
                )  # fmt: skip
        stack = max((min(len(items), STACK) for items in columns.values()), default=0)
        bars_top = lane.line + 10 + stack * DOT + 2
        for bar in lane.bars:
            bar["y"] = bars_top + bar["row"] * BAR
        rows = max((bar["row"] + 1 for bar in lane.bars), default=0)
        lane.height = bars_top + rows * BAR + 8 - top
        for mark in lane.milestones:
            mark["y"] = lane.line - 10 - mark["row"] * LABEL
        lanes.append(lane)
        top += lane.height + 6
    axis = top + 4
    # Room for a label that starts near the end of the axis.
    overhang = max((m["x"] - 4 + len(m["label"]) * CHAR for lane in lanes for m in lane.milestones), default=0)
    width = int(max(width, overhang + 4))
    ticks = [
        {"x": _column(year), "label": str(year) if year % 5 == 0 or year == FIRST_YEAR else ""}
        for year in range(FIRST_YEAR, end_year + 1)
    ]
    return render(
        "history.svg",
        title=title,
        description=f"{len(events)} entries from {FIRST_YEAR} to {end_year}, one lane per convention.",
        width=width,
        height=axis + 22,
        left=LEFT,
        right=width - 8,
        axis=axis,
        lanes=lanes,
        ticks=ticks,
        url=url,
        label_of=_name,
    )
