"""Charts of the sums the timeline states, drawn at build time as inline SVG.

One chart per currency, on a time axis from 1997 to today: a single grant, a year's total
or a total over a period is a span from its start to its end at the height of its amount;
cumulative totals are a stepped line through their points, each value labelled. Sums are
never converted between currencies and never added up. No chart library and no script:
the SVG is text in the page, coloured by the site's CSS, with a title and a description
for assistive technology; the table beside it holds every sum with its link.

A chart's size is bounded: all spans of one basis are one path, and value labels that
would run into each other are left to the table.
"""

from __future__ import annotations

import math

from . import history
from .commitments import Amount
from .dates import PartialDate, display_range
from .schema import CURRENCIES
from .templates import render
from .timeline import Event

BASIS_LABELS = {
    "grant": "single grant",
    "annual": "one year's total",
    "period": "total over the period",
    "cumulative": "cumulative total",
}

WIDTH = 660  # px of the plot, 1997 to today
LEFT = 92  # px for the amounts on the vertical axis
TOP = 22
HEIGHT = 200  # px of the plot
LABEL_GAP = 70  # px between two value labels of the cumulative line


def with_amounts(events: list[Event], currency: str) -> list[Event]:
    return [e for e in events if e.amount and e.amount.currency == currency]


def row_label(event: Event) -> str:
    """``1998–2002 · Pledge · about ¥10 billion (total over the period)``."""
    return f"{row_when(event)} · {row_amount(event)}"


def row_amount(event: Event) -> str:
    amount = event.amount
    return f"{amount.display()} ({BASIS_LABELS[amount.basis]})"


def row_when(event: Event) -> str:
    return f"{display_range(event.date, event.end_date)} · {event.kind_label}"


def _nice(top: float) -> float:
    """A round figure at or above ``top``: 1, 2, 2.5 or 5 times a power of ten."""
    power = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    for step in (1, 2, 2.5, 5, 10):
        if top <= step * power:
            return step * power
    return 10 * power


def money_chart(events: list[Event], currency: str, end_year: int | None = None) -> str:
    """An SVG chart of every sum stated in ``currency`` over time; empty text if there is none."""
    rows = with_amounts(events, currency)
    if not rows:
        return ""
    first, last = history.FIRST_YEAR, end_year or history.last_year(events)
    per_year = WIDTH / (last - first + 1)

    def x(date: PartialDate, end: bool = False) -> float:
        month = date.month or (12 if end else 1)
        return round(LEFT + (date.year - first + (month - (0 if end else 1)) / 12) * per_year, 1)

    ceiling = _nice(max(e.amount.value for e in rows))

    def y(value: float) -> float:
        return round(TOP + HEIGHT - value / ceiling * HEIGHT, 1)

    spans: dict[str, list[str]] = {basis: [] for basis in ("grant", "annual", "period")}
    points = []
    for event in rows:
        start, end = x(event.date), x(event.end_date or event.date, end=True)
        if event.amount.basis == "cumulative":
            points.append((end, y(event.amount.value), event))
        else:
            spans[event.amount.basis].append(f"M{start} {y(event.amount.value)}H{max(end, start + 4)}")
    points.sort(key=lambda point: point[0])
    line = ""
    if points:
        line = f"M{points[0][0]} {points[0][1]}" + "".join(f"H{px}V{py}" for px, py, _ in points[1:])
    labels: list[dict] = []
    for px, py, event in points:
        # A label goes where it does not run into the one before it: far enough along, or high enough above.
        if not labels or px - labels[-1]["x"] >= LABEL_GAP or labels[-1]["y"] - (py - 8) >= 16:
            labels.append({"x": px, "y": py - 8, "text": event.amount.display()})
    ticks = [
        {"y": y(value), "text": Amount(value, currency, "grant").display() if value else "0"}
        for value in (0, ceiling / 2, ceiling)
    ]
    years = [
        {"x": round(LEFT + (year - first + 0.5) * per_year, 1), "text": str(year)}
        for year in range(first, last + 1)
        if year % 5 == 0 or year == first
    ]
    chart = f"money-{currency.lower()}"
    return render(
        "money_chart.svg",
        chart=chart,
        width=LEFT + WIDTH + 12,
        height=TOP + HEIGHT + 28,
        left=LEFT,
        right=LEFT + WIDTH,
        base=TOP + HEIGHT,
        title=f"Sums stated in {CURRENCIES[currency]} ({currency}), {first} to {last}",
        description="; ".join(row_label(e) for e in rows) + "."
        if len(rows) <= 40
        else (
            f"{len(rows)} sums from {rows[0].date.year} to {(rows[-1].end_date or rows[-1].date).year}; "
            "the table below lists each."
        ),
        spans={basis: "".join(parts) for basis, parts in spans.items() if parts},
        line=line,
        points=points,
        labels=labels,
        ticks=ticks,
        years=years,
    )
