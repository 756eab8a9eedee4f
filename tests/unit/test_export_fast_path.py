"""`pmtui export` reads without pendulum or TinyDB, and says the same."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pendulum

from pmtui.report import FORMATS, render, render_preread
from pmtui.store import load

PROBE = """
import sys
from pmtui.cli import main
status = main(["export", "--format", sys.argv[2], sys.argv[1]])
heavy = [m for m in ("pendulum", "tinydb", "typing") if m in sys.modules]
print(status, ",".join(heavy), file=sys.stderr)
"""


def test_stdlib_times_give_the_same_report(sample_path: Path) -> None:
    fast = load(sample_path, pendulum_times=False)
    slow = load(sample_path)
    assert type(fast.created) is datetime
    assert isinstance(slow.created, pendulum.DateTime)
    assert fast == slow
    for fmt in FORMATS:
        assert render(fast, fmt) == render(slow, fmt)
        assert render_preread(fast, fmt) == render_preread(slow, fmt)


def test_export_imports_neither_pendulum_nor_tinydb(sample_path: Path) -> None:
    # html needs markdown-it-py, which imports typing; gfm needs neither
    for fmt, expected in (("gfm", ""), ("html", "typing")):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(sample_path), fmt],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stderr.strip() == f"0 {expected}".strip()
        assert done.stdout.startswith("#" if fmt == "gfm" else "<!DOCTYPE html>")
