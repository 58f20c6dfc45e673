"""Inline SVG bar charts of the sums the timeline states, drawn at build time.

No chart library and no script: the SVG is text in the page, styled by the
site's CSS, with a title and description for assistive technology. Each
currency gets its own chart; values are never converted or added up.
"""

from __future__ import annotations

from html import escape

from .dates import display_range
from .schema import CURRENCIES
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
    chart = f"money-{currency.lower()}"
    largest = max(e.amount.value for e in rows)
    height = len(rows) * ROW
    title = f"Sums stated in {CURRENCIES[currency]} ({currency})"
    description = "; ".join(row_label(e) for e in rows) + "."
    parts = [
        f'<svg class="money-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart}-title {chart}-desc">',
        f'<title id="{chart}-title">{escape(title)}</title>',
        f'<desc id="{chart}-desc">{escape(description)}</desc>',
        f'<defs><pattern id="{chart}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><rect class="money-chart__hatch" width="3" height="6"/></pattern></defs>',
    ]
    for index, event in enumerate(rows):
        amount = event.amount
        top = index * ROW
        width = max(2.0, round(amount.value / largest * WIDTH, 1))
        fill = f' fill="url(#{chart}-hatch)"' if amount.basis == "cumulative" else ""
        parts.append(
            f'<text class="money-chart__amount" x="0" y="{top + LINE - 4}">{escape(row_amount(event))}</text>'
            f'<text class="money-chart__label" x="0" y="{top + 2 * LINE - 4}">{escape(row_when(event))}</text>'
            f'<rect class="money-chart__bar money-chart__bar--{amount.basis}" x="0" y="{top + 2 * LINE}" '
            f'width="{width}" height="{BAR_HEIGHT}"{fill}/>'
        )
    parts.append("</svg>")
    return "".join(parts)
