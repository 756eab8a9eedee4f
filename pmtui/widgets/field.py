"""A labelled input with a message line for errors and a line for hints.

Bad input is reported here, under the field it was typed in, and the typed
text stays. Blameless-language hints (and other gentle nudges) use the hint
line; they never block.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static


class Field(Vertical):
    """``Field("Title", Input(...))``: label, the control, error and hint lines."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > .field--error, Field > .field--hint { height: auto; display: none; }
    Field > .field--error.-shown, Field > .field--hint.-shown { display: block; }
    """

    def __init__(self, label: str, control: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="field")
        self._label = label
        self.control = control

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

    def set_hint(self, message: str | None) -> None:
        """Show a gentle hint (prefixed ⚑) under the field, or clear it."""
        line = self.query_one(".field--hint", Static)
        line.update(f"⚑ {message}" if message else "")
        line.set_class(bool(message), "-shown")

    @property
    def error(self) -> str:
        return str(self.query_one(".field--error", Static).content)
