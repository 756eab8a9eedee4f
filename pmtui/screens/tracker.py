"""The action tracker: every action of every post-mortem, overdue first.

Opened from home (``t``). The filter line takes ``owner:NAME status:STATUS
tag:TAG overdue``; reviews whose date has come are listed above the table.
On a row: ``d`` done, ``w`` won't do (asks why), enter opens the post-mortem
at its actions, ``/`` goes to the filter line (enter comes back). Closing
writes the action's own file through its lock: a post-mortem open in another
pmtui is reported and left unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from pmtui.model.enums import ActionStatus, Step
from pmtui.model.search import QueryError
from pmtui.model.tracker import (
    STATUS_WORDS,
    ActionFilter,
    ReviewDue,
    TrackedAction,
    filter_actions,
    overdue_count,
    parse_filter,
)
from pmtui.paths import stylesheets
from pmtui.store.lean_index import LeanArchive, fresh_lean, load_lean
from pmtui.store.lean_views import TRACKER_POSTS, lean_reviews, lean_tracked
from pmtui.widgets.field import Field
from pmtui.widgets.footer import PmtuiFooter
from pmtui.widgets.progress import hide_progress, show_progress
from pmtui.widgets.row_table import RowTable
from pmtui.widgets.tracker_table import (
    COLUMNS,
    NARROW_COLUMNS,
    ActionRows,
    RowKeys,
    TrackerTable,
    closed,
)

if TYPE_CHECKING:
    from pmtui.app import PmtuiApp

MAX_REVIEWS_SHOWN = 3
NARROW = 100  # below this width the post-mortem column is left out


class TrackerScreen(Screen[None]):
    HELP_TITLE = "Action tracker"
    CSS_PATH = stylesheets("tracker")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="tracker_back"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="tracker_reload"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="tracker")
        self.items: Sequence[TrackedAction] = []
        self.shown: Sequence[TrackedAction] = []
        self.reviews: list[ReviewDue] = []
        self.lean: LeanArchive | None = None
        self.filter = ActionFilter()
        self._narrow = False

    @property
    def pmtui(self) -> PmtuiApp:
        from pmtui.app import PmtuiApp

        assert isinstance(self.app, PmtuiApp)
        return self.app

    @property
    def today(self) -> date:
        return self.pmtui.clock.today()

    def compose(self) -> ComposeResult:
        with Vertical(id="tracker-body"):
            yield Static("Action tracker", id="tracker-title", markup=False)
            yield Field(
                "Filter (owner:NAME status:active|open|done|… tag:TAG overdue)",
                Input(placeholder="e.g. owner:priya overdue", id="tracker-query"),
                id="tracker-filter",
                blameless=False,
            )
            yield Static("", id="tracker-reviews", markup=False)
            yield TrackerTable(COLUMNS, id="tracker-table")
            yield Static("", id="tracker-empty", markup=False)
        yield PmtuiFooter()

    def on_mount(self) -> None:
        table = self.query_one(TrackerTable)
        self.query_one("#tracker-empty", Static).display = False
        self.action_reload()
        if self.shown or self.lean is None:
            table.focus()
        else:  # nothing to act on
            self.query_one("#tracker-query", Input).focus()

    # -- loading ------------------------------------------------------------

    def action_reload(self) -> None:
        """At once when the lean cache is fresh (a few milliseconds), else
        from a worker that rebuilds it, with a progress bar."""
        try:
            lean = fresh_lean(self.pmtui.archive.folder, posts=TRACKER_POSTS)
        except OSError:
            lean = None  # the worker says what went wrong
        if lean is None:
            self._load()
        else:
            self._loaded(lean)

    @work(thread=True, exclusive=True, group="tracker-load")
    def _load(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total > 50 and not worker.is_cancelled:
                self.app.call_from_thread(self._progress, done, total)

        try:
            folder = self.pmtui.archive.folder
            lean = load_lean(folder, progress, posts=TRACKER_POSTS)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read the archive: {error}", severity="error"
            )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._loaded, lean)

    def _progress(self, done: int, total: int) -> None:
        body = self.query_one("#tracker-body", Vertical)
        show_progress(body, "tracker-progress", done, total, after="#tracker-reviews")

    def _loaded(self, lean: LeanArchive) -> None:
        self.lean = lean
        hide_progress(self, "tracker-progress")
        today = self.today
        self.items = lean_tracked(lean, today)
        self.reviews = lean_reviews(lean, today.isoformat())
        self._show_reviews()
        self._fill()

    def _show_reviews(self) -> None:
        reviews = self.reviews
        room = max(self.size.width - 4, 20)
        most = MAX_REVIEWS_SHOWN if self.size.height >= 30 else 1
        if not reviews:
            lines = [
                "Reviews due: none — no follow-up or “truly solved?” date has come."
            ]
        else:
            lines = [f"Reviews due: {len(reviews):,} (pmtui due lists them all)"]
            for r in reviews[:most]:
                when = "today" if r.days == 0 else f"{r.days}d ago"
                lines.append(f"  • {r.label} ({r.on}, {when}) — {r.title}")
            if len(reviews) > most:
                lines.append(f"  … and {len(reviews) - most:,} more")
        text = "\n".join(
            line if len(line) <= room else line[: room - 1] + "…" for line in lines
        )
        self.query_one("#tracker-reviews", Static).update(text)

    def _fill(self) -> None:
        table = self.query_one(TrackerTable)
        narrow = self._narrow = self.size.width < NARROW
        self.shown = matched = filter_actions(self.items, self.filter)
        table.show(
            ActionRows(matched),
            RowKeys(matched),
            NARROW_COLUMNS if narrow else COLUMNS,
        )
        overdue = overdue_count(matched)
        of = f" of {len(self.items):,}" if len(matched) != len(self.items) else ""
        self.query_one("#tracker-title", Static).update(
            f"Action tracker — {len(matched):,}{of} actions, ⚠ {overdue:,} overdue"
        )
        table.display = bool(self.shown)
        if not self.shown and table.has_focus:  # nothing to act on: the filter
            self.query_one("#tracker-query", Input).focus()
        empty = self.query_one("#tracker-empty", Static)
        empty.display = not self.shown
        empty.update(
            "No action matches the filter." if self.items else "No actions yet."
        )

    def on_resize(self) -> None:
        """The table fits its columns to the width itself; the post-mortem
        column comes and goes at ``NARROW``."""
        if self.lean is None:
            return
        self._show_reviews()
        if (self.size.width < NARROW) != self._narrow:
            self._fill()

    # -- filtering ------------------------------------------------------------

    @on(Input.Changed, "#tracker-query")
    def _filter_changed(self, event: Input.Changed) -> None:
        field = self.query_one("#tracker-filter", Field)
        try:
            self.filter = parse_filter(event.value)
        except QueryError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        self._fill()

    @on(Input.Submitted, "#tracker-query")
    def _filter_submitted(self) -> None:
        self.query_one(TrackerTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#tracker-query", Input).focus()

    # -- acting on an action ------------------------------------------------------

    def selected(self) -> TrackedAction | None:
        table = self.query_one(TrackerTable)
        if table.current_key is None:
            return None
        return self.shown[table.cursor_row]

    def action_open_selected(self) -> None:
        item = self.selected()
        if item is not None and self.lean is not None:
            self.pmtui.open_file(self.lean.path(item.key), Step.ACTIONS)

    @on(RowTable.Selected, "#tracker-table")
    def _row_selected(self) -> None:
        self.action_open_selected()

    def action_mark_done(self) -> None:
        item = self.selected()
        if item is not None:
            self._write(item, ActionStatus.DONE, "")

    def action_mark_wont_do(self) -> None:
        item = self.selected()
        if item is None:
            return
        from pmtui.screens.dialogs import TextPromptDialog

        self.app.push_screen(
            TextPromptDialog(
                "Won't do",
                f"Why won't “{item.text}” be done? The reason stays with it.",
                placeholder="e.g. the vendor fixed it upstream",
            ),
            lambda reason: (
                self._write(item, ActionStatus.WONT_DO, reason) if reason else None
            ),
        )

    def _write(self, item: TrackedAction, status: ActionStatus, reason: str) -> None:
        from pmtui.model.actions import ActionError
        from pmtui.store import StoreError
        from pmtui.store.tracker_write import set_action_status

        if self.lean is None:
            return
        path = self.lean.path(item.key)
        try:
            set_action_status(
                path, item.id, status, now=self.pmtui.clock.now(), reason=reason
            )
        except (StoreError, ActionError, OSError) as error:
            self.notify(str(error), title="Not changed", severity="error", timeout=10)
            return
        self.notify(f"“{item.text}”: {STATUS_WORDS[status.value]}")
        self.items = [closed(i, status) if i is item else i for i in self.items]
        self._fill()
        self.action_reload()
