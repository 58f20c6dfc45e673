"""Turn a published statement (an HTML page, a PDF, plain text or Markdown) into a draft.

``read`` gets the text of a source as blocks of lines; ``draft`` recognises the heading
block (title, speaker and role, meeting, place, date), repairs the known kinds of
transcription damage, each repair an editorial note, and fills in what the catalogue
knows about the source's address. It leaves out what it cannot find rather than guess,
and says what it inferred and what the editor must check. No network here: the command
line (``scripts/import_statement.py``) fetches a URL, or says clearly why it cannot.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .catalogue import CatalogueEntry

Block = list[str]  # the lines of one paragraph

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(name for name in calendar.month_name if name)
# 11 September 2012; September 11, 2012; 8 - 9 June 2017; September 2012.
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^\(?({_MONTH})\s+(\d{{4}})\)?$", re.IGNORECASE)

SALUTATION = re.compile(
    r"^(thank you|mr\.? president|madam president|madame president|mr\.? chair|madam chair|excellenc|"
    r"distinguished|ladies and gentlemen|dear colleagues)",
    re.IGNORECASE,
)
MEETING = re.compile(
    r"(meeting of (the )?states parties|intersessional|review conference|conference|standing committee|session)",
    re.IGNORECASE,
)
SPEAKER = re.compile(r"^(h\.\s?e\.|mr\.|ms\.|mrs\.|dr\.|his excellency|her excellency)\s", re.IGNORECASE)
NAVIGATION = re.compile(
    r"^(back to (index|top|contents|list)|page top|top of (the )?page|return to top|print( this page)?|"
    r"go to top|to top|\^\s*top)$",
    re.IGNORECASE,
)
CONVENTION_WORDS = {
    "CCM": re.compile(r"cluster munition|\bCCM\b|oslo convention", re.IGNORECASE),
    "APMBC": re.compile(
        r"anti-personnel (land)?mine|\blandmines?\b|ottawa convention|\bAPMBC\b|mine ban", re.IGNORECASE
    ),
}
CONVENTION_NAMES = {
    "anti-personnel mine ban convention": "APMBC",
    "convention on cluster munitions": "CCM",
}
DOCUMENT_TYPES = [
    (re.compile(r"^press release", re.IGNORECASE), "press-release"),
    (re.compile(r"^(speech|address|remarks)\b", re.IGNORECASE), "speech"),
    (re.compile(r"^statement\b", re.IGNORECASE), "statement"),
    (re.compile(r"^(letter|message)\b", re.IGNORECASE), "letter"),
]
# Publishers by the address of their site, where a source's own page does not say.
PUBLISHERS = {
    "www.mofa.go.jp": "Ministry of Foreign Affairs of Japan",
    "www.disarm.emb-japan.go.jp": "Permanent Mission of Japan to the Conference on Disarmament",
    "www.apminebanconvention.org": "Anti-Personnel Mine Ban Convention Implementation Support Unit",
    "www.clusterconvention.org": "Convention on Cluster Munitions Implementation Support Unit",
}


class ImportProblem(Exception):
    """What stops an import, said so that the editor knows what to do."""


@dataclass
class Draft:
    """A statement in the making: front matter, paragraphs, repairs and the editor's to-do list."""

    fields: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    notes: list[tuple[int | None, str]] = field(default_factory=list)  # (block index, note)
    inferred: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)
    catalogue_entry: CatalogueEntry | None = None


# --- reading ---------------------------------------------------------------------------


class _Text(HTMLParser):
    """An HTML page's readable text as blocks of lines: block elements end a block, <br>
    ends a line; scripts, styles, navigation, headers and footers are left out."""

    SKIP = {"script", "style", "nav", "header", "footer", "noscript", "template", "head", "form", "select"}
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "section", "article",
              "main", "table", "tr", "ul", "ol", "dl", "dt", "dd", "pre", "address", "hr", "center"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lines: list[str] = [""]
        self.skipping = 0

    def _end_block(self) -> None:
        lines = [" ".join(line.split()) for line in self.lines]
        lines = [line for line in lines if line]
        if lines:
            self.blocks.append(lines)
        self.lines = [""]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "br":
            self.lines.append("")
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.lines[-1] += data.replace("\xa0", " ")


def html_blocks(html: str) -> list[Block]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._end_block()
    return parser.blocks


def text_blocks(text: str) -> list[Block]:
    """Plain text or Markdown as blocks: blank lines part paragraphs; a line ending in two
    spaces (a Markdown line break) or a block of short lines (a salutation, an address)
    keeps its lines; other hard-wrapped lines are joined."""
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        raw = [line for line in chunk.split("\n") if line.strip()]
        if not raw:
            continue
        wrapped = max(len(line.strip()) for line in raw) > 60
        kept: Block = []
        broken = True
        for line in raw:
            words = " ".join(line.rstrip("\\").split())
            if kept and wrapped and not broken:
                kept[-1] += " " + words
            else:
                kept.append(words)
            broken = line.endswith("  ") or line.endswith("\\")
        blocks.append(kept)
    return blocks


def pdf_blocks(data: bytes) -> list[Block]:
    """A PDF's text as paragraphs: page numbers and lines repeated on every page (running
    heads) left out; a paragraph ends at a blank line, or where a short line ends a sentence."""
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    seen: dict[str, int] = {}
    for page in pages:
        for line in {line.strip() for line in page.splitlines() if line.strip()}:
            seen[line] = seen.get(line, 0) + 1
    running = {line for line, count in seen.items() if len(pages) > 1 and count == len(pages)}
    lines = [
        line.strip()
        for page in pages
        for line in page.splitlines()
        if line.strip() not in running and not re.fullmatch(r"(page\s*)?\d{1,3}(\s*/\s*\d{1,3})?", line.strip(), re.I)
    ]
    width = max((len(line) for line in lines), default=0)
    blocks: list[Block] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if SALUTATION.match(line) and current:  # "Mr. President," opens a paragraph of its own
            blocks.append(current)
            current = []
        current.append(line)
        if re.search(r"[.:!?,\"”)]$", line) and len(line) < 0.75 * width:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    # Inside a paragraph, wrapped lines are one line of text; short blocks keep their lines.
    joined = []
    for block in blocks:
        if len(block) > 1 and max(len(line) for line in block) > 0.75 * width:
            joined.append([re.sub(r"(\w)- (\w)", r"\1\2", " ".join(block))])
        else:
            joined.append(block)
    return joined


def read(data: bytes, name: str, content_type: str = "") -> list[Block]:
    """The blocks of a source's bytes; ``name`` (a path or URL) and ``content_type`` tell its kind."""
    lowered = name.lower().split("?")[0]
    if data.startswith(b"%PDF") or lowered.endswith(".pdf") or "pdf" in content_type:
        return pdf_blocks(data)
    text = data.decode("utf-8", errors="replace")
    if lowered.endswith((".html", ".htm")) or "html" in content_type or re.search(r"<(html|body|p)\b", text, re.I):
        return html_blocks(text)
    return text_blocks(text)


# --- repairs ---------------------------------------------------------------------------


def _repair(draft: Draft, text_all: str) -> None:
    """Repair the known kinds of transcription damage in the body, each with a note."""
    yen = re.search(r"\byen\b|¥|JPY", text_all, re.IGNORECASE) is not None
    kept = []
    for block in draft.blocks:
        text = " ".join(block)
        if NAVIGATION.match(text.strip()):
            draft.notes.append(
                (None, f'A line of website navigation in the transcription ("{text.strip()}") is left out.')
            )
            continue
        index = len(kept)
        lines = []
        for line in block:
            if "**" in line or re.search(r"(?<!\w)__\S", line):
                draft.notes.append((index, 'Markdown bold markers ("**") left in the transcription are removed.'))
                line = line.replace("**", "").replace("__", "")
            for match in re.finditer(r"<(sup|sub)>(.*?)</\1>", line, re.IGNORECASE):
                draft.notes.append(
                    (
                        index,
                        f'The transcription reads "{match.group(0)}", HTML markup; it is given as "{match.group(2)}".',
                    )
                )
            line = re.sub(r"<(sup|sub)>(.*?)</\1>", r"\2", line, flags=re.IGNORECASE)
            if re.search(r"<[a-zA-Z/][^>]*>", line):
                draft.notes.append((index, "HTML markup left in the transcription is removed."))
                line = re.sub(r"<[a-zA-Z/][^>]*>", "", line)
            lost = re.search(r"(?<![\w\]])_(\d[\d,.]*(?:\s+(?:billion|million|thousand))?)", line)
            if lost and yen:
                draft.notes.append(
                    (index, f'The transcription reads "_{lost.group(1)}": the yen sign was lost; it is restored as '
                     f'"[¥]{lost.group(1)}", as the document gives sums in yen.')
                )  # fmt: skip
                line = line.replace(f"_{lost.group(1)}", f"[¥]{lost.group(1)}")
            elif lost:
                draft.check.append(
                    f'"_{lost.group(1)}" may be a currency sign lost in transcription: check the source.'
                )
            lines.append(" ".join(line.split()))
        if any(lines):
            kept.append([line for line in lines if line])
    draft.blocks = kept


# --- the heading block -----------------------------------------------------------------


def _date_in(line: str) -> tuple[str, str | None, str | None] | None:
    """(document date, meeting start, meeting end) found in a heading line, at the line's precision."""
    match = _DAY_MONTH_YEAR.search(line)
    if match:
        day, last, month, year = match.groups()
        number = MONTHS[month.lower()]
        start = f"{year}-{number:02d}-{int(day):02d}"
        if last:
            # A meeting of several days: the statement's own day is not stated.
            return f"{year}-{number:02d}", start, f"{year}-{number:02d}-{int(last):02d}"
        return start, None, None
    match = _MONTH_DAY_YEAR.search(line)
    if match:
        month, day, year = match.groups()
        return f"{year}-{MONTHS[month.lower()]:02d}-{int(day):02d}", None, None
    match = _MONTH_YEAR.match(line.strip())
    if match:
        month, year = match.groups()
        return f"{year}-{MONTHS[month.lower()]:02d}", None, None
    return None


def _is_body(block: Block) -> bool:
    text = " ".join(block)
    return bool(SALUTATION.match(text)) or len(text) > 200 or re.match(r"^\(?\d+[.)]\s", text) is not None


def _heading(draft: Draft) -> None:
    """Take the heading block off the body and make it front matter, saying what came from where."""
    count = 0
    for block in draft.blocks:
        if _is_body(block) or count >= 8:
            break
        count += 1
    if count == len(draft.blocks):
        count = min(count, 1)
    heading = [re.sub(r"^#+\s*", "", line).strip() for block in draft.blocks[:count] for line in block]
    heading = [line for line in heading if line]
    if not heading:
        return
    draft.blocks = draft.blocks[count:]
    draft.notes = [(None if i is None else i - count, note) for i, note in draft.notes if i is None or i >= count]
    fields = draft.fields
    convention_line = None
    meeting = None
    speaker = role = None
    title = None
    lines = list(heading)
    for index, line in enumerate(lines):
        bare = line.strip("() ")
        found = _date_in(bare)
        if found and "date" not in fields:
            fields["date"], start, end = found
            draft.inferred.append(f'date: {fields["date"]}, from the heading ("{line}")')
            if start:
                fields["meeting_dates"] = (start, end)
            # "(8 - 9 June 2017, Geneva)": the place after the date.
            rest = re.sub(r".*\d{4}\s*,?\s*", "", bare).strip(", ")
            if rest and "place" not in fields:
                fields["place"] = rest
            continue
        if bare.lower() in CONVENTION_NAMES:
            convention_line = bare
            continue
        if re.fullmatch(r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*, [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*", bare) and len(bare) < 40:
            fields.setdefault("place", bare)
            continue
        if re.match(r"^statement by\s*$", bare, re.IGNORECASE) and index + 1 < len(lines):
            title = "Statement by"
            continue
        if SPEAKER.match(bare) and speaker is None:
            speaker = bare
            continue
        if speaker and role is None and not bare.lower().startswith("to the ") and title == "Statement by":
            role = bare
            continue
        if speaker and role and not bare.lower().startswith("to the ") and title == "Statement by" and meeting is None:
            role += " " + bare  # a role wrapped onto a second line
            continue
        if bare.lower().startswith("to the "):
            meeting = bare[len("to the ") :]
            continue
        if MEETING.search(bare) and meeting is None and not DOCUMENT_TYPES[2][0].match(bare):
            meeting = bare
            continue
        if title is None:
            title = bare
    if title == "Statement by" and speaker:
        title = f"Statement by {speaker}" + (f" to the {meeting}" if meeting else "")
    elif title == "Statement by":
        title = None
    if title:
        fields["title"] = title
        draft.inferred.append(f'title: "{title}", from the heading')
    if meeting:
        if convention_line and " of " not in meeting.lower():
            meeting = f"{meeting} of the {convention_line}"
        fields["meeting"] = {"name": meeting}
        draft.inferred.append(f'meeting: "{meeting}", from the heading')
    if "meeting_dates" in fields:
        start, end = fields.pop("meeting_dates")
        fields.setdefault("meeting", {"name": convention_line or "the meeting"})
        fields["meeting"].update({"start": start, "end": end})
    if speaker:
        fields["speaker"] = {"name": speaker, **({"role": role} if role else {})}
        draft.inferred.append(f'speaker: "{speaker}"' + (f', role "{role}"' if role else "") + ", from the heading")
    if "place" in fields:
        draft.inferred.append(f'place: "{fields["place"]}", from the heading')
        if "," not in fields["place"]:
            draft.check.append(f'place "{fields["place"]}": the heading names no country; add it ("City, country").')
    if convention_line:
        fields["convention"] = [CONVENTION_NAMES[convention_line.lower()]]
        draft.inferred.append(f"convention: {fields['convention'][0]}, from the heading")
    quoted = " / ".join(heading)
    used = [name for name in ("title", "date", "meeting", "place", "speaker") if name in fields]
    named = ", ".join(used[:-1]) + (" and " if len(used) > 1 else "") + used[-1] if used else "facts"
    draft.notes.insert(
        0,
        (None, f'The heading block of the transcription ("{quoted}") is given here as the {named} of this record '
         "instead of as body text."),
    )  # fmt: skip


# --- the draft -------------------------------------------------------------------------


def _same_url(a: str, b: str) -> bool:
    def key(url: str) -> str:
        return re.sub(r"^https?://", "", url).rstrip("/").lower()

    return key(a) == key(b)


def _from_catalogue(draft: Draft, url: str, catalogue: list[CatalogueEntry]) -> None:
    entry = next((e for e in catalogue if any(_same_url(s.url, url) for s in e.sources)), None)
    if entry is None:
        return
    draft.catalogue_entry = entry
    fields = draft.fields
    source = next(s for s in entry.sources if _same_url(s.url, url))
    fields["source"] = {"publisher": source.publisher, "url": url}
    draft.inferred.append(f'source: {source.publisher}, from the catalogue entry "{entry.id}" with this address')
    if (
        fields.get("date")
        and not entry.date.iso.startswith(fields["date"])
        and not fields["date"].startswith(entry.date.iso)
    ):
        draft.check.append(f"date: the heading gives {fields['date']}, the catalogue {entry.date.iso}; which is right?")
    for name, value, label in [
        ("date", entry.date.iso, "date"),
        ("title", entry.title, "title (the catalogue's, not the document's own words)"),
        ("document_type", entry.document_type, "document type"),
        ("convention", list(entry.conventions), "convention"),
        ("place", entry.place, "place"),
    ]:
        if value and name not in fields:
            fields[name] = value
            draft.inferred.append(
                f"{label}: {value if not isinstance(value, list) else ', '.join(value)}, from the catalogue"
            )
    if entry.speaker and "speaker" not in fields:
        fields["speaker"] = {"name": entry.speaker.name, **({"role": entry.speaker.role} if entry.speaker.role else {})}
        draft.inferred.append(f"speaker: {entry.speaker.name}, from the catalogue")
    if entry.meeting and "meeting" not in fields:
        meeting = {"name": entry.meeting.name}
        if entry.meeting.start:
            meeting["start"] = entry.meeting.start.iso
        if entry.meeting.end:
            meeting["end"] = entry.meeting.end.iso
        fields["meeting"] = meeting
        draft.inferred.append(f"meeting: {entry.meeting.name}, from the catalogue")
    if entry.languages and "language" not in fields:
        fields["language"] = entry.languages[0]


def draft(blocks: list[Block], url: str | None = None, catalogue: list[CatalogueEntry] = ()) -> Draft:
    """A draft statement from a source's blocks; ``url`` is where it is published."""
    result = Draft(blocks=[list(block) for block in blocks])
    text_all = "\n".join(" ".join(block) for block in blocks)
    _repair(result, text_all)
    _heading(result)
    fields = result.fields
    if url:
        _from_catalogue(result, url, catalogue)
        if "source" not in fields:
            host = re.sub(r"^https?://", "", url).split("/")[0].lower()
            publisher = PUBLISHERS.get(host) or PUBLISHERS.get("www." + host)
            if publisher:
                fields["source"] = {"publisher": publisher, "url": url}
                result.inferred.append(f"source: {publisher}, from the address ({host})")
            else:
                result.check.append(f"source: who publishes {host}? Add source.publisher (the url is {url}).")
    if "convention" not in fields:
        counts = {code: len(pattern.findall(text_all)) for code, pattern in CONVENTION_WORDS.items()}
        found = [code for code in ("APMBC", "CCM") if counts[code]]
        if found:
            top = max(counts.values())
            fields["convention"] = [code for code in found if counts[code] * 4 >= top]
            named = ", ".join(f"{code} {counts[code]}" for code in found)
            result.inferred.append(
                f"convention: {', '.join(fields['convention'])}, from mentions in the text ({named})"
            )
            result.check.append("convention: inferred from the words of the text; check it.")
    if "document_type" not in fields:
        title = fields.get("title", "")
        kind = next((kind for pattern, kind in DOCUMENT_TYPES if pattern.match(title)), None)
        if kind is None and result.blocks and SALUTATION.match(" ".join(result.blocks[0])):
            kind = "statement"
        if kind:
            fields["document_type"] = kind
            result.inferred.append(f"document type: {kind}, from the {'title' if title else 'opening words'}")
        else:
            result.check.append("document type: not recognised; choose one (statement, fact-sheet, press-release, …).")
    if "language" not in fields:
        japanese = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text_all))
        fields["language"] = "ja" if japanese > len(text_all) / 4 else "en"
    result.check.append("the text against the source, word for word, and each editorial note")
    result.check.append("commitments to annotate for the timeline (see the Contributing page)")
    return result
