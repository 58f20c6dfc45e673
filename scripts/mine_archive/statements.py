"""Load and validate ``data/statements/*.md`` into plain ``Statement`` objects.

This module knows YAML and files and nothing about HTML or MkDocs. Every
problem in every file is collected before anything fails, so one run tells an
editor everything to fix; each is reported as ``path:line: message``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import commitments as commitment_rules
from .commitments import Commitment
from .dates import PartialDate, parse_partial_date
from .errors import DataError, SourceError, display_path
from .frontmatter import Document, FrontMatterSyntaxError, mapping_fields, plain, split
from .schema import DOCUMENT_TYPES, STATEMENT_SCHEMA
from .validate import validate

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
# Anything that looks like an HTML tag, comment or declaration. Statement bodies are
# plain text: markup in a transcription is damage to repair, never something to render.
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>")


@dataclass(frozen=True)
class Block:
    """A paragraph (``p1``, ``p2``, …) or a heading (``h1``, ``h2``, …) of a body.

    ``lines`` are the block's lines: a line break inside a paragraph is kept (a
    salutation such as "Mr. President, / Excellencies," stays on separate lines).
    """

    kind: str  # "paragraph" or "heading"
    id: str
    number: int
    lines: tuple[str, ...]
    line: int  # line in the data file where the block begins
    level: int = 0  # heading level (2–6); 0 for paragraphs

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Meeting:
    name: str
    start: PartialDate | None = None
    end: PartialDate | None = None


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class EditorialNote:
    number: int
    text: str
    paragraph: str | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    title: str
    date: PartialDate
    document_type: str
    conventions: tuple[str, ...]
    language: str
    editorial_notes: tuple[EditorialNote, ...]
    blocks: tuple[Block, ...]
    path: str
    meeting: Meeting | None = None
    place: str | None = None
    speaker: Speaker | None = None
    source: Source | None = None
    commitments: tuple[Commitment, ...] = ()

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "paragraph")

    @property
    def url(self) -> str:
        """Site-relative URL of the statement's page; it never changes once published."""
        return f"statements/{self.id}/"

    @property
    def document_type_label(self) -> str:
        return DOCUMENT_TYPES[self.document_type]

    def notes_for(self, block_id: str) -> tuple[EditorialNote, ...]:
        return tuple(n for n in self.editorial_notes if n.paragraph == block_id)


def parse_body(body: str, first_line: int) -> tuple[list[Block], list[tuple[int, str]]]:
    """Split a body into blocks at blank lines; return the blocks and (line, problem) pairs."""
    blocks: list[Block] = []
    problems: list[tuple[int, str]] = []
    counts = {"paragraph": 0, "heading": 0}
    current: list[str] = []
    start = first_line

    def close() -> None:
        if not current:
            return
        heading = _HEADING.match(current[0]) if len(current) == 1 else None
        if heading:
            level = len(heading.group(1))
            if level == 1:
                problems.append((start, "a level-1 heading ('# ') in the body: the title belongs in front matter"))
            kind, lines = "heading", (heading.group(2),)
        else:
            kind, lines = "paragraph", tuple(current)
            if current[0].startswith("#"):
                problems.append((start, "a heading ('## ') must stand alone, with a blank line after it"))
        counts[kind] += 1
        prefix = "p" if kind == "paragraph" else "h"
        number = counts[kind]
        blocks.append(Block(kind, f"{prefix}{number}", number, lines, start, level if heading else 0))
        current.clear()

    for offset, raw in enumerate(body.split("\n")):
        line = raw.strip()
        lineno = first_line + offset
        if not line:
            close()
            continue
        if not current:
            start = lineno
        tag = _TAG.search(line)
        if tag:
            problems.append(
                (
                    lineno,
                    f"HTML markup {tag.group(0)!r} in the body: statement bodies are plain text; "
                    "write the text itself and record the repair in editorial_notes",
                )
            )
        current.append(line)
    close()
    if not any(b.kind == "paragraph" for b in blocks):
        problems.append((first_line, "the body is empty: a statement needs at least one paragraph of text"))
    return blocks, problems


# The body `make new-statement` writes when it is given no text: it must not validate.
PLACEHOLDER = "Replace this paragraph with the statement's text, word for word; separate paragraphs by blank lines."


def load_statement(path: Path, shown: str | None = None) -> Statement:
    """Load one statement file; raise ``DataError`` listing every problem in it.

    ``shown`` is the path errors name, ``display_path(path)`` unless given."""
    shown = shown or display_path(path)

    def fail(line: int, message: str) -> DataError:
        return DataError([SourceError(shown, line, message)])

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise fail(1, f"cannot read the file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise fail(line, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8") from None
    try:
        document = split(text.replace("\r\n", "\n"))
    except FrontMatterSyntaxError as error:
        raise fail(error.line, error.message) from None
    if document.node is None:
        raise fail(1, "the front matter is empty; it must give the statement's fields")

    errors = [
        SourceError(shown, p.line, p.message) for p in validate(document.node, STATEMENT_SCHEMA, document.line_of)
    ]
    blocks, body_problems = parse_body(document.body, document.body_first_line)
    errors += [SourceError(shown, line, message) for line, message in body_problems]
    fields = mapping_fields(document.node)
    if errors:
        # Every problem in one run: the checks of content that can still be made.
        raise DataError(errors + _content_checks(shown, document, fields, blocks, schema_valid=False))

    data = plain(document.node)
    errors += _check_consistency(shown, path, data, fields, document, blocks)
    errors += _content_checks(shown, document, fields, blocks, schema_valid=True)
    if errors:
        raise DataError(sorted(errors, key=lambda error: error.line))
    record_lines = {
        index: document.line_of(mapping_fields(item)["record"])
        for index, item in enumerate(fields["commitments"].value if "commitments" in fields else [])
        if "record" in mapping_fields(item)
    }
    return _build(shown, data, blocks, record_lines)


def _check_consistency(
    shown: str,
    path: Path,
    data: dict,
    fields: dict[str, yaml.Node],
    document: Document,
    blocks: list[Block],
) -> list[SourceError]:
    """Rules across fields, which a schema cannot express."""
    errors = []
    if data["id"] == "page":
        errors.append(
            SourceError(
                shown,
                document.line_of(fields["id"]),
                "the id 'page' is taken: the statements listing's later pages live at statements/page/<n>/",
            )
        )
    if path.name != f"{data['id']}.md":
        owner = path.parent / f"{data['id']}.md"
        message = f"the file must be named after its id: {data['id']}.md, not {path.name}"
        if owner.exists():
            # Ids are unique because each names its file; a second claim is a duplicate.
            message = f"duplicate id '{data['id']}': {owner.name} already has it; give this statement its own id"
        errors.append(SourceError(shown, document.line_of(fields["id"]), message))
    meeting = data.get("meeting") or {}
    start, end = meeting.get("start"), meeting.get("end")
    if start and end and parse_partial_date(end).sort_key < parse_partial_date(start).sort_key:
        node = mapping_fields(fields["meeting"])["end"]
        errors.append(SourceError(shown, document.line_of(node), "'meeting.end' is before 'meeting.start'"))
    block_ids = {b.id for b in blocks if b.kind == "paragraph"}
    for index, note in enumerate(data["editorial_notes"]):
        target = note.get("paragraph")
        if target and target not in block_ids:
            node = mapping_fields(fields["editorial_notes"].value[index])["paragraph"]
            errors.append(
                SourceError(
                    shown,
                    document.line_of(node),
                    f"'editorial_notes[{index}].paragraph' is {target}, but the body has paragraphs "
                    f"p1 to p{len(block_ids)}",
                )
            )
    paragraphs = {b.id: b.text for b in blocks if b.kind == "paragraph"}
    for index, entry in enumerate(data.get("commitments") or []):
        entry_fields = mapping_fields(fields["commitments"].value[index])
        for field, message in commitment_rules.problems(entry, paragraphs, tuple(data["convention"])):
            node = entry_fields[field]
            errors.append(SourceError(shown, document.line_of(node), f"commitments[{index}]: {message}"))
    return errors


def _content_checks(
    shown: str, document: Document, fields: dict[str, yaml.Node], blocks: list[Block], schema_valid: bool
) -> list[SourceError]:
    """Checks that hold whatever else is wrong with the file: a date in the future, a body
    still the scaffold's placeholder, and (when the front matter has other problems, which
    stop the full checks) each quote that is not in its paragraph."""
    errors = []
    date_node = fields.get("date")
    if isinstance(date_node, yaml.ScalarNode):
        try:
            when = parse_partial_date(date_node.value)
        except ValueError:
            when = None
        if when and when.earliest > datetime.date.today().timetuple()[:3]:
            errors.append(SourceError(shown, document.line_of(date_node), f"'date' {when.iso} is in the future"))
    if any(block.text.strip() == PLACEHOLDER for block in blocks):
        errors.append(
            SourceError(
                shown,
                document.body_first_line,
                "the body is still the placeholder new-statement wrote: replace it with the statement's text",
            )
        )
    commitments = fields.get("commitments")
    if not schema_valid and isinstance(commitments, yaml.SequenceNode):
        paragraphs = {b.id: b.text for b in blocks if b.kind == "paragraph"}
        for index, item in enumerate(commitments.value):
            item_fields = mapping_fields(item)
            paragraph, quote = item_fields.get("paragraph"), item_fields.get("quote")
            if not (isinstance(paragraph, yaml.ScalarNode) and isinstance(quote, yaml.ScalarNode)):
                continue
            text = paragraphs.get(paragraph.value)
            if text is not None and not commitment_rules.quote_in(quote.value, text):
                message = f"commitments[{index}]: the quote is not in {paragraph.value} word for word: {quote.value!r}"
                errors.append(SourceError(shown, document.line_of(quote), message))
    return errors


def _build(shown: str, data: dict, blocks: list[Block], record_lines: dict[int, int]) -> Statement:
    meeting = data.get("meeting")
    speaker = data.get("speaker")
    source = data.get("source")
    return Statement(
        id=data["id"],
        title=data["title"].strip(),
        date=parse_partial_date(data["date"]),
        document_type=data["document_type"],
        conventions=tuple(data["convention"]),
        language=data["language"],
        editorial_notes=tuple(
            EditorialNote(number, n["note"].strip(), n.get("paragraph"))
            for number, n in enumerate(data["editorial_notes"], start=1)
        ),
        blocks=tuple(blocks),
        path=shown,
        meeting=Meeting(
            meeting["name"],
            parse_partial_date(meeting["start"]) if meeting.get("start") else None,
            parse_partial_date(meeting["end"]) if meeting.get("end") else None,
        )
        if meeting
        else None,
        place=data.get("place"),
        speaker=Speaker(speaker["name"], speaker.get("role")) if speaker else None,
        source=Source(source["publisher"], source.get("title"), source.get("url")) if source else None,
        commitments=commitment_rules.build(data["id"], data.get("commitments") or [], record_lines),
    )


def load_statements(directory: Path) -> list[Statement]:
    """Load every ``*.md`` in ``directory``, oldest first; raise ``DataError`` with all problems."""
    shown_dir = display_path(directory)
    if not directory.is_dir():
        raise DataError([SourceError(shown_dir, 1, "the statements directory does not exist")])
    statements: list[Statement] = []
    errors: list[SourceError] = []
    for path in sorted(directory.glob("*.md")):
        try:
            # The folder's display path, resolved once: resolving each file's took a
            # quarter of a second at 1,000 statements.
            statements.append(load_statement(path, str(Path(shown_dir) / path.name)))
        except DataError as error:
            errors += error.errors
    if not statements and not errors:
        errors.append(SourceError(shown_dir, 1, "no statements found (expected *.md files)"))
    if errors:
        raise DataError(errors)
    return sorted(statements, key=lambda s: (s.date.sort_key, s.id))
