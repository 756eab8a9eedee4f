"""The report: a preview with its table of contents, a format switch, export
to a file (never overwriting without asking) and copy to the clipboard.

The text comes from :mod:`pmtui.report` (pure); files are written by
:mod:`pmtui.store.exports`. gfm and plain are previewed as Markdown; html
shows the page's source.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    ContentSwitcher,
    Label,
    MarkdownViewer,
    Select,
    Static,
    TextArea,
)

from pmtui.model.enums import Step
from pmtui.report import FORMATS, render
from pmtui.screens.base import SessionContext, StepScreen
from pmtui.screens.dialogs import ConfirmDialog, TextPromptDialog
from pmtui.store.exports import (
    ExportError,
    ExportExistsError,
    default_export_path,
    keep_export,
    write_export,
)

FORMAT_LABELS = {
    "gfm": "GitHub / GitLab (gfm)",
    "plain": "Confluence / Notion (plain)",
    "html": "HTML page (source)",
}


class ReportScreen(StepScreen):
    STEP = Step.REPORT
    HELP_TITLE = "Report"
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the read-only source view (a TextArea) binds these keys too
        Binding("ctrl+e", "export", "Export", id="report_export", priority=True),
        Binding("ctrl+y", "copy", "Copy", id="report_copy", priority=True),
        Binding("ctrl+o", "next_format", "Format", id="report_format", priority=True),
    ]

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.fmt = "gfm"
        self.text = ""
        self.shown = ""  # the format on screen, once it is all drawn

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="report-bar"):
            yield Label("Format", id="report-format-label")
            yield Select(
                [(FORMAT_LABELS[f], f) for f in FORMATS],
                value=self.fmt,
                allow_blank=False,
                compact=True,
                id="report-format",
            )
            yield Button("Export… ^e", id="report-export", compact=True)
            yield Button("Copy ^y", id="report-copy", compact=True)
            yield Static("", id="report-info", markup=False)
        with ContentSwitcher(initial="report-preview", id="report-body"):
            yield MarkdownViewer(
                "", show_table_of_contents=True, open_links=False, id="report-preview"
            )
            yield TextArea(
                "", read_only=True, soft_wrap=True, id="report-source", language=None
            )

    async def on_mount(self) -> None:
        viewer = self.query_one("#report-preview", MarkdownViewer)
        viewer.can_focus = True  # so arrows and page keys scroll the preview
        await self.show_format(self.fmt)
        viewer.focus()

    # -- showing -------------------------------------------------------------

    async def show_format(self, fmt: str) -> None:
        """Render the report in ``fmt`` and show it (preview or source)."""
        self.fmt = fmt
        self.text = render(self.pm, fmt)
        switcher = self.query_one("#report-body", ContentSwitcher)
        if fmt == "html":
            self.query_one("#report-source", TextArea).load_text(self.text)
            switcher.current = "report-source"
        else:
            viewer = self.query_one("#report-preview", MarkdownViewer)
            await viewer.document.update(self.text)
            switcher.current = "report-preview"
        select = self.query_one("#report-format", Select)
        if select.value != fmt:
            select.value = fmt
        lines = self.text.count("\n")
        self.query_one("#report-info", Static).update(f"{lines} lines")
        self.shown = fmt

    @on(Select.Changed, "#report-format")
    async def _format_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.fmt:
            await self.show_format(event.value)

    async def action_next_format(self) -> None:
        await self.show_format(FORMATS[(FORMATS.index(self.fmt) + 1) % len(FORMATS)])

    def refresh_from_model(self) -> None:
        self.run_worker(self.show_format(self.fmt), exclusive=True)

    # -- export --------------------------------------------------------------

    @property
    def default_path(self) -> Path:
        return default_export_path(self.ctx.archive.exports, self.ctx.path, self.fmt)

    @on(Button.Pressed, "#report-export")
    def action_export(self) -> None:
        self.app.push_screen(
            TextPromptDialog(
                f"Export the report ({self.fmt})",
                "File to write (a name alone goes in the archive's exports folder)",
                value=str(self.default_path),
            ),
            self._export_to,
        )

    def _target(self, typed: str) -> Path:
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.ctx.archive.exports / path

    def _export_to(self, typed: str | None) -> None:
        if not typed:
            return
        path = self._target(typed)
        text = self.text
        if self._write(path, text, force=False) is False:

            def replace(yes: bool | None) -> None:
                if yes:
                    self._write(path, text, force=True)

            self.app.push_screen(
                ConfirmDialog(f"{path} already exists. Replace it?", yes="Replace"),
                replace,
            )

    def _write(self, path: Path, text: str, *, force: bool) -> bool | None:
        """True when written, False when the file exists, None on failure."""
        in_exports = path.parent == self.ctx.archive.exports
        try:
            write_export(path, text, force=force, make_folder=in_exports)
        except ExportExistsError:
            return False
        except ExportError as error:
            self.notify(str(error), title="Not exported", severity="error", timeout=10)
            return None
        self.notify(f"Exported to {path}", title="Report exported", timeout=10)
        return True

    # -- clipboard -----------------------------------------------------------

    @on(Button.Pressed, "#report-copy")
    def action_copy(self) -> None:
        """Copy (OSC 52), and keep a file too in case the terminal drops it."""
        self.app.copy_to_clipboard(self.text)
        path = self.default_path
        where = self._keep_copy(path)
        self.notify(
            f"Copied the {self.fmt} report to the clipboard. If your terminal "
            f"does not pass it on, {where}",
            title="Copied",
            timeout=12,
        )

    def _keep_copy(self, path: Path) -> str:
        """Write the default export file unless a different one is there."""
        try:
            kept = keep_export(path, self.text)
        except ExportError:
            kept = False
        return f"it is also in {path}" if kept else "export it to a file with ctrl+e."
