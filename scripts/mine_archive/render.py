"""The pages of statements, their listings, the glossary and the home page.

Objects in, ``Page`` objects out (``templates.Page``), rendered from the templates in
``templates/`` with autoescaping. A page's body is HTML blocks, which every Markdown
engine passes through, so the output depends on no Markdown extension.
"""

from __future__ import annotations

from base64 import b64encode
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import groupby

from . import budget, citations, history
from .catalogue import CatalogueEntry
from .glossary import Marker, Term
from .schema import CONVENTIONS
from .statements import Statement
from .templates import Markup, Page, macros, render
from .timeline import Event

LANGUAGE_NAMES = {"en": "English", "ja": "Japanese", "fr": "French", "es": "Spanish"}

COMPONENTS = macros("components.html")


def context_line(statement: Statement) -> str:
    """One line saying what a statement is: type, meeting or publisher, place, speaker."""
    parts = [statement.document_type_label]
    if statement.meeting:
        parts.append(statement.meeting.name)
    elif statement.source:
        parts.append(statement.source.publisher)
    if statement.place:
        parts.append(statement.place)
    if statement.speaker:
        parts.append(statement.speaker.name)
    return " · ".join(parts)


def description(statement: Statement) -> str:
    return f"{statement.title} ({statement.date.display()}). {context_line(statement)}."


def _text(lines: list[str], marker: Marker | None) -> Markup:
    """A block's lines as markup: escaped, glossary terms marked, lines broken with <br>."""
    escaped = [escape(line, quote=True) for line in lines]
    if marker is not None:
        escaped = [marker.mark(line) for line in escaped]
    return Markup("<br>".join(escaped))


def _neighbour(modifier: str, rel: str, direction: str, statement: Statement) -> tuple:
    return (modifier, f"../{statement.id}/", rel, direction, statement.title, statement.date)


def cite_panel(statement: Statement, url: str) -> str:
    """The "Cite this statement" panel: a formatted citation, BibTeX and CSL-JSON."""
    bib, csl, key = (
        citations.bibtex(statement, url),
        citations.csl_json(statement, url),
        citations.bibtex_key(statement),
    )
    return render(
        "cite.html",
        url=url,
        citation=citations.formatted(statement, url),
        bibtex=bib,
        csl=csl,
        downloads=[
            _download(bib, "application/x-bibtex", f"{key}.bib", "cite-bibtex", "BibTeX (.bib)"),
            _download(csl, "application/vnd.citationstyles.csl+json", f"{key}.json", "cite-csl", "CSL-JSON (.json)"),
        ],
    )


def _download(text: str, media_type: str, filename: str, source: str, label: str) -> dict[str, str]:
    """A link that downloads ``text`` itself (a data: URL), so no file per statement is built.

    ``source`` names the element holding the same text, from which the page's script
    rebuilds the link once it has made the URL in it absolute.
    """
    href = f"data:{media_type};charset=utf-8;base64,{b64encode(text.encode('utf-8')).decode('ascii')}"
    return {"href": href, "filename": filename, "source": source, "label": label}


def statement_page(
    statement: Statement,
    previous: Statement | None,
    following: Statement | None,
    aliases: dict[str, list[str]] | None = None,
    *,
    url: str | None = None,
    head: str = "",
    marker: Marker | None = None,
    entries: Sequence[tuple[Event, str]] = (),
) -> Page:
    """The page ``/statements/<id>/``; ``aliases`` maps block ids to old ids.

    ``url`` is the page's address for citations (absolute when the site's address is
    known), ``head`` extra markup for <head>, ``marker`` marks glossary terms, ``entries``
    the timeline entries that quote the statement, each with its address from the page.
    """
    aliases = aliases or {}
    url = url or f"/{statement.url}"
    blocks = [
        (block, _text(block.lines, marker if block.kind == "paragraph" else None), aliases.get(block.id, []))
        for block in statement.blocks
    ]
    pager = []
    if previous:
        pager.append(_neighbour("prev", "prev", "Previous (older)", previous))
    if following:
        pager.append(_neighbour("next", "next", "Next (newer)", following))
    pager.append(("all", "../", "", "", "All statements", None))
    body = render(
        "statement.html",
        statement=statement,
        url=url,
        language=LANGUAGE_NAMES.get(statement.language, statement.language),
        blocks=blocks,
        cite=cite_panel(statement, url),
        pager=pager,
        context=context_line(statement),
        entries=[
            (event, href, [q.commitment.paragraph for q in event.quotes if q.statement.id == statement.id])
            for event, href in entries
        ],
    )
    return Page(
        f"statements/{statement.id}.md",
        statement.title,
        description(statement),
        body,
        head,
    )


def filter_options(items: Sequence[Statement | CatalogueEntry]) -> list[tuple[str, str, int]]:
    """The convention filter's choices for a listing: (value, label, count)."""
    present = [code for code in CONVENTIONS if any(code in item.conventions for item in items)]
    return [("all", "All conventions", len(items))] + [
        (code.lower(), f"{CONVENTIONS[code]} ({code})", sum(code in item.conventions for item in items))
        for code in present
    ]


def statement_line(statement: Statement, prefix: str) -> str:
    """One statement of a listing; ``prefix`` leads from the page to the site root."""
    return COMPONENTS.statement_line(statement, prefix, context_line(statement))


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing split by the size budget."""

    path: str  # site path: statements/ or statements/page/2/
    prefix: str  # from the page to the site root
    number: int
    paths: list[str]  # every page of the listing
    labels: list[str]  # what each page holds: 2012–2010
    items: list  # the listing's items on this page, in order
    groups: list[tuple[int, list[str]]]  # their lines by year
    heading: str  # the year headings' tag
    id_prefix: str  # the year headings' ids' prefix: y2012

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def docs_path(self) -> str:
        """The generated Markdown file: statements/index.md, statements/page/2.md."""
        return self.path + "index.md" if self.number == 1 else self.path.rstrip("/") + ".md"

    @property
    def sections(self) -> str:
        """The lines as one section per year."""
        return COMPONENTS.year_sections(self.groups, self.heading, self.id_prefix)

    def title(self, title: str) -> str:
        return title if self.count == 1 else f"{title}, page {self.number} of {self.count}"

    def page(self, template: str, heading: str, anchor: str, title: str, description: str, **context: object) -> Page:
        """The page: its heading, intro (the template's), pagers around the convention filter and the list."""
        body = render(
            template,
            page=self,
            heading=self.title(heading),
            anchor=anchor,
            filter_options=filter_options(self.items),
            **context,
        )
        return Page(self.docs_path, self.title(title), description, body)


def paged_listing(
    base: str,
    items: list,
    year: Callable[[object], int],
    line: Callable[[object, str], str],
    heading: str = "h2",
    id_prefix: str = "y",
    size: int = budget.BODY_BYTES,
) -> list[ListingPage]:
    """``items`` (in order) as pages of lines by year (``year(item)``, ``line(item, prefix)``),
    each page's lines within ``size`` bytes."""
    deepest = "../" * budget.page_path(base, 2).count("/")
    runs = budget.split([len(line(item, deepest).encode("utf-8")) for item in items], size)
    labels = []
    for run in runs:
        years = [year(items[i]) for i in run] or [0]
        labels.append(f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    paths = [budget.page_path(base, number) for number in range(1, len(runs) + 1)]
    pages = []
    for number, (path, run) in enumerate(zip(paths, runs, strict=True), start=1):
        prefix = "../" * path.count("/")
        chosen = [items[i] for i in run]
        groups = [
            (key, [line(item, prefix) for item in group]) for key, group in groupby(chosen, key=lambda i: year(i))
        ]
        pages.append(ListingPage(path, prefix, number, paths, labels, chosen, groups, heading, id_prefix))
    return pages


def newest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: (s.date.sort_key, s.id), reverse=True)


def holdings(archived: int, known: int) -> str:
    """``3 statements in full text, of 67 known``, for the pages that introduce the archive."""
    return f"{archived} statement{'s' if archived != 1 else ''} in full text, of {known} known"


def browse_pages(statements: list[Statement], known: int) -> list[Page]:
    """``/statements/`` (and ``/statements/page/<n>/`` beyond the size budget): newest
    first, grouped by year, filterable. ``known`` is the number of statements the
    catalogue lists, archived ones included."""
    newest = newest_first(statements)
    first, last = newest[-1].date.year, newest[0].date.year
    span = f"{first}–{last}" if first != last else str(first)
    description = f"All {len(statements)} statements in the archive, newest first."
    return [
        page.page(
            "statements.html",
            "Statements",
            "statements",
            "Statements",
            description,
            holdings=holdings(len(statements), known),
            span=span,
        )
        for page in paged_listing("statements/", newest, lambda s: s.date.year, statement_line)
    ]


def glossary_page(terms: list[Term]) -> Page:
    """The page ``/glossary/``."""
    body = render("glossary.html", terms=sorted(terms, key=lambda t: t.term.lower()))
    description = "Acronyms and terms used in Japan's statements on the APMBC and CCM."
    return Page("glossary.md", "Glossary", description, body)


def home_page(statements: list[Statement], known: int, events: list[Event], url: Callable[[Event], str]) -> Page:
    """The site's root: what the archive holds, its three uses (read, search, link to a
    paragraph), the newest statements and the picture of the history.

    Generated, not hand-written, so that its counts are always those of the data; ``known``
    is the number of statements the catalogue lists, ``url(event)`` an entry's address.
    """
    newest = newest_first(statements)[:5]
    example = None
    # The example of a paragraph link: the newest statement's first paragraph the timeline quotes.
    for statement in newest:
        quoted = [q.commitment.paragraph for ev in events for q in ev.quotes if q.statement.id == statement.id]
        paragraph = next((p for p in statement.paragraphs if p.id in quoted), None) or (
            statement.paragraphs[0] if statement.paragraphs else None
        )
        if paragraph:
            example = {
                "href": f"{statement.url}#{paragraph.id}",
                "path": f"{statement.url}#{paragraph.id}",
                "number": paragraph.number,
                "date": statement.date.display(),
            }
            break
    body = render(
        "home.html",
        holdings=holdings(len(statements), known),
        known=known,
        statements=statements,
        events=events,
        years=sorted({event.date.year for event in events}),
        recorded=sum(1 for event in events if event.record),
        newest=newest,
        context=context_line,
        example=example,
        picture=history.picture(events, url) if events else "",
    )
    description = (
        "Japan's statements on the Anti-Personnel Mine Ban Convention and the Convention on Cluster Munitions, "
        "word for word, every paragraph numbered and linkable, with Japan's treaty record."
    )
    return Page("index.md", "Home", description, body)
