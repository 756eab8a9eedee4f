"""An edit made just before pmtui ends is on disk, however it ends: ctrl+q,
ctrl+c, the terminal closed (SIGHUP) or a SIGTERM; and one made just before a
step change is on disk at once, even if pmtui is killed right after.

pmtui runs in a real pseudo-terminal with its timed autosave pushed out to a
minute, so only the save at exit (or at the step change) can have written
the edit."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from pmtui.store import load
from pmtui.store.lock import is_locked
from pmtui.widgets.timeline_quick_add import PLACEHOLDER
from tests.reliability.pty_session import PtySession, new_postmortem

START = 40.0  # a very busy CI machine
SLOW_AUTOSAVE = [
    sys.executable,
    "-c",
    "import sys, pmtui.autosave as a; a.SAVE_DELAY = 60.0\n"
    "from pmtui.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))",
]


def _add_event(pty: PtySession, marker: str) -> None:
    """At the timeline, add an event and wait until pmtui has shown it."""
    mark = pty.mark
    pty.key("f4")
    pty.wait_for("Step 2", since=mark, timeout=START)
    pty.wait_quiet(0.25, timeout=START)
    mark = pty.mark
    pty.send(f"now {marker}")
    pty.wait_for(marker, since=mark, timeout=START)
    mark = pty.mark
    pty.key("enter")
    pty.wait_for(PLACEHOLDER[1:24], since=mark, timeout=START)


def _start(tmp_path: Path, name: str) -> tuple[Path, PtySession]:
    path = new_postmortem(tmp_path / name, f"Exit test {name}")
    pty = PtySession(
        [str(path)], env={"PMTUI_HOME": str(path.parent)}, command=SLOW_AUTOSAVE
    )
    pty.wait_for("Step 0", timeout=START)
    return path, pty


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl+q", "ctrl+c", "SIGHUP", "SIGTERM"])
def test_the_last_edit_is_saved_and_the_lock_let_go_on_exit(
    tmp_path: Path, how: str
) -> None:
    path, pty = _start(tmp_path, how.replace("+", "-"))
    try:
        _add_event(pty, "exitmarkerz")
        if how.startswith("SIG"):
            pty.signal(getattr(signal, how))
        else:
            pty.key(how)
        assert pty.process.wait(timeout=START) == 0
    finally:
        pty.close()
    assert [e.text for e in load(path).timeline] == ["exitmarkerz"]
    assert not is_locked(path)


@pytest.mark.slow
def test_a_step_change_saves_at_once(tmp_path: Path) -> None:
    path, pty = _start(tmp_path, "step")
    try:
        _add_event(pty, "stepmarkerz")
        mark = pty.mark
        pty.key("f6")
        pty.wait_for("Step 4", since=mark, timeout=START)
        pty.kill()  # no save at exit: only the step change's can have written it
    finally:
        pty.close()
    assert [e.text for e in load(path).timeline] == ["stepmarkerz"]
