"""`make serve` while an editor works: a save that breaks the data never leaves the browser
waiting; the served pages list every problem, and the next good save brings the archive back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT

STATEMENT = "2012-09-11-ccm-3msp"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    """The page; a request the server leaves waiting fails the test (the hang this guards against)."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError) as error:
        if isinstance(getattr(error, "reason", None), TimeoutError) or isinstance(error, TimeoutError):
            pytest.fail(f"{url}: no answer in 20 s; the server hangs")
        return 0, ""
    except TimeoutError:
        pytest.fail(f"{url}: no answer in 20 s; the server hangs")


def _wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.5)
    pytest.fail(f"{url} did not show {text!r} within {seconds} s; last body starts {body[:300]!r}")


@pytest.fixture
def served_archive(data_copy):
    port = _free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_copy), "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield data_copy, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_a_broken_save_shows_every_problem_and_a_good_one_recovers(served_archive):
    data, url = served_archive
    page = f"{url}/statements/{STATEMENT}/"
    _wait_for(page, "Statement by H. E. Mr. Mari AMANO")
    path = data / "statements" / f"{STATEMENT}.md"
    good = path.read_text(encoding="utf-8")
    broken = good.replace("date: 2012-09-11", "date: 2012-13-11").replace("language: en", "language: en\nspeeker: X")
    path.write_text(broken, encoding="utf-8")
    body = _wait_for(page, "Problems in the data")
    assert f"{STATEMENT}.md:4: &#39;date&#39; is not a real date" in body
    assert "unknown field &#39;speeker&#39;; did you mean &#39;speaker&#39;?" in body
    for other in ["/", "/timeline/", "/statements/"]:
        assert "Problems in the data" in _get(url + other)[1], other
    assert _get(f"{url}/about/")[0] == 200, "hand-written pages are served as usual"
    path.write_text(good, encoding="utf-8")
    body = _wait_for(page, "Statement by H. E. Mr. Mari AMANO")
    assert "Problems in the data" not in body
