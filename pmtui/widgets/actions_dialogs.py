"""Editors for one cell of an action: a checked line of text, or a choice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pmtui.model.actions import ActionError
from pmtui.timeparse import TimeParseError
from pmtui.widgets.field import Field

_CANCEL: list[BindingType] = [Binding("escape", "cancel", "Cancel")]

Reader = Callable[[str], str]
"""Reads what was typed: returns the echo shown back, or raises
ActionError / TimeParseError with a message saying what is accepted."""


class ActionFieldDialog(ModalScreen[str | None]):
    """One line of text, read as it is typed; Enter saves only what reads."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def __init__(
        self,
        title: str,
        label: str,
        *,
        value: str,
        read: Reader,
        placeholder: str = "",
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__(classes="dialog action-dialog")
        self.title_text, self.label, self.value = title, label, value
        self.read, self.placeholder, self.suggester = read, placeholder, suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Field(
                self.label,
                Input(
                    value=self.value,
                    placeholder=self.placeholder,
                    suggester=self.suggester,
                    id="cell-input",
                ),
                id="cell-field",
            )
            yield Static("", id="cell-echo", markup=False)
            yield Label("enter: save · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#cell-input", Input).focus()
        self._echo(self.value)

    def _echo(self, typed: str) -> None:
        try:
            echo = self.read(typed)
        except (ActionError, TimeParseError):
            echo = ""
        self.query_one("#cell-echo", Static).update(f"→ {echo}" if echo else "")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._echo(event.value)
        field = self.query_one("#cell-field", Field)
        if field.error:
            try:
                self.read(event.value)
            except (ActionError, TimeParseError):
                return
            field.set_error(None)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.read(event.value)
        except (ActionError, TimeParseError) as problem:
            self.query_one("#cell-field", Field).set_error(str(problem))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few values; the current one is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], *, current: str | None
    ) -> None:
        super().__init__(classes="dialog action-dialog")
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *[Option(label, id=key) for key, label in self.choices],
                id="choice-list",
            )
            yield Label("enter: choose · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        keys = [key for key, _ in self.choices]
        if self.current in keys:
            options.highlighted = keys.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
