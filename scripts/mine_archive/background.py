"""Produce files beside the build: in a forked child process when that is safe.

The exports and the search index (``pipeline.data_files``) are not needed until MkDocs
has written every page. ``Job`` starts producing them as soon as the archive is loaded,
in a child process that shares the loaded archive (fork), so that on a machine with two
cores they are made while MkDocs renders pages; ``result()`` collects them at the end.

Forking is only safe while the process runs a single thread, as ``mkdocs build`` does.
Under ``mkdocs serve``, whose web server runs in threads, or where there is no fork,
the files are produced in the calling thread instead. Either way they are the same.
"""

from __future__ import annotations

import gc
import marshal
import os
import signal
import threading
import traceback
from collections.abc import Callable


class JobFailed(RuntimeError):
    """The producing function raised; the message is its traceback."""


class Job:
    def __init__(self, produce: Callable[[], dict[str, str]], *, fork: bool | None = None) -> None:
        """Start ``produce``; ``fork`` forces the child (True) or the calling thread (False)."""
        self._pid: int | None = None
        self._files: dict[str, str] = {}
        if fork is None:
            fork = hasattr(os, "fork") and threading.active_count() == 1
        if not fork:
            self._files = produce()
            return
        read, write = os.pipe()
        # Objects alive now are the parent's: the child's collector leaves them alone,
        # which spares it from touching (and so copying) every page of the parent's memory.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: produce, send, and leave without running the parent's cleanup
            os.close(read)
            status = 0
            try:
                payload = b"0" + marshal.dumps(produce())
            except BaseException:  # noqa: BLE001 - everything goes back to the parent
                payload, status = b"1" + traceback.format_exc().encode(), 1
            try:
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(status)
        gc.unfreeze()
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> dict[str, str]:
        """The files, ``{path: text}``; raises ``JobFailed`` if producing them failed."""
        if self._pid is None:
            return self._files
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()  # all of it before waiting: the child blocks until it is read
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if status != 0 or payload[:1] != b"0":
            raise JobFailed(payload[1:].decode("utf-8", "replace") or f"the child process ended with status {status}")
        return marshal.loads(payload[1:])

    def cancel(self) -> None:
        """Stop the child, if there is one (the build failed before collecting it)."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._read)
            self._pid = None
