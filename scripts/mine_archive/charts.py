"""Inline SVG bar charts of the sums the timeline states, drawn at build time.

No chart library and no script: the SVG is text in the page, styled by the
site's CSS, with a title and description for assistive technology. Each
currency gets its own chart; values are never converted or added up.
"""

from __future__ import annotations

from .dates import display_range
from .schema import CURRENCIES
from .templates import render
from .timeline import Event

BASIS_LABELS = {
    "grant": "single grant",
    "annual": "one year's total",
    "period": "total over the period",
    "cumulative": "cumulative total",
}

WIDTH = 400
LINE = 16
BAR_HEIGHT = 14
GAP = 14
ROW = 2 * LINE + BAR_HEIGHT + GAP


def with_amounts(events: list[Event], currency: str) -> list[Event]:
    return [e for e in events if e.amount and e.amount.currency == currency]


def row_label(event: Event) -> str:
    """``1998–2002 · Pledge, total over the period · about ¥10 billion``."""
    return f"{row_when(event)} · {row_amount(event)}"


def row_amount(event: Event) -> str:
    amount = event.amount
    return f"{amount.display()} ({BASIS_LABELS[amount.basis]})"


def row_when(event: Event) -> str:
    return f"{display_range(event.date, event.end_date)} · {event.kind_label}"


def money_chart(events: list[Event], currency: str) -> str:
    """An SVG bar chart of every sum stated in ``currency``; empty text if there is none."""
    rows = with_amounts(events, currency)
    if not rows:
        return ""
    largest = max(e.amount.value for e in rows)
    return render(
        "money_chart.svg",
        chart=f"money-{currency.lower()}",
        width=WIDTH,
        height=len(rows) * ROW,
        line=LINE,
        bar_height=BAR_HEIGHT,
        title=f"Sums stated in {CURRENCIES[currency]} ({currency})",
        description="; ".join(row_label(e) for e in rows) + ".",
        rows=[
            {
                "top": index * ROW,
                "width": max(2.0, round(event.amount.value / largest * WIDTH, 1)),
                "basis": event.amount.basis,
                "amount": row_amount(event),
                "when": row_when(event),
            }
            for index, event in enumerate(rows)
        ],
    )
