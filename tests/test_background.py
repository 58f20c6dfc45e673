"""background.Job: files produced in a forked child, or in process when threads run."""

from __future__ import annotations

import os
import threading

import pytest
from mine_archive import background


def produce() -> dict[str, str]:
    return {"search/a.json": f"made by {os.getpid()}", "search/b.json": "¶ ünïcode"}


def test_a_job_runs_in_a_child_process_and_returns_its_files():
    job = background.Job(produce, fork=True)
    files = job.result()
    assert files["search/b.json"] == "¶ ünïcode"
    assert files["search/a.json"] != f"made by {os.getpid()}", "produced in another process"


def test_a_failing_job_reports_the_childs_traceback():
    def broken() -> dict[str, str]:
        raise ValueError("no index today")

    job = background.Job(broken, fork=True)
    with pytest.raises(background.JobFailed, match="ValueError: no index today"):
        job.result()


def test_a_cancelled_job_leaves_no_child_behind():
    def slow() -> dict[str, str]:
        threading.Event().wait(60)
        return {}

    job = background.Job(slow, fork=True)
    pid = job._pid
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_with_other_threads_running_the_job_runs_in_process():
    """Forking a process that runs threads (mkdocs serve) is unsafe: the job stays in it."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        files = background.Job(produce).result()
    finally:
        stop.set()
        thread.join()
    assert files["search/a.json"] == f"made by {os.getpid()}"
