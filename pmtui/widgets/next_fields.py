"""Fields of Next steps: a date typed as people say it, and a list of names.

:class:`DateField` parses with :func:`pmtui.timeparse.parse_due` as it is
typed and shows the resolved date at once; unreadable text gets a message
under the field when enter is pressed or focus leaves, and the typed text
stays. :class:`EntryList` adds a line on enter and removes the highlighted
one with delete. Both post messages up; the screen changes the model.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static

from pmtui.timeparse import TimeParseError, format_due, parse_due
from pmtui.widgets.field import Field


class DateField(Vertical):
    """A labelled date input with the resolved date shown beside it."""

    class Chosen(Message):
        def __init__(self, field: DateField, value: date) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, label: str, value: date | None, today: date, *, id: str) -> None:
        super().__init__(id=id, classes="next-date")
        self._label = label
        self.value = value
        self.today = today

    def compose(self) -> ComposeResult:
        typed = self.value.isoformat() if self.value else ""
        yield Field(
            self._label,
            Input(
                value=typed,
                placeholder="2026-12-04, fri, next friday, +2w, in 6 weeks…",
                id=f"{self.id}-input",
            ),
        )
        yield Static(self._resolved(), classes="next-resolved", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def _resolved(self, *, valid: bool = True) -> str:
        if self.value is None:
            return "→ no date yet"
        shown = format_due(self.value, today=self.today)
        return f"→ {shown}" if valid else f"(the saved date stays {shown})"

    def _show_resolved(self, *, valid: bool) -> None:
        line = self.query_one(".next-resolved", Static)
        line.update(self._resolved(valid=valid))
        line.set_class(not valid, "-stale")

    def _parse(self) -> date:
        return parse_due(self.input.value, today=self.today)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        try:
            value = self._parse()
        except TimeParseError:
            return  # still typing: the message comes on enter or leaving
        self.query_one(Field).set_error(None)
        changed = value != self.value
        self.value = value
        self._show_resolved(valid=True)
        if changed:
            self.post_message(self.Chosen(self, value))

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _check(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        try:
            self._parse()
        except TimeParseError as error:
            self.query_one(Field).set_error(str(error))
            self._show_resolved(valid=False)
            return
        self.query_one(Field).set_error(None)
        self._show_resolved(valid=True)

    def set_disabled(self, disabled: bool) -> None:
        self.input.disabled = disabled


class EntryLines(OptionList):
    """The lines of an :class:`EntryList`; delete removes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,d", "remove", "Remove", key_display="del"),
    ]

    read_only = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            if self.read_only:
                return False
            index = self.highlighted
            return True if index is not None and index < self.option_count else None
        return True

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_remove(self) -> None:
        index = self.highlighted
        parent = self.parent
        if index is not None and isinstance(parent, EntryList) and not self.read_only:
            parent.post_message(EntryList.Remove(parent, index))


class EntryList(Vertical):
    """A labelled input that adds lines (enter), and the lines below it."""

    class Add(Message):
        def __init__(self, entries: EntryList, text: str) -> None:
            super().__init__()
            self.entries = entries
            self.text = text

    class Remove(Message):
        def __init__(self, entries: EntryList, index: int) -> None:
            super().__init__()
            self.entries = entries
            self.index = index

    def __init__(self, label: str, placeholder: str, *, id: str) -> None:
        super().__init__(id=id, classes="next-entries")
        self._label = label
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Field(
            self._label,
            Input(placeholder=self._placeholder, id=f"{self.id}-input"),
        )
        yield EntryLines(id=f"{self.id}-lines", classes="next-lines")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def lines(self) -> EntryLines:
        return self.query_one(EntryLines)

    def show(self, entries: list[str]) -> None:
        lines = self.lines
        keep = lines.highlighted
        lines.clear_options()
        lines.add_options(f"• {entry}" for entry in entries)
        lines.display = bool(entries)
        if keep is not None and entries:
            lines.highlighted = min(keep, len(entries) - 1)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Add(self, event.value))
            event.input.value = ""

    def set_read_only(self, read_only: bool) -> None:
        self.input.disabled = read_only
        self.lines.read_only = read_only
