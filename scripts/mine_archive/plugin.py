"""MkDocs glue: the only module that imports MkDocs.

It asks ``pipeline`` for every generated page and file (exports, feed) and hands
them to MkDocs as generated files (a page as Markdown with its metadata in front
matter), so MkDocs renders and writes them like any other.
It renders nothing itself and touches no private attribute of MkDocs or its theme.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from . import csp, pipeline, reproducible, search
from .errors import DataError

log = logging.getLogger("mkdocs.plugins.statements-archive")


class ArchiveConfig(base.Config):
    data_dir = c.Type(str, default="data")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Adds the statement pages and data exports generated from ``data_dir``."""

    def _data_dir(self, config) -> Path:  # noqa: ANN001 - MkDocsConfig
        return Path(config.config_file_path).parent / self.config.data_dir

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Under `mkdocs serve`, a build that stops leaves the browser waiting for a page
        # that never comes; there, problems in the data are served as a page instead.
        self.serving = command == "serve"
        self.generated_pages: list[str] = []

    def on_files(self, files: Files, *, config) -> Files:  # noqa: ANN001
        try:
            archive = pipeline.load(self._data_dir(config))
        except DataError as error:
            count = len(error.errors)
            problems = f"{error}\n{count} problem{'s' if count != 1 else ''} in the data"
            if not getattr(self, "serving", False):
                raise PluginError(f"{problems}; nothing was built.") from None
            log.error(f"{problems}; the served pages list them until the next good save.")
            paths = list(dict.fromkeys([*pipeline.NAV_PAGES, *self.generated_pages]))
            for page in pipeline.problem_pages(error.errors, paths):
                content = page.markdown().encode("utf-8")
                files.append(File.generated(config, page.path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            return files
        # Before MkDocs creates pages, which take their date from the environment.
        os.environ["SOURCE_DATE_EPOCH"] = reproducible.source_date_epoch(
            Path(config.config_file_path).parent, archive.statements
        )
        added = pipeline.lock_new_anchors(self._data_dir(config), archive)
        if added:
            log.info(pipeline.new_anchors_report(added))
        pages, data = pipeline.generate(archive, config.site_url or "", config.site_name)
        self.generated_pages = [page.path for page in pages]
        for page in pages:
            # Generated pages are reached from the nav's pages and each other, never the nav
            # itself: a nav of 1,000 statements would put 1,000 links on every page.
            content = page.markdown().encode("utf-8")
            files.append(File.generated(config, page.path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        for path, text in sorted(data.items()):
            files.append(File.generated(config, path, content=text.encode("utf-8")))
        return files

    # The Content-Security-Policy lists the inline scripts of every page and template
    # (404.html) as MkDocs renders them, rather than reading the site back afterwards.
    def on_pre_build(self, *, config) -> None:  # noqa: ANN001
        self.inline_scripts: set[str] = set()

    def on_post_page(self, output: str, *, page, config) -> str:  # noqa: ANN001
        self.inline_scripts |= csp.inline_script_hashes([output])
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:  # noqa: ANN001
        self.inline_scripts |= csp.inline_script_hashes([output_content])
        return output_content

    # Last, whatever the order of the plugins in mkdocs.yml: every page must be written
    # before Pagefind reads them.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:  # noqa: ANN001
        site = Path(config.site_dir)
        try:
            search.index(site)
        except search.SearchIndexError as error:
            raise PluginError(str(error)) from None
        (site / "_headers").write_text(csp.headers_file(csp.policy(self.inline_scripts)), encoding="utf-8")

    def on_serve(self, server, *, config, builder):  # noqa: ANN001
        server.watch(str(self._data_dir(config)))
        server.watch(str(Path(__file__).parent))
        return server
