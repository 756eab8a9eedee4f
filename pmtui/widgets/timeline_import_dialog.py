"""The import preview: what will be added, and every line that could not be read.

Nothing is added until the preview is confirmed. Both lists can be long (a
100,000-line log): they are :class:`~textual.widgets.Log` widgets, which draw
only the lines in view, and their text is prepared off the UI thread. Each
unreadable line is shown as it was (it scrolls sideways: it is the file's
text), with its reason under it wrapped to the list's width, so a reason is
read whole at any terminal size.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Log, Static

from pmtui.model.timeline_import import ImportResult, Reader
from pmtui.model.timeline_rules import fingerprint
from pmtui.timeparse import format_time

Mark = tuple[float, str]  # what makes two events identical (fingerprint)


@dataclass
class ImportPreview:
    """What the preview shows; built from an ImportResult (see the screen)."""

    source: str
    format: str
    events: list[str] = field(default_factory=list)  # one line per new event
    bad: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)
    unreadable: int = 0
    repeats: int = 0
    blank: int = 0

    def summary(self) -> str:
        parts = [f"{len(self.events):,} new event(s) to add"]
        if self.repeats:
            parts.append(f"{self.repeats:,} already on the timeline (not added again)")
        parts.append(f"{self.unreadable:,} line(s) could not be read")
        if self.blank:
            parts.append(f"{self.blank:,} blank line(s) skipped")
        return " · ".join(parts)


def build_preview(
    result: ImportResult, known: set[Mark], source: str, reader: Reader
) -> ImportPreview:
    """The preview's lines; slow for a big file, so call it in a worker."""
    preview = ImportPreview(source, result.format.value, blank=result.blank)
    preview.unreadable = len(result.bad)
    seen = set(known)
    for draft in result.drafts:
        mark = fingerprint(draft.at, draft.text)
        if mark in seen:
            preview.repeats += 1
            continue
        seen.add(mark)
        when = format_time(
            draft.at, reader.tz, with_utc=False, ref_date=reader.ref_date
        )
        preview.events.append(f"{when}  [{draft.kind.label}]  {draft.text}")
    preview.bad = [(f"line {b.number}: {b.text.strip()}", b.reason) for b in result.bad]
    return preview


class BadLines(Log):
    """Each unreadable line, then its reason wrapped under it (``✗``)."""

    def __init__(self, bad: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id, auto_scroll=False)
        self.bad = bad
        self._wrapped_for = 0

    def on_resize(self) -> None:
        width = self.size.width - 1  # room for the scroll bar
        if width > 8 and width != self._wrapped_for:
            self._wrapped_for = width
            self.clear()
            self.write_lines(self.wrapped(width))
            self.scroll_home(animate=False)

    def wrapped(self, width: int) -> list[str]:
        """The lines to show at ``width``; each distinct reason wrapped once
        (a long log repeats a few reasons many times)."""
        if not self.bad:
            return ["(none: every line was read)"]
        reasons: dict[str, list[str]] = {}
        lines: list[str] = []
        for line, reason in self.bad:
            wrapped = reasons.get(reason)
            if wrapped is None:
                wrapped = reasons[reason] = textwrap.wrap(
                    reason, width, initial_indent="  ✗ ", subsequent_indent="    "
                )
            lines.append(line)
            lines.extend(wrapped)
        return lines


class ImportPreviewDialog(ModalScreen[bool]):
    """Confirm (True) adds the new events; escape or Cancel adds nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+y", "confirm", "Add them"),
    ]

    def __init__(
        self,
        preview: ImportPreview,
        forget: Callable[[Sequence[object]], None] | None = None,
    ) -> None:
        super().__init__(classes="dialog tl-dialog")
        self.preview = preview
        self._forget = forget  # empties a long list a slice at a time

    def compose(self) -> ComposeResult:
        p = self.preview
        with Vertical(classes="dialog-box", id="tl-import-box"):
            yield Static(
                f"Import {p.source} ({p.format})", classes="dialog-title", markup=False
            )
            yield Static(p.summary(), id="tl-import-summary", markup=False)
            yield Label(
                f"Will be added ({len(p.events):,}):", classes="tl-import-heading"
            )
            yield Log(id="tl-import-events", auto_scroll=False)
            yield Label(
                f"Could not be read ({p.unreadable:,}), each with the reason:",
                classes="tl-import-heading",
            )
            yield BadLines(p.bad, id="tl-import-bad")
            with Horizontal(classes="dialog-buttons"):
                label = (
                    f"Add {len(p.events):,} event(s)" if p.events else "Nothing to add"
                )
                yield Button(label, variant="primary", id="tl-import-add", compact=True)
                yield Button("Cancel", id="tl-import-cancel", compact=True)
            yield Label(
                "ctrl+y or the button: add · escape: cancel", classes="dialog-keys"
            )

    def on_mount(self) -> None:
        p = self.preview
        events = self.query_one("#tl-import-events", Log)
        events.write_lines(p.events or ["(none: nothing new in this file)"])
        events.scroll_home(animate=False)
        button = self.query_one("#tl-import-add", Button)
        button.disabled = not p.events
        (button if p.events else self.query_one("#tl-import-cancel", Button)).focus()

    @on(Button.Pressed, "#tl-import-add")
    def action_confirm(self) -> None:
        if self.preview.events:
            self._let_go()
            self.dismiss(True)

    @on(Button.Pressed, "#tl-import-cancel")
    def action_cancel(self) -> None:
        self._let_go()
        self.dismiss(False)

    def _let_go(self) -> None:
        """Let the long lists go, a slice at a time (``forget``): a closed
        dialog waits for the garbage collector (its widgets point at each
        other), which an import holds off, and would keep 100,000 lines."""
        if self._forget is None:
            return
        for log in self.query(Log):
            self._forget(log.lines)  # read-only for the Log; it is closing
        self._forget(self.preview.events)
        self._forget(self.preview.bad)
