"""`pmtui export` reads without pendulum or TinyDB (nor markdown-it-py for
html), and says the same."""

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
heavy = ("pendulum", "tinydb", "typing", "markdown_it")
print(status, ",".join(m for m in heavy if m in sys.modules), file=sys.stderr)
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
    for fmt in FORMATS:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(sample_path), fmt],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stderr.strip() == "0", fmt
        assert done.stdout.startswith("<!DOCTYPE html>" if fmt == "html" else "#")
