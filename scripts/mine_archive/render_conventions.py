"""The /conventions/<code>/ pages: what each convention is, its key dates, and Japan under it."""

from __future__ import annotations

from .conventions import Convention
from .render import e, front_matter, newest_first, statements_by_year
from .render_timeline import OVERVIEW_PER_YEAR, years_overview
from .statements import Statement
from .timeline import Event


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
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="key-dates">'
        f"<caption>Key dates of the {e(convention.short_name)}</caption>"
        '<thead><tr><th scope="col">Event</th><th scope="col">Date</th><th scope="col">Place</th>'
        '<th scope="col">Source</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></div>"
    )


def convention_page(convention: Convention, statements: list[Statement], events: list[Event]) -> str:
    """The Markdown page for ``/conventions/<code>/`` (two levels below the site root)."""
    mine = newest_first([s for s in statements if convention.code in s.conventions])
    entries = [ev for ev in events if ev.commitment.convention == convention.code]
    aka = f", also known as the {e(convention.also_known_as)}" if convention.also_known_as else ""
    parts = [
        f'<h1 id="convention">{e(convention.short_name)} ({e(convention.code)})</h1>',
        f'<p class="convention-name">The <cite>{e(convention.name)}</cite>{aka}.</p>',
        f"<p>{e(convention.summary)}</p>",
        '<h2 id="key-dates">Key dates</h2>',
        _key_dates(convention),
        f'<h2 id="statements">Japan\'s statements ({len(mine)})</h2>',
        (
            f'<div class="statement-years">{statements_by_year(mine, lambda s: f"../../{s.url}", "h3", "s")}</div>'
            if mine
            else "<p>None in the archive yet.</p>"
        ),
        f'<h2 id="timeline">Japan\'s commitments under the {e(convention.code)} ({len(entries)})</h2>',
        (
            f"<p>In date order, the first {OVERVIEW_PER_YEAR} of each year; a year's page holds all of them with "
            'their quotes, and the <a href="../../timeline/">timeline</a> shows both conventions together.</p>\n\n'
            + years_overview(entries, "../../", convention.code)
        )
        if entries
        else "<p>None recorded yet.</p>",
    ]
    return (
        front_matter(
            search_exclude=True,
            title=f"{convention.short_name} ({convention.code})",
            description=f"The {convention.short_name}: key dates, and Japan's statements and commitments under it.",
        )
        + "\n\n".join(parts)
        + "\n"
    )
