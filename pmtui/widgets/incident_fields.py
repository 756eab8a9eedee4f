"""Incident screen fields: typed times shown back in the post-mortem's zone,
and a suggester for comma-separated lists (tags from the archive).

A :class:`TimeField` reads what people type with :func:`pmtui.timeparse.parse_time`
when Enter is pressed or focus leaves it. Bad text gets a message under the
field and stays typed; the stored time is untouched. Empty text clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input, Static

from pmtui.messages import Edited
from pmtui.model.enums import KeyMoment
from pmtui.model.session import PostMortem
from pmtui.model.timeline import incident_date, key_time, set_key_time
from pmtui.screens.base import SessionContext
from pmtui.timeparse import TimeParseError, format_time, parse_time
from pmtui.widgets.field import Field

Getter = Callable[[], datetime | None]
Setter = Callable[[datetime | None], None]
RefDate = Callable[[], date | None]


def input_text(at: datetime | None, tz: str) -> str:
    """A stored time as typed text in ``tz``: ``2026-11-18 10:04``."""
    if at is None:
        return ""
    here = pendulum.instance(at).in_timezone(tz)
    return here.format("YYYY-MM-DD HH:mm:ss" if here.second else "YYYY-MM-DD HH:mm")


class TimeField(Field):
    """A time typed by a person, echoed back in ``pm.timezone`` with UTC beside."""

    def __init__(
        self,
        label: str,
        ctx: SessionContext,
        get: Getter,
        set_: Setter,
        *,
        ref_date: RefDate | None = None,
        placeholder: str = "2026-11-18 09:04, 09:04, now",
        id: str | None = None,
    ) -> None:
        self.ctx = ctx
        self._get, self._set = get, set_
        self._ref_date = ref_date or (lambda: None)
        control = Input(
            input_text(get(), ctx.pm.timezone),
            placeholder=placeholder,
            disabled=ctx.read_only,
            classes="time-input",
        )
        super().__init__(label, control, id=id)
        self.add_class("time-field")

    @property
    def input(self) -> Input:
        assert isinstance(self.control, Input)
        return self.control

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static("", classes="time-echo", markup=False)

    def on_mount(self) -> None:
        self.show()

    def show(self, *, reset_text: bool = False) -> None:
        """Echo the stored time (after a zone change: ``reset_text``)."""
        at = self._get()
        tz = self.ctx.pm.timezone
        if reset_text and not self.has_class("-invalid"):
            self.input.value = input_text(at, tz)
            self.set_error(None)
        echo = self.query_one(".time-echo", Static)
        echo.update(f"→ {format_time(at, tz)}" if at is not None else "→ not set")

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _commit(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        if self.ctx.read_only or not self.is_attached:
            return
        text = self.input.value.strip()
        pm = self.ctx.pm
        if not text:
            at = None
        else:
            try:
                at = parse_time(
                    text,
                    tz=pm.timezone,
                    now=self.ctx.clock.now(),
                    ref_date=self._ref_date(),
                )
            except TimeParseError as error:
                self.set_error(str(error))
                return
        self.set_error(None)
        if at != self._get():
            self._set(at)
            self.post_message(Edited())
        if at is not None and isinstance(event, Input.Submitted):
            self.input.value = input_text(at, pm.timezone)
        self.show()


TIME_LABELS = {
    KeyMoment.IMPACT_BEGAN: "Impact began",
    KeyMoment.DETECTED: "Detected",
    KeyMoment.MITIGATED: "Mitigated",
    KeyMoment.RESOLVED: "Resolved",
}
TIME_HELP = (
    "Type 2026-11-18 09:04, 09:04 (on the incident's date), 18 Nov 09:04, "
    "an ISO time with offset, or now; enter saves. They are the timeline's "
    "key moments."
)


def incident_day(pm: PostMortem) -> date | None:
    """The incident's date in its zone: what a bare ``09:04`` is on."""
    began = incident_date(pm)
    if began is None:
        return None
    return pendulum.instance(began).in_timezone(pm.timezone).date()


def key_time_field(ctx: SessionContext, moment: KeyMoment) -> TimeField:
    """A key moment's time: reading and writing the marked timeline event."""

    def set_(at: datetime | None) -> None:
        set_key_time(ctx.pm, moment, at)

    return TimeField(
        TIME_LABELS[moment],
        ctx,
        lambda: key_time(ctx.pm, moment),
        set_,
        ref_date=lambda: incident_day(ctx.pm),
        id=f"time-{moment.value}",
    )


class ListSuggester(Suggester):
    """Completes the last item of a comma-separated list from known words."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.words: list[str] = sorted(set(words))

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, last = value.rpartition(",")
        stem = last.lstrip()
        if not stem:
            return None
        typed = {w.strip().casefold() for w in head.split(",")}
        for word in self.words:
            if word.casefold().startswith(stem.casefold()) and word not in typed:
                spaces = last[: len(last) - len(stem)]
                return f"{head}{sep}{spaces}{word}"
        return None
