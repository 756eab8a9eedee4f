"""Search the archive (``/`` on home): words and tag:/service:/severity:/
status:/owner: filters, results ranked, each saying why it matched. Enter on
a result opens that post-mortem. A result's day is the incident's day in its
own post-mortem's time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from pmtui.model.incident_day import incident_day
from pmtui.model.search import Hit, QueryError, parse_query, search
from pmtui.store.lean_index import LeanArchive, load_lean
from pmtui.widgets.field import Field
from pmtui.widgets.footer import PmtuiFooter

if TYPE_CHECKING:
    from pmtui.app import PmtuiApp

MAX_RESULTS = 200
# label, key, least width: the title and the reasons share the spare width
COLUMNS = (
    ("Title", "title", 20),
    ("Sev", "sev", 3),
    ("Day", "date", 10),  # in each post-mortem's own zone
    ("Why it matched", "why", 20),
)


class ResultsTable(DataTable[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.open_selected", "Open", id="search_open"),
        Binding("slash", "screen.focus_query", "Edit query", id="search_query"),
    ]


class SearchScreen(Screen[None]):
    HELP_TITLE = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="search_back"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__(classes="search")
        self.initial = query
        self.lean: LeanArchive | None = None
        self.hits: list[Hit] = []

    @property
    def pmtui(self) -> PmtuiApp:
        from pmtui.app import PmtuiApp

        assert isinstance(self.app, PmtuiApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Vertical(id="search-body"):
            yield Field(
                "Search: words, tag:T service:S severity:P1 status:S owner:NAME",
                Input(
                    value=self.initial,
                    placeholder="e.g. certificate tag:tls",
                    id="search-input",
                ),
                id="search-field",
            )
            yield Static("Reading the archive…", id="search-status", markup=False)
            yield ResultsTable(id="search-results", cursor_type="row")
        yield PmtuiFooter()

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="search-load")
    def _load(self) -> None:
        try:
            lean = load_lean(self.pmtui.archive.folder, words=True)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read the archive: {error}", severity="error"
            )
            return
        self.app.call_from_thread(self._loaded, lean)

    def _loaded(self, lean: LeanArchive) -> None:
        self.lean = lean
        self._run(self.query_one("#search-input", Input).value)

    def on_resize(self) -> None:
        if self.lean is not None:
            self._fill()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self.lean is not None:
            self._run(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self.hits:
            self.query_one(ResultsTable).focus()

    def _run(self, text: str) -> None:
        assert self.lean is not None
        field = self.query_one("#search-field", Field)
        status = self.query_one("#search-status", Static)
        try:
            query = parse_query(text)
        except QueryError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        total = len(self.lean.records)
        if query.empty:
            self.hits = []
            status.update(f"{total} post-mortems. Type a word or a filter.")
        else:
            self.hits = search(self.lean.records, query)
            found = len(self.hits)
            shown = f" (first {MAX_RESULTS} shown)" if found > MAX_RESULTS else ""
            status.update(
                f"{found} of {total} post-mortems match{shown}. "
                "Best first; enter opens one."
                if found
                else f"Nothing matches among {total} post-mortems."
            )
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(ResultsTable)
        table.clear(columns=True)
        spare = max(self.size.width - sum(w for _, _, w in COLUMNS) - 2 * 4 - 4, 0)
        grow = {"title": spare // 3, "why": spare - spare // 3}
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=width + grow.get(key, 0))
        for hit in self.hits[:MAX_RESULTS]:
            record = hit.record
            table.add_row(
                " ".join(hit.title.split()),
                str(record.get("severity") or ""),
                incident_day(record),
                "; ".join(hit.reasons),
                key=hit.key,
            )

    def action_focus_query(self) -> None:
        self.query_one("#search-input", Input).focus()

    def action_open_selected(self) -> None:
        table = self.query_one(ResultsTable)
        if self.lean is None or not self.hits or table.cursor_row < 0:
            return
        hit = self.hits[min(table.cursor_row, len(self.hits) - 1)]
        self.pmtui.open_file(self.lean.path(hit.key))

    @on(DataTable.RowSelected, "#search-results")
    def _row_selected(self) -> None:
        self.action_open_selected()
