"""`pmtui timeline import FILE SOURCE`: add events from a log, CSV or JSON lines.

FILE is the post-mortem, SOURCE the file to read (formats: see
:mod:`pmtui.model.timeline_import`). Prints every event added and every line
that could not be read, with the reason; identical events are not added twice.

Exit status: 0 imported (even when some lines could not be read), 1 the
post-mortem is locked by another pmtui, missing or broken, or SOURCE cannot be
read, 2 bad usage. No textual import here: this starts fast.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from pmtui.cli import Failure
from pmtui.clock import Clock
from pmtui.model.session import PostMortem
from pmtui.model.timeline_import import (
    ImportFormat,
    ImportResult,
    Reader,
    parse_import,
)


def add_parser(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    importer = sub.add_parser(
        "import",
        help="add events from a log, CSV or JSON-lines file",
        description="Add events to a post-mortem's timeline from SOURCE: CSV "
        "(time, description[, kind[, source]]), JSON lines, or log lines that "
        "start with an ISO-8601 or syslog time. Lines that cannot be read are "
        "listed with the reason; identical events are not added twice.",
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="the post-mortem")
    importer.add_argument("source", type=Path, metavar="SOURCE", help="file to read")
    importer.add_argument(
        "--format",
        choices=["auto", *(f.value for f in ImportFormat)],
        default="auto",
        help="the SOURCE format (default: from the file name and first line)",
    )
    importer.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be added, change nothing",
    )


def run(args: argparse.Namespace, clock: Clock | None = None) -> int:
    import sys

    from pmtui.clock import SystemClock
    from pmtui.model.timeline_rules import add_events, reference_date, split_new
    from pmtui.store import PostMortemFile, StoreError
    from pmtui.store.imports import read_text_file

    now = (clock or SystemClock()).now()
    path: Path = args.file
    if not path.exists():
        raise Failure(f"{path} does not exist")
    try:
        text = read_text_file(args.source)
    except StoreError as error:
        raise Failure(str(error)) from None
    try:
        doc = PostMortemFile.open(path, read_only=args.dry_run)
    except (StoreError, OSError) as error:
        raise Failure(str(error)) from None
    with doc:
        if doc.read_only and not args.dry_run:
            who = doc.holder.describe() if doc.holder else "another program"
            raise Failure(
                f"{path} is open for writing by {who}; nothing was imported. "
                "Close it there, or import from the timeline screen."
            )
        pm = doc.pm
        reader = Reader(pm.timezone, now, reference_date(pm, now), args.source.name)
        fmt = None if args.format == "auto" else ImportFormat(args.format)
        result = parse_import(text, reader, fmt=fmt, name=args.source.name)
        fresh, repeats = split_new(pm, result.drafts)
        added = [] if args.dry_run else add_events(pm, fresh)
        if added:
            try:
                doc.save()
            except StoreError as error:
                raise Failure(str(error)) from None
        shown = fresh if args.dry_run else added
        items = [(e.at, e.kind.label, e.text) for e in shown]
        report(pm, args, result, items, repeats, sys.stdout)
    return 0


def report(
    pm: PostMortem,
    args: argparse.Namespace,
    result: ImportResult,
    items: list[tuple[datetime, str, str]],
    repeats: int,
    out: TextIO,
) -> None:
    from pmtui.timeparse import format_time

    source, target = args.source.name, args.file.name
    if args.dry_run:
        out.write(f"Dry run: {len(items)} event(s) from {source} would be added; ")
        out.write("nothing was changed.\n")
    else:
        out.write(
            f"Added {len(items)} event(s) from {source} ({result.format.value}) "
            f"to {target}.\n"
        )
    for at, kind, text in items:
        out.write(f"  + {format_time(at, pm.timezone)}  [{kind}]  {text}\n")
    if repeats:
        out.write(
            f"{repeats} event(s) already on the timeline (or repeated in "
            f"{source}): not added again.\n"
        )
    if result.blank:
        out.write(f"{result.blank} blank line(s) skipped.\n")
    if result.bad:
        out.write(f"{len(result.bad)} line(s) could not be read:\n")
        for bad in result.bad:
            out.write(f"  line {bad.number}: {bad.reason}\n")
            out.write(f"      {bad.text.strip()[:200]}\n")
