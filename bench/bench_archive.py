"""After the meeting, on a 1,000 post-mortem archive:

- ``pmtui actions`` and ``pmtui search`` against ``pmtui --version``: at most
  1.5x each (median wall time; the lean cache built once beforehand, as any
  earlier run of pmtui leaves it). ``pmtui actions`` lists the open actions
  (about 2,000 here); ``pmtui actions --all`` (every status, 4,000+ rows) is
  held to the same bound, so the default's shorter list is not what makes
  it fast;
- start-up to a painted action tracker against a bare Textual app that paints
  one Static and exits: within the start-up bound, 1.3x. pmtui starts as the
  ``pmtui`` command does (:func:`pmtui.cli.main`), headless at 80x24 like the
  bare app (see bench_startup), and opens the tracker instead of home.

Each row's commands take turns (one run of each, seven times), so a machine
getting busier meanwhile slows them alike. Byte-code caching is on for every
command measured (an installed pmtui has
its .pyc files), so compiling sources does not blur the ratios.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_startup import BARE, REPEAT
from bench.common import REPO, Result, python, walls
from bench.generate import generate_archive

ENV = {"PYTHONDONTWRITEBYTECODE": ""}
PMTUI = [sys.executable, "-m", "pmtui"]

TRACKER = """
import sys
from pmtui.app import PmtuiApp
from pmtui.screens import tracker
run = PmtuiApp.run
PmtuiApp.run = lambda self, **kw: run(self, headless=True, size=(80, 24))
loaded = tracker.TrackerScreen._loaded
def _loaded(self, lean):
    loaded(self, lean)
    assert len(lean.keys) == int(sys.argv[2]), len(lean.keys)
    self.app.call_after_refresh(self.app.exit)
tracker.TrackerScreen._loaded = _loaded
# straight to the tracker: no home screen
PmtuiApp.get_default_screen = lambda self: tracker.TrackerScreen()
from pmtui.cli import main
raise SystemExit(main(["--dir", sys.argv[1]]))
"""


def _rows(argv: list[str]) -> int:
    """Runs ``pmtui actions`` once (the first run makes the lean cache): how
    many actions it listed, as its summary line ("1,234 actions, 56 overdue") says."""
    out = subprocess.run(
        argv, check=True, capture_output=True, text=True, env={**os.environ, **ENV}
    )
    summary = [line for line in out.stdout.splitlines() if line.endswith(" overdue")]
    return int(summary[-1].split()[0].replace(",", ""))


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        generate_archive(folder, 1000)
        where = ["--dir", str(folder)]
        rows = {
            flag: _rows([*PMTUI, "actions", *where, *flag]) for flag in ((), ("--all",))
        }
        version, actions, every, found = walls(
            [
                [*PMTUI, "--version"],
                [*PMTUI, "actions", *where],
                [*PMTUI, "actions", "--all", *where],
                [*PMTUI, "search", *where, "certificate", "tag:tls"],
            ],
            env=ENV,
        )
        painted, bare = walls(
            [python(TRACKER, str(folder), "1000"), python(BARE)],
            env=ENV,
            repeat=REPEAT,
        )
    ms = f"pmtui --version {version * 1000:.0f} ms"
    return [
        Result(
            "pmtui actions, 1,000 post-mortems vs pmtui --version",
            actions / version,
            1.5,
            f"actions {actions * 1000:.0f} ms ({rows[()]:,} rows), {ms} (median of 7)",
        ),
        Result(
            "pmtui actions --all, 1,000 post-mortems vs pmtui --version",
            every / version,
            1.5,
            f"actions --all {every * 1000:.0f} ms ({rows[('--all',)]:,} rows), {ms}",
        ),
        Result(
            "pmtui search, 1,000 post-mortems vs pmtui --version",
            found / version,
            1.5,
            f"search {found * 1000:.0f} ms, {ms} (median of 7)",
        ),
        Result(
            "start-up to painted tracker, 1,000 post-mortems vs bare Textual app",
            painted / bare,
            1.3,
            f"tracker {painted * 1000:.0f} ms, bare {bare * 1000:.0f} ms"
            f" (median of {REPEAT}, taking turns; cwd {REPO.name})",
        ),
    ]
