"""The quick-add line of the actions step: text, owner, due, priority, type.

Built for a live meeting: type the action, tab through the compact fields
(all optional), Enter adds. What each field will become shows at once on the
line below ("→ owner Priya Raman · due Fri 4 Dec · P1 · detect"); anything
that cannot be read gets a message under the line and the typed text stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from pmtui.model.actions import (
    ActionError,
    parse_priority,
    parse_type,
    resolve_owner,
)
from pmtui.model.enums import ActionPriority, ActionType
from pmtui.timeparse import TimeParseError, format_due, parse_due
from pmtui.widgets.field import Field

PRIORITIES = [p.value for p in ActionPriority]
TYPES = [t.value for t in ActionType]


PLACEHOLDER = "New action: what will be done, and how we will know"


@dataclass
class ActionDraft:
    """What the add line read: ready for ``pmtui.model.actions.add_action``."""

    text: str
    owner: str
    due: date | None
    priority: ActionPriority
    type: ActionType


class ActionAddRow(Vertical):
    """Compact inputs in one row; posts :class:`ActionAddRow.Submitted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_table", "To the table", show=False, id="actions_to_table"),
    ]

    class TableRequested(Message):
        """Down arrow: move to the table of actions."""

    class Submitted(Message):
        def __init__(self, draft: ActionDraft) -> None:
            super().__init__()
            self.draft = draft

    def __init__(
        self,
        *,
        names: Sequence[str],
        today: Callable[[], date],
        disabled: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.names = list(names)
        self.today = today
        self._locked = disabled

    def compose(self) -> ComposeResult:
        locked = self._locked
        inputs = Horizontal(
            Input(
                placeholder=PLACEHOLDER,
                id="add-text",
                compact=True,
                disabled=locked,
            ),
            Input(
                placeholder="owner",
                id="add-owner",
                compact=True,
                disabled=locked,
                suggester=SuggestFromList(self.names, case_sensitive=False),
            ),
            Input(
                placeholder="due: fri, +2w", id="add-due", compact=True, disabled=locked
            ),
            Input(
                placeholder="P2",
                id="add-priority",
                compact=True,
                disabled=locked,
                suggester=SuggestFromList(PRIORITIES, case_sensitive=False),
            ),
            Input(
                placeholder="prevent",
                id="add-type",
                compact=True,
                disabled=locked,
                suggester=SuggestFromList(TYPES, case_sensitive=False),
            ),
            id="action-add-inputs",
        )
        preview = Static("", id="action-add-preview", markup=False)
        yield Field(
            "Add an action: enter adds · tab: owner, due, priority, type · ↓ the table",
            Vertical(inputs, preview, id="action-add-box"),
            id="action-add-field",
        )

    def on_mount(self) -> None:
        self.query_one("#action-add-preview", Static).update(self._preview())

    # -- reading the fields ---------------------------------------------------

    def _value(self, name: str) -> str:
        return self.query_one(f"#add-{name}", Input).value

    def _read(self, name: str) -> object:
        """One field's meaning; raises ActionError / TimeParseError."""
        typed = self._value(name)
        if name == "owner":
            return resolve_owner(typed, self.names)
        if name == "due":
            return parse_due(typed, today=self.today()) if typed.strip() else None
        if name == "priority":
            return parse_priority(typed)
        return parse_type(typed)

    def _preview(self) -> str:
        parts: list[str] = []
        for name in ("owner", "due", "priority", "type"):
            try:
                value = self._read(name)
            except (ActionError, TimeParseError):
                parts.append(f"{name} ?")
                continue
            if name == "owner":
                parts.append(f"owner {value}" if value else "no owner yet")
            elif name == "due":
                due = value if isinstance(value, date) else None
                parts.append(
                    f"due {format_due(due, today=self.today())}"
                    if due
                    else "no due date yet"
                )
            else:
                parts.append(str(value))
        return "→ " + " · ".join(parts)

    def _mark(self, bad: str | None, message: str | None) -> None:
        self.query_one("#action-add-field", Field).set_error(message)
        for name in ("text", "owner", "due", "priority", "type"):
            self.query_one(f"#add-{name}", Input).set_class(name == bad, "-invalid")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#action-add-preview", Static).update(self._preview())
        field = self.query_one("#action-add-field", Field)
        if field.error and self._problem() is None:
            self._mark(None, None)

    def _problem(self) -> tuple[str, str] | None:
        """The first field that cannot be read, and why (text excluded)."""
        for name in ("owner", "due", "priority", "type"):
            try:
                self._read(name)
            except (ActionError, TimeParseError) as problem:
                return name, str(problem)
        return None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._locked:
            return
        problem = self._problem()
        if problem is None and not self._value("text").strip():
            problem = ("text", "Type what will be done first.")
        if problem is not None:
            name, message = problem
            self._mark(name, message)
            self.query_one(f"#add-{name}", Input).focus()
            return
        owner, due = self._read("owner"), self._read("due")
        priority, kind = self._read("priority"), self._read("type")
        assert isinstance(owner, str) and isinstance(priority, ActionPriority)
        assert isinstance(kind, ActionType) and (due is None or isinstance(due, date))
        draft = ActionDraft(self._value("text"), owner, due, priority, kind)
        self.post_message(self.Submitted(draft))
        self.clear()

    def clear(self) -> None:
        """Empty every field and put the cursor back on the action text."""
        for name in ("text", "owner", "due", "priority", "type"):
            self.query_one(f"#add-{name}", Input).value = ""
        self._mark(None, None)
        self.focus_text()

    def action_to_table(self) -> None:
        self.post_message(self.TableRequested())

    def focus_text(self) -> None:
        self.query_one("#add-text", Input).focus()
