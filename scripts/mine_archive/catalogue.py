"""Load ``data/catalogue.yml``: every known statement by Japan, archived in full or not.

An entry whose text the archive holds names the statement (``archived``); the build
checks that it exists and that the dates agree. Any other entry must give a source URL.
A statement of the archive without a catalogue entry is still listed: its own front
matter describes it (``for_statement``), so adding a statement never needs a second step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import datafile
from .dates import PartialDate, parse_partial_date
from .errors import DataError, SourceError, display_path
from .frontmatter import mapping_fields
from .schema import CATALOGUE_SCHEMA, DOCUMENT_TYPES
from .statements import Meeting, Speaker, Statement


@dataclass(frozen=True)
class CatalogueSource:
    publisher: str
    url: str
    language: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    date: PartialDate
    title: str
    document_type: str
    conventions: tuple[str, ...]
    sources: tuple[CatalogueSource, ...]
    line: int = 0  # where the entry begins in data/catalogue.yml; 0 for one made from a statement
    scope: str = "subject"
    speaker: Speaker | None = None
    meeting: Meeting | None = None
    place: str | None = None
    languages: tuple[str, ...] = ()
    archived: str | None = None
    note: str | None = None
    uncertain: str | None = None

    @property
    def document_type_label(self) -> str:
        return DOCUMENT_TYPES[self.document_type]


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_catalogue(path: Path) -> tuple[list[CatalogueEntry], str]:
    """The entries in file order and the path to name in errors; ``DataError`` lists every problem."""
    shown = display_path(path)
    if not path.exists():  # an archive may start without one; its statements are listed all the same
        return [], shown
    node, data = datafile.load(path, CATALOGUE_SCHEMA)
    if node is None:
        return [], shown
    errors: list[SourceError] = []
    entries: list[CatalogueEntry] = []
    first: dict[str, int] = {}
    url_owner: dict[str, str] = {}
    for entry_node, entry in zip(node.value, data, strict=True):
        fields = mapping_fields(entry_node)
        line = _line(entry_node)
        if entry["id"] in first:
            errors.append(
                SourceError(
                    shown, _line(fields["id"]), f"duplicate id '{entry['id']}': line {first[entry['id']]} has it"
                )
            )
        first.setdefault(entry["id"], line)
        if not entry.get("sources") and "archived" not in entry:
            errors.append(
                SourceError(
                    shown,
                    line,
                    f"entry '{entry['id']}' gives no source URL; add one under 'sources', "
                    "or name the archived statement with 'archived'",
                )
            )
        for source_node, source in zip(
            fields["sources"].value if "sources" in fields else [], entry.get("sources") or [], strict=True
        ):
            owner = url_owner.setdefault(source["url"], entry["id"])
            if owner != entry["id"]:
                errors.append(
                    SourceError(
                        shown, _line(source_node), f"the URL {source['url']} is already a source of entry '{owner}'"
                    )
                )
        meeting = entry.get("meeting")
        start = parse_partial_date(meeting["start"]) if meeting and "start" in meeting else None
        end = parse_partial_date(meeting["end"]) if meeting and "end" in meeting else None
        if start and end and end.latest < start.earliest:
            errors.append(
                SourceError(
                    shown, _line(mapping_fields(fields["meeting"])["end"]), "'meeting.end' is before 'meeting.start'"
                )
            )
        speaker = entry.get("speaker")
        entries.append(
            CatalogueEntry(
                id=entry["id"],
                date=parse_partial_date(entry["date"]),
                title=_text(entry["title"]),
                document_type=entry["document_type"],
                conventions=tuple(entry["convention"]),
                scope=entry.get("scope", "subject"),
                speaker=Speaker(_text(speaker["name"]), _text(speaker.get("role"))) if speaker else None,
                meeting=Meeting(_text(meeting["name"]), start, end) if meeting else None,
                place=entry.get("place"),
                languages=tuple(entry.get("language") or ()),
                archived=entry.get("archived"),
                sources=tuple(
                    CatalogueSource(_text(s["publisher"]), s["url"], s.get("language"), _text(s.get("note")))
                    for s in entry.get("sources") or []
                ),
                note=_text(entry.get("note")),
                uncertain=_text(entry.get("uncertain")),
                line=line,
            )
        )
    if errors:
        raise DataError(errors)
    return entries, shown


def check_archived(entries: list[CatalogueEntry], shown: str, statements: list[Statement]) -> list[SourceError]:
    """Problems between the catalogue and the archive: unknown statements, disagreeing dates, doubles."""
    by_id = {statement.id: statement for statement in statements}
    errors = []
    claimed: dict[str, str] = {}
    for entry in entries:
        if not entry.archived:
            continue
        statement = by_id.get(entry.archived)
        if statement is None:
            errors.append(
                SourceError(
                    shown,
                    entry.line,
                    f"entry '{entry.id}' is archived as '{entry.archived}', but no statement has that id",
                )
            )
            continue
        if not (statement.date.contains(entry.date) or entry.date.contains(statement.date)):
            errors.append(
                SourceError(
                    shown,
                    entry.line,
                    f"entry '{entry.id}' is dated {entry.date.iso} but its statement '{statement.id}' "
                    f"is dated {statement.date.iso}",
                )
            )
        if entry.archived in claimed:
            errors.append(
                SourceError(
                    shown,
                    entry.line,
                    f"statement '{entry.archived}' is already archived by entry '{claimed[entry.archived]}'",
                )
            )
        claimed.setdefault(entry.archived, entry.id)
    return errors


def for_statement(statement: Statement) -> CatalogueEntry:
    """A catalogue entry made from an archived statement that the catalogue does not list yet."""
    source = statement.source
    return CatalogueEntry(
        id=statement.id,
        date=statement.date,
        title=statement.title,
        document_type=statement.document_type,
        conventions=statement.conventions,
        sources=(CatalogueSource(source.publisher, source.url),) if source and source.url else (),
        speaker=statement.speaker,
        meeting=statement.meeting,
        place=statement.place,
        languages=(statement.language,),
        archived=statement.id,
    )


def complete(entries: list[CatalogueEntry], statements: list[Statement]) -> list[CatalogueEntry]:
    """Every entry, plus one per archived statement the file does not list, oldest first."""
    listed = {entry.archived for entry in entries if entry.archived}
    extra = [for_statement(statement) for statement in statements if statement.id not in listed]
    return sorted(entries + extra, key=lambda entry: (entry.date.sort_key, entry.id))
