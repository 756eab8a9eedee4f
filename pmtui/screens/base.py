"""The base of every step screen: stepper on top, a step header, the body,
and the footer. Data comes down as ``self.ctx``; edits go up as messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from pmtui.clock import Clock
from pmtui.messages import Deleted, Edited
from pmtui.model.enums import Step
from pmtui.model.session import ParkedItem, PostMortem
from pmtui.model.undo import Removal
from pmtui.paths import STEP_SHEETS, stylesheets
from pmtui.store import Archive
from pmtui.widgets.footer import PmtuiFooter
from pmtui.widgets.stepper import Stepper
from pmtui.widgets.timebox import TimeBox


@dataclass
class SessionContext:
    """What a step screen gets from the app: the open post-mortem and friends."""

    pm: PostMortem
    clock: Clock
    archive: Archive
    path: Path
    read_only: bool = False
    lock_note: str = ""


class StepScreen(Screen[None]):
    """One meeting step. Subclasses set ``STEP`` and write ``compose_body``."""

    STEP: ClassVar[Step]
    HEADER_HINT: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        # F1 again here (the app has it too) so the footer lists it first.
        Binding("f1", "app.help", "Help", id="step_help"),
        Binding("ctrl+n,ctrl+pagedown", "app.next_step", "Next step", id="next_step"),
        # Prev step is left out of the footer (room for each step's own keys);
        # F1 lists it.
        Binding(
            "ctrl+b,ctrl+pageup",
            "app.previous_step",
            "Prev step",
            show=False,
            id="prev_step",
        ),
        Binding("ctrl+l", "park", "Park idea", id="park"),
        Binding("ctrl+t", "toggle_timer", "Timer", show=False, id="timer"),
    ]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "STEP" in cls.__dict__ and "CSS_PATH" not in cls.__dict__:
            cls.CSS_PATH = stylesheets(*STEP_SHEETS[cls.STEP.value])

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(classes=f"step step-{self.STEP.value}")
        self.ctx = ctx

    @property
    def pm(self) -> PostMortem:
        return self.ctx.pm

    def compose(self) -> ComposeResult:
        yield Stepper(self.STEP, id="stepper")
        with Horizontal(id="step-header"):
            yield Static(self.header_text(), id="step-title", markup=False)
            yield from self.compose_header_extras()
            yield TimeBox(self.ctx, self.STEP)
        yield from self.compose_body()
        yield PmtuiFooter()

    def header_text(self) -> str:
        lock = f"  [read-only: {self.ctx.lock_note}]" if self.ctx.read_only else ""
        title = self.pm.incident.title or "Untitled post-mortem"
        number = self.STEP.meeting_number
        step = f"Step {number} · {self.STEP.label}" if number else self.STEP.label
        return f"{step} — {title}{lock}"

    def compose_header_extras(self) -> Iterable[Widget]:
        """Widgets at the right of the step header (time box, counts)."""
        return ()

    if TYPE_CHECKING:  # each step defines its own

        def compose_body(self) -> ComposeResult: ...

    def update_header(self) -> None:
        self.query_one("#step-title", Static).update(self.header_text())

    # -- events up -----------------------------------------------------------

    def edited(self) -> None:
        """Call after changing ``self.pm``: the app saves it."""
        if not self.ctx.read_only:
            self.post_message(Edited())

    def deleted(self, removal: Removal[object]) -> None:
        """Call after a deletion made with ``pmtui.model.undo.remove``."""
        self.post_message(Deleted(removal))
        self.edited()

    def refresh_from_model(self) -> None:
        """Re-render from ``self.pm`` (after undo). Screens may do better."""
        self.call_later(self.recompose)

    # -- the time box ----------------------------------------------------------

    def action_toggle_timer(self) -> None:
        """Start or pause the meeting clock and this step's time box."""
        if self.ctx.read_only:
            self.notify("Read-only: the timers do not run.", severity="warning")
            return
        self.query_one(TimeBox).toggle()

    # -- the parking lot ------------------------------------------------------

    def action_park(self) -> None:
        """File an off-topic remark or fix idea for later, without leaving."""
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be added.", severity="warning")
            return
        from pmtui.screens.dialogs import TextPromptDialog

        self.app.push_screen(
            TextPromptDialog(
                "Park an idea for later",
                "It comes back at Next steps: kept, dropped or made an action.",
                placeholder="e.g. add a canary for secret rotations",
            ),
            self._park,
        )

    def _park(self, text: str | None) -> None:
        if not text:
            return
        self.pm.parking_lot.append(
            ParkedItem(
                id=self.pm.new_id("p"),
                text=text,
                step=self.STEP.value,
                at=self.ctx.clock.now(),
            )
        )
        self.edited()
        self.notify(f"Parked: {text}", title="Parking lot")
