"""A labelled input with a message line for errors and a line for hints.

Bad input is reported here, under the field it was typed in, and the typed
text stays. Blameless-language hints (and other gentle nudges) use the hint
line; they never block.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from pmtui.widgets.blameless_hint import BLAMELESS_TIP, hint_for, is_cause_field


class Field(Vertical):
    """``Field("Title", Input(...))``: label, the control, error and hint lines."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > .field--error, Field > .field--hint { height: auto; display: none; }
    Field > .field--error.-shown, Field > .field--hint.-shown { display: block; }
    """

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        id: str | None = None,
        cause: bool | None = None,
    ) -> None:
        """``cause``: the text is a cause (names as subjects are hinted); by
        default guessed from the control's id (why, factor, trigger)."""
        super().__init__(id=id, classes="field")
        self._label = label
        self.control = control
        self.cause = is_cause_field(control) if cause is None else cause
        self._hint: str | None = None  # the screen's own hint
        self._blameless: str | None = None  # the blameless-language hint

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field--label")
        yield self.control
        yield Static("", classes="field--error", markup=False)
        yield Static("", classes="field--hint", markup=False)

    def set_error(self, message: str | None) -> None:
        """Show ``message`` (prefixed ✗) under the field, or clear it."""
        line = self.query_one(".field--error", Static)
        line.update(f"✗ {message}" if message else "")
        line.set_class(bool(message), "-shown")
        self.set_class(bool(message), "-invalid")
        if isinstance(self.control, Input):
            self.control.set_class(bool(message), "-invalid")

    def on_mount(self) -> None:
        if isinstance(self.control, Input):
            self.watch(self.control, "value", self._check_blameless, init=False)

    @on(TextArea.Changed)
    def _text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self.control:
            self._check_blameless(event.text_area.text)

    def _check_blameless(self, text: str) -> None:
        message = hint_for(self, text, cause=self.cause)
        if message != self._blameless:
            self._blameless = message
            self._show_hint()

    def set_hint(self, message: str | None) -> None:
        """Show a gentle hint (prefixed ⚑) under the field, or clear it.
        A blameless-language hint, while there is one, shows first."""
        self._hint = message
        self._show_hint()

    def _show_hint(self) -> None:
        message = self._blameless or self._hint
        line = self.query_one(".field--hint", Static)
        line.update(f"⚑ {message}" if message else "")
        line.set_class(bool(message), "-shown")
        line.set_class(bool(self._blameless), "-blameless")  # one line
        line.tooltip = BLAMELESS_TIP + self._blameless if self._blameless else None

    @property
    def error(self) -> str:
        return str(self.query_one(".field--error", Static).content)
