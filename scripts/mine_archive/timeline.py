"""The timeline: every commitment the statements quote and every entry of the treaty record.

Two kinds of evidence: a quote from an archived paragraph (``Quote``) and the sources of
a record entry. A commitment that names a record entry (``record: <id>``) is the same
fact seen twice, so the two become one event carrying both; the commitment's own id
stays an anchor of that event (``aliases``), so links to it keep working.
"""

from __future__ import annotations

from dataclasses import dataclass

from .commitments import Amount, Commitment
from .dates import PartialDate
from .errors import SourceError
from .record import Record, RecordEntry
from .schema import COMMITMENT_KINDS
from .statements import Statement

EVIDENCE = {
    "quote": "Quoted from a statement",
    "record": "From the treaty record, with sources",
}


@dataclass(frozen=True)
class Quote:
    """A commitment as a statement states it: the words, and the paragraph they are in."""

    commitment: Commitment
    statement: Statement

    @property
    def url(self) -> str:
        """Site-relative URL of the paragraph that supports the entry."""
        return f"{self.statement.url}#{self.commitment.paragraph}"

    @property
    def paragraph_number(self) -> int:
        return int(self.commitment.paragraph[1:])


@dataclass(frozen=True)
class Event:
    """One entry of the timeline, with its evidence: quotes, a record entry, or both."""

    id: str
    date: PartialDate
    convention: str
    kind: str
    title: str
    quotes: tuple[Quote, ...] = ()
    record: RecordEntry | None = None
    end_date: PartialDate | None = None
    amount: Amount | None = None
    aliases: tuple[str, ...] = ()  # ids of commitments merged into a record entry

    @property
    def kind_label(self) -> str:
        return COMMITMENT_KINDS[self.kind][0]

    @property
    def evidence(self) -> tuple[str, ...]:
        """``("quote",)``, ``("record",)`` or ``("quote", "record")``."""
        return tuple(kind for kind, present in (("quote", self.quotes), ("record", self.record)) if present)

    @property
    def milestone(self) -> str | None:
        return self.record.milestone if self.record else None

    @property
    def source_date(self) -> PartialDate:
        """When the evidence was published: the earliest statement, or the entry's own date."""
        return min((quote.statement.date for quote in self.quotes), default=self.date)


def _quoted(quote: Quote) -> Event:
    c = quote.commitment
    return Event(
        id=c.id,
        date=c.date,
        end_date=c.end_date,
        convention=c.convention,
        kind=c.kind,
        title=c.title,
        amount=c.amount,
        quotes=(quote,),
    )


def _recorded(entry: RecordEntry, quotes: list[Quote]) -> Event:
    return Event(
        id=entry.id,
        date=entry.date,
        end_date=entry.end_date,
        convention=entry.convention,
        kind=entry.kind,
        title=entry.title,
        amount=entry.amount or next((q.commitment.amount for q in quotes if q.commitment.amount), None),
        quotes=tuple(quotes),
        record=entry,
        aliases=tuple(q.commitment.id for q in quotes),
    )


def link_problems(statements: list[Statement], record: Record) -> list[SourceError]:
    """Commitments that name a record entry which is missing or does not describe the same fact,
    and record ids that a commitment id already uses."""
    entries = record.by_id()
    errors = []
    commitment_ids = set()
    for statement in statements:
        for index, c in enumerate(statement.commitments):
            commitment_ids.add(c.id)
            if not c.record:
                continue
            entry = entries.get(c.record)
            where = f"commitments[{index}]"
            if entry is None:
                errors.append(
                    SourceError(
                        statement.path, c.record_line, f"{where}: record '{c.record}' is not an entry of {record.path}"
                    )
                )
                continue
            if entry.convention != c.convention:
                errors.append(
                    SourceError(
                        statement.path,
                        c.record_line,
                        f"{where}: convention {c.convention} differs from record '{entry.id}' ({entry.convention})",
                    )
                )
            if not (c.date.contains(entry.date) or entry.date.contains(c.date)):
                errors.append(
                    SourceError(
                        statement.path,
                        c.record_line,
                        f"{where}: dated {c.date.iso}, but record '{entry.id}' is dated {entry.date.iso}",
                    )
                )
    for entry in record.entries:
        if entry.id in commitment_ids:
            errors.append(
                SourceError(
                    record.path, entry.line, f"entry id '{entry.id}' is already a commitment's id; choose another"
                )
            )
    return errors


def events(statements: list[Statement], record: Record | None = None) -> list[Event]:
    """Every quoted commitment and record entry, merged where they are one fact, earliest first;
    a period sorts by its start, then its end. Call ``link_problems`` first."""
    linked: dict[str, list[Quote]] = {}
    found: list[Event] = []
    for statement in statements:
        for c in statement.commitments:
            quote = Quote(c, statement)
            if c.record and record is not None:
                linked.setdefault(c.record, []).append(quote)
            else:
                found.append(_quoted(quote))
    if record is not None:
        found += [_recorded(entry, linked.get(entry.id, [])) for entry in record.entries]
    return sorted(
        found,
        key=lambda e: (
            e.date.sort_key,
            e.end_date.sort_key if e.end_date else (0, 0, 0),
            e.source_date.sort_key,
            e.id,
        ),
    )
