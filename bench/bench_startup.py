"""pmtui on a 1,000 post-mortem archive, to the first painted home screen
(the list filled), against a bare Textual app that paints one Static and exits.
Target: at most 1.3x."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Result, python, wall
from bench.generate import generate_archive

BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)
Bare().run(headless=True)
"""

PMTUI = """
import sys
from pathlib import Path
from pmtui.app import PmtuiApp
from pmtui.screens import home
from pmtui.store import Archive
shown = home.HomeScreen._show
def _show(self, entries):
    shown(self, entries)
    assert len(entries) == int(sys.argv[2]), len(entries)
    self.app.call_after_refresh(self.app.exit)
home.HomeScreen._show = _show
PmtuiApp(Archive(Path(sys.argv[1]))).run(headless=True)
"""


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        generate_archive(folder, 1000)
        bare = wall(python(BARE))
        ours = wall(python(PMTUI, str(folder), "1000"))
    return [
        Result(
            "start-up to painted home, 1,000 post-mortems vs bare Textual app",
            ours / bare,
            1.3,
            f"pmtui {ours * 1000:.0f} ms, bare {bare * 1000:.0f} ms (median of 7)",
        )
    ]
