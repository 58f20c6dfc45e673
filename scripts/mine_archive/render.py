"""Render statements as Markdown pages for any Markdown site engine.

Pure functions: objects in, text out. Pages are Markdown files whose content is
HTML blocks, which every Markdown engine passes through, so the output does not
depend on MkDocs or on any Markdown extension. Every value from a data file is
escaped here; nothing in a data file can become markup.
"""

from __future__ import annotations

import json
from base64 import b64encode
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import groupby

from . import budget, citations
from .catalogue import CatalogueEntry
from .dates import display_range
from .glossary import Marker, Term
from .schema import CONVENTIONS
from .statements import Block, Statement
from .timeline import Event

LANGUAGE_NAMES = {"en": "English", "ja": "Japanese", "fr": "French", "es": "Spanish"}


def e(text: object) -> str:
    """Escape text for HTML element content and double-quoted attributes."""
    return escape(str(text), quote=True)


def front_matter(head: str = "", search_exclude: bool = False, **fields: str) -> str:
    """YAML front matter for a generated page (title and description for <head>).

    MkDocs' templates do not autoescape, and Material puts these values into
    <title> and <meta content="…">, so they are escaped here. Apostrophes are
    left alone: they cannot end a double-quoted attribute.
    """
    safe = {key: escape(value, quote=False).replace('"', "&quot;") for key, value in fields.items()}
    if head:
        safe["head"] = head  # markup for <head>, already built from escaped values
    if search_exclude:
        # Generated pages grow with the archive; search_index indexes them itself, compactly.
        safe["search"] = {"exclude": True}
    # JSON strings are valid YAML scalars, and json.dumps is far faster than yaml.safe_dump.
    dumped = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(safe.items()))
    return f"---\n{dumped}---\n\n"


def convention_badges(codes: Iterable[str]) -> str:
    return " ".join(
        f'<abbr class="badge badge--{code.lower()}" title="{e(CONVENTIONS[code])}">{e(code)}</abbr>' for code in codes
    )


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


def time_tag(statement: Statement) -> str:
    return f'<time datetime="{statement.date.iso}">{e(statement.date.display())}</time>'


def _metadata_rows(statement: Statement) -> list[tuple[str, str]]:
    rows = [
        ("Date", time_tag(statement)),
        ("Document", e(statement.document_type_label)),
        (
            "Convention",
            "<br>".join(f"{e(CONVENTIONS[c])} ({e(c)})" for c in statement.conventions),
        ),
    ]
    if statement.meeting:
        meeting = e(statement.meeting.name)
        if statement.meeting.start:
            meeting += f", {e(display_range(statement.meeting.start, statement.meeting.end))}"
        rows.append(("Meeting", meeting))
    if statement.place:
        rows.append(("Place", e(statement.place)))
    if statement.speaker:
        speaker = e(statement.speaker.name)
        if statement.speaker.role:
            speaker += f", {e(statement.speaker.role)}"
        rows.append(("Speaker", speaker))
    if statement.source:
        source = statement.source
        label = e(source.publisher)
        if source.title:
            label += f", <cite>{e(source.title)}</cite>"
        if source.url:
            label += f'<br><a class="source-link" href="{e(source.url)}" rel="external">{e(source.url)}</a>'
        rows.append(("Source", label))
    else:
        rows.append(("Source", "Not recorded: the transcription names no publisher."))
    rows.append(("Language", e(LANGUAGE_NAMES.get(statement.language, statement.language))))
    rows.append(("Paragraphs", str(len(statement.paragraphs))))
    return rows


def metadata_panel(statement: Statement) -> str:
    rows = " ".join(f"<div><dt>{label}</dt> <dd>{value}</dd></div>" for label, value in _metadata_rows(statement))
    notes = ""
    if statement.editorial_notes:
        items = []
        for note in statement.editorial_notes:
            target = ""
            if note.paragraph:
                number = note.paragraph[1:]
                target = f' <a href="#{note.paragraph}">(about ¶{number})</a>'
            items.append(f'<li id="note-{note.number}">{e(note.text)}{target}</li>')
        notes = (
            '<h2 class="statement-notes__title" id="editorial-notes">Editorial notes</h2>'
            f'<ol class="statement-notes">{"".join(items)}</ol>'
        )
    return (
        '<section class="statement-meta" aria-labelledby="about-this-document">'
        '<h2 class="statement-meta__title" id="about-this-document">About this document</h2>'
        f'<dl class="statement-meta__list">{rows}</dl>{notes}</section>'
    )


def _block_html(statement: Statement, block: Block, aliases: list[str], marker: Marker | None) -> str:
    lines = [e(line) for line in block.lines]
    if marker is not None and block.kind == "paragraph":
        lines = [marker.mark(line) for line in lines]
    text = "<br>".join(lines)
    # Old ids of a paragraph that moved (data/anchor-changes.yml) still land on it.
    alias_spans = "".join(f'<span class="para-alias" id="{e(old)}"></span>' for old in aliases)
    if block.kind == "heading":
        return f'<h{block.level} class="statement-heading" id="{block.id}">{alias_spans}{text}</h{block.level}>'
    marks = "".join(
        f' <a class="editorial-mark" href="#note-{n.number}">[Editorial note {n.number}]</a>'
        for n in statement.notes_for(block.id)
    )
    return (
        f'<p class="para" id="{block.id}">{alias_spans}'
        f'<span class="para-num">{block.number}</span> '
        f"{text}{marks}"
        f' <a class="para-link" href="#{block.id}" aria-label="Link to paragraph {block.number}">¶</a></p>'
    )


def statement_body(
    statement: Statement, aliases: dict[str, list[str]] | None = None, marker: Marker | None = None
) -> str:
    aliases = aliases or {}
    blocks = "\n".join(_block_html(statement, block, aliases.get(block.id, []), marker) for block in statement.blocks)
    return (
        f'<div class="statement-body" lang="{e(statement.language)}">\n'
        '<h2 class="visually-hidden">Text</h2>\n'
        f"{blocks}\n</div>"
    )


def pager(previous: Statement | None, following: Statement | None) -> str:
    """Links to the chronologically previous and next statements (nav does not list them)."""
    links = []
    if previous:
        links.append(
            f'<a class="statement-pager__link statement-pager__link--prev" href="../{previous.id}/" rel="prev">'
            f'<span class="statement-pager__direction">Previous (older)</span> '
            f"<span>{e(previous.title)}</span> {time_tag(previous)}</a>"
        )
    if following:
        links.append(
            f'<a class="statement-pager__link statement-pager__link--next" href="../{following.id}/" rel="next">'
            f'<span class="statement-pager__direction">Next (newer)</span> '
            f"<span>{e(following.title)}</span> {time_tag(following)}</a>"
        )
    links.append('<a class="statement-pager__link statement-pager__link--all" href="../">All statements</a>')
    return f'<nav class="statement-pager" aria-label="Other statements">{"".join(links)}</nav>'


def cite_panel(statement: Statement, url: str) -> str:
    """The "Cite this statement" panel: a formatted citation, BibTeX and CSL-JSON."""
    citation = citations.formatted(statement, url)
    bib, csl, key = (
        citations.bibtex(statement, url),
        citations.csl_json(statement, url),
        citations.bibtex_key(statement),
    )
    return (
        '<section class="cite" aria-labelledby="cite-this">'
        '<h2 id="cite-this">Cite this statement</h2>'
        f'<p class="cite__text" id="cite-text" data-url="{e(url)}">{e(citation)} '
        '<span class="cite__accessed">(accessed: add the date you read it)</span></p>'
        f'<details class="cite__format"><summary>BibTeX</summary><pre><code id="cite-bibtex">'
        f"{e(bib)}</code></pre></details>"
        f'<details class="cite__format"><summary>CSL-JSON (Zotero, Mendeley)</summary><pre><code id="cite-csl">'
        f"{e(csl)}</code></pre></details>"
        '<p class="cite__downloads">Download: '
        f"{_download(bib, 'application/x-bibtex', f'{key}.bib', 'cite-bibtex', 'BibTeX (.bib)')} · "
        f"{_download(csl, 'application/vnd.citationstyles.csl+json', f'{key}.json', 'cite-csl', 'CSL-JSON (.json)')}"
        "</p>"
        "</section>"
    )


def _download(text: str, media_type: str, filename: str, source: str, label: str) -> str:
    """A link that downloads ``text`` itself (a data: URL), so no file per statement is built.

    ``data-source`` names the element holding the same text, from which the page's script
    rebuilds the link once it has made the URL in it absolute.
    """
    href = f"data:{media_type};charset=utf-8;base64,{b64encode(text.encode('utf-8')).decode('ascii')}"
    return f'<a href="{e(href)}" download="{e(filename)}" data-source="{source}">{label}</a>'


def statement_page(
    statement: Statement,
    previous: Statement | None,
    following: Statement | None,
    aliases: dict[str, list[str]] | None = None,
    *,
    url: str | None = None,
    head: str = "",
    marker: Marker | None = None,
) -> str:
    """The Markdown page for ``/statements/<id>/``; ``aliases`` maps block ids to old ids.

    ``url`` is the page's address for citations (absolute when the site's address is
    known), ``head`` extra markup for <head>, ``marker`` marks glossary terms.
    """
    url = url or f"/{statement.url}"
    heading = (
        f'<h1 class="statement-title">{e(statement.title)}</h1>\n\n'
        f'<p class="statement-kicker">{convention_badges(statement.conventions)} '
        f"{e(statement.document_type_label)} · {time_tag(statement)}</p>\n\n"
        f'<p class="print-url">{e(url)}</p>'
    )
    parts = [
        heading,
        metadata_panel(statement),
        statement_body(statement, aliases, marker),
        cite_panel(statement, url),
        pager(previous, following),
    ]
    # Statements are searched through search_index (page entry + one per paragraph), not Material.
    head_matter = front_matter(head, search_exclude=True, title=statement.title, description=description(statement))
    return head_matter + "\n\n".join(parts) + "\n"


def filter_form(statements: Sequence[Statement | CatalogueEntry]) -> str:
    """The convention filter of a listing (statements or catalogue entries); works by CSS alone."""
    present = [code for code in CONVENTIONS if any(code in s.conventions for s in statements)]
    options = [("all", "All conventions", len(statements))] + [
        (code.lower(), f"{CONVENTIONS[code]} ({code})", sum(code in s.conventions for s in statements))
        for code in present
    ]
    inputs = "".join(
        f'<label class="filter__option"><input type="radio" name="convention" value="{value}" '
        f'id="filter-{value}"{" checked" if value == "all" else ""}> {e(label)} '
        f'<span class="filter__count">({count})</span></label>'
        for value, label, count in options
    )
    return (
        '<form class="filter" id="statement-filter">'
        f"<fieldset><legend>Show statements on</legend>{inputs}</fieldset></form>"
    )


def year_sections(items: list[tuple[int, str]], heading: str, id_prefix: str) -> str:
    """Lines (``(year, html)``, in order) as one section per year; ``heading`` is the year
    headings' tag and ``id_prefix`` their ids' (``y2012``)."""
    groups = []
    for year, lines in groupby(items, key=lambda item: item[0]):
        entries = "".join(html for _, html in lines)
        groups.append(
            f'<section class="statement-year" aria-labelledby="{id_prefix}{year}">'
            f'<{heading} id="{id_prefix}{year}">{year}</{heading}><ul class="statement-list">{entries}</ul></section>'
        )
    return "".join(groups)


def statement_line(statement: Statement, prefix: str) -> str:
    """One statement of a listing; ``prefix`` leads from the page to the site root."""
    s = statement
    return (
        f'<li class="statement-entry" data-conventions="{" ".join(c.lower() for c in s.conventions)}">'
        f'<span class="statement-entry__date">{time_tag(s)}</span> '
        f'<a class="statement-entry__title" href="{prefix}{s.url}">{e(s.title)}</a> '
        f"{convention_badges(s.conventions)}"
        f'<span class="statement-entry__context">{e(context_line(s))}</span></li>'
    )


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing split by the size budget."""

    path: str  # site path: statements/ or statements/page/2/
    prefix: str  # from the page to the site root
    number: int
    count: int
    items: list  # the listing's items on this page, in order
    sections: str  # their lines, by year
    pager: str  # links to every page, above the list ('' when there is one page)
    pager_end: str  # the same below the list, a landmark of another name

    @property
    def docs_path(self) -> str:
        """The generated Markdown file: statements/index.md, statements/page/2.md."""
        return self.path + "index.md" if self.number == 1 else self.path.rstrip("/") + ".md"

    def title(self, title: str) -> str:
        return title if self.count == 1 else f"{title}, page {self.number} of {self.count}"

    def markdown(self, heading: str, anchor: str, intro: str, title: str, description: str) -> str:
        """The page: its heading, intro, pagers around the convention filter and the list."""
        body = "\n\n".join(
            part
            for part in [
                f'<h1 id="{anchor}">{e(self.title(heading))}</h1>',
                intro,
                self.pager,
                filter_form(self.items),
                f'<div class="statement-years" id="statement-list">{self.sections}</div>',
                self.pager_end,
            ]
            if part
        )
        return front_matter(search_exclude=True, title=self.title(title), description=description) + body + "\n"


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
    pages = []
    labels = []
    for run in runs:
        years = [year(items[i]) for i in run] or [0]
        labels.append(f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    paths = [budget.page_path(base, number) for number in range(1, len(runs) + 1)]
    for number, run in enumerate(runs, start=1):
        path = paths[number - 1]
        prefix = "../" * path.count("/")
        chosen = [items[i] for i in run]
        pages.append(
            ListingPage(
                path=path,
                prefix=prefix,
                number=number,
                count=len(runs),
                items=chosen,
                sections=year_sections([(year(item), line(item, prefix)) for item in chosen], heading, id_prefix),
                pager=budget.pager(paths, number, labels, prefix),
                pager_end=budget.pager(paths, number, labels, prefix, "Pages of this list, at its end"),
            )
        )
    return pages


def newest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: (s.date.sort_key, s.id), reverse=True)


def holdings(archived: int, known: int) -> str:
    """``3 statements in full text, of 67 known``, for the pages that introduce the archive."""
    return f"{archived} statement{'s' if archived != 1 else ''} in full text, of {known} known"


def browse_pages(statements: list[Statement], known: int) -> dict[str, str]:
    """The Markdown pages for ``/statements/`` (and ``/statements/page/<n>/`` beyond the size
    budget): newest first, grouped by year, filterable.

    ``known`` is the number of statements the catalogue lists, archived ones included."""
    newest = newest_first(statements)
    count = len(statements)
    first, last = newest[-1].date.year, newest[0].date.year
    span = f"{first}–{last}" if first != last else str(first)
    files = {}
    for page in paged_listing("statements/", newest, lambda s: s.date.year, statement_line):
        intro = (
            f'<p class="browse-intro">{e(holdings(count, known))}: these are the ones in full text, from {span}, '
            "newest first. Each opens with its facts (date, meeting, place, speaker, source) and its numbered "
            f'paragraphs. The <a href="{page.prefix}catalogue/">catalogue</a> lists every statement, speech and '
            "official release by Japan on the two conventions that is known, with a link to where each is "
            "published.</p>"
        )
        description = f"All {count} statements in the archive, newest first."
        files[page.docs_path] = page.markdown("Statements", "statements", intro, "Statements", description)
    return files


def glossary_page(terms: list[Term]) -> str:
    """The Markdown page for ``/glossary/``."""
    entries = "".join(
        f'<div class="glossary-entry" id="{e(t.slug)}"><dt>{e(t.term)}</dt>'
        f"<dd><strong>{e(t.expansion)}</strong>{'. ' + e(t.description) if t.description else ''}</dd></div>"
        for t in sorted(terms, key=lambda t: t.term.lower())
    )
    intro = (
        "<p>Acronyms and terms used in the statements. In a statement's text, the first use of an "
        "acronym on the page is underlined with dots: point at it, or move to it with the Tab key "
        "or a tap, to see what it stands for.</p>"
    )
    return (
        front_matter(
            title="Glossary", description="Acronyms and terms used in Japan's statements on the APMBC and CCM."
        )
        + "\n\n".join(['<h1 id="glossary">Glossary</h1>', intro, f'<dl class="glossary">{entries}</dl>'])
        + "\n"
    )


def home_page(statements: list[Statement], known: int, events: list[Event]) -> str:
    """The Markdown page for the site's root: what the archive holds, and where to start.

    Generated, not hand-written, so that its counts are always those of the data; ``known``
    is the number of statements the catalogue lists.
    """
    years = sorted({event.date.year for event in events})
    recorded = sum(1 for event in events if event.record)
    span = f" from {years[0]} to {years[-1]}" if len(years) > 1 else ""
    holds = (
        f"<p>It holds <strong>{e(holdings(len(statements), known))}</strong>, and a timeline of "
        f"<strong>{len(events)} entries</strong>{span}: treaty acts, commitments, pledges, contributions and "
        f"offices, {recorded} of them from Japan's treaty record with their sources, the others quoted from "
        "the statements.</p>"
    )
    body = "\n\n".join(
        [
            '<h1 id="home">Japan and the Mine Ban and Cluster Munition Conventions</h1>',
            "<p>This archive keeps what the Government of Japan has said about two treaties: the "
            "<strong>Anti-Personnel Mine Ban Convention</strong> (APMBC, the “Ottawa Convention”, 1997) and the "
            "<strong>Convention on Cluster Munitions</strong> (CCM, the “Oslo Convention”, 2008).</p>",
            holds,
            "<p>Each document is kept word for word. Every paragraph is numbered and has its own link "
            "(<code>…/statements/&lt;id&gt;/#p4</code> is paragraph 4), so you can cite and share exactly the "
            "passage you mean. Where the copy we hold was damaged in transcription, the repair is shown and "
            "explained in an editorial note on the page.</p>",
            '<h2 id="start-here">Start here</h2>',
            "<ul>"
            '<li><strong><a href="statements/">Read the statements</a></strong>: every document in full text, '
            "newest first, grouped by year, with its convention, meeting, place and speaker.</li>"
            '<li><strong><a href="catalogue/">Catalogue</a></strong>: every statement, speech and official release '
            "by Japan on the two conventions that is known, with a link to where each is published.</li>"
            '<li><strong><a href="timeline/">Timeline</a></strong>: what Japan signed, destroyed, pledged, gave, '
            "chaired and campaigned for, year by year; every entry quotes its statement or cites its sources. "
            "The sums of money have a page of their own.</li>"
            "<li><strong>Conventions</strong>: Japan's key dates, offices and statements under the "
            '<a href="conventions/apmbc/">Mine Ban Convention</a> and the '
            '<a href="conventions/ccm/">Convention on Cluster Munitions</a>.</li>'
            "<li><strong>Search</strong>: the search box at the top of every page searches every paragraph of "
            "every statement, its speaker, place and meeting, and the treaty record and catalogue.</li>"
            '<li><strong><a href="about/">About the archive</a></strong>: what is in it, where the texts come '
            "from and how they are edited.</li>"
            '<li><strong><a href="data/">Open data</a></strong>: the statements, timeline, treaty record and '
            "catalogue as JSON and CSV.</li>"
            "</ul>",
        ]
    )
    return (
        front_matter(
            title="Home",
            description="Japan's statements on the Anti-Personnel Mine Ban Convention and the Convention on "
            "Cluster Munitions, word for word, every paragraph numbered and linkable, with Japan's treaty record.",
        )
        + body
        + "\n"
    )
