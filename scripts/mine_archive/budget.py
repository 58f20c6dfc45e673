"""Size budgets: a page that grows with the archive is split before it passes a size.

``PAGE_BYTES`` is the most any generated page may weigh once the theme has wrapped it.
The theme's header, navigation and footer take a share that does not grow with the
archive, so a page's own content gets ``BODY_BYTES``; a test builds a large synthetic
archive and checks every page against ``PAGE_BYTES``.
"""

from __future__ import annotations

PAGE_BYTES = 300_000
BODY_BYTES = 220_000


def split(sizes: list[int], budget: int = BODY_BYTES) -> list[range]:
    """Consecutive runs of item indexes whose sizes add up to at most ``budget`` each.

    Items keep their order; an item larger than the budget gets a page of its own.
    No items give one empty run, so that a listing always has its first page.
    """
    runs: list[range] = []
    start, total = 0, 0
    for index, size in enumerate(sizes):
        if index > start and total + size > budget:
            runs.append(range(start, index))
            start, total = index, 0
        total += size
    runs.append(range(start, len(sizes)))
    return runs


def page_path(base: str, number: int) -> str:
    """The site path of page ``number`` of a listing at ``base`` (``statements/``):
    the first page is the listing itself, the others ``<base>page/<n>/``."""
    return base if number == 1 else f"{base}page/{number}/"
