"""A Python-Markdown extension: a generated page's body reaches the page as it is.

A generated page is HTML already, rendered and escaped by the templates. Python-Markdown
would parse all of it again to find where its raw HTML blocks begin and end (the
costliest part of building 1,000 statements), only to put it back unchanged. A page
whose Markdown begins with ``MARKER`` is stored whole in Python-Markdown's HTML stash
instead, the way its own raw-HTML handling stores a block.

It runs after MkDocs' own reading of the raw HTML (which collects the ids that links
from other pages may point at, so MkDocs' anchor validation still sees them) and
before Python-Markdown's. Public extension points only: ``mkdocs.yml`` lists it under
``markdown_extensions``, which every MkDocs-family engine reads.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

MARKER = "<!-- generated page: HTML, passed through as it is -->"


class _Passthrough(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not lines or lines[0] != MARKER:
            return lines
        return [self.md.htmlStash.store("\n".join(lines[1:]).strip())]


class PassthroughExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # MkDocs reads raw HTML for anchor ids at 21; Python-Markdown's html_block is 20.
        md.preprocessors.register(_Passthrough(md), "archive_passthrough", 20.5)


def makeExtension(**kwargs: object) -> PassthroughExtension:  # noqa: N802 - Python-Markdown's name
    return PassthroughExtension(**kwargs)
