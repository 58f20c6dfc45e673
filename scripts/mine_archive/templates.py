"""The generated pages' templates (``templates/``) and the pages they make.

Jinja2 (which MkDocs itself uses) with autoescaping: every value from a data file is
text, never markup, unless the code marks it as markup it has built (``Markup``).
Shared pieces (badges, dates, pagers, tables, filters) are macros in
``templates/components.html``.

A ``Page`` is what the pipeline hands to an engine: where the page goes, its title and
description for ``<head>``, extra head markup, the parts of the theme's layout it does
without, and its body. ``Page.markdown()`` is the one place that writes front matter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .dates import display_range
from .passthrough import MARKER
from .schema import CONVENTIONS

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
ENV.globals.update(conventions=CONVENTIONS, display_range=display_range)


def render(name: str, /, **context: object) -> Markup:
    """The template ``name`` rendered with ``context``: markup, which another template takes as it is."""
    return Markup(ENV.get_template(name).render(**context))


def macros(name: str):  # noqa: ANN201 - a template module
    """The macros of template ``name``, to call from Python (each returns ``Markup``)."""
    return ENV.get_template(name).module


@dataclass(frozen=True)
class Page:
    """A generated page: ``path`` in the docs tree (``statements/x.md``), its ``title`` and
    ``description`` for <head>, ``head`` markup to add there, ``hide`` for the theme's
    ``hide`` setting (a generated page's headings are its own HTML, so the theme's table of
    contents would stay empty; ``("toc",)`` gives the page its width instead), and its
    ``body`` (HTML blocks, which every Markdown engine passes through)."""

    path: str
    title: str
    description: str
    body: str
    head: str = ""
    hide: tuple[str, ...] = ("toc",)  # parts of the theme's layout the page does without

    def markdown(self) -> str:
        """The page as a Markdown file with YAML front matter.

        MkDocs' templates do not autoescape, and Material puts the title and description
        into <title> and <meta content="…">, so they are escaped here. Apostrophes are
        left alone: they cannot end a double-quoted attribute.
        """
        fields: dict[str, object] = {
            "title": escape(self.title, quote=False).replace('"', "&quot;"),
            "description": escape(self.description, quote=False).replace('"', "&quot;"),
        }
        if self.head:
            fields["head"] = self.head  # markup for <head>, rendered from escaped values
        if self.hide:
            fields["hide"] = list(self.hide)
        # JSON values are valid YAML, and json.dumps is far faster than yaml.safe_dump.
        dumped = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(fields.items()))
        return f"---\n{dumped}---\n{MARKER}\n{self.body.strip()}\n"


__all__ = ["ENV", "Markup", "Page", "macros", "render"]
