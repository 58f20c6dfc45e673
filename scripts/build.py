#!/usr/bin/env python3
"""Check the data and build the site atomically.

    python scripts/build.py check            # validate data/, print every problem
    python scripts/build.py site [--site-dir site] [--data data]
    python scripts/build.py zensical         # the same archive built by Zensical, into site-zensical/
    python scripts/build.py properdocs       # the same archive built by ProperDocs, into site-properdocs/
    python scripts/build.py anchors          # refresh data/anchors.lock on purpose

``site`` builds with ``mkdocs build --strict`` (whose plugin validates the data) into a
fresh directory beside the target, and swaps it in only when the build succeeded: on
any failure or interruption the previous site stays exactly as it was. ``properdocs``
does the same with ProperDocs (a maintained fork of MkDocs 1.6 that runs the same
plugin); ``zensical`` with Zensical, from the docs tree with every generated file written in.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mine_archive import anchors, csp, search  # noqa: E402
from mine_archive.errors import DataError, display_path  # noqa: E402
from mine_archive.pipeline import generate_files, load, lock_new_anchors, new_anchors_report  # noqa: E402
from mine_archive.reproducible import source_date_epoch  # noqa: E402
from mine_archive.statements import load_statements  # noqa: E402
from mine_archive.tree import write_tree  # noqa: E402


def report(error: DataError) -> int:
    for problem in error.errors:
        print(problem, file=sys.stderr)
    print(f"{counted(len(error.errors), 'problem')} found.", file=sys.stderr)
    return 1


def check(data_dir: Path) -> int:
    try:
        archive = load(data_dir)
    except DataError as error:
        return report(error)
    statements = archive.statements
    paragraphs = sum(len(s.paragraphs) for s in statements)
    commitments = sum(len(s.commitments) for s in statements)
    print(
        f"{counted(len(statements), 'statement')}, {counted(paragraphs, 'paragraph')}, "
        f"{counted(commitments, 'commitment')}: all valid."
    )
    if archive.unlocked:
        new = len(archive.unlocked)
        lock = display_path(data_dir / "anchors.lock")
        print(f"{counted(new, 'new anchor')} (new pages or paragraphs): the next build adds them to {lock}.")
    return 0


def counted(count: int, noun: str) -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def refresh_anchors(data_dir: Path) -> int:
    """Rewrite data/anchors.lock from the data, refusing unrecorded breaks."""
    try:
        statements = load_statements(data_dir / "statements")
        lock = anchors.read_lock(data_dir / "anchors.lock")
        changes = anchors.read_changes(data_dir / "anchor-changes.yml")
        current = anchors.refresh(lock, anchors.current_anchors(statements), changes)
    except DataError as error:
        return report(error)
    added = sorted(set(current) - set(lock.anchors))
    dropped = sorted(set(lock.anchors) - set(current))
    changed = sorted(a for a in current if a in lock.anchors and lock.anchors[a] != current[a])
    anchors.write_lock(data_dir / "anchors.lock", current)
    print(
        f"{display_path(data_dir / 'anchors.lock')}: {len(current)} anchors ({len(added)} added, "
        f"{len(changed)} changed and {len(dropped)} dropped as recorded)."
    )
    return 0


STAGING_LINES = re.compile(r"Cleaning site directory|Building documentation to directory: .*\.site")


def _raise_interrupt(signum, frame):  # noqa: ANN001
    raise KeyboardInterrupt(f"signal {signum}")


def _build_atomically(site_dir: Path, build) -> int:  # noqa: ANN001 - build(staging) -> bool
    """Run ``build`` into a fresh directory beside ``site_dir`` and swap it in only on success:
    on any failure or interruption the previous site stays exactly as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    retired = site_dir.parent / f".{site_dir.name}-old-{os.getpid()}"
    try:
        if not build(staging):
            print(f"Build stopped; {site_dir} was left unchanged.", file=sys.stderr)
            return 1
        # The swap is two renames; hold signals so no interruption lands between them.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            if site_dir.exists():
                site_dir.rename(retired)
            staging.rename(site_dir)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Built {site_dir}.")
        return 0
    except KeyboardInterrupt:
        print(f"Interrupted; {site_dir} was left unchanged.", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def site(data_dir: Path, site_dir: Path, config: Path, engine: str = "mkdocs") -> int:
    """Build with ``engine``: "mkdocs" or "properdocs", whose command line is the same."""

    # The MkDocs plugin validates the data as it builds and stops on the first problem
    # with every problem listed; validating here first would load the archive twice.
    def build(staging: Path) -> bool:
        env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir.resolve()), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(staging)]
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        try:
            for line in process.stderr:
                # MkDocs cleans and builds into the staging folder; naming it, or "cleaning",
                # would tell the reader their site is being deleted, when it stays until the swap.
                if not STAGING_LINES.search(line):
                    sys.stderr.write(line)
            return process.wait() == 0
        except BaseException:
            # Interrupted: stop MkDocs before the staging folder is removed, so that nothing
            # writes into it afterwards.
            process.kill()
            process.wait()
            raise

    return _build_atomically(site_dir, build)


def zensical(data_dir: Path, site_dir: Path, config: Path) -> int:
    """The same archive built by Zensical, which runs no MkDocs plugin, from the whole docs
    tree (mine_archive/tree.py); then the Content-Security-Policy, as the plugin writes it."""
    try:
        archive = load(data_dir)
    except DataError as error:
        return report(error)
    added = lock_new_anchors(data_dir, archive)
    if added:
        print(new_anchors_report(added))
    site_name = re.search(r"(?m)^site_name: (.*)$", config.read_text(encoding="utf-8")).group(1)
    generated = generate_files(archive, os.environ.get("SITE_URL", ""), site_name)

    def build(staging: Path) -> bool:
        with tempfile.TemporaryDirectory(prefix=".zensical-tree-", dir=ROOT) as tree:
            # Zensical writes only inside the folder of its config: into the tree, then moved.
            written = write_tree(generated, ROOT / "docs", config, Path(tree))
            env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(ROOT, archive.statements)}
            command = [str(Path(sys.executable).parent / "zensical"), "build", "--clean", "-f", str(written)]
            if subprocess.run(command, env=env, check=False, cwd=tree).returncode != 0:
                return False
            os.replace(Path(tree) / "site", staging)
        try:
            search.index(staging)
        except search.SearchIndexError as error:
            print(error, file=sys.stderr)
            return False
        pages = [path.read_text(encoding="utf-8") for path in staging.rglob("*.html")]
        policy = csp.policy(csp.inline_script_hashes(pages))
        (staging / "_headers").write_text(csp.headers_file(policy), encoding="utf-8")
        return True

    return _build_atomically(site_dir, build)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "site", "zensical", "properdocs", "anchors"])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data directory (default: data)")
    parser.add_argument("--site-dir", type=Path, help="output directory (default: site-<command>, or site)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data)
    if args.command == "anchors":
        return refresh_anchors(args.data)
    if args.command == "zensical":
        return zensical(args.data, args.site_dir or ROOT / "site-zensical", args.config)
    if args.command == "properdocs":
        return site(args.data, args.site_dir or ROOT / "site-properdocs", args.config, engine="properdocs")
    return site(args.data, args.site_dir or ROOT / "site", args.config)


if __name__ == "__main__":
    sys.exit(main())
