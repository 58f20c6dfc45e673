"""The /conventions/<code>/ pages: Japan under each convention, then the convention itself.

A page opens with Japan's own key dates and offices (from the treaty record), then
every known statement by Japan on the convention, then the convention's own key
dates and Japan's commitments year by year.
"""

from __future__ import annotations

from .budget import BODY_BYTES
from .catalogue import CatalogueEntry
from .conventions import Convention
from .render import holdings
from .render_catalogue import listing
from .render_timeline import OVERVIEW_PER_YEAR, YearPages, _overview_years
from .schema import MILESTONES
from .templates import Page, render
from .timeline import Event


def convention_page(
    convention: Convention, catalogue: list[CatalogueEntry], events: list[Event], pages: YearPages
) -> Page:
    """The page ``/conventions/<code>/`` (two levels below the site root).

    Japan's milestones come in the order of ``MILESTONES``. The statements are the newest
    ones, as many as half the page's size budget holds (the page holds Japan's dates,
    offices and years besides); beyond that the page links to the catalogue, which lists
    them all on pages of its own.
    """
    known = [entry for entry in catalogue if convention.code in entry.conventions]
    entries = [ev for ev in events if ev.convention == convention.code]
    order = list(MILESTONES)
    milestones = sorted(
        (ev for ev in entries if ev.milestone), key=lambda ev: (order.index(ev.milestone), ev.date.sort_key)
    )
    first = listing(convention.url, known, "h3", "s", BODY_BYTES // 2)[0] if known else None
    body = render(
        "convention.html",
        convention=convention,
        milestone_labels=MILESTONES,
        milestones=milestones,
        offices=[ev for ev in entries if ev.kind == "office"],
        holdings=holdings(sum(1 for entry in known if entry.archived), len(known)),
        listing=first,
        older=len(known) - len(first.items) if first else 0,
        entries=entries,
        per_year=OVERVIEW_PER_YEAR,
        years=_overview_years(entries),
        pages=pages,
    )
    description = (
        f"Japan under the {convention.short_name}: its key dates, offices, statements and commitments, "
        "and the convention's own key dates."
    )
    return Page(
        f"conventions/{convention.slug}.md",
        f"{convention.short_name} ({convention.code})",
        description,
        body,
    )
