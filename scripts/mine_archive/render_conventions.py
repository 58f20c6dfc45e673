"""The /conventions/<code>/ pages: Japan under each convention, then the convention itself.

A page opens with Japan's own key dates and offices (from the treaty record), then
every known statement by Japan on the convention, then the convention's own key
dates and Japan's commitments year by year.
"""

from __future__ import annotations

from .budget import BODY_BYTES
from .catalogue import CatalogueEntry
from .conventions import Convention
from .dates import display_range
from .render import e, front_matter, holdings
from .render_catalogue import listing
from .render_timeline import OVERVIEW_PER_YEAR, YearPages, source_link, years_overview
from .schema import MILESTONES
from .timeline import Event

TABLE_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
TABLE_CLOSE = "</div></div>"


def _when(event: Event) -> str:
    return f'<time datetime="{event.date.iso}">{e(display_range(event.date, event.end_date))}</time>'


def _evidence(event: Event) -> str:
    """The entry's evidence in brief: its paragraphs, and its sources by publisher (the entry has the rest)."""
    links = [source_link(quote, "../../") for quote in event.quotes]
    if event.record:
        links += [
            f'<a href="{e(source.url)}" rel="external" title="{e(source.title)}">{e(source.publisher)}</a>'
            for source in event.record.sources
        ]
    return "; ".join(links)


def _japan_dates(convention: Convention, events: list[Event], pages: YearPages) -> str:
    """Japan's milestones under the convention, in the order of ``MILESTONES``, each linked to its entry."""
    order = list(MILESTONES)
    rows = sorted((ev for ev in events if ev.milestone), key=lambda ev: (order.index(ev.milestone), ev.date.sort_key))
    if not rows:
        return "<p>The treaty record holds none yet.</p>"
    body = "".join(
        "<tr>"
        f"<td>{e(MILESTONES[ev.milestone])}</td>"
        f"<td>{_when(ev)}</td>"
        f'<td><a href="../../{pages.url(ev)}">{e(ev.title)}</a></td>'
        f"<td>{_evidence(ev)}</td>"
        "</tr>"
        for ev in rows
    )
    return (
        f'{TABLE_OPEN}<table class="key-dates japan-dates">'
        f"<caption>Japan's key dates under the {e(convention.short_name)}</caption>"
        '<thead><tr><th scope="col">Milestone</th><th scope="col">Date</th><th scope="col">Entry</th>'
        f'<th scope="col">Evidence</th></tr></thead><tbody>{body}</tbody></table>{TABLE_CLOSE}'
    )


def _offices(events: list[Event], pages: YearPages) -> str:
    offices = [ev for ev in events if ev.kind == "office"]
    if not offices:
        return "<p>None recorded yet.</p>"
    items = "".join(f'<li>{_when(ev)}: <a href="../../{pages.url(ev)}">{e(ev.title)}</a></li>' for ev in offices)
    return f'<ul class="office-list">{items}</ul>'


def _key_dates(convention: Convention) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{e(d.label)}</td>"
        f'<td><time datetime="{d.date.iso}">{e(d.date.display())}</time></td>'
        f"<td>{e(d.place or '')}</td>"
        f'<td><a href="{e(d.source_url)}" rel="external">{e(d.source_publisher)}</a></td>'
        "</tr>"
        for d in convention.key_dates
    )
    return (
        f'{TABLE_OPEN}<table class="key-dates">'
        f"<caption>Key dates of the {e(convention.short_name)}</caption>"
        '<thead><tr><th scope="col">Event</th><th scope="col">Date</th><th scope="col">Place</th>'
        f'<th scope="col">Source</th></tr></thead><tbody>{rows}</tbody></table>{TABLE_CLOSE}'
    )


def _statements(convention: Convention, known: list[CatalogueEntry]) -> str:
    """The convention's statements, newest first, as many as the page's size budget holds;
    beyond that, a link to the catalogue, which lists them all on pages of its own."""
    if not known:
        return "<p>None known yet.</p>"
    # Half the page's budget: the page holds Japan's dates, offices and years besides.
    first, *rest = listing(convention.url, known, "h3", "s", BODY_BYTES // 2)
    shown = len(first.items)
    more = ""
    if rest:
        older = len(known) - shown
        more = (
            f'<p class="timeline-more">The {shown} newest are listed here; the '
            f'<a href="../../catalogue/">catalogue</a> lists the {older} older ones too.</p>'
        )
    return (
        "<p>Those in full text link to their page; the others to where they are published. The "
        '<a href="../../catalogue/">catalogue</a> lists both conventions together.</p>'
        f'<div class="statement-years">{first.sections}</div>{more}'
    )


def convention_page(
    convention: Convention, catalogue: list[CatalogueEntry], events: list[Event], pages: YearPages
) -> str:
    """The Markdown page for ``/conventions/<code>/`` (two levels below the site root)."""
    known = [entry for entry in catalogue if convention.code in entry.conventions]
    archived = sum(1 for entry in known if entry.archived)
    entries = [ev for ev in events if ev.convention == convention.code]
    aka = f", also known as the {e(convention.also_known_as)}" if convention.also_known_as else ""
    parts = [
        f'<h1 id="convention">{e(convention.short_name)} ({e(convention.code)})</h1>',
        f'<p class="convention-name">The <cite>{e(convention.name)}</cite>{aka}.</p>',
        '<h2 id="japan">Japan\'s key dates</h2>',
        _japan_dates(convention, entries, pages),
        '<h2 id="offices">Offices Japan has held</h2>',
        _offices(entries, pages),
        f'<h2 id="statements">Japan\'s statements ({e(holdings(archived, len(known)))})</h2>',
        _statements(convention, known),
        '<h2 id="about">About the convention</h2>',
        f"<p>{e(convention.summary)}</p>",
        _key_dates(convention),
        f'<h2 id="timeline">Japan\'s commitments and acts under the {e(convention.code)} ({len(entries)})</h2>',
        (
            f"<p>In date order, the first {OVERVIEW_PER_YEAR} of each year; a year's page holds all of them with "
            'their evidence, and the <a href="../../timeline/">timeline</a> shows both conventions together.</p>\n\n'
            + years_overview(entries, "../../", pages, convention.code)
        )
        if entries
        else "<p>None recorded yet.</p>",
    ]
    return (
        front_matter(
            search_exclude=True,
            title=f"{convention.short_name} ({convention.code})",
            description=f"Japan under the {convention.short_name}: its key dates, offices, statements and "
            "commitments, and the convention's own key dates.",
        )
        + "\n\n".join(parts)
        + "\n"
    )
