"""Load ``data/conventions.yml``: what each convention is and its key dates, with sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import datafile
from .dates import PartialDate, parse_partial_date
from .errors import DataError, SourceError, display_path
from .schema import CONVENTIONS_SCHEMA, KEY_DATE_EVENTS


@dataclass(frozen=True)
class KeyDate:
    event: str
    date: PartialDate
    source_publisher: str
    source_url: str
    place: str | None = None

    @property
    def label(self) -> str:
        return KEY_DATE_EVENTS[self.event]


@dataclass(frozen=True)
class Convention:
    code: str
    name: str
    short_name: str
    summary: str
    key_dates: tuple[KeyDate, ...]
    also_known_as: str | None = None

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def url(self) -> str:
        return f"conventions/{self.slug}/"


def load_conventions(path: Path) -> dict[str, Convention]:
    """Load and validate the conventions file; raise ``DataError`` with every problem."""
    node, data = datafile.load(path, CONVENTIONS_SCHEMA)
    if node is None:
        raise DataError([SourceError(display_path(path), 1, "the file is empty")])
    return {
        code: Convention(
            code=code,
            name=" ".join(entry["name"].split()),
            short_name=entry["short_name"],
            summary=" ".join(entry["summary"].split()),
            also_known_as=entry.get("also_known_as"),
            key_dates=tuple(
                KeyDate(
                    event=d["event"],
                    date=parse_partial_date(d["date"]),
                    place=d.get("place"),
                    source_publisher=d["source"]["publisher"],
                    source_url=d["source"]["url"],
                )
                for d in entry["key_dates"]
            ),
        )
        for code, entry in data.items()
    }
