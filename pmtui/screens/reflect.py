"""Steps 4-5: what went well, what could be improved, where we got lucky.

Three lists, side by side on a wide terminal and stacked on a narrow one.
The cursor starts in the first list's quick-add input. Keys on a list act on
its highlighted item: votes, edit, delete (ctrl+z undoes), move, make an
action (it remembers the item it addresses), sort by votes.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.widgets import Input

from pmtui.keys import alt_digit
from pmtui.model.enums import ReflectionList, Step
from pmtui.model.lookup import reflection_list
from pmtui.model.reflect import (
    add_item,
    delete_item,
    edit_item,
    make_action,
    move_item,
    sort_by_votes,
    vote,
)
from pmtui.model.session import Item
from pmtui.screens.base import StepScreen
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.widgets.reflect_list import TITLES, ItemList, ReflectPanel
from pmtui.widgets.reflect_move import MoveDialog

WIDE_AT = 100


class ReflectScreen(StepScreen):
    STEP = Step.REFLECT
    HELP_TITLE = "Went well / Could improve"
    BINDINGS: ClassVar[list[BindingType]] = [
        *alt_digit(1, "focus_list('went_well')", "Went well"),
        *alt_digit(2, "focus_list('could_improve')", "Improve"),
        *alt_digit(3, "focus_list('lucky')", "Lucky"),
    ]

    def compose_body(self) -> ComposeResult:
        with Container(id="reflect-lists"):
            for which in ReflectionList:
                yield ReflectPanel(which)

    def on_mount(self) -> None:
        self._layout(self.size.width)
        for panel in self.query(ReflectPanel):
            panel.set_read_only(self.ctx.read_only)
        self._render_all()
        first = self.query_one(ReflectPanel)
        if self.ctx.read_only:
            first.items.focus()
        else:
            first.input.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        wide = width >= WIDE_AT
        self.query_one("#reflect-lists").set_class(wide, "-wide")
        for panel in self.query(ReflectPanel):
            panel.input.compact = not wide

    # -- rendering ----------------------------------------------------------

    def _panel(self, which: ReflectionList) -> ReflectPanel:
        return self.query_one(f"#panel-{which.value}", ReflectPanel)

    def _show_list(self, which: ReflectionList) -> None:
        with_action = {a.addresses for a in self.pm.actions if a.addresses is not None}
        panel = self._panel(which)
        panel.show(reflection_list(self.pm, which), with_action)

    def _render_all(self) -> None:
        for which in ReflectionList:
            self._show_list(which)

    def refresh_from_model(self) -> None:
        self._render_all()

    # -- adding ---------------------------------------------------------------

    @on(Input.Submitted, ".reflect-add")
    def _add(self, event: Input.Submitted) -> None:
        if self.ctx.read_only or not event.value.strip():
            return
        panel = self.query_one(f"#panel-{event.input.id.removeprefix('add-')}")  # type: ignore[union-attr]
        assert isinstance(panel, ReflectPanel)
        add_item(self.pm, panel.which, event.value)
        event.input.value = ""
        self.edited()
        self._show_list(panel.which)
        panel.items.highlighted = panel.items.count - 1

    def action_focus_list(self, which: str) -> None:
        self._panel(ReflectionList(which)).input.focus()

    # -- commands from a list -----------------------------------------------

    @on(ItemList.Command)
    def _command(self, message: ItemList.Command) -> None:
        if self.ctx.read_only:
            return
        items = reflection_list(self.pm, message.which)
        if message.command == "sort":
            if sort_by_votes(items):
                self.edited()
            self._show_list(message.which)
            self._panel(message.which).items.highlighted = 0
            self.notify(f"{TITLES[message.which]}: most votes first.")
            return
        if not 0 <= message.index < len(items):
            return
        item = items[message.index]
        if message.command == "vote":
            vote(item, message.delta)
            self._changed(message.which)
        elif message.command == "delete":
            self.deleted(delete_item(self.pm, item))  # type: ignore[arg-type]
            self._show_list(message.which)
        elif message.command == "action":
            self._make_action(item, message.which)
        elif message.command == "edit":
            self.app.push_screen(
                TextPromptDialog("Edit the item", "Text", value=item.text),
                lambda text: self._edited(item, message.which, text),
            )
        elif message.command == "move":
            self.app.push_screen(
                MoveDialog(item.text, message.which),
                lambda target: self._moved(item, message.which, target),
            )

    def _changed(self, which: ReflectionList) -> None:
        self.edited()
        self._show_list(which)

    def _edited(self, item: Item, which: ReflectionList, text: str | None) -> None:
        if text is not None and edit_item(item, text):
            self._changed(which)

    def _moved(
        self, item: Item, source: ReflectionList, target: ReflectionList | None
    ) -> None:
        if target is None or not move_item(self.pm, item, target):
            return
        self.edited()
        self._show_list(source)
        self._show_list(target)
        self.notify(f"Moved to {target.label}: {item.text}")

    def _make_action(self, item: Item, which: ReflectionList) -> None:
        action, created = make_action(self.pm, item)
        if not created:
            self.notify(f"Already an action: {action.text}. Edit it at Actions (F7).")
            return
        self._changed(which)
        self.notify(
            f"Action added: {action.text}\nGive it an owner and a due date at "
            "Actions (F7).",
            title="→ action",
        )
