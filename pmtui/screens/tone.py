"""Step 1: setting the tone, the meeting's opening.

The blameless statement, large enough to read aloud to a screen-shared room
(ctrl+o edits it; ctrl+g makes it the archive's team default; ctrl+r puts the
default back); purpose and expected outcomes; the agenda with its time boxes;
who is present; and the open actions of earlier related post-mortems.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from pmtui.model.enums import Step
from pmtui.model.prep import RelatedAction, related_open_actions
from pmtui.model.session import DEFAULT_BLAMELESS_STATEMENT
from pmtui.screens.base import StepScreen
from pmtui.store.settings import set_team_statement, team_statement
from pmtui.timeparse import format_due
from pmtui.widgets.agenda import AgendaEditor
from pmtui.widgets.field import Field
from pmtui.widgets.tone_attendance import Attendance

NO_RELATED = (
    "No open actions from earlier post-mortems sharing a tag or a service. "
    "Nothing to check first."
)


class ToneScreen(StepScreen):
    STEP = Step.TONE
    HELP_TITLE = "Set the tone"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "edit_statement", "Edit statement", id="edit_statement"),
        Binding("ctrl+g", "team_default", "Make team default", id="team_default"),
        Binding("ctrl+r", "reset_statement", "Reset statement", id="reset_statement"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.team_default = team_statement(self.ctx.archive.folder)
        tone = self.pm.tone
        self._adopt_team_default = bool(
            self.team_default
            and tone.statement == DEFAULT_BLAMELESS_STATEMENT
            and not self.ctx.read_only
        )
        if self._adopt_team_default and self.team_default:
            tone.statement = self.team_default  # the archive's own default

    def compose_body(self) -> ComposeResult:
        tone, ro = self.pm.tone, self.ctx.read_only
        with VerticalScroll(id="tone-body", can_focus=False):
            yield Static("Read this aloud", classes="section-title")
            yield Static(tone.statement, id="statement", markup=False)
            yield TextArea(
                tone.statement, id="statement-edit", soft_wrap=True, disabled=ro
            )
            yield Static("", id="statement-source", markup=False)
            yield Static("Purpose and expected outcomes", classes="section-title")
            yield Field(
                "Purpose",
                TextArea(tone.purpose, id="purpose", soft_wrap=True, disabled=ro),
            )
            yield Field(
                "Expected outcomes",
                TextArea(tone.outcomes, id="outcomes", soft_wrap=True, disabled=ro),
            )
            yield Static("Agenda (time boxes: 15, 15m, 1h)", classes="section-title")
            yield AgendaEditor(tone, read_only=ro, id="agenda")
            yield Static("Who is here", classes="section-title")
            yield Attendance(
                self.pm.incident.participants, read_only=ro, id="attendance"
            )
            yield Static(
                "Open actions of earlier related post-mortems: check these first",
                classes="section-title",
            )
            yield Static("Reading the archive…", id="related", markup=False)

    def on_mount(self) -> None:
        if self._adopt_team_default:
            self.edited()
        self.query_one("#statement-edit", TextArea).display = False
        self._show_source()
        self._load_related()
        if not self.ctx.read_only:
            # never the hidden statement editor: typing there would silently
            # change the statement the room has just heard
            self.query_one("#purpose", TextArea).focus(scroll_visible=False)

    # -- the blameless statement ---------------------------------------------

    def _show_source(self) -> None:
        statement = self.pm.tone.statement
        if self.team_default and statement == self.team_default:
            source = "the team's default"
        elif statement == DEFAULT_BLAMELESS_STATEMENT:
            source = "pmtui's default"
        else:
            source = "written for this post-mortem"
        editing = self.query_one("#statement-edit", TextArea).display
        keys = (
            "ctrl+o: done editing"
            if editing
            else "ctrl+o: edit · ctrl+g: make it the team default · ctrl+r: reset"
        )
        self.query_one("#statement-source", Static).update(f"({source}) {keys}")

    def action_edit_statement(self) -> None:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
            return
        editor = self.query_one("#statement-edit", TextArea)
        editor.display = not editor.display
        if editor.display:
            editor.focus()
        self._show_source()

    @on(TextArea.Changed, "#statement-edit")
    def _statement(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != self.pm.tone.statement and not self.ctx.read_only:
            self.pm.tone.statement = text
            self.query_one("#statement", Static).update(text)
            self._show_source()
            self.edited()

    def action_team_default(self) -> None:
        from pmtui.store import StoreError

        statement = self.pm.tone.statement.strip()
        if not statement:
            self.notify("Write a statement first.", severity="warning")
            return
        try:
            path = set_team_statement(self.ctx.archive.folder, statement)
        except (OSError, StoreError) as error:
            self.notify(str(error), title="Team default not saved", severity="error")
            return
        self.team_default = statement
        self._show_source()
        self.notify(
            "New post-mortems in this archive start with this statement "
            f"({path.name}).",
            title="Team default saved",
        )

    def action_reset_statement(self) -> None:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
            return
        default = self.team_default or DEFAULT_BLAMELESS_STATEMENT
        self.pm.tone.statement = default
        self.query_one("#statement", Static).update(default)
        editor = self.query_one("#statement-edit", TextArea)
        with editor.prevent(TextArea.Changed):
            editor.text = default
        self._show_source()
        self.edited()

    # -- purpose and outcomes ------------------------------------------------

    @on(TextArea.Changed, "#purpose")
    def _purpose(self, event: TextArea.Changed) -> None:
        if event.text_area.text != self.pm.tone.purpose and not self.ctx.read_only:
            self.pm.tone.purpose = event.text_area.text
            self.edited()

    @on(TextArea.Changed, "#outcomes")
    def _outcomes(self, event: TextArea.Changed) -> None:
        if event.text_area.text != self.pm.tone.outcomes and not self.ctx.read_only:
            self.pm.tone.outcomes = event.text_area.text
            self.edited()

    def refresh_from_model(self) -> None:
        self.call_later(self.query_one(Attendance).refresh_people)

    # -- earlier related post-mortems ----------------------------------------

    @work(thread=True, exclusive=True, group="tone-related")
    def _load_related(self) -> None:
        try:
            entries = self.ctx.archive.entries()
        except OSError as error:
            self.app.call_from_thread(self._show_related, None, str(error))
            return
        summaries = [(str(e.path.resolve()), e.summary) for e in entries if e.summary]
        me = str(self.ctx.path.resolve())
        found = related_open_actions(self.pm, summaries, exclude=me)
        self.app.call_from_thread(self._show_related, found, "")

    def _show_related(self, found: list[RelatedAction] | None, problem: str) -> None:
        if not self.is_attached:
            return
        related = self.query_one("#related", Static)
        if found is None:
            related.update(f"The archive could not be read: {problem}")
            return
        if not found:
            related.update(NO_RELATED)
            return
        today = self.ctx.clock.now().date()
        lines = []
        for action in found:
            due = f", due {format_due(action.due, today=today)}" if action.due else ""
            overdue = " ⚠ overdue" if action.due and action.due < today else ""
            owner = action.owner or "no owner"
            status = action.status.replace("_", " ")
            lines.append(
                f"○ {action.text} — {owner}{due}{overdue} [{status}]"
                f"\n    from “{action.title}” (shares {', '.join(action.shared)})"
            )
        related.update("\n".join(lines))
