"""Editing one timeline event: time, text, kind, key moment, source.

A bad time is shown under the time field and everything typed stays. The key
moment list says which event holds each moment now: choosing one here moves
the mark (at most one event per key moment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from pmtui.model.enums import EventKind, KeyMoment
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline import key_event
from pmtui.timeparse import TimeParseError, format_time, parse_time
from pmtui.widgets.field import Field
from pmtui.widgets.timeline_cells import key_marker


@dataclass(frozen=True)
class EventEdit:
    """The dialog's answer: the new values, or ``delete``."""

    at: datetime
    text: str
    kind: EventKind
    source: str
    key: KeyMoment | None
    delete: bool = False


def editable_time(at: datetime, tz: str) -> str:
    here = pendulum.instance(at).in_timezone(tz)
    return here.format("YYYY-MM-DD HH:mm:ss" if here.second else "YYYY-MM-DD HH:mm")


class EditEventDialog(ModalScreen[EventEdit | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, pm: PostMortem, event: Event, *, now: datetime, ref_date: date
    ) -> None:
        super().__init__(classes="dialog tl-dialog")
        self.pm, self.event = pm, event
        self.now, self.ref_date = now, ref_date

    def compose(self) -> ComposeResult:
        event, tz = self.event, self.pm.timezone
        with VerticalScroll(classes="dialog-box", id="tl-edit-box"):
            yield Static("Edit event", classes="dialog-title")
            with Vertical(id="tl-edit-fields"):
                yield Field(
                    f"When (in {tz}; also 09:04, 18 Nov 09:04, ISO with offset)",
                    Input(editable_time(event.at, tz), id="tl-edit-at", compact=True),
                    id="tl-edit-at-field",
                )
                yield Label(self._utc_note(event.at), id="tl-edit-utc")
                yield Field(
                    "What happened",
                    Input(event.text, id="tl-edit-text", compact=True),
                    id="tl-edit-text-field",
                )
                with Horizontal(id="tl-edit-selects"):
                    yield Field(
                        "Kind",
                        Select(
                            [(k.label, k) for k in EventKind],
                            value=event.kind,
                            allow_blank=False,
                            id="tl-edit-kind",
                            compact=True,
                        ),
                    )
                    yield Field(
                        "Key moment",
                        Select(
                            self._key_options(),
                            value=event.key if event.key else "none",
                            allow_blank=False,
                            id="tl-edit-key",
                            compact=True,
                        ),
                    )
                yield Field(
                    "Source or link",
                    Input(
                        event.source,
                        placeholder="log, dashboard, URL",
                        id="tl-edit-source",
                        compact=True,
                    ),
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="tl-save", compact=True)
                yield Button("Delete", variant="error", id="tl-delete", compact=True)
                yield Button("Cancel", id="tl-cancel", compact=True)
            yield Label("enter: save · escape: cancel", classes="dialog-keys")

    def _key_options(self) -> list[tuple[str, KeyMoment | str]]:
        options: list[tuple[str, KeyMoment | str]] = [("— none", "none")]
        for moment in KeyMoment:
            holder = key_event(self.pm, moment)
            label = key_marker(moment)
            if holder is not None and holder is not self.event:
                when = format_time(holder.at, self.pm.timezone, with_utc=False)
                label += f" (moves it from {when})"
            options.append((label, moment))
        return options

    def _utc_note(self, at: datetime) -> str:
        return f"= {format_time(at, 'UTC', ref_date=None)}"

    def on_mount(self) -> None:
        self.query_one("#tl-edit-text", Input).focus()

    def _read_time(self) -> datetime | None:
        field = self.query_one("#tl-edit-at-field", Field)
        try:
            at = parse_time(
                self.query_one("#tl-edit-at", Input).value,
                tz=self.pm.timezone,
                now=self.now,
                ref_date=self.ref_date,
            )
        except TimeParseError as error:
            field.set_error(str(error))
            self.query_one("#tl-edit-at", Input).focus()
            return None
        field.set_error(None)
        return at

    @on(Input.Changed, "#tl-edit-at")
    def _time_changed(self) -> None:
        self.query_one("#tl-edit-at-field", Field).set_error(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#tl-save")
    def _save(self) -> None:
        at = self._read_time()
        text = " ".join(self.query_one("#tl-edit-text", Input).value.split())
        if not text:
            self.query_one("#tl-edit-text-field", Field).set_error(
                "Say what happened, in a few words."
            )
        if at is None or not text:
            return
        kind = self.query_one("#tl-edit-kind", Select).value
        key = self.query_one("#tl-edit-key", Select).value
        assert isinstance(kind, EventKind)
        source = self.query_one("#tl-edit-source", Input).value.strip()
        moment = key if isinstance(key, KeyMoment) else None
        self.dismiss(EventEdit(at, text, kind, source, moment))

    @on(Button.Pressed, "#tl-delete")
    def _delete(self) -> None:
        e = self.event
        self.dismiss(EventEdit(e.at, e.text, e.kind, e.source, e.key, delete=True))

    @on(Button.Pressed, "#tl-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
