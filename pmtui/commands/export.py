"""`pmtui export`: a report, a pre-read or an actions CSV, to stdout or a file.

Reads the post-mortem without locking it, so it works while the post-mortem
is open in pmtui. Never imports textual: it must start fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmtui.cli import Failure, UsageError

FORMATS = ("gfm", "plain", "html")


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the post-mortem file")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="gfm (GitHub/GitLab wikis, default), plain (Confluence, Notion: "
        "no HTML, no Mermaid) or html (a standalone page)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="write to OUT instead of standard output",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--pre-read",
        action="store_true",
        help="the pre-read to send before the meeting instead of the report",
    )
    what.add_argument(
        "--actions-csv",
        action="store_true",
        help="the open action items as CSV for Jira's import "
        "(Summary, Assignee, Due date, Priority, Labels, Description)",
    )


def run(args: argparse.Namespace) -> int:
    if args.actions_csv and args.format is not None:
        raise UsageError("pmtui export: --format does not apply to --actions-csv")
    if args.force and args.output is None:
        raise UsageError("pmtui export: --force needs -o OUT")
    text = _render(args)
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    from pmtui.store.exports import ExportError, ExportExistsError, write_export

    try:
        write_export(args.output, text, force=args.force)
    except ExportExistsError:
        raise Failure(
            f"{args.output} already exists; add --force to replace it"
        ) from None
    except ExportError as error:
        raise Failure(str(error)) from None
    return 0


def _render(args: argparse.Namespace) -> str:
    from pmtui.report import render, render_actions_csv, render_preread
    from pmtui.store import BrokenFileError, StoreError, load

    file: Path = args.file
    if file.is_dir():
        raise Failure(f"{file} is a folder, not a post-mortem file")
    try:
        pm = load(file, pendulum_times=False)  # pendulum is slow to import
    except BrokenFileError as error:
        raise Failure(str(error)) from None
    except (StoreError, OSError) as error:
        raise Failure(f"{file} cannot be read: {error}") from None
    if args.actions_csv:
        return render_actions_csv(pm)
    fmt = args.format or "gfm"
    return render_preread(pm, fmt) if args.pre_read else render(pm, fmt)
