"""Load ``data/record.yml``: Japan's treaty acts and stated facts, each with its sources.

Knows YAML and files, nothing about HTML. Every problem is reported at once as
``path:line: message``: unknown source keys, duplicate ids or entries, periods that end
before they begin, and everything the schema checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import datafile
from .commitments import Amount
from .dates import PartialDate, parse_partial_date
from .errors import DataError, SourceError, display_path
from .frontmatter import mapping_fields
from .schema import COMMITMENT_KINDS, MILESTONES, RECORD_SCHEMA, SLUG_PATTERN


@dataclass(frozen=True)
class RecordSource:
    """A document an entry cites: who published it, what it is, where, and its own date."""

    key: str
    publisher: str
    title: str
    url: str
    date: PartialDate | None = None


@dataclass(frozen=True)
class Reading:
    """One source's version of a disputed fact."""

    text: str
    sources: tuple[RecordSource, ...]


@dataclass(frozen=True)
class Conflict:
    note: str
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class RecordEntry:
    id: str
    date: PartialDate
    convention: str
    kind: str
    title: str
    sources: tuple[RecordSource, ...]
    line: int  # where the entry begins in the file
    end_date: PartialDate | None = None
    milestone: str | None = None
    description: str | None = None
    amount: Amount | None = None
    conflict: Conflict | None = None
    uncertain: str | None = None

    @property
    def kind_label(self) -> str:
        return COMMITMENT_KINDS[self.kind][0]

    @property
    def milestone_label(self) -> str | None:
        return MILESTONES[self.milestone] if self.milestone else None


@dataclass(frozen=True)
class Record:
    """The whole file: its entries in file order and the path errors should name."""

    entries: tuple[RecordEntry, ...]
    path: str

    def by_id(self) -> dict[str, RecordEntry]:
        return {entry.id: entry for entry in self.entries}


def _text(value: str) -> str:
    return " ".join(value.split())


def _amount(data: dict | None) -> Amount | None:
    if not data:
        return None
    return Amount(data["value"], data["currency"], data["basis"], data.get("qualifier", "exactly"))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_record(path: Path) -> Record:
    """Load and validate the record; raise ``DataError`` with every problem."""
    shown = display_path(path)
    node, data = datafile.load(path, RECORD_SCHEMA)
    if node is None:
        raise DataError([SourceError(shown, 1, "the file is empty; it must have 'sources' and 'entries'")])
    errors: list[SourceError] = []
    fields = mapping_fields(node)
    sources: dict[str, RecordSource] = {}
    for key_node, _ in fields["sources"].value:
        key = key_node.value
        if not re.match(SLUG_PATTERN, key):
            errors.append(
                SourceError(shown, _line(key_node), f"source key {key!r} must be lowercase words joined by hyphens")
            )
        value = data["sources"][key]
        date = parse_partial_date(value["date"]) if "date" in value else None
        sources[key] = RecordSource(key, _text(value["publisher"]), _text(value["title"]), value["url"], date)

    def cited(keys_node: yaml.SequenceNode, where: str) -> tuple[RecordSource, ...]:
        found = []
        for item in keys_node.value:
            if item.value in sources:
                found.append(sources[item.value])
            else:
                errors.append(
                    SourceError(
                        shown, _line(item), f"{where} cites source {item.value!r}, which is not under 'sources'"
                    )
                )
        return tuple(found)

    entries: list[RecordEntry] = []
    first_line: dict[str, int] = {}
    seen_facts: dict[tuple, int] = {}
    for entry_node, entry in zip(fields["entries"].value, data["entries"], strict=True):
        entry_fields = mapping_fields(entry_node)
        where = f"entry '{entry['id']}'"
        line = _line(entry_node)
        if entry["id"] in first_line:
            errors.append(
                SourceError(
                    shown,
                    _line(entry_fields["id"]),
                    f"duplicate id '{entry['id']}': line {first_line[entry['id']]} already has it",
                )
            )
        first_line.setdefault(entry["id"], line)
        date = parse_partial_date(entry["date"])
        end_date = parse_partial_date(entry["end_date"]) if "end_date" in entry else None
        if end_date and end_date.latest < date.earliest:
            errors.append(
                SourceError(
                    shown, _line(entry_fields["end_date"]), f"end_date {end_date.iso} is before date {date.iso}"
                )
            )
        fact = (date.iso, entry["convention"], entry["kind"], _text(entry["title"]).casefold())
        if fact in seen_facts:
            errors.append(
                SourceError(
                    shown, line, f"{where} repeats the entry on line {seen_facts[fact]} (same date, kind and title)"
                )
            )
        seen_facts.setdefault(fact, line)
        conflict = None
        if "conflict" in entry:
            readings_node = mapping_fields(entry_fields["conflict"])["readings"]
            conflict = Conflict(
                _text(entry["conflict"]["note"]),
                tuple(
                    Reading(_text(reading["reading"]), cited(mapping_fields(reading_node)["sources"], where))
                    for reading_node, reading in zip(readings_node.value, entry["conflict"]["readings"], strict=True)
                ),
            )
        entries.append(
            RecordEntry(
                id=entry["id"],
                date=date,
                end_date=end_date,
                convention=entry["convention"],
                kind=entry["kind"],
                milestone=entry.get("milestone"),
                title=_text(entry["title"]),
                description=_text(entry["description"]) if "description" in entry else None,
                amount=_amount(entry.get("amount")),
                sources=cited(entry_fields["sources"], where),
                conflict=conflict,
                uncertain=_text(entry["uncertain"]) if "uncertain" in entry else None,
                line=line,
            )
        )
    if errors:
        raise DataError(errors)
    return Record(tuple(entries), shown)
