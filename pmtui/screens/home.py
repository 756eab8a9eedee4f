"""The home screen: every post-mortem in the archive, newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import get_current_worker

from pmtui.model.enums import Severity
from pmtui.model.incident_day import incident_day
from pmtui.model.summary import open_actions, overdue_actions
from pmtui.paths import samples_dir
from pmtui.store import Entry, StoreError
from pmtui.widgets.cells import Cell
from pmtui.widgets.footer import PmtuiFooter
from pmtui.widgets.stepper import Stepper

if TYPE_CHECKING:
    from pmtui.app import PmtuiApp


COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("Title", "title", 40),
    ("Sev", "sev", 3),
    ("Incident", "date", 10),
    ("Status", "status", 9),
    ("Open", "open", 4),
    ("Overdue", "overdue", 7),
)


class HomeScreen(Screen[None]):
    HELP_TITLE = "Home"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="new"),
        Binding("enter", "open", "Open", show=False),
        Binding("o", "open", "Open", show=False, id="open"),
        Binding("d,delete", "delete", "Delete", id="delete"),
        Binding("s", "sample", "Sample", id="sample"),
        Binding("r", "reload", "Reload", show=False),
        Binding("t", "tracker", "Tracker", id="tracker"),
        Binding("slash", "search", "Search", id="search"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="home")
        self.entries: list[Entry] = []
        self._filled_width = 0

    @property
    def pmtui(self) -> PmtuiApp:
        from pmtui.app import PmtuiApp

        assert isinstance(self.app, PmtuiApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Stepper(None, id="stepper")
        with Vertical(id="home-body"):
            yield Static("", id="home-title", markup=False)
            yield Static("", id="home-due", markup=False)
            yield ProgressBar(id="home-progress", show_eta=False)
            yield DataTable(id="home-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-empty", markup=False)
        yield PmtuiFooter()

    def on_mount(self) -> None:
        self._show_folder()
        self.reload()

    def on_resize(self) -> None:
        self._show_folder()
        if self.entries and self._title_width() != self._filled_width:
            self._fill_table()

    def _show_folder(self) -> None:
        folder = str(self.pmtui.archive.folder).replace(str(Path.home()), "~", 1)
        limit = max(20, self.size.width - 20)
        if len(folder) > limit:
            folder = "…" + folder[-(limit - 1) :]
        self.query_one("#home-title", Static).update(f"Post-mortems in {folder}")

    def _fill_table(self) -> None:
        """(Re)build the table with the title column taking the spare width."""
        table = self.query_one("#home-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        title_width = self._filled_width = self._title_width()
        for label, key, width in COLUMNS:
            table.add_column(
                label, key=key, width=title_width if key == "title" else width
            )
        today = self.pmtui.clock.today()
        for entry in self.entries:
            table.add_row(*_row(entry, today), key=str(entry.path))
        if self.entries:
            table.move_cursor(row=min(max(cursor, 0), len(self.entries) - 1))

    def _title_width(self) -> int:
        """The title column takes the width the other columns leave."""
        pad = 2 * self.query_one("#home-table", DataTable).cell_padding
        fixed = sum(width + pad for _, _, width in COLUMNS[1:])
        return max(16, self.size.width - fixed - pad - 4)

    def reload(self) -> None:
        self.query_one("#home-progress", ProgressBar).display = False
        self._load()

    @work(thread=True, exclusive=True, group="home-load")
    def _load(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total > 50 and not worker.is_cancelled:
                self.app.call_from_thread(self._show_progress, done, total)

        try:
            entries = self.pmtui.archive.entries(progress=progress)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read the archive: {error}", severity="error"
            )
            entries = []
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, entries)

    def _show_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#home-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)

    def _show(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.query_one("#home-progress", ProgressBar).display = False
        table = self.query_one("#home-table", DataTable)
        self._fill_table()
        empty = self.query_one("#home-empty", Static)
        empty.display = not entries
        empty.update(
            "No post-mortems here yet.\n\n"
            "  n  start a new post-mortem\n"
            "  s  open a sample to see how a finished one looks"
        )
        table.display = bool(entries)
        self._show_due()
        if entries:
            table.focus()

    # -- actions ------------------------------------------------------------

    def _selected(self) -> Entry | None:
        table = self.query_one("#home-table", DataTable)
        if not self.entries or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((e for e in self.entries if str(e.path) == key), None)

    def action_open(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.pmtui.open_file(entry.path)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_new(self) -> None:
        from pmtui.screens.dialogs import NewPostMortemDialog

        self.app.push_screen(NewPostMortemDialog(), self._create)

    def _create(self, answer: tuple[str, Severity] | None) -> None:
        if answer is None:
            return
        from pmtui.commands.new import local_timezone
        from pmtui.model import new_postmortem

        title, severity = answer
        pm = new_postmortem(
            title, self.pmtui.clock, severity=severity, timezone=local_timezone()
        )
        try:
            with self.pmtui.archive.create(pm) as handle:
                path = handle.path
        except (StoreError, OSError) as error:
            self.notify(f"Could not create it: {error}", severity="error")
            return
        self.pmtui.open_file(path)

    def action_delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        from pmtui.screens.dialogs import ConfirmDialog

        title = (entry.summary or {}).get("title") or entry.path.name
        question = f"Delete “{title}”?\n{entry.path}\n\nThis cannot be undone."
        self.app.push_screen(
            ConfirmDialog(question, yes="Delete"), lambda ok: self._delete(entry, ok)
        )

    def _delete(self, entry: Entry, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.pmtui.archive.delete(entry.path)
        except (StoreError, OSError) as error:
            self.notify(str(error), title="Not deleted", severity="error")
            return
        self.notify(f"Deleted {entry.path.name}")
        self.reload()

    def action_sample(self) -> None:
        samples = sorted(samples_dir().glob("*.json"))
        if not samples:
            self.notify("No samples are installed.", severity="warning")
            return
        try:
            path = self.pmtui.archive.add_copy(samples[0])
        except (StoreError, OSError) as error:
            self.notify(f"Could not copy the sample: {error}", severity="error")
            return
        self.notify(f"Copied the sample to {path.name}")
        self.pmtui.open_file(path)

    def action_reload(self) -> None:
        self.reload()

    def _show_due(self) -> None:
        from pmtui.model.due_line import due_line

        records = [(e.path.name, e.summary) for e in self.entries if e.summary]
        line = self.query_one("#home-due", Static)
        line.update(due_line(records, self.pmtui.clock.today()))
        line.display = bool(records)

    def action_tracker(self) -> None:
        from pmtui.screens.tracker import TrackerScreen

        self.app.push_screen(TrackerScreen())

    def action_search(self) -> None:
        from pmtui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())


def _row(entry: Entry, today: date) -> tuple[Cell, ...]:
    """One row as plain Text: a title is never read as markup."""
    if entry.summary is None:
        cells = (f"⚠ {entry.path.name}: {entry.error}", "", "", "⚠ broken", "", "")
        return Cell.row(cells)
    s = entry.summary
    overdue = len(overdue_actions(s, today))
    cells = (
        s.get("title") or "(untitled)",
        s.get("severity", ""),
        incident_day(s),
        s.get("status", ""),
        str(len(open_actions(s))),
        f"⚠ {overdue}" if overdue else "0",
    )
    return Cell.row(cells)


def sample_files() -> list[Path]:
    return sorted(samples_dir().glob("*.json"))
