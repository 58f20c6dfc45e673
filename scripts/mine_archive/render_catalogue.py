"""The catalogue of Japan's statements: ``/catalogue/``, and its listing on convention pages.

Every known statement by year, newest first: archived ones link to their page, the
others to where they are published (links only; no page fetches another origin).
"""

from __future__ import annotations

from .budget import BODY_BYTES
from .catalogue import CatalogueEntry
from .dates import display_range
from .render import (
    LANGUAGE_NAMES,
    ListingPage,
    convention_badges,
    e,
    holdings,
    paged_listing,
)
from .schema import SCOPES


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


def _source(source, label: str) -> str:  # noqa: ANN001 - a CatalogueSource
    language = f" ({LANGUAGE_NAMES.get(source.language, source.language)})" if source.language else ""
    note = f", {e(source.note)}" if source.note else ""
    return f'<a href="{e(source.url)}" rel="external">{e(label)}</a>{e(language)}{note}'


def _time(entry: CatalogueEntry) -> str:
    return f'<time datetime="{entry.date.iso}">{e(entry.date.display())}</time>'


def catalogue_line(entry: CatalogueEntry, prefix: str) -> str:
    """One entry of a listing; ``prefix`` leads from the page to the site root."""
    if entry.archived:
        title = (
            f'<a class="statement-entry__title" href="{prefix}statements/{e(entry.archived)}/">{e(entry.title)}</a> '
            '<span class="catalogue-entry__archived">Full text in the archive</span>'
        )
    else:
        title = f'<span class="statement-entry__title">{e(entry.title)}</span>'
    extra = []
    if entry.scope != "subject":
        extra.append(f'<span class="catalogue-entry__scope">{e(SCOPES[entry.scope].capitalize())}.</span>')
    if entry.note:
        extra.append(f'<span class="catalogue-entry__note">{e(entry.note)}</span>')
    if entry.uncertain:
        extra.append(f'<span class="catalogue-entry__note"><strong>Uncertain:</strong> {e(entry.uncertain)}</span>')
    if entry.sources:
        label = "Source" if len(entry.sources) == 1 else "Sources"
        links = "; ".join(_source(source, source.publisher) for source in entry.sources)
        extra.append(f'<span class="catalogue-entry__sources">{label}: {links}</span>')
    conventions = " ".join(code.lower() for code in entry.conventions)
    archived = "yes" if entry.archived else "no"
    return (
        f'<li class="statement-entry catalogue-entry" id="{e(entry.id)}" data-conventions="{conventions}" '
        f'data-archived="{archived}">'
        f'<span class="statement-entry__date">{_time(entry)}</span> '
        f"{title} {convention_badges(entry.conventions)}"
        f'<span class="statement-entry__context">{e(context(entry))}</span>{"".join(extra)}</li>'
    )


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


def catalogue_pages(pages: list[ListingPage]) -> dict[str, str]:
    """The Markdown pages for ``/catalogue/`` (and ``/catalogue/page/<n>/`` beyond the budget)."""
    entries = [entry for page in pages for entry in page.items]
    archived = sum(1 for entry in entries if entry.archived)
    years = sorted({entry.date.year for entry in entries})
    span = f", {years[0]}–{years[-1]}" if len(years) > 1 else ""
    files = {}
    for page in pages:
        intro = (
            f'<p class="browse-intro">{e(holdings(archived, len(entries)))}: every statement, speech and official '
            f"release by Japan on the two conventions that is known{span}, newest first. Those in full text link "
            "to their page here; the others link to where they are published, which may change or disappear. "
            "Documents on another subject that speak of a convention (mostly statements on the Convention on "
            "Certain Conventional Weapons) are marked. Where something about an entry is uncertain, the entry "
            "says what.</p>"
        )
        description = f"Every known statement by Japan on the two conventions: {holdings(archived, len(entries))}."
        files[page.docs_path] = page.markdown(TITLE, "catalogue", intro, "Catalogue of statements", description)
    return files
