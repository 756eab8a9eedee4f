"""The meeting's agenda: a time box per step, the planned meeting length, and
the total against it (a warning, never a refusal, when it runs over).

A time box is read when Enter is pressed or focus leaves it
(:func:`pmtui.timeparse.parse_duration`: ``15``, ``15m``, ``1h``); bad text
gets a message under it and stays typed, the stored time box is untouched.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Static

from pmtui.messages import Edited
from pmtui.model.prep import agenda_check, agenda_label
from pmtui.model.session import Tone
from pmtui.timeparse import TimeParseError, parse_duration
from pmtui.widgets.field import Field


class DurationError(ValueError):
    pass


def read_minutes(text: str, *, allow_zero: bool) -> int:
    """Whole minutes from ``15``, ``15m``, ``1h30m``; DurationError otherwise."""
    try:
        span = parse_duration(text)
    except TimeParseError as error:
        raise DurationError(str(error)) from error
    seconds = int(span.total_seconds())
    if seconds % 60:
        raise DurationError("Use whole minutes, e.g. 15 or 15m.")
    if seconds == 0 and not allow_zero:
        raise DurationError("The meeting needs some time: e.g. 60 or 1h.")
    return seconds // 60


class AgendaEditor(Vertical):
    def __init__(self, tone: Tone, *, read_only: bool, id: str | None = None) -> None:
        super().__init__(id=id, classes="agenda")
        self.tone = tone
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with Grid(classes="agenda-grid"):
            for n, item in enumerate(self.tone.agenda):
                yield Field(
                    agenda_label(item.step),
                    Input(
                        f"{item.minutes}m",
                        id=f"box-{n}",
                        disabled=self.read_only,
                        classes="agenda-box",
                    ),
                    id=f"box-{n}-field",
                )
            yield Field(
                "Meeting length",
                Input(
                    f"{self.tone.meeting_minutes}m",
                    id="meeting-length",
                    disabled=self.read_only,
                ),
                id="meeting-length-field",
            )
        yield Static("", id="agenda-total", markup=False)

    def on_mount(self) -> None:
        self.show_total()

    def show_total(self) -> None:
        check = agenda_check(self.tone)
        total = self.query_one("#agenda-total", Static)
        total.update(check.message)
        total.set_class(bool(check.over), "-over")

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _commit(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        if self.read_only or not self.is_attached:
            return
        ident = event.input.id or ""
        field = self.query_one(f"#{ident}-field", Field)
        is_length = ident == "meeting-length"
        try:
            minutes = read_minutes(event.value, allow_zero=not is_length)
        except DurationError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        if is_length:
            changed = minutes != self.tone.meeting_minutes
            self.tone.meeting_minutes = minutes
        else:
            item = self.tone.agenda[int(ident.removeprefix("box-"))]
            changed = minutes != item.minutes
            item.minutes = minutes
        event.input.value = f"{minutes}m"
        self.show_total()
        if changed:
            self.post_message(Edited())
