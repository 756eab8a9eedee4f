"""`pmtui export` of a very large post-mortem (500 events, 100 why nodes, 200
actions) to standard output, against `pmtui --version` (the cost of starting
Python and pmtui at all). Target: at most 1.5x, for gfm and for html."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import Result, walls
from bench.generate import big_postmortem
from pmtui.store import Archive

LIMIT = 1.5


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive")
        with archive.create(big_postmortem()) as handle:
            path = handle.path
        pmtui = [sys.executable, "-m", "pmtui"]
        formats = ("gfm", "html")
        version, *exports = walls(
            [
                [*pmtui, "--version"],
                *([*pmtui, "export", "--format", fmt, str(path)] for fmt in formats),
            ]
        )
        results = [
            Result(
                f"export {fmt} of 500 events, 100 whys, 200 actions vs --version",
                export / version,
                LIMIT,
                f"export {export * 1000:.0f} ms, --version {version * 1000:.0f} ms"
                " (median of 7, taking turns)",
            )
            for fmt, export in zip(formats, exports, strict=True)
        ]
    return results
