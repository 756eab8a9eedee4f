"""pmtui on a 1,000 post-mortem archive, to the first painted home screen
(the list filled), against a bare Textual app that paints one Static and exits.
Target: at most 1.3x.

pmtui starts as the ``pmtui`` command does (:func:`pmtui.cli.main`), headless
and told to exit once the home screen has painted its list."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Result, python, walls
from bench.generate import generate_archive

# Both apps run headless at 80x24, given explicitly. Left to itself, Textual's
# headless mode starts at the console's default 80x25 and then gets 80x24 from
# its driver: an app whose first layout comes before that second size lays out
# and paints everything twice more (12-15 ms for pmtui's home), which never
# happens in a terminal, where both sizes are the terminal's.

# Start-up times on a shared VM swing by a third from one run to the next:
# fifteen turns each keep the medians' ratio steady.
REPEAT = 15

BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)
Bare().run(headless=True, size=(80, 24))
"""

PMTUI = """
import sys
from pmtui.app import PmtuiApp
from pmtui.screens import home
run = PmtuiApp.run
PmtuiApp.run = lambda self, **kw: run(self, headless=True, size=(80, 24))
shown = home.HomeScreen._show
def _show(self, lean):
    shown(self, lean)
    assert len(self.view) == int(sys.argv[2]), len(self.view)
    self.app.call_after_refresh(self.app.exit)
home.HomeScreen._show = _show
from pmtui.cli import main
raise SystemExit(main(["--dir", sys.argv[1]]))
"""


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        generate_archive(folder, 1000)
        ours, bare = walls(
            [python(PMTUI, str(folder), "1000"), python(BARE)], repeat=REPEAT
        )
    return [
        Result(
            "start-up to painted home, 1,000 post-mortems vs bare Textual app",
            ours / bare,
            1.3,
            f"pmtui {ours * 1000:.0f} ms, bare {bare * 1000:.0f} ms"
            f" (median of {REPEAT}, taking turns)",
        )
    ]
