"""The time box in the step header: this step's timer and the meeting clock.

``⏱ 07:12 / 15:00 · ⏱ meeting 32:00 / 60:00``. Near the end of a time box
the symbol turns to ⚠ and the part takes the warning colour; past it, ⛔ and
the word OVER. Paused timers show ⏸ and "paused". Status is never colour
alone, and never a pop-up. Reads the injected clock once a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from pmtui.messages import Edited
from pmtui.model import timebox
from pmtui.model.enums import Step
from pmtui.model.timebox import MEETING, Phase, Reading

if TYPE_CHECKING:
    from pmtui.screens.base import SessionContext

ONE_CLOCK_BELOW = 100  # terminal columns: only the step's time box
COMPACT_BELOW = 140  # terminal columns: "07:12/15:00"
PHASE_CLASSES = ("-ok", "-warning", "-over", "-unplanned", "-paused")


class TimeBox(Horizontal):
    """This step's time box (if the agenda has one) and the meeting clock."""

    DEFAULT_CSS = """
    TimeBox { width: auto; height: 1; }
    TimeBox > Static { width: auto; height: 1; }
    """

    def __init__(
        self, ctx: SessionContext, step: Step, *, id: str | None = "timebox"
    ) -> None:
        super().__init__(id=id)
        self.ctx = ctx
        self.step = step
        if not ctx.read_only:
            self.tooltip = "Click or ctrl+t: start or pause the meeting clock"

    def compose(self) -> ComposeResult:
        yield Static("", id="timebox-step", markup=False)
        yield Static(" · ", id="timebox-sep", markup=False)
        yield Static("", id="timebox-meeting", markup=False)

    def on_mount(self) -> None:
        if not self.ctx.read_only:
            now = self.ctx.clock.now()
            if timebox.enter_step(self.ctx.pm, self.step.value, now):
                self.post_message(Edited())
        self.refresh_time()
        self.set_interval(1.0, self.refresh_time)

    @property
    def has_time_box(self) -> bool:
        return timebox.planned_seconds(self.ctx.pm, self.step.value) is not None

    @property
    def running(self) -> bool:
        return timebox.meeting_running(self.ctx.pm)

    def readings(self) -> tuple[Reading | None, Reading]:
        """This step's reading (None without a time box) and the meeting's."""
        now = self.ctx.clock.now()
        pm = self.ctx.pm
        step = timebox.read(pm, self.step.value, now) if self.has_time_box else None
        return step, timebox.read(pm, MEETING, now)

    def refresh_time(self) -> None:
        """Show the timers as they are now (called once a second)."""
        width = self.app.size.width
        compact = width < COMPACT_BELOW
        step, meeting = self.readings()
        step_part = self.query_one("#timebox-step", Static)
        meeting_part = self.query_one("#timebox-meeting", Static)
        step_part.display = step is not None
        meeting_part.display = step is None or width >= ONE_CLOCK_BELOW
        self.query_one("#timebox-sep", Static).display = (
            step_part.display and meeting_part.display
        )
        if step is not None:
            _show(step_part, step, timebox.timer_text(step, compact=compact))
        text = timebox.timer_text(meeting, "meeting", compact=compact)
        _show(meeting_part, meeting, text)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if not self.ctx.read_only:
            self.toggle()

    def toggle(self) -> bool:
        """Start or pause the meeting clock (and this step's timer)."""
        running = timebox.toggle(self.ctx.pm, self.step.value, self.ctx.clock.now())
        self.post_message(Edited())
        self.refresh_time()
        return running


def _show(part: Static, reading: Reading, text: str) -> None:
    shown = part.content
    if text != shown:  # a paused clock reads the same every second
        # as wide as before (a running clock's digits): no new layout of
        # the whole screen, only this part repainted
        wider = not isinstance(shown, str) or cell_len(shown) != cell_len(text)
        part.update(text, layout=wider)
    phase = "-paused" if not reading.running else f"-{reading.phase.value}"
    if reading.phase is Phase.OVER:
        phase = "-over"  # over stays loud even when paused
    for name in PHASE_CLASSES:
        part.set_class(name == phase, name)
