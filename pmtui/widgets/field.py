"""A labelled input with a message line for errors and a line for hints.

Bad input is reported here, under the field it was typed in, and the typed
text stays. Blameless-language hints (and other gentle nudges) use the hint
line; they never block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

if TYPE_CHECKING:
    from textual.widgets import TextArea


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
        blameless: bool = True,
    ) -> None:
        """``cause``: the text is a cause (names as subjects are hinted); by
        default guessed from the control's id (why, factor, trigger).
        ``blameless``: hint at blaming language (not for a search filter)."""
        super().__init__(id=id, classes="field")
        self._label = label
        self.control = control
        self.blameless = blameless
        self.cause = False
        if blameless:  # the phrase book is loaded for fields that use it
            from pmtui.widgets.blameless_hint import is_cause_field

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
        if self.blameless and isinstance(self.control, Input):
            self.watch(self.control, "value", self._check_blameless, init=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.blameless and event.text_area is self.control:
            self._check_blameless(event.text_area.text)

    def _check_blameless(self, text: str) -> None:
        from pmtui.widgets.blameless_hint import hint_for

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
        if self._blameless:
            from pmtui.widgets.blameless_hint import BLAMELESS_TIP

            line.tooltip = BLAMELESS_TIP + self._blameless
        else:
            line.tooltip = None

    @property
    def error(self) -> str:
        return str(self.query_one(".field--error", Static).content)
