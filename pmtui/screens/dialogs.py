"""Small modal dialogs; each returns its answer through ``dismiss``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from pmtui.model.enums import Severity
from pmtui.store import Archive, BrokenFileError, StoreError
from pmtui.widgets.field import Field

_CANCEL: list[BindingType] = [Binding("escape", "cancel", "Cancel")]


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no. Escape answers no."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class NewPostMortemDialog(ModalScreen[tuple[str, Severity] | None]):
    """Title and severity of a new post-mortem."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("New post-mortem", classes="dialog-title")
            yield Field(
                "Title (what happened, in a few words)",
                Input(placeholder="Checkout payments failing", id="title"),
                id="title-field",
            )
            yield Field(
                "Severity",
                Select(
                    [(f"{s.value}", s) for s in Severity],
                    value=Severity.P2,
                    allow_blank=False,
                    id="severity",
                ),
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.query_one("#title-field", Field).set_error(
                "A title is needed: a few words saying what happened."
            )
            self.query_one("#title", Input).focus()
            return
        severity = self.query_one("#severity", Select).value
        assert isinstance(severity, Severity)
        self.dismiss((title, severity))

    @on(Input.Changed, "#title")
    def _clear_error(self) -> None:
        self.query_one("#title-field", Field).set_error(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPromptDialog(ModalScreen[str | None]):
    """One line of text (a parked idea, a file path, a reason)."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def __init__(
        self,
        title: str,
        label: str,
        *,
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        """``check(text)``: why the text cannot be taken (shown under the
        field, the text kept), or None."""
        super().__init__(classes="dialog")
        self.title_text, self.label = title, label
        self.value, self.placeholder = value, placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Field(
                self.label,
                Input(value=self.value, placeholder=self.placeholder, id="prompt"),
                id="prompt-field",
            )
            yield Label("enter: OK · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#prompt", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        field = self.query_one("#prompt-field", Field)
        problem = "Type something first." if not text else None
        if problem is None and self.check is not None:
            problem = self.check(text)
        if problem is not None:
            field.set_error(problem)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class BrokenFileDialog(ModalScreen[Path | None]):
    """A file that cannot be read: say which and why; offer the backup."""

    BINDINGS: ClassVar[list[BindingType]] = _CANCEL

    def __init__(self, error: BrokenFileError) -> None:
        super().__init__(classes="dialog")
        self.error = error

    def compose(self) -> ComposeResult:
        error = self.error
        with Vertical(classes="dialog-box"):
            yield Static("⚠ This post-mortem cannot be read", classes="dialog-title")
            yield Static(
                f"{error.path}\n\n{error.reason}.\n\nThe file has not been changed.",
                classes="dialog-question",
                markup=False,
            )
            if error.backup is not None:
                yield Static(
                    f"A backup from an earlier save exists:\n{error.backup}\n"
                    "Restoring it keeps the damaged file aside (.broken-…).",
                    markup=False,
                )
            with Horizontal(classes="dialog-buttons"):
                if error.backup is not None:
                    yield Button("Restore the backup", variant="warning", id="restore")
                yield Button("Close", id="close")

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        try:
            aside = Archive(self.error.path.parent).restore_backup(self.error.path)
        except (StoreError, OSError) as problem:
            self.notify(str(problem), title="Backup not restored", severity="error")
            return
        self.notify(f"Backup restored. The damaged file is kept as {aside.name}.")
        self.dismiss(self.error.path)

    @on(Button.Pressed, "#close")
    def action_cancel(self) -> None:
        self.dismiss(None)
