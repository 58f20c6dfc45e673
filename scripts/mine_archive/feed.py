"""An Atom feed (RFC 4287) of the statements, newest first, dated from the data."""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from .dates import PartialDate
from .render import context_line
from .statements import Statement

NAMESPACE = uuid.UUID("6f1c2d3e-9a7b-4c5d-8e2f-1a2b3c4d5e6f")  # fixed: ids must not change


def _timestamp(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def entry_id(statement: Statement, site_url: str) -> str:
    """The statement's URL when the site's address is known, else a stable UUID URN."""
    if site_url:
        return f"{site_url.rstrip('/')}/{statement.url}"
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, statement.id)}"


def atom(statements: list[Statement], site_name: str, site_url: str = "") -> str:
    newest = sorted(statements, key=lambda s: (s.date.sort_key, s.id), reverse=True)
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed_id = f"{base}feed.xml" if base else f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed')}"
    entries = []
    for s in newest:
        link = f"{base}{s.url}"
        categories = "".join(f"<category term={quoteattr(c)}/>" for c in s.conventions)
        entries.append(
            "  <entry>\n"
            f"    <id>{escape(entry_id(s, site_url))}</id>\n"
            f"    <title>{escape(s.title)}</title>\n"
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>\n'
            f"    <updated>{_timestamp(s.date)}</updated>\n"
            f"    <published>{_timestamp(s.date)}</published>\n"
            f"    <summary>{escape(s.date.display() + '. ' + context_line(s) + '.')}</summary>\n"
            f"    {categories}\n"
            "  </entry>\n"
        )
    updated = _timestamp(newest[0].date) if newest else "1970-01-01T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        f"  <id>{escape(feed_id)}</id>\n"
        f"  <title>{escape(site_name)}: statements</title>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "feed.xml")}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(base + "statements/")}/>\n'
        f"  <updated>{updated}</updated>\n"
        "  <author><name>Government of Japan</name></author>\n" + "".join(entries) + "</feed>\n"
    )
