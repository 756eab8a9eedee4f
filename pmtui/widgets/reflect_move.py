"""Where to move a reflection item: one button per other list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from pmtui.model.enums import ReflectionList
from pmtui.widgets.reflect_list import TITLES


class MoveDialog(ModalScreen[ReflectionList | None]):
    """Pick the list to move an item to; escape leaves it where it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, text: str, source: ReflectionList) -> None:
        super().__init__(classes="dialog")
        self.text = text
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Move to another list", classes="dialog-title")
            yield Static(f"“{self.text}”", classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for which in ReflectionList:
                    if which is not self.source:
                        yield Button(TITLES[which], id=f"to-{which.value}")
                yield Button("Cancel", id="cancel")
            yield Label("enter: move · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        ident = event.button.id or ""
        if ident.startswith("to-"):
            self.dismiss(ReflectionList(ident.removeprefix("to-")))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
