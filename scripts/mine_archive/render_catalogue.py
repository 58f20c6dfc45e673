"""The catalogue of Japan's statements: ``/catalogue/``, and its listing on convention pages.

Every known statement by year, newest first: archived ones link to their page, the
others to where they are published (links only; no page fetches another origin).
"""

from __future__ import annotations

from .budget import BODY_BYTES
from .catalogue import CatalogueEntry
from .dates import display_range
from .render import LANGUAGE_NAMES, ListingPage, holdings, paged_listing
from .schema import SCOPES
from .templates import Page, macros

LINE = macros("catalogue_line.html")


def _languages(entry: CatalogueEntry) -> str:
    return " and ".join(LANGUAGE_NAMES.get(code, code) for code in entry.languages)


def context(entry: CatalogueEntry) -> str:
    """Type, speaker and role, meeting and its dates, place, languages: one line."""
    parts = [entry.document_type_label]
    if entry.speaker:
        parts.append(f"{entry.speaker.name}, {entry.speaker.role}" if entry.speaker.role else entry.speaker.name)
    if entry.meeting:
        dates = f" ({display_range(entry.meeting.start, entry.meeting.end)})" if entry.meeting.start else ""
        parts.append(entry.meeting.name + dates)
    if entry.place:
        parts.append(entry.place)
    if entry.languages:
        parts.append(_languages(entry))
    return " · ".join(parts)


def catalogue_line(entry: CatalogueEntry, prefix: str) -> str:
    """One entry of a listing; ``prefix`` leads from the page to the site root."""
    return LINE.line(entry, prefix, context(entry), LANGUAGE_NAMES, SCOPES)


def newest_first(entries: list[CatalogueEntry]) -> list[CatalogueEntry]:
    return sorted(entries, key=lambda entry: (entry.date.sort_key, entry.id), reverse=True)


def listing(
    base: str, entries: list[CatalogueEntry], heading: str = "h2", id_prefix: str = "y", size: int = BODY_BYTES
) -> list[ListingPage]:
    """``entries`` newest first, by year, in pages of at most ``size`` bytes of lines."""
    newest = newest_first(entries)
    return paged_listing(base, newest, lambda entry: entry.date.year, catalogue_line, heading, id_prefix, size)


def entry_urls(pages: list[ListingPage]) -> dict[str, str]:
    """Each entry's address on the catalogue's pages: ``catalogue/#<id>``, ``catalogue/page/2/#<id>``."""
    return {entry.id: f"{page.path}#{entry.id}" for page in pages for entry in page.items}


TITLE = "Catalogue of Japan's statements"


def catalogue_pages(pages: list[ListingPage]) -> list[Page]:
    """The pages ``/catalogue/`` (and ``/catalogue/page/<n>/`` beyond the budget)."""
    entries = [entry for page in pages for entry in page.items]
    archived = sum(1 for entry in entries if entry.archived)
    years = sorted({entry.date.year for entry in entries})
    span = f", {years[0]}–{years[-1]}" if len(years) > 1 else ""
    description = f"Every known statement by Japan on the two conventions: {holdings(archived, len(entries))}."
    return [
        page.page(
            "catalogue.html",
            TITLE,
            "catalogue",
            "Catalogue of statements",
            description,
            holdings=holdings(archived, len(entries)),
            span=span,
        )
        for page in pages
    ]
