"""MkDocs glue: the only module that imports MkDocs.

It asks ``pipeline`` for the generated pages and hands them to MkDocs as virtual
files; the exports and the search index are made meanwhile (``background.Job``) and
written after the pages. It renders nothing itself.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from . import background, csp, pipeline, reproducible
from .errors import DataError

log = logging.getLogger("mkdocs.plugins.statements-archive")


def _render_generated(page, body: str, config, files) -> None:  # noqa: ANN001 - MkDocs' Page.render
    """``Page.render`` for a generated page, whose body is HTML already.

    MkDocs' own would build a Markdown converter for each of the archive's thousand pages
    to convert front matter alone; this sets what it would: the content (the body), an
    empty table of contents, no title from the content, no anchors for other pages to
    link to (none link into generated pages).
    """
    page.content = body
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory from one build to the next.

    ``mkdocs serve`` makes a new template environment for every rebuild, and compiling
    Material's templates again took a third of a second of each; Jinja checks each
    template's source before reusing it. One ``mkdocs build`` compiles as before.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = _CompiledTemplates()


class _WrittenAfterBuild(File):
    """A file the plugin writes in on_post_build; listed so that links to it resolve."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class ArchiveConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # Render the navigation and footer once for all pages outside the nav (see on_env).
    share_layout = c.Type(bool, default=True)


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Adds the statement pages and data exports generated from ``data_dir``."""

    bodies: dict[str, str]
    data_job: background.Job | None = None

    def _data_dir(self, config) -> Path:  # noqa: ANN001 - MkDocsConfig
        return Path(config.config_file_path).parent / self.config.data_dir

    def on_files(self, files: Files, *, config) -> Files:  # noqa: ANN001
        try:
            archive = pipeline.load(self._data_dir(config))
        except DataError as error:
            count = len(error.errors)
            raise PluginError(
                f"{error}\n{count} problem{'s' if count != 1 else ''} in the data; nothing was built."
            ) from None
        # Before MkDocs creates pages, which take their date from the environment.
        os.environ["SOURCE_DATE_EPOCH"] = reproducible.source_date_epoch(
            Path(config.config_file_path).parent, archive.statements
        )
        if archive.unlocked:
            log.warning(
                f"{len(archive.unlocked)} published anchors are not in data/anchors.lock yet "
                f"(first: {archive.unlocked[0]}); run `make anchors` to lock them."
            )
        # The exports and the search index are written after the pages, and made meanwhile
        # (background.py); MkDocs is told of the exports, which pages link to.
        site_url, site_name = config.site_url or "", config.site_name
        self.data_job = background.Job(lambda: pipeline.data_files(archive, site_url, site_name))
        for path in pipeline.DATA_FILES:
            files.append(_WrittenAfterBuild.generated(config, path, content=""))
        self.bodies = {}
        for path, content in sorted(pipeline.page_files(archive, site_url, site_name).items()):
            inclusion = InclusionLevel.UNDEFINED
            if path.endswith(".md"):
                # Statements are reached from the browse page and each other, never the nav:
                # a nav of 1,000 statements would put 1,000 links on every page.
                inclusion = InclusionLevel.NOT_IN_NAV
                # A generated page's body is HTML blocks, which Markdown would pass through
                # unchanged after parsing every tag; MkDocs gets the front matter alone and
                # on_pre_page gives the page a render that takes the body as it is.
                front, marker, body = content.partition("\n---\n\n")
                self.bodies[path] = body
                content = front + marker
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        return files

    def on_pre_page(self, page, *, config, files):  # noqa: ANN001
        body = self.bodies.get(page.file.src_uri)
        if body is not None:
            page.render = functools.partial(_render_generated, page, body)
        return page

    def on_page_context(self, context, *, page, config, nav):  # noqa: ANN001
        # A page outside the nav with no table of contents has the same navigation
        # sidebar and footer as every other such page in the same folder (links are
        # relative to it): no entry is active, there is no previous or next page and no
        # toc. docs/overrides/main.html renders them once per folder (archive_shared)
        # instead of once per statement. The value is that folder, or "" to render anew.
        shared = self.config.share_layout and page not in nav.pages and not page.toc.items
        context["shared_layout"] = page.url.rstrip("/").rpartition("/")[0] + "/" if shared else ""
        return context

    def on_env(self, env, *, config, files):  # noqa: ANN001
        rendered: dict[str, str] = {}

        def shared(key: str, render=None, caller=None):  # noqa: ANN001, ANN202 - Jinja callables
            """The text of ``render()`` (a block's super) or of a ``{% call %}`` block's body,
            rendered the first time a build asks for ``key`` and reused afterwards; an empty
            key, or share_layout: false, renders anew."""
            body = render or caller
            if not key or not self.config.share_layout:
                return body()
            if key not in rendered:
                rendered[key] = body()
            return rendered[key]

        env.globals["archive_shared"] = shared
        env.bytecode_cache = _COMPILED_TEMPLATES
        return env

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

    def on_post_build(self, *, config) -> None:  # noqa: ANN001
        site = Path(config.site_dir)
        self._write_data_files(site)
        self._defer_search_documents(site)
        (site / "_headers").write_text(csp.headers_file(csp.policy(self.inline_scripts)), encoding="utf-8")

    def on_build_error(self, *, error) -> None:  # noqa: ANN001
        if self.data_job is not None:
            self.data_job.cancel()
            self.data_job = None

    def _write_data_files(self, site: Path) -> None:
        job, self.data_job = self.data_job, None
        try:
            files = job.result() if job else {}
        except background.JobFailed as failure:
            raise PluginError(f"Making the data files and the search index failed:\n{failure}") from None
        for path, text in files.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))  # as is: timeline.csv has CRLF line ends

    @staticmethod
    def _defer_search_documents(site: Path) -> None:
        """Move Material's search documents out of the index every page fetches at load.

        Material's page script downloads search/search_index.json on every page view,
        before anyone searches. The archive's search worker fetches the documents
        (search/pages.json, beside the pipeline's sharded index) on the first query
        instead, so the index each page loads keeps only its configuration.
        """
        index_path = site / "search" / "search_index.json"
        if not index_path.exists():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        pages = json.dumps(index.get("docs", []), ensure_ascii=False, separators=(",", ":"))
        (site / "search" / "pages.json").write_text(pages + "\n", encoding="utf-8")
        index["docs"] = []
        index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")

    def on_serve(self, server, *, config, builder):  # noqa: ANN001
        server.watch(str(self._data_dir(config)))
        server.watch(str(Path(__file__).parent))
        return server
