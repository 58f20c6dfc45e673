"""The /timeline/ page: every commitment in date order, each quoted from its paragraph."""

from __future__ import annotations

from itertools import groupby

from . import charts
from .dates import display_range
from .render import convention_badges, e, front_matter
from .schema import AMOUNT_BASES, COMMITMENT_KINDS, CONVENTIONS, CURRENCIES
from .timeline import Event


def when(event: Event) -> str:
    c = event.commitment
    return f'<time datetime="{c.date.iso}">{e(display_range(c.date, c.end_date))}</time>'


def source_link(event: Event, prefix: str) -> str:
    """``Statement title, ¶N`` linking to the paragraph; ``prefix`` leads from the page to the site root."""
    return (
        f'<a class="timeline-entry__source" href="{prefix}{event.url}">'
        f"{e(event.statement.title)}, ¶{event.paragraph_number}</a>"
    )


def entry(event: Event, prefix: str = "../", heading: str = "h3") -> str:
    c = event.commitment
    details = []
    if c.amount:
        details.append(
            f'<p class="timeline-entry__amount"><strong>Amount:</strong> {e(c.amount.display())} '
            f"({e(charts.BASIS_LABELS[c.amount.basis])}, as stated)</p>"
        )
    if c.note:
        details.append(f'<p class="timeline-entry__note"><strong>Note:</strong> {e(c.note)}</p>')
    return (
        f'<li class="timeline-entry" id="{e(event.id)}" data-convention="{c.convention.lower()}" data-kind="{c.kind}">'
        f'<p class="timeline-entry__meta">{when(event)} {convention_badges([c.convention])} '
        f'<span class="timeline-entry__kind">{e(c.kind_label)}</span></p>'
        f'<{heading} class="timeline-entry__title">{e(c.title)}</{heading}>'
        f'<blockquote class="timeline-entry__quote"><p>“{e(c.quote)}”</p></blockquote>'
        f"{''.join(details)}"
        f'<p class="timeline-entry__cite">{source_link(event, prefix)}</p></li>'
    )


def _filters(events: list[Event]) -> str:
    """Checkboxes for JavaScript to filter with; hidden until the script shows them."""
    conventions = [code for code in CONVENTIONS if any(ev.commitment.convention == code for ev in events)]
    kinds = [kind for kind in COMMITMENT_KINDS if any(ev.commitment.kind == kind for ev in events)]

    def box(group: str, value: str, label: str) -> str:
        count = sum(
            1
            for ev in events
            if (ev.commitment.convention.lower() if group == "convention" else ev.commitment.kind) == value
        )
        return (
            f'<label class="filter__option"><input type="checkbox" name="{group}" value="{value}" checked> '
            f'{e(label)} <span class="filter__count">({count})</span></label>'
        )

    convention_boxes = "".join(box("convention", c.lower(), c) for c in conventions)
    kind_boxes = "".join(box("kind", k, COMMITMENT_KINDS[k][0]) for k in kinds)
    return (
        '<form class="filter timeline-filter" id="timeline-filter" hidden>'
        f"<fieldset><legend>Convention</legend>{convention_boxes}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>"
        '<p class="filter__status" role="status" aria-live="polite"></p>'
        "</form>"
    )


def _money_section(events: list[Event]) -> str:
    tables = []
    for currency in CURRENCIES:
        rows = charts.with_amounts(events, currency)
        if not rows:
            continue
        body = "".join(
            "<tr>"
            f"<td>{when(ev)}</td>"
            f'<td><a href="#{e(ev.id)}">{e(ev.commitment.title)}</a></td>'
            f"<td>{e(ev.commitment.kind_label)}</td>"
            f"<td>{e(charts.BASIS_LABELS[ev.commitment.amount.basis])}</td>"
            f'<td class="money-table__amount">{e(ev.commitment.amount.display())}</td>'
            f"<td>{source_link(ev, '../')}</td>"
            "</tr>"
            for ev in rows
        )
        name = CURRENCIES[currency]
        tables.append(
            f'<figure class="money-figure" id="money-{currency.lower()}">'
            f"{charts.money_chart(events, currency)}"
            f"<figcaption>Sums stated in {e(name)} ({currency}). Hatched bars are cumulative totals; "
            "solid bars are a single grant, one year or one period.</figcaption></figure>"
            f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="money-table">'
            f"<caption>Sums stated in {e(name)} ({currency}), as the statements give them</caption>"
            '<thead><tr><th scope="col">When</th><th scope="col">Entry</th><th scope="col">Kind</th>'
            '<th scope="col">Basis</th><th scope="col">Amount</th><th scope="col">Source</th></tr></thead>'
            f"<tbody>{body}</tbody></table></div></div>"
        )
    bases = "; ".join(f"<em>{e(charts.BASIS_LABELS[k])}</em>: {e(v)}" for k, v in AMOUNT_BASES.items())
    return (
        '<h2 id="money">Money the statements state</h2>\n\n'
        '<p class="money-intro">Each sum is shown as the statement states it, in its own currency. Yen and '
        "dollars are kept apart and never converted, and sums are not added together: a cumulative total "
        f"already includes the years before it. Bases: {bases}.</p>\n\n" + "\n\n".join(tables)
    )


def timeline_page(events: list[Event]) -> str:
    """The Markdown page for ``/timeline/``."""
    groups = []
    for year, items in groupby(events, key=lambda ev: ev.commitment.date.year):
        entries = "".join(entry(ev) for ev in items)
        groups.append(
            f'<section class="timeline-year" aria-labelledby="t{year}">'
            f'<h2 id="t{year}">{year}</h2><ol class="timeline">{entries}</ol></section>'
        )
    statements = {ev.statement.id for ev in events}
    intro = (
        f'<p class="timeline-intro">{len(events)} commitments, pledges, contributions, offices and actions '
        f"stated in {len(statements)} documents, earliest first. Each entry quotes the words that support it "
        "and links to its paragraph. Dates are as precise as the document allows; where a document dates "
        'something relatively ("four years ago", "last year"), the note says how the date was worked out.</p>'
    )
    kinds = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in COMMITMENT_KINDS.values())
    legend = f'<details class="timeline-kinds"><summary>What the kinds mean</summary><dl>{kinds}</dl></details>'
    body = "\n\n".join(
        [
            '<h1 id="timeline">Timeline of Japan\'s commitments</h1>',
            intro,
            legend,
            _filters(events),
            f'<div class="timeline-years" id="timeline-list">{"".join(groups)}</div>',
            _money_section(events),
        ]
    )
    return (
        front_matter(
            search_exclude=True,
            title="Timeline",
            description="What Japan signed, destroyed, pledged, gave, chaired and campaigned for under the "
            "Mine Ban Convention and the Convention on Cluster Munitions, each entry quoted from its statement.",
        )
        + body
        + "\n"
    )
