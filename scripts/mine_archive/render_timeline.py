"""The timeline pages: every commitment and treaty act in date order, each with its evidence.

The timeline is split so that no page grows with the archive beyond one year of it:

- ``/timeline/``: the overview, year by year, with the first ``OVERVIEW_PER_YEAR``
  entries of each year as one line each and a link to the rest;
- ``/timeline/<year>/``: every entry dated in that year, in full, with filters; a year
  over the size budget continues on ``/timeline/<year>/2/`` and so on (``YearPages``);
- ``/timeline/money/``: the sums the entries state, as charts and tables.

An entry's address is its page and its id (``/timeline/<year>/#<entry id>``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from . import budget, charts
from .dates import display_range
from .record import RecordEntry, RecordSource
from .render import convention_badges, e, front_matter
from .schema import AMOUNT_BASES, COMMITMENT_KINDS, CONVENTIONS, CURRENCIES
from .timeline import EVIDENCE, Event, Quote

# Short labels for an entry's evidence, shown beside its kind.
EVIDENCE_LABELS = {"quote": "Quoted", "record": "Sourced"}


def when(event: Event) -> str:
    return f'<time datetime="{event.date.iso}">{e(display_range(event.date, event.end_date))}</time>'


def source_link(quote: Quote, prefix: str) -> str:
    """``Statement title, ¶N`` linking to the paragraph; ``prefix`` leads from the page to the site root."""
    return (
        f'<a class="timeline-entry__source" href="{prefix}{quote.url}">'
        f"{e(quote.statement.title)}, ¶{quote.paragraph_number}</a>"
    )


def record_source(source: RecordSource) -> str:
    """``Publisher, Title (date)`` linking to the source, which the page never fetches."""
    dated = f" ({e(source.date.display())})" if source.date else ""
    return (
        f'<a class="record-source" href="{e(source.url)}" rel="external">'
        f"{e(source.publisher)}, <cite>{e(source.title)}</cite></a>{dated}"
    )


def _record_sources(sources: tuple[RecordSource, ...]) -> str:
    return "; ".join(record_source(source) for source in sources)


def evidence_links(event: Event, prefix: str) -> str:
    """Every piece of an entry's evidence as links: its paragraphs, then its record sources."""
    links = [source_link(quote, prefix) for quote in event.quotes]
    if event.record:
        links.append(_record_sources(event.record.sources))
    return "; ".join(links)


def evidence_summary(events: list[Event]) -> str:
    """How many entries each kind of evidence supports: ``12 quoted from 3 archived statements,
    with a link to the paragraph; 79 from the treaty record, with their sources``."""
    statements = {quote.statement.id for ev in events for quote in ev.quotes}
    quoted = sum(1 for ev in events if ev.quotes)
    recorded = sum(1 for ev in events if ev.record)
    parts = []
    if quoted:
        documents = f"{len(statements)} archived statement{'s' if len(statements) != 1 else ''}"
        parts.append(f"{quoted} quoted from {documents}, with a link to the paragraph")
    if recorded:
        parts.append(f"{recorded} from the treaty record, with {'its' if recorded == 1 else 'their'} sources")
    return "; ".join(parts)


def _quote_evidence(quote: Quote, prefix: str) -> str:
    note = quote.commitment.note
    return (
        f'<blockquote class="timeline-entry__quote"><p>“{e(quote.commitment.quote)}”</p></blockquote>'
        f'<p class="timeline-entry__cite">{source_link(quote, prefix)}</p>'
        + (f'<p class="timeline-entry__note"><strong>Note:</strong> {e(note)}</p>' if note else "")
    )


def _record_evidence(entry: RecordEntry) -> str:
    parts = []
    if entry.conflict:
        readings = "".join(
            f"<li>{e(reading.text)} "
            f'<span class="record-reading__sources">({_record_sources(reading.sources)})</span></li>'
            for reading in entry.conflict.readings
        )
        parts.append(
            '<div class="record-conflict"><p><strong>Sources disagree.</strong> '
            f"{e(entry.conflict.note)}</p><ul>{readings}</ul></div>"
        )
    if entry.uncertain:
        parts.append(f'<p class="record-uncertain"><strong>Uncertain:</strong> {e(entry.uncertain)}</p>')
    label = "Source" if len(entry.sources) == 1 else "Sources"
    parts.append(f'<p class="record-sources"><strong>{label}:</strong> {_record_sources(entry.sources)}</p>')
    return "".join(parts)


def entry(event: Event, prefix: str, heading: str) -> str:
    """One timeline entry with all its evidence: quotes from statements, the record's sources, or both."""
    details = []
    if event.record and event.record.description:
        details.append(f'<p class="timeline-entry__description">{e(event.record.description)}</p>')
    if event.amount:
        details.append(
            f'<p class="timeline-entry__amount"><strong>Amount:</strong> {e(event.amount.display())} '
            f"({e(charts.BASIS_LABELS[event.amount.basis])}, as stated)</p>"
        )
    details += [_quote_evidence(quote, prefix) for quote in event.quotes]
    if event.record:
        details.append(_record_evidence(event.record))
    aliases = "".join(f'<span class="timeline-entry__alias" id="{e(alias)}"></span>' for alias in event.aliases)
    milestone = (
        f' <span class="timeline-entry__milestone">{e(event.record.milestone_label)}</span>' if event.milestone else ""
    )
    evidence = " ".join(event.evidence)
    labels = " · ".join(EVIDENCE_LABELS[kind] for kind in event.evidence)
    return (
        f'<li class="timeline-entry" id="{e(event.id)}" data-convention="{event.convention.lower()}" '
        f'data-kind="{event.kind}" data-evidence="{evidence}">{aliases}'
        f'<p class="timeline-entry__meta">{when(event)} {convention_badges([event.convention])} '
        f'<span class="timeline-entry__kind">{e(event.kind_label)}</span>{milestone} '
        f'<span class="timeline-entry__evidence">{e(labels)}</span></p>'
        f'<{heading} class="timeline-entry__title">{e(event.title)}</{heading}>'
        f"{''.join(details)}</li>"
    )


def _filters(events: list[Event]) -> str:
    """Checkboxes that filter the entries by CSS alone (docs/stylesheets/archive.css);
    the script keeps the count in the status line up to date. An entry with both kinds of
    evidence is shown while either evidence box is checked."""
    groups = [
        (
            "convention",
            "Convention",
            [(code.lower(), code) for code in CONVENTIONS],
            lambda ev: {ev.convention.lower()},
        ),
        ("kind", "Kind", [(kind, label) for kind, (label, _) in COMMITMENT_KINDS.items()], lambda ev: {ev.kind}),
        ("evidence", "Evidence", list(EVIDENCE.items()), lambda ev: set(ev.evidence)),
    ]
    fieldsets = []
    for group, legend, options, values_of in groups:
        boxes = []
        for value, label in options:
            count = sum(1 for ev in events if value in values_of(ev))
            if count:
                boxes.append(
                    f'<label class="filter__option"><input type="checkbox" name="{group}" value="{value}" checked> '
                    f'{e(label)} <span class="filter__count">({count})</span></label>'
                )
        fieldsets.append(f"<fieldset><legend>{legend}</legend>{''.join(boxes)}</fieldset>")
    return (
        '<form class="filter timeline-filter" id="timeline-filter">'
        f"{''.join(fieldsets)}"
        '<p class="filter__status" role="status" aria-live="polite">'
        f"Showing {len(events)} of {len(events)} entries.</p>"
        "</form>"
    )


OVERVIEW_PER_YEAR = 5


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """The events grouped by the year they are dated in, earliest first."""
    return [(year, list(items)) for year, items in groupby(events, key=lambda ev: ev.date.year)]


@dataclass(frozen=True)
class YearPages:
    """Where every entry is: each year's entries on one page, or on several where one
    page would pass the size budget (``/timeline/1998/``, ``/timeline/1998/2/``, …)."""

    years: list[tuple[int, list[list[Event]]]]  # each year, earliest first, with its pages' entries
    where: dict[str, str]  # entry id (and merged commitments' ids) -> its page's site path

    def url(self, event: Event) -> str:
        """Site-relative address of an entry: its page and its id."""
        return f"{self.where[event.id]}#{event.id}"


def year_page_path(year: int, number: int) -> str:
    return f"timeline/{year}/" if number == 1 else f"timeline/{year}/{number}/"


def year_pages(events: list[Event]) -> YearPages:
    """Split each year's entries by the size budget (measured as the deepest page renders them)."""
    years, where = [], {}
    for year, items in by_year(events):
        runs = budget.split([len(entry(ev, "../../../", "h2").encode("utf-8")) for ev in items])
        pages = [[items[i] for i in run] for run in runs]
        for number, page in enumerate(pages, start=1):
            for ev in page:
                for anchor in (ev.id, *ev.aliases):
                    where[anchor] = year_page_path(year, number)
        years.append((year, pages))
    return YearPages(years, where)


def _counts(events: list[Event]) -> str:
    """``4 entries: APMBC 3, CCM 1``."""
    per = Counter(ev.convention for ev in events)
    split = ", ".join(f"{code} {per[code]}" for code in CONVENTIONS if per[code])
    return f"{len(events)} entr{'y' if len(events) == 1 else 'ies'}: {split}"


def _line(event: Event, prefix: str, pages: YearPages) -> str:
    """One entry as one line: date, conventions, kind and title, linking to the entry."""
    return (
        f'<li class="timeline-line">{when(event)} {convention_badges([event.convention])} '
        f'<a href="{prefix}{pages.url(event)}">{e(event.title)}</a> '
        f'<span class="timeline-line__kind">{e(event.kind_label)}</span></li>'
    )


def years_overview(events: list[Event], prefix: str, pages: YearPages, convention: str = "") -> str:
    """Each year with its first entries as lines and a link to all of them.

    ``prefix`` leads from the page to the site root; ``convention`` (a code) narrows the
    years to that convention's entries and opens year pages filtered to it.
    """
    sections = []
    query = f"?convention={convention.lower()}" if convention else ""
    for year, items in by_year(events):
        lines = "".join(_line(ev, prefix, pages) for ev in items[:OVERVIEW_PER_YEAR])
        rest = len(items) - OVERVIEW_PER_YEAR
        if rest > 0:
            label = f"All {len(items)} entries of {year} ({rest} more), with their evidence"
        else:
            label = "This entry with its evidence" if len(items) == 1 else "These entries with their evidence"
        more = f'<p class="timeline-more"><a href="{prefix}timeline/{year}/{query}">{label}</a></p>'
        sections.append(
            f'<section class="timeline-year" aria-labelledby="t{year}">'
            f'<h3 id="t{year}"><a href="{prefix}timeline/{year}/{query}">{year}</a> '
            f'<span class="timeline-year__count">{e(_counts(items))}</span></h3>'
            f'<ol class="timeline-lines">{lines}</ol>{more}</section>'
        )
    return "".join(sections)


def _year_pager(year: int, years: list[int], prefix: str) -> str:
    index = years.index(year)
    links = []
    if index > 0:
        before = years[index - 1]
        links.append(
            f'<a class="statement-pager__link statement-pager__link--prev" href="{prefix}timeline/{before}/" '
            f'rel="prev"><span class="statement-pager__direction">Previous year</span> <span>{before}</span></a>'
        )
    if index + 1 < len(years):
        after = years[index + 1]
        links.append(
            f'<a class="statement-pager__link statement-pager__link--next" href="{prefix}timeline/{after}/" '
            f'rel="next"><span class="statement-pager__direction">Next year</span> <span>{after}</span></a>'
        )
    links.append(f'<a class="statement-pager__link statement-pager__link--all" href="{prefix}timeline/">All years</a>')
    return f'<nav class="statement-pager" aria-label="Other years">{"".join(links)}</nav>'


def year_page(year: int, number: int, pages: list[list[Event]], years: list[int]) -> str:
    """The Markdown page for ``/timeline/<year>/`` (page ``number`` of the year's ``pages``):
    every entry on it, in full, with its evidence."""
    events = pages[number - 1]
    path = year_page_path(year, number)
    prefix = "../" * path.count("/")
    title = f"Timeline: {year}" if len(pages) == 1 else f"Timeline: {year}, page {number} of {len(pages)}"
    everything = [ev for page in pages for ev in page]
    intro = (
        f'<p class="timeline-intro">{e(_counts(everything))}. Of these, {e(evidence_summary(everything))}. '
        f'The <a href="{prefix}timeline/">overview</a> lists every year.</p>'
    )
    labels = [f"{len(page)} entr{'y' if len(page) == 1 else 'ies'}" for page in pages]
    paths = [year_page_path(year, page) for page in range(1, len(pages) + 1)]
    pager = budget.pager(paths, number, labels, prefix, "Pages of this year")
    pager_end = budget.pager(paths, number, labels, prefix, "Pages of this year, at its end")
    entries = "".join(entry(ev, prefix=prefix, heading="h2") for ev in events)
    body = "\n\n".join(
        part
        for part in [
            f'<h1 id="timeline">{e(title)}</h1>',
            intro,
            pager,
            _filters(events),
            f'<div class="timeline-years" id="timeline-list"><ol class="timeline">{entries}</ol></div>',
            pager_end,
            _year_pager(year, years, prefix),
        ]
        if part
    )
    description = (
        f"Japan's commitments and treaty acts under the Mine Ban and Cluster Munition Conventions dated {year}."
    )
    return front_matter(search_exclude=True, title=title, description=description) + body + "\n"


def _money_tables(events: list[Event], pages: YearPages) -> str:
    tables = []
    for currency in CURRENCIES:
        rows = charts.with_amounts(events, currency)
        if not rows:
            continue
        body = "".join(
            "<tr>"
            f"<td>{when(ev)}</td>"
            f'<td><a href="../../{pages.url(ev)}">{e(ev.title)}</a></td>'
            f"<td>{e(ev.kind_label)}</td>"
            f"<td>{e(charts.BASIS_LABELS[ev.amount.basis])}</td>"
            f'<td class="money-table__amount">{e(ev.amount.display())}</td>'
            f"<td>{evidence_links(ev, '../../')}</td>"
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
            f"<caption>Sums stated in {e(name)} ({currency}), as the statements and sources give them</caption>"
            '<thead><tr><th scope="col">When</th><th scope="col">Entry</th><th scope="col">Kind</th>'
            '<th scope="col">Basis</th><th scope="col">Amount</th><th scope="col">Source</th></tr></thead>'
            f"<tbody>{body}</tbody></table></div></div></div>"
        )
    return "\n\n".join(tables) if tables else "<p>No entry of the timeline states a sum yet.</p>"


def money_page(events: list[Event], pages: YearPages) -> str:
    """The Markdown page for ``/timeline/money/``."""
    bases = "; ".join(f"<em>{e(charts.BASIS_LABELS[k])}</em>: {e(v)}" for k, v in AMOUNT_BASES.items())
    body = "\n\n".join(
        [
            '<h1 id="money">Money on the timeline</h1>',
            '<p class="money-intro">Each sum is shown as its statement or source states it, in its own currency. '
            "Currencies are kept apart and never converted, and sums are not added together: a cumulative total "
            f'already includes the years before it. Bases: {bases}. Every sum is an entry of the <a href="../">'
            "timeline</a>.</p>",
            _money_tables(events, pages),
        ]
    )
    description = "The sums of money on the timeline of Japan's commitments, by currency, as stated."
    return front_matter(search_exclude=True, title="Money on the timeline", description=description) + body + "\n"


def timeline_page(events: list[Event], pages: YearPages) -> str:
    """The Markdown page for ``/timeline/``: the overview."""
    years = by_year(events)
    span = f"{years[0][0]}–{years[-1][0]}" if len(years) > 1 else str(years[0][0]) if years else ""
    intro = (
        f'<p class="timeline-intro">{len(events)} treaty acts, commitments, pledges, contributions and offices'
        f"{f', dated {span}' if span else ''}, earliest first: {e(evidence_summary(events))}. Where a statement "
        "and the record describe the same event, it is one entry with both. Each year lists its first entries; its "
        "own page holds every entry of the year with its evidence, and filters by convention, kind and evidence. "
        'Dates are as precise as the evidence allows; where a document dates something relatively ("four years '
        'ago", "last year"), the entry\'s note says how the date was worked out. Where sources disagree, the '
        "entry shows each reading with its source.</p>"
    )
    kinds = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in COMMITMENT_KINDS.values())
    legend = f'<details class="timeline-kinds"><summary>What the kinds mean</summary><dl>{kinds}</dl></details>'
    body = "\n\n".join(
        [
            '<h1 id="timeline">Timeline of Japan\'s commitments</h1>',
            intro,
            legend,
            '<p class="timeline-money-link"><a href="money/">Money on the timeline</a>: every sum, '
            "by currency, as a chart and a table.</p>",
            '<h2 id="years">Year by year</h2>',
            years_overview(events, "../", pages) if events else "<p>No entries yet.</p>",
        ]
    )
    return (
        front_matter(
            search_exclude=True,
            title="Timeline",
            description="What Japan signed, destroyed, pledged, gave, chaired and campaigned for under the "
            "Mine Ban Convention and the Convention on Cluster Munitions, each entry with its evidence.",
        )
        + body
        + "\n"
    )


def timeline_files(events: list[Event], pages: YearPages) -> dict[str, str]:
    """``{docs path: page}`` for the overview, every year's pages and the money page."""
    years = [year for year, _ in pages.years]
    files = {"timeline.md": timeline_page(events, pages), "timeline/money.md": money_page(events, pages)}
    for year, year_pages_ in pages.years:
        for number in range(1, len(year_pages_) + 1):
            path = year_page_path(year, number).rstrip("/") + ".md"
            files[path] = year_page(year, number, year_pages_, years)
    return files
