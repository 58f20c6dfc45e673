"""The timeline pages: every commitment and treaty act in date order, each with its evidence.

The timeline is split so that no page grows with the archive beyond one year of it:

- ``/timeline/``: the overview, year by year, with the first ``OVERVIEW_PER_YEAR``
  entries of each year as one line each and a link to the rest;
- ``/timeline/<year>/``: every entry dated in that year, in full, with filters; a year
  over the size budget continues on ``/timeline/<year>/2/`` and so on (``YearPages``);
- ``/timeline/money/``: the sums the entries state, as charts and tables.

An entry's address is its page and its id (``/timeline/<year>/#<entry id>``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from . import budget, charts, history
from .dates import display_range
from .schema import AMOUNT_BASES, COMMITMENT_KINDS, CONVENTIONS, CURRENCIES
from .templates import ENV, Page, macros, render
from .timeline import EVIDENCE, Event

# Short labels for an entry's evidence, shown beside its kind.
EVIDENCE_LABELS = {"quote": "Quoted", "record": "Sourced"}


def evidence_summary(events: list[Event]) -> str:
    """How many entries each kind of evidence supports: ``12 quoted from 3 archived statements,
    with a link to the paragraph; 79 from the treaty record, with their sources``."""
    statements = {quote.statement.id for ev in events for quote in ev.quotes}
    quoted = sum(1 for ev in events if ev.quotes)
    recorded = sum(1 for ev in events if ev.record)
    parts = []
    if quoted:
        documents = f"{len(statements)} archived statement{'s' if len(statements) != 1 else ''}"
        parts.append(f"{quoted} quoted from {documents}, with a link to the paragraph")
    if recorded:
        parts.append(f"{recorded} from the treaty record, with {'its' if recorded == 1 else 'their'} sources")
    return "; ".join(parts)


def entry(event: Event, prefix: str, heading: str) -> str:
    """One timeline entry with all its evidence: quotes from statements, the record's sources, or both."""
    return PARTS.entry(event, prefix, heading)


def _filter_groups(events: list[Event]) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
    """The timeline filters' checkboxes with their counts; a filter works by CSS alone
    (docs/stylesheets/archive.css), the script keeps the status line's count up to date.
    An entry with both kinds of evidence is shown while either evidence box is checked."""
    groups = [
        (
            "convention",
            "Convention",
            [(code.lower(), code) for code in CONVENTIONS],
            lambda ev: {ev.convention.lower()},
        ),
        ("kind", "Kind", [(kind, label) for kind, (label, _) in COMMITMENT_KINDS.items()], lambda ev: {ev.kind}),
        ("evidence", "Evidence", list(EVIDENCE.items()), lambda ev: set(ev.evidence)),
    ]
    chosen = []
    for group, legend, options, values_of in groups:
        counted = [(value, label, sum(1 for ev in events if value in values_of(ev))) for value, label in options]
        chosen.append((group, legend, [option for option in counted if option[2]]))
    return chosen


OVERVIEW_PER_YEAR = 5

ENV.globals.update(evidence_labels=EVIDENCE_LABELS, basis_labels=charts.BASIS_LABELS, per_year=OVERVIEW_PER_YEAR)
PARTS = macros("timeline_parts.html")


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """The events grouped by the year they are dated in, earliest first."""
    return [(year, list(items)) for year, items in groupby(events, key=lambda ev: ev.date.year)]


@dataclass(frozen=True)
class YearPages:
    """Where every entry is. While the whole timeline fits the size budget it is one page,
    ``/timeline/``, and ``years`` is empty; beyond that each year's entries have a page of
    their own, or several (``/timeline/1998/``, ``/timeline/1998/2/``, …)."""

    years: list[tuple[int, list[list[Event]]]]  # each year, earliest first, with its pages' entries
    where: dict[str, str]  # entry id (and merged commitments' ids) -> its page's site path

    @property
    def single(self) -> bool:
        """Whether the timeline is one page."""
        return not self.years

    def url(self, event: Event) -> str:
        """Site-relative address of an entry: its page and its id."""
        return f"{self.where[event.id]}#{event.id}"

    def year_url(self, year: int, query: str = "") -> str:
        """Site-relative address of a year's entries (``query``: ``?convention=ccm``)."""
        return f"timeline/{query}#t{year}" if self.single else f"timeline/{year}/{query}"


def year_page_path(year: int, number: int) -> str:
    return f"timeline/{year}/" if number == 1 else f"timeline/{year}/{number}/"


# What the one-page timeline holds besides its entries: heading, intro, legend, filters
# and the picture (whose size is bounded; see history.py).
ONE_PAGE_EXTRA = 60_000


def year_pages(events: list[Event]) -> YearPages:
    """One page while every entry fits the size budget with the picture; otherwise each
    year's entries split by the budget (measured as the deepest page renders them)."""
    if sum(len(entry(ev, "../", "h3").encode("utf-8")) for ev in events) + ONE_PAGE_EXTRA <= budget.BODY_BYTES:
        return YearPages([], {anchor: "timeline/" for ev in events for anchor in (ev.id, *ev.aliases)})
    years, where = [], {}
    for year, items in by_year(events):
        runs = budget.split([len(entry(ev, "../../../", "h2").encode("utf-8")) for ev in items])
        pages = [[items[i] for i in run] for run in runs]
        for number, page in enumerate(pages, start=1):
            for ev in page:
                for anchor in (ev.id, *ev.aliases):
                    where[anchor] = year_page_path(year, number)
        years.append((year, pages))
    return YearPages(years, where)


def _counts(events: list[Event]) -> str:
    """``4 entries: APMBC 3, CCM 1``."""
    per = Counter(ev.convention for ev in events)
    split = ", ".join(f"{code} {per[code]}" for code in CONVENTIONS if per[code])
    return f"{len(events)} entr{'y' if len(events) == 1 else 'ies'}: {split}"


def years_overview(events: list[Event], prefix: str, pages: YearPages, convention: str = "") -> str:
    """Each year with its first entries as lines and a link to all of them.

    ``prefix`` leads from the page to the site root; ``convention`` (a code) narrows the
    years to that convention's entries and opens year pages filtered to it.
    """
    query = f"?convention={convention.lower()}" if convention else ""
    return PARTS.years_overview(_overview_years(events), prefix, pages, query)


def _overview_years(events: list[Event]) -> list[tuple[int, str, list[Event]]]:
    return [(year, _counts(items), items) for year, items in by_year(events)]


def year_page(year: int, number: int, pages: list[list[Event]], years: list[int]) -> Page:
    """The page ``/timeline/<year>/`` (page ``number`` of the year's ``pages``): every entry
    on it, in full, with its evidence."""
    events = pages[number - 1]
    path = year_page_path(year, number)
    prefix = "../" * path.count("/")
    everything = [ev for page in pages for ev in page]
    index = years.index(year)
    year_links = []
    if index > 0:
        before = years[index - 1]
        year_links.append(("prev", f"{prefix}timeline/{before}/", "prev", "Previous year", before, None))
    if index + 1 < len(years):
        after = years[index + 1]
        year_links.append(("next", f"{prefix}timeline/{after}/", "next", "Next year", after, None))
    year_links.append(("all", f"{prefix}timeline/", "", "", "All years", None))
    title = f"Timeline: {year}" if len(pages) == 1 else f"Timeline: {year}, page {number} of {len(pages)}"
    body = render(
        "timeline_year.html",
        title=title,
        counts=_counts(everything),
        summary=evidence_summary(everything),
        prefix=prefix,
        paths=[year_page_path(year, page) for page in range(1, len(pages) + 1)],
        number=number,
        labels=[f"{len(page)} entr{'y' if len(page) == 1 else 'ies'}" for page in pages],
        filter_groups=_filter_groups(events),
        events=events,
        year_links=year_links,
    )
    description = (
        f"Japan's commitments and treaty acts under the Mine Ban and Cluster Munition Conventions dated {year}."
    )
    return Page(path.rstrip("/") + ".md", title, description, body)


MONEY = macros("money_parts.html")


def money_pages(events: list[Event], pages: YearPages) -> list[Page]:
    """``/timeline/money/``: a chart and a table per currency. Beyond the size budget the
    page keeps the charts, and each currency's table has pages of its own
    (``/timeline/money/jpy/``, ``/timeline/money/jpy/page/2/``, …)."""
    end_year = history.last_year(events)
    stated = {currency: charts.with_amounts(events, currency) for currency in CURRENCIES}
    currencies = [
        (currency, name, charts.money_chart(events, currency, end_year), stated[currency])
        for currency, name in CURRENCIES.items()
        if stated[currency]
    ]
    description = "The sums of money on the timeline of Japan's commitments, by currency, as stated."

    def money_page(split: bool) -> Page:
        listed = [
            (currency, name, chart, rows, f"{currency.lower()}/" if split else "")
            for currency, name, chart, rows in currencies
        ]
        body = render("money.html", bases=list(AMOUNT_BASES.items()), currencies=listed, pages=pages)
        return Page("timeline/money.md", "Money on the timeline", description, body)

    page = money_page(split=False)
    if len(page.body.encode("utf-8")) <= budget.BODY_BYTES:
        return [page]
    files = [money_page(split=True)]
    for currency, name, _, rows in currencies:
        base = f"timeline/money/{currency.lower()}/"
        deepest = "../" * budget.page_path(base, 2).count("/")
        empty = len(MONEY.money_table(name, currency, [], pages, deepest).encode("utf-8"))
        sizes = [len(MONEY.money_table(name, currency, [ev], pages, deepest).encode("utf-8")) - empty for ev in rows]
        runs = budget.split(sizes)
        paths = [budget.page_path(base, number) for number in range(1, len(runs) + 1)]
        labels = [display_range(rows[run[0]].date, rows[run[-1]].date) if run else "" for run in runs]
        for number, (path, run) in enumerate(zip(paths, runs, strict=True), start=1):
            title = f"Money on the timeline: {name} ({currency})"
            if len(runs) > 1:
                title += f", page {number} of {len(runs)}"
            body = render(
                "money_table.html",
                title=title,
                name=name,
                currency=currency,
                rows=[rows[i] for i in run],
                pages=pages,
                prefix="../" * path.count("/"),
                paths=paths,
                number=number,
                labels=labels,
            )
            docs_path = path + "index.md" if number == 1 else path.rstrip("/") + ".md"
            files.append(Page(docs_path, title, f"Every sum on the timeline stated in {name}.", body))
    return files


def timeline_page(events: list[Event], pages: YearPages) -> Page:
    """The page ``/timeline/``: the overview."""
    years = by_year(events)
    span = f"{years[0][0]}–{years[-1][0]}" if len(years) > 1 else str(years[0][0]) if years else ""
    body = render(
        "timeline.html",
        events=events,
        span=span,
        summary=evidence_summary(events),
        kinds=list(COMMITMENT_KINDS.values()),
        years=_overview_years(events),
        pages=pages,
        picture=history.picture(events, lambda ev: "../" + pages.url(ev)) if events else "",
        filter_groups=_filter_groups(events),
    )
    description = (
        "What Japan signed, destroyed, pledged, gave, chaired and campaigned for under the Mine Ban Convention "
        "and the Convention on Cluster Munitions, each entry with its evidence."
    )
    return Page("timeline.md", "Timeline", description, body)


def year_redirects(events: list[Event], pages: YearPages) -> dict[str, str]:
    """While the timeline is one page, the year pages a larger timeline has (and this one
    once had) send readers to it: ``/timeline/1998/#entry`` to ``/timeline/#entry``."""
    if not pages.single:
        return {}
    return {
        f"timeline/{year}/index.html": render("redirect.html", target="../", prefix="../../", new="the timeline")
        for year, _ in by_year(events)
    }


def timeline_files(events: list[Event], pages: YearPages) -> list[Page]:
    """The overview, every year's pages and the money page."""
    years = [year for year, _ in pages.years]
    files = [timeline_page(events, pages), *money_pages(events, pages)]
    for year, year_pages_ in pages.years:
        files += [year_page(year, number, year_pages_, years) for number in range(1, len(year_pages_) + 1)]
    return files
