"""Every generated page is valid HTML according to the Nu Html Checker (vnu-jar)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / ".cache" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' own base.html, outside any block an override
# can replace. Each is listed with the reason it is accepted; anything else fails.
ALLOWED = [
    (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
        "Material's drawer and search toggles are checkboxes with autocomplete=off in base.html "
        "(outside any template block), to stop Firefox restoring their state; harmless.",
    ),
]


def allowed(message: dict) -> bool:
    return any(text.search(message["message"]) and code.search(message.get("extract", "")) for text, code, _ in ALLOWED)


def test_generated_pages_are_valid_html(built_site):
    if not VNU.is_file() or shutil.which("java") is None:
        reason = f"the Nu Html Checker needs java and {VNU.relative_to(ROOT)}; run `make browser`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    pages = sorted(str(path) for path in built_site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not allowed(m)
    ]
    assert problems == []
    assert len(pages) >= 10
