"""Commitments annotated in a statement's front matter: model and cross-field checks.

The schema checks each field's form; this module checks what the schema cannot:
that the paragraph exists, that the quote is really in it, that a period does
not end before it begins, and that the convention is one the statement is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import PartialDate, parse_partial_date
from .schema import AMOUNT_QUALIFIERS, COMMITMENT_KINDS, CURRENCIES

ELISION = "…"


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    basis: str
    qualifier: str = "exactly"

    @property
    def number(self) -> int | float:
        """The value as written: 10000000000, not 1e10."""
        return int(self.value) if float(self.value).is_integer() else self.value

    def display(self) -> str:
        """``about ¥10 billion``, ``more than US$40 million``."""
        prefix = {"JPY": "¥", "USD": "US$", "EUR": "€", "GBP": "£"}.get(self.currency)
        value = self.value
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if value >= size:
                scaled = value / size
                figure = f"{scaled:,.{0 if scaled.is_integer() else 1}f} {word}"
                break
        else:
            figure = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
        money = f"{prefix}{figure}" if prefix else f"{figure} {CURRENCIES[self.currency]}"
        qualifier = AMOUNT_QUALIFIERS[self.qualifier]
        return f"{qualifier} {money}" if qualifier else money


@dataclass(frozen=True)
class Commitment:
    id: str
    date: PartialDate
    convention: str
    kind: str
    title: str
    paragraph: str
    quote: str
    end_date: PartialDate | None = None
    amount: Amount | None = None
    note: str | None = None
    record: str | None = None  # id of the data/record.yml entry it also describes
    record_line: int = 0  # the file line of that ``record`` field, for errors

    @property
    def kind_label(self) -> str:
        return COMMITMENT_KINDS[self.kind][0]


def normalise(text: str) -> str:
    return " ".join(text.split())


def quote_spans(quote: str) -> list[str]:
    """The verbatim spans of a quote; ' … ' marks words left out between them."""
    return [span for span in (normalise(s) for s in quote.split(ELISION)) if span]


def quote_in(quote: str, paragraph: str) -> bool:
    """Whether every span of ``quote`` (split at ' … ') occurs in ``paragraph``, in order."""
    haystack = normalise(paragraph)
    position = 0
    for span in quote_spans(quote):
        found = haystack.find(span, position)
        if found < 0:
            return False
        position = found + len(span)
    return True


def problems(entry: dict, paragraphs: dict[str, str], conventions: tuple[str, ...]) -> list[tuple[str, str]]:
    """(field, message) pairs for one schema-valid commitment."""
    found = []
    text = paragraphs.get(entry["paragraph"])
    if text is None:
        last = f"p{len(paragraphs)}"
        found.append(("paragraph", f"paragraph {entry['paragraph']} does not exist (the body has p1 to {last})"))
    elif not quote_in(entry["quote"], text):
        found.append(("quote", f"the quote is not in {entry['paragraph']} word for word: {entry['quote']!r}"))
    if "end_date" in entry:
        start, end = parse_partial_date(entry["date"]), parse_partial_date(entry["end_date"])
        if end.latest < start.earliest:
            found.append(("end_date", f"end_date {end.iso} is before date {start.iso}"))
    if entry["convention"] not in conventions:
        found.append(
            (
                "convention",
                f"convention {entry['convention']} is not one this statement is about ({', '.join(conventions)})",
            )
        )
    return found


def build(statement_id: str, entries: list[dict], record_lines: dict[int, int] | None = None) -> tuple[Commitment, ...]:
    """Commitment objects from validated entries; ids are stable per paragraph and order.

    ``record_lines`` gives, by entry index, the file line of each ``record`` field."""
    counts: dict[str, int] = {}
    built = []
    for index, entry in enumerate(entries):
        counts[entry["paragraph"]] = counts.get(entry["paragraph"], 0) + 1
        amount = entry.get("amount")
        built.append(
            Commitment(
                id=f"{statement_id}-{entry['paragraph']}-{counts[entry['paragraph']]}",
                date=parse_partial_date(entry["date"]),
                end_date=parse_partial_date(entry["end_date"]) if "end_date" in entry else None,
                convention=entry["convention"],
                kind=entry["kind"],
                title=entry["title"].strip(),
                paragraph=entry["paragraph"],
                quote=normalise(entry["quote"]),
                amount=Amount(amount["value"], amount["currency"], amount["basis"], amount.get("qualifier", "exactly"))
                if amount
                else None,
                note=normalise(entry["note"]) if "note" in entry else None,
                record=entry.get("record"),
                record_line=(record_lines or {}).get(index, 0),
            )
        )
    return tuple(built)
