"""The glossary (``data/glossary.yml``) and the marking of its first use on a page."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from . import datafile
from .schema import GLOSSARY_SCHEMA


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    description: str | None = None
    forms: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


@dataclass
class Marker:
    """Marks the first use of each glossary form on one page with ``<abbr>``.

    Build one per glossary and call ``for_page()`` for each page: the pattern is
    compiled once, the record of first uses starts afresh.
    """

    terms: list[Term]
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        forms = sorted(((form, t) for t in self.terms for form in t.forms), key=lambda pair: -len(pair[0]))
        self._by_form = {escape(form, quote=False): t for form, t in forms}
        alternatives = "|".join(re.escape(escape(form, quote=False)) for form, _ in forms)
        self._pattern = re.compile(rf"(?<![\w.])({alternatives})(?![\w])") if alternatives else None

    def for_page(self) -> Marker:
        page = copy.copy(self)
        page.seen = set()
        return page

    def mark(self, html_text: str) -> str:
        """Wrap first uses in already escaped text; later uses stay plain."""
        if self._pattern is None:
            return html_text

        def replace(match: re.Match) -> str:
            term = self._by_form[match.group(1)]
            if term.term in self.seen:
                return match.group(1)
            self.seen.add(term.term)
            # tabindex: keyboard and touch users reach the tooltip by focusing the term.
            return f'<abbr class="gloss" title="{escape(term.expansion)}" tabindex="0">{match.group(1)}</abbr>'

        return self._pattern.sub(replace, html_text)


def load_glossary(path: Path) -> list[Term]:
    _, entries = datafile.load(path, GLOSSARY_SCHEMA)
    return [
        Term(
            term=entry["term"],
            expansion=" ".join(entry["expansion"].split()),
            description=" ".join(entry["description"].split()) if entry.get("description") else None,
            forms=tuple(entry.get("forms") or ()),
        )
        for entry in entries or []
    ]
