"""The timeline pages: every commitment in date order, each quoted from its paragraph.

The timeline is split so that no page grows with the archive beyond one year of it:

- ``/timeline/``: the overview, year by year, with the first ``OVERVIEW_PER_YEAR``
  entries of each year as one line each and a link to the rest;
- ``/timeline/<year>/``: every entry dated in that year, in full, with filters;
- ``/timeline/money/``: the sums the statements state, as charts and tables.

An entry's permanent address is ``/timeline/<year>/#<entry id>``.
"""

from __future__ import annotations

from collections import Counter
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


def entry(event: Event, prefix: str, heading: str) -> str:
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
    """Checkboxes that filter the entries by CSS alone (docs/stylesheets/archive.css);
    the script keeps the count in the status line up to date."""
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
        '<form class="filter timeline-filter" id="timeline-filter">'
        f"<fieldset><legend>Convention</legend>{convention_boxes}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>"
        '<p class="filter__status" role="status" aria-live="polite">'
        f"Showing {len(events)} of {len(events)} entries.</p>"
        "</form>"
    )


OVERVIEW_PER_YEAR = 5


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """The events grouped by the year they are dated in, earliest first."""
    return [(year, list(items)) for year, items in groupby(events, key=lambda ev: ev.commitment.date.year)]


def entry_url(event: Event) -> str:
    """Site-relative address of an entry: its year's page and its id."""
    return f"timeline/{event.commitment.date.year}/#{event.id}"


def _counts(events: list[Event]) -> str:
    """``4 entries: APMBC 3, CCM 1``."""
    per = Counter(ev.commitment.convention for ev in events)
    split = ", ".join(f"{code} {per[code]}" for code in CONVENTIONS if per[code])
    return f"{len(events)} entr{'y' if len(events) == 1 else 'ies'}: {split}"


def _line(event: Event, prefix: str) -> str:
    """One entry as one line: date, conventions, kind and title, linking to the entry."""
    c = event.commitment
    return (
        f'<li class="timeline-line">{when(event)} {convention_badges([c.convention])} '
        f'<a href="{prefix}{entry_url(event)}">{e(c.title)}</a> '
        f'<span class="timeline-line__kind">{e(c.kind_label)}</span></li>'
    )


def years_overview(events: list[Event], prefix: str, convention: str = "") -> str:
    """Each year with its first entries as lines and a link to all of them.

    ``prefix`` leads from the page to the site root; ``convention`` (a code) narrows the
    years to that convention's entries and opens year pages filtered to it.
    """
    sections = []
    query = f"?convention={convention.lower()}" if convention else ""
    for year, items in by_year(events):
        lines = "".join(_line(ev, prefix) for ev in items[:OVERVIEW_PER_YEAR])
        rest = len(items) - OVERVIEW_PER_YEAR
        if rest > 0:
            label = f"All {len(items)} entries of {year} ({rest} more), with their quotes"
        else:
            label = "This entry with its quote" if len(items) == 1 else "These entries with their quotes"
        more = f'<p class="timeline-more"><a href="{prefix}timeline/{year}/{query}">{label}</a></p>'
        sections.append(
            f'<section class="timeline-year" aria-labelledby="t{year}">'
            f'<h3 id="t{year}"><a href="{prefix}timeline/{year}/{query}">{year}</a> '
            f'<span class="timeline-year__count">{e(_counts(items))}</span></h3>'
            f'<ol class="timeline-lines">{lines}</ol>{more}</section>'
        )
    return "".join(sections)


def _year_pager(year: int, years: list[int]) -> str:
    index = years.index(year)
    links = []
    if index > 0:
        links.append(
            f'<a class="statement-pager__link statement-pager__link--prev" href="../{years[index - 1]}/" rel="prev">'
            f'<span class="statement-pager__direction">Previous year</span> <span>{years[index - 1]}</span></a>'
        )
    if index + 1 < len(years):
        links.append(
            f'<a class="statement-pager__link statement-pager__link--next" href="../{years[index + 1]}/" rel="next">'
            f'<span class="statement-pager__direction">Next year</span> <span>{years[index + 1]}</span></a>'
        )
    links.append('<a class="statement-pager__link statement-pager__link--all" href="../">All years</a>')
    return f'<nav class="statement-pager" aria-label="Other years">{"".join(links)}</nav>'


def year_page(year: int, events: list[Event], years: list[int]) -> str:
    """The Markdown page for ``/timeline/<year>/``: every entry of the year, in full."""
    statements = {ev.statement.id for ev in events}
    intro = (
        f'<p class="timeline-intro">{e(_counts(events))}, stated in {len(statements)} '
        f"document{'s' if len(statements) != 1 else ''}. Each entry quotes the words that support it and links "
        'to its paragraph; the <a href="../">overview</a> lists every year.</p>'
    )
    entries = "".join(entry(ev, prefix="../../", heading="h2") for ev in events)
    body = "\n\n".join(
        [
            f'<h1 id="timeline">Timeline: {year}</h1>',
            intro,
            _filters(events),
            f'<div class="timeline-years" id="timeline-list"><ol class="timeline">{entries}</ol></div>',
            _year_pager(year, years),
        ]
    )
    description = f"Japan's commitments under the Mine Ban and Cluster Munition Conventions dated {year}."
    return front_matter(search_exclude=True, title=f"Timeline: {year}", description=description) + body + "\n"


def _money_tables(events: list[Event]) -> str:
    tables = []
    for currency in CURRENCIES:
        rows = charts.with_amounts(events, currency)
        if not rows:
            continue
        body = "".join(
            "<tr>"
            f"<td>{when(ev)}</td>"
            f'<td><a href="../../{entry_url(ev)}">{e(ev.commitment.title)}</a></td>'
            f"<td>{e(ev.commitment.kind_label)}</td>"
            f"<td>{e(charts.BASIS_LABELS[ev.commitment.amount.basis])}</td>"
            f'<td class="money-table__amount">{e(ev.commitment.amount.display())}</td>'
            f"<td>{source_link(ev, '../../')}</td>"
            "</tr>"
            for ev in rows
        )
        name = CURRENCIES[currency]
        tables.append(
            f'<h2 id="{currency.lower()}">{e(name[:1].upper() + name[1:])} ({currency})</h2>'
            f'<figure class="money-figure" id="money-{currency.lower()}">'
            f"{charts.money_chart(events, currency)}"
            f"<figcaption>Sums stated in {e(name)} ({currency}). Hatched bars are cumulative totals; "
            "solid bars are a single grant, one year or one period.</figcaption></figure>"
            '<div class="money-table-box"><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            '<table class="money-table">'
            f"<caption>Sums stated in {e(name)} ({currency}), as the statements give them</caption>"
            '<thead><tr><th scope="col">When</th><th scope="col">Entry</th><th scope="col">Kind</th>'
            '<th scope="col">Basis</th><th scope="col">Amount</th><th scope="col">Source</th></tr></thead>'
            f"<tbody>{body}</tbody></table></div></div></div>"
        )
    return "\n\n".join(tables) if tables else "<p>No statement in the archive states a sum yet.</p>"


def money_page(events: list[Event]) -> str:
    """The Markdown page for ``/timeline/money/``."""
    bases = "; ".join(f"<em>{e(charts.BASIS_LABELS[k])}</em>: {e(v)}" for k, v in AMOUNT_BASES.items())
    body = "\n\n".join(
        [
            '<h1 id="money">Money the statements state</h1>',
            '<p class="money-intro">Each sum is shown as the statement states it, in its own currency. Yen and '
            "dollars are kept apart and never converted, and sums are not added together: a cumulative total "
            f'already includes the years before it. Bases: {bases}. Every sum is an entry of the <a href="../">'
            "timeline</a>.</p>",
            _money_tables(events),
        ]
    )
    description = "The sums of money Japan's statements on the two conventions state, by currency, as stated."
    return front_matter(search_exclude=True, title="Money the statements state", description=description) + body + "\n"


def timeline_page(events: list[Event]) -> str:
    """The Markdown page for ``/timeline/``: the overview."""
    statements = {ev.statement.id for ev in events}
    years = by_year(events)
    span = f"{years[0][0]}–{years[-1][0]}" if len(years) > 1 else str(years[0][0]) if years else ""
    intro = (
        f'<p class="timeline-intro">{len(events)} commitments, pledges, contributions, offices and actions '
        f"stated in {len(statements)} documents{f', dated {span}' if span else ''}, earliest first. Each year "
        "lists its first entries; its own page holds every entry of the year with the words that support it "
        "and a link to its paragraph, and filters by convention and kind. Dates are as precise as the document "
        'allows; where a document dates something relatively ("four years ago", "last year"), the entry\'s note '
        "says how the date was worked out.</p>"
    )
    kinds = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in COMMITMENT_KINDS.values())
    legend = f'<details class="timeline-kinds"><summary>What the kinds mean</summary><dl>{kinds}</dl></details>'
    body = "\n\n".join(
        [
            '<h1 id="timeline">Timeline of Japan\'s commitments</h1>',
            intro,
            legend,
            '<p class="timeline-money-link"><a href="money/">Money the statements state</a>: every sum, '
            "by currency, as a chart and a table.</p>",
            '<h2 id="years">Year by year</h2>',
            years_overview(events, "../") if events else "<p>No entries yet.</p>",
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


def timeline_files(events: list[Event]) -> dict[str, str]:
    """``{docs path: page}`` for the overview, every year and the money page."""
    years = [year for year, _ in by_year(events)]
    files = {"timeline.md": timeline_page(events), "timeline/money.md": money_page(events)}
    for year, items in by_year(events):
        files[f"timeline/{year}.md"] = year_page(year, items, years)
    return files
