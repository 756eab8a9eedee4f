"""`pmtui new`: create a post-mortem, print its path, exit."""

from __future__ import annotations

import argparse
import sys

from pmtui.cli import Failure, add_dir_option, archive_dir


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", required=True, help="the incident's title")
    parser.add_argument(
        "--severity",
        default="P2",
        choices=["P0", "P1", "P2", "P3", "P4"],
        help="P0 (worst) to P4 (default P2)",
    )
    parser.add_argument(
        "--timezone",
        default=None,
        help="the post-mortem's IANA time zone (default: this machine's)",
    )
    add_dir_option(parser)


def run(args: argparse.Namespace) -> int:
    import pendulum

    from pmtui.clock import SystemClock
    from pmtui.model import Severity, new_postmortem
    from pmtui.store import Archive, StoreError

    title = args.title.strip()
    if not title:
        print("pmtui new: --title must not be empty", file=sys.stderr)
        return 2
    tz = args.timezone or local_timezone()
    try:
        pendulum.timezone(tz)
    except Exception:
        print(
            f"pmtui new: unknown time zone {tz!r} (try Europe/Berlin)", file=sys.stderr
        )
        return 2
    pm = new_postmortem(
        title, SystemClock(), severity=Severity(args.severity), timezone=tz
    )
    try:
        with Archive(archive_dir(args)).create(pm) as handle:
            print(handle.path)
    except (StoreError, OSError) as error:
        raise Failure(f"could not create the post-mortem: {error}") from None
    return 0


def local_timezone() -> str:
    from pendulum.tz.local_timezone import get_local_timezone

    try:
        name = get_local_timezone().name
    except Exception:  # no readable zone set-up (a bare container)
        return "UTC"
    return name if "/" in name or name == "UTC" else "UTC"
