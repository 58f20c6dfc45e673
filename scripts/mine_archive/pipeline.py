"""From a data directory to every generated page (``templates.Page``) and data file.

The one entry point the site engine needs. It imports no engine, so the same
output can be handed to MkDocs, ProperDocs or Zensical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import (
    anchors,
    citations,
    export_schemas,
    exports,
    feed,
    head_meta,
    render,
    render_catalogue,
    render_conventions,
    render_timeline,
    timeline,
)
from .catalogue import CatalogueEntry, check_archived, complete, load_catalogue
from .conventions import Convention, load_conventions
from .errors import DataError, display_path
from .glossary import Marker, Term, load_glossary
from .record import Record, load_record
from .render import ListingPage
from .schema import STATEMENT_SCHEMA
from .statements import Statement, load_statements
from .templates import Page
from .templates import render as render_template


@dataclass(frozen=True)
class Archive:
    """Everything loaded and validated from ``data/``."""

    statements: list[Statement]  # oldest first
    conventions: dict[str, Convention]
    glossary: list[Term]
    aliases: dict[str, list[str]]  # new anchor → old block ids landing on it
    redirects: dict[str, str]  # old statement URL → new statement URL
    unlocked: list[str]  # published anchors not yet in data/anchors.lock
    events: list[timeline.Event]  # every commitment and record entry as a dated event, in timeline order
    record: Record
    catalogue: list[CatalogueEntry]  # every known statement, oldest first, archived ones included

    # Where entries land once pages are split by the size budget; pages and exports both
    # link to them, so each is worked out once.
    @cached_property
    def year_pages(self) -> render_timeline.YearPages:
        return render_timeline.year_pages(self.events)

    @cached_property
    def catalogue_pages(self) -> list[ListingPage]:
        return render_catalogue.listing("catalogue/", self.catalogue)


def _collect(errors: list, loader, path: Path, empty):  # noqa: ANN001, ANN202
    """``loader(path)``, or ``empty`` with its problems added to ``errors``."""
    try:
        return loader(path)
    except DataError as error:
        errors += error.errors
        return empty


def load(data_dir: Path) -> Archive:
    """Load and validate everything in ``data_dir``; one ``DataError`` lists every problem."""
    errors: list = []
    statements = _collect(errors, load_statements, data_dir / "statements", [])
    conventions = _collect(errors, load_conventions, data_dir / "conventions.yml", {})
    glossary = _collect(errors, load_glossary, data_dir / "glossary.yml", [])
    record = _collect(errors, load_record, data_dir / "record.yml", None)
    catalogue, catalogue_path = _collect(errors, load_catalogue, data_dir / "catalogue.yml", ([], ""))
    lock = _collect(errors, anchors.read_lock, data_dir / "anchors.lock", None)
    changes = _collect(errors, anchors.read_changes, data_dir / "anchor-changes.yml", [])
    if errors:
        raise DataError(errors)
    current = anchors.current_anchors(statements)
    errors = (
        anchors.violations(lock, current, changes)
        + anchors.change_errors(changes, current, display_path(data_dir / "anchor-changes.yml"))
        + timeline.link_problems(statements, record)
        + check_archived(catalogue, catalogue_path, statements)
    )
    if errors:
        raise DataError(errors)
    return Archive(
        statements=statements,
        conventions=conventions,
        glossary=glossary,
        aliases=anchors.aliases(changes),
        redirects=anchors.redirects(changes),
        unlocked=sorted(set(current) - set(lock.anchors)),
        events=timeline.events(statements, record),
        record=record,
        catalogue=complete(catalogue, statements),
    )


# The generated pages the navigation names: under `make serve`, while the data has
# problems, these (and every page of the last good build) show the problems instead.
NAV_PAGES = (
    "index.md",
    "statements/index.md",
    "catalogue/index.md",
    "timeline.md",
    "conventions/apmbc.md",
    "conventions/ccm.md",
    "glossary.md",
)


def problem_pages(errors: list, paths: list[str]) -> list[Page]:
    """The page listing every problem of the data (``file:line: message``), at each of ``paths``."""
    body = render_template("problems.html", problems=[str(error) for error in errors])
    title = "Problems in the data"
    return [Page(path, title, "The archive's data has problems to fix.", body) for path in paths]


def lock_new_anchors(data_dir: Path, archive: Archive) -> list[str]:
    """Add the archive's new anchors (a new statement's page and paragraphs) to the lock;
    the ones added. A build does this: a new anchor breaks no published link."""
    if not archive.unlocked:
        return []
    return anchors.lock_new(data_dir / "anchors.lock", anchors.current_anchors(archive.statements))


def new_anchors_report(added: list[str]) -> str:
    """``Locked 17 new anchors in data/anchors.lock (statements/x/, statements/x/#p1, …).``"""
    shown = ", ".join(added[:3]) + (", …" if len(added) > 3 else "")
    return f"Locked {len(added)} new anchor{'s' if len(added) != 1 else ''} in data/anchors.lock ({shown})."


def redirect_page(old: str, new: str) -> str:
    """A static page at a moved statement's old URL that sends readers (and #pN) on."""
    prefix = "../" * old.count("/")
    return render_template("redirect.html", target=prefix + new, prefix=prefix, new=new)


def schema_json() -> str:
    """``/data/schema.json``: the front-matter schema the validator itself uses."""
    schema = {"$id": "schema.json", **STATEMENT_SCHEMA}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# The data files data_files() makes: pages link to them.
DATA_FILES = (
    "feed.xml",
    "data/statements.json",
    "data/timeline.json",
    "data/timeline.csv",
    "data/record.json",
    "data/record.csv",
    "data/catalogue.json",
    "data/catalogue.csv",
    "data/schema.json",
    *export_schemas.EXPORT_SCHEMAS,
    "data/citations.bib",
    "data/citations.json",
)


def generate(archive: Archive, site_url: str = "", site_name: str = "") -> tuple[list[Page], dict[str, str]]:
    """Every generated page, and every other generated file (exports, feed, redirects) as text."""
    files = data_files(archive, site_url, site_name)
    for old, new in archive.redirects.items():
        files[f"{old}index.html"] = redirect_page(old, new)
    files |= render_timeline.year_redirects(archive.events, archive.year_pages)
    return page_files(archive, site_url, site_name), files


def generate_files(archive: Archive, site_url: str = "", site_name: str = "") -> dict[str, str]:
    """Every generated file as text, pages as Markdown files: a docs tree's worth."""
    pages, files = generate(archive, site_url, site_name)
    return {page.path: page.markdown() for page in pages} | files


def data_files(archive: Archive, site_url: str = "", site_name: str = "") -> dict[str, str]:
    """The exports and the feed: no page needs them to be rendered."""
    statements = archive.statements
    events = archive.events
    year_pages = archive.year_pages
    files = {
        "feed.xml": feed.atom(statements, site_name, site_url),
        "data/statements.json": exports.statements_json(statements, site_url),
        "data/timeline.json": exports.timeline_json(events, year_pages.url, site_url),
        "data/timeline.csv": exports.timeline_csv(events, year_pages.url, site_url),
        "data/record.json": exports.record_json(archive.record),
        "data/record.csv": exports.record_csv(archive.record),
        "data/catalogue.json": exports.catalogue_json(archive.catalogue, site_url),
        "data/catalogue.csv": exports.catalogue_csv(archive.catalogue, site_url),
        "data/schema.json": schema_json(),
        **export_schemas.schema_files(),
    }
    cited = [(statement, exports.absolute_url(site_url, statement.url)) for statement in statements]
    files["data/citations.bib"] = citations.bibtex_file(cited)
    files["data/citations.json"] = citations.csl_json_file(cited)
    return files


def page_files(archive: Archive, site_url: str = "", site_name: str = "") -> list[Page]:
    """The generated pages."""
    statements = archive.statements
    events = archive.events
    year_pages = archive.year_pages
    pages = [
        render.home_page(statements, len(archive.catalogue), events, year_pages.url),
        *render.browse_pages(statements, len(archive.catalogue)),
        *render_catalogue.catalogue_pages(archive.catalogue_pages),
        render.glossary_page(archive.glossary),
        *render_timeline.timeline_files(events, year_pages),
    ]
    marker = Marker(archive.glossary)
    quoted_in: dict[str, list[timeline.Event]] = {}
    for event in events:
        for statement_id in dict.fromkeys(quote.statement.id for quote in event.quotes):
            quoted_in.setdefault(statement_id, []).append(event)
    for index, statement in enumerate(statements):
        previous = statements[index - 1] if index > 0 else None
        following = statements[index + 1] if index + 1 < len(statements) else None
        aliases = {
            anchor.partition("#")[2]: old
            for anchor, old in archive.aliases.items()
            if anchor.startswith(statement.url + "#")
        }
        url = exports.absolute_url(site_url, statement.url)
        head = head_meta.head_tags(statement, url, render.description(statement), site_name)
        quoting = [(event, "../../" + year_pages.url(event)) for event in quoted_in.get(statement.id, [])]
        pages.append(
            render.statement_page(
                statement, previous, following, aliases, url=url, head=head, marker=marker.for_page(), entries=quoting
            )
        )
    pages += [
        render_conventions.convention_page(convention, archive.catalogue, events, year_pages)
        for convention in archive.conventions.values()
    ]
    return pages


def build(data_dir: Path, site_url: str = "", site_name: str = "") -> dict[str, str]:
    """Load and validate ``data_dir`` and generate every file; raises ``DataError``."""
    return generate_files(load(data_dir), site_url, site_name)
