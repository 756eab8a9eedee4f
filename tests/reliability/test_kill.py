"""SIGKILL at random moments while typing: the file always loads, and every
edit pmtui showed more than a second before the kill is in it.

pmtui runs in a real pseudo-terminal. Four streams run side by side, each on
its own post-mortem (created with ``pmtui new``) at one step: timeline lines
(quick-add + Enter), went-well items (quick-add + Enter), action items
(quick-add + Enter) and ideas parked from the incident step (ctrl+l, a line,
Enter). Each session is killed at a seeded
random moment (some while still starting); the next session reopens the same
file, so a kill's damage, if any, would also show as a lock or load failure.

When is an edit *made*? When pmtui has shown it: a line is added when its
input is cleared again (its placeholder is drawn after Enter), a title word
when it is drawn. The next edit is typed only after that, so on an idle
machine sent and shown are a few milliseconds apart; on a machine too busy to
handle a key within a second, what was never handled cannot be lost.
"""

from __future__ import annotations

import abc
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pmtui.model import PostMortem
from pmtui.store import load
from pmtui.widgets.actions_add import PLACEHOLDER as ACTION_PLACEHOLDER
from pmtui.widgets.reflect_list import PLACEHOLDER as REFLECT_PLACEHOLDER
from pmtui.widgets.timeline_quick_add import PLACEHOLDER as TIMELINE_PLACEHOLDER
from tests.reliability.pty_session import PtySession, Timeout, new_postmortem

PARK_TITLE = "Park an idea for later"

SESSIONS_PER_STREAM = 6  # four streams: 24 kills
GRACE = 1.0  # an edit shown this long before the kill must be on disk
START_TIMEOUT = 40.0  # a very busy CI machine
SEED = 20261120


@dataclass
class Edit:
    marker: str
    sent: float
    shown: float | None = None
    killed: float = 0.0  # when its session was killed

    @property
    def due(self) -> bool:
        """Shown long enough before its session's kill that it must be saved."""
        return self.shown is not None and self.shown <= self.killed - GRACE


@dataclass
class Stream(abc.ABC):
    """One post-mortem typed into at one step, killed again and again."""

    name: str
    step_key: str | None  # None: the incident step, where pmtui opens
    step_title: str
    path: Path
    rng: random.Random
    edits: list[Edit] = field(default_factory=list)
    kills: int = 0
    checked: int = 0  # edits that had to survive a kill

    def marker(self, session: int, n: int) -> str:
        return f"{self.name[0]}k{session:02d}{n:02d}z"

    # -- typing -------------------------------------------------------------

    @abc.abstractmethod
    def type_edit(self, pty: PtySession, edit: Edit, deadline: float) -> None:
        """Type one edit and set ``edit.shown`` once pmtui has drawn it."""

    @abc.abstractmethod
    def saved(self, pm: PostMortem) -> list[str]:
        """The markers this stream's step holds in ``pm``, in order."""

    def check(self, pm: PostMortem, before: PostMortem, session: list[Edit]) -> None:
        """What ``self.saved`` holds is typed text, nothing else."""
        typed = {e.marker for e in self.edits}
        extra = [m for m in self.saved(pm) if m not in typed]
        assert not extra, f"{self.name}: text nobody typed is saved: {extra}"


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise Timeout("killed before it was shown")
    return left


@dataclass
class LineStream(Stream):
    """A quick-add line: type, see it echoed, Enter, see the line cleared."""

    prefix: str = ""
    cleared: bytes = b""  # part of the input's placeholder, drawn when empty
    ordered: bool = False

    def type_edit(self, pty: PtySession, edit: Edit, deadline: float) -> None:
        mark = pty.mark
        pty.send(f"{self.prefix}{edit.marker}")
        pty.wait_for(edit.marker, since=mark, timeout=_left(deadline))
        mark = pty.mark
        pty.key("enter")
        edit.shown = pty.wait_for(self.cleared, since=mark, timeout=_left(deadline))

    def check(self, pm: PostMortem, before: PostMortem, session: list[Edit]) -> None:
        super().check(pm, before, session)
        saved = self.saved(pm)
        if self.ordered:  # in the order typed, and no gap within a session
            typed = [e.marker for e in self.edits]
            assert saved == [m for m in typed if m in saved], (self.name, saved)
            mine = [e.marker for e in session]
            kept = [m for m in saved if m in mine]
            assert kept == mine[: len(kept)], (self.name, kept, mine)


class TimelineStream(LineStream):
    def saved(self, pm: PostMortem) -> list[str]:
        return [e.text for e in pm.timeline]


class ReflectStream(LineStream):
    def saved(self, pm: PostMortem) -> list[str]:
        return [i.text for i in pm.reflection.went_well]


class ActionStream(LineStream):
    def saved(self, pm: PostMortem) -> list[str]:
        return [a.text for a in pm.actions]


class ParkStream(LineStream):
    """Ideas parked with ctrl+l from the incident step: a dialog, a line, Enter."""

    def type_edit(self, pty: PtySession, edit: Edit, deadline: float) -> None:
        mark = pty.mark
        pty.key("ctrl+l")
        # keys sent with ctrl+l in one burst could reach the screen before
        # the dialog opens: type only once it is drawn
        pty.wait_for(PARK_TITLE, since=mark, timeout=_left(deadline))
        mark = pty.mark
        pty.send(edit.marker)
        pty.wait_for(edit.marker, since=mark, timeout=_left(deadline))
        mark = pty.mark
        pty.key("enter")
        edit.shown = pty.wait_for(
            f"Parked: {edit.marker}", since=mark, timeout=_left(deadline)
        )

    def saved(self, pm: PostMortem) -> list[str]:
        return [p.text for p in pm.parking_lot]


def run_session(stream: Stream, number: int) -> None:
    before = load(stream.path)
    rng = stream.rng
    pty = PtySession([str(stream.path)], env={"PMTUI_HOME": str(stream.path.parent)})
    session: list[Edit] = []
    try:
        if number > 0 and rng.random() < 0.15:  # killed while starting
            time.sleep(rng.uniform(0.05, 1.5))
        else:
            pty.wait_for("Step 0", timeout=START_TIMEOUT)
            if stream.step_key is not None:
                mark = pty.mark
                pty.key(stream.step_key)
                pty.wait_for(stream.step_title, since=mark, timeout=START_TIMEOUT)
            pty.wait_quiet(0.25, timeout=START_TIMEOUT)
            deadline = time.monotonic() + rng.uniform(0.8, 3.0)
            n = 0
            while time.monotonic() < deadline:
                edit = Edit(stream.marker(number, n), time.monotonic())
                session.append(edit)
                stream.edits.append(edit)
                n += 1
                try:
                    stream.type_edit(pty, edit, deadline)
                except Timeout:
                    if pty.process.poll() is not None or time.monotonic() < deadline:
                        raise
                    break
                pause = rng.uniform(0.0, 0.25)
                time.sleep(max(0.0, min(pause, deadline - time.monotonic())))
        killed = pty.kill()
    finally:
        pty.close()
    stream.kills += 1
    for edit in session:
        edit.killed = killed
    pm = load(stream.path)  # raises BrokenFileError if the kill broke it
    stream.check(pm, before, session)
    saved = set(stream.saved(pm))
    due = [e for e in stream.edits if e.due]
    lost = [e for e in due if e.marker not in saved]
    assert not lost, (
        f"{stream.name} session {number}: lost {[e.marker for e in lost]}, shown "
        f"{[round(e.killed - (e.shown or 0), 2) for e in lost]} s before its kill"
    )
    stream.checked = len(due)


def run_stream(stream: Stream, errors: list[BaseException]) -> None:
    try:
        for number in range(SESSIONS_PER_STREAM):
            run_session(stream, number)
    except BaseException as error:  # reported by the test's thread
        errors.append(error)


@pytest.mark.slow
def test_sigkill_never_loses_a_shown_edit_nor_breaks_the_file(tmp_path: Path) -> None:
    cleared_timeline = TIMELINE_PLACEHOLDER[1:24].encode()
    streams: list[Stream] = [
        TimelineStream(
            "timeline",
            "f4",
            "Step 2",
            new_postmortem(tmp_path / "timeline", "Kill test timeline"),
            random.Random(SEED),
            prefix="now ",
            cleared=cleared_timeline,
        ),
        ReflectStream(
            "reflect",
            "f6",
            "Step 4",
            new_postmortem(tmp_path / "reflect", "Kill test reflect"),
            random.Random(SEED + 1),
            cleared=REFLECT_PLACEHOLDER[1:].encode(),  # [0] is under the cursor
            ordered=True,
        ),
        ActionStream(
            "actions",
            "f7",
            "Step 6",
            new_postmortem(tmp_path / "actions", "Kill test actions"),
            random.Random(SEED + 3),
            cleared=ACTION_PLACEHOLDER[1:24].encode(),  # [0] is under the cursor
            ordered=True,
        ),
        ParkStream(
            "park",
            None,
            "Step 0",
            new_postmortem(tmp_path / "park", "Kill test parking lot"),
            random.Random(SEED + 2),
            ordered=True,
        ),
    ]
    errors: list[BaseException] = []
    threads = [threading.Thread(target=run_stream, args=(s, errors)) for s in streams]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    assert sum(s.kills for s in streams) >= 20
    # the test checked something: many edits were old enough to be required
    checked = {s.name: s.checked for s in streams}
    assert sum(checked.values()) >= 10 and min(checked.values()) >= 1, checked
