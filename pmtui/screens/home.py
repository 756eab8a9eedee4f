"""The home screen: every post-mortem in the archive, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from pmtui.model.enums import Severity
from pmtui.model.home_view import (
    ACTION_FIELDS,
    BROKEN,
    POST_FIELDS,
    HomeView,
    home_view,
)
from pmtui.paths import samples_dir
from pmtui.store import StoreError
from pmtui.store.lean_index import LeanArchive, fresh_lean, load_lean
from pmtui.widgets.footer import PmtuiFooter
from pmtui.widgets.progress import hide_progress, show_progress
from pmtui.widgets.row_table import Column, RowTable
from pmtui.widgets.stepper import Stepper

if TYPE_CHECKING:
    from pmtui.app import PmtuiApp


# the title takes the width the others leave
COLUMNS = (
    Column("Title", 16, grow=1),
    Column("Sev", 3),
    Column("Incident", 10),
    Column("Status", 9),
    Column("Open", 4),
    Column("Overdue", 7),
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
        self.view = HomeView()

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
            yield RowTable(COLUMNS, id="home-table")
            yield Static("", id="home-empty", markup=False)
        yield PmtuiFooter()

    def on_mount(self) -> None:
        self._show_folder()
        self.reload()

    def on_resize(self) -> None:
        self._show_folder()

    def _show_folder(self) -> None:
        folder = str(self.pmtui.archive.folder).replace(str(Path.home()), "~", 1)
        limit = max(20, self.size.width - 20)
        if len(folder) > limit:
            folder = "…" + folder[-(limit - 1) :]
        self.query_one("#home-title", Static).update(f"Post-mortems in {folder}")

    def reload(self) -> None:
        """Show the archive: at once when the lean cache is fresh (reading it
        takes a few milliseconds), else from a worker that (re)reads the
        files that changed, with a progress bar."""
        self._hide_progress()
        try:
            lean = fresh_lean(
                self.pmtui.archive.folder, posts=POST_FIELDS, actions=ACTION_FIELDS
            )
        except OSError:
            lean = None  # the worker says what went wrong
        if lean is None:
            self._load()
        else:
            self._show(lean)

    @work(thread=True, exclusive=True, group="home-load")
    def _load(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total > 50 and not worker.is_cancelled:
                self.app.call_from_thread(self._show_progress, done, total)

        lean: LeanArchive | None = None
        try:
            lean = load_lean(
                self.pmtui.archive.folder,
                progress,
                posts=POST_FIELDS,
                actions=ACTION_FIELDS,
            )
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read the archive: {error}", severity="error"
            )
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, lean)

    def _show_progress(self, done: int, total: int) -> None:
        body = self.query_one("#home-body", Vertical)
        show_progress(body, "home-progress", done, total, after="#home-due")

    def _hide_progress(self) -> None:
        hide_progress(self, "home-progress")

    def _show(self, lean: LeanArchive | None) -> None:
        """The archive as read (None: it could not be read)."""
        self.view = view = HomeView()
        if lean is not None:
            today = self.pmtui.clock.today()
            assert lean.actions is not None  # asked for
            view = home_view(lean.keys, lean.posts, lean.actions, lean.broken, today)
            self.view = view
        self._hide_progress()
        table = self.query_one("#home-table", RowTable)
        table.show(view.rows, view.keys)
        empty = self.query_one("#home-empty", Static)
        empty.display = not view.rows
        empty.update(
            "No post-mortems here yet.\n\n"
            "  n  start a new post-mortem\n"
            "  s  open a sample to see how a finished one looks"
        )
        table.display = bool(view.rows)
        self._show_due()
        if view.rows:
            table.focus()

    # -- actions ------------------------------------------------------------

    def _selected(self) -> tuple[Path, str] | None:
        """The highlighted post-mortem's path, and its title as shown."""
        table = self.query_one("#home-table", RowTable)
        key = table.current_key
        if key is None:
            return None
        row = self.view.rows[table.cursor_row]
        return self.pmtui.archive.folder / key, key if row[3] == BROKEN else row[0]

    def action_open(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.pmtui.open_file(selected[0])

    @on(RowTable.Selected, "#home-table")
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
        selected = self._selected()
        if selected is None:
            return
        from pmtui.screens.dialogs import ConfirmDialog

        path, title = selected
        question = f"Delete “{title}”?\n{path}\n\nThis cannot be undone."
        self.app.push_screen(
            ConfirmDialog(question, yes="Delete"), lambda ok: self._delete(path, ok)
        )

    def _delete(self, path: Path, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.pmtui.archive.delete(path)
        except (StoreError, OSError) as error:
            self.notify(str(error), title="Not deleted", severity="error")
            return
        self.notify(f"Deleted {path.name}")
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
        line = self.query_one("#home-due", Static)
        line.update(self.view.due_line)
        line.display = self.view.readable > 0

    def action_tracker(self) -> None:
        from pmtui.screens.tracker import TrackerScreen

        self.app.push_screen(TrackerScreen())

    def action_search(self) -> None:
        from pmtui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())


def sample_files() -> list[Path]:
    return sorted(samples_dir().glob("*.json"))
