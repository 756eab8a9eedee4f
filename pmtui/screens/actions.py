"""Step 6: action items. Specific, measurable, owned and dated.

The cursor opens on the add line: type the action, tab through owner, due,
priority and type, Enter adds; down arrow goes to the table, escape comes
back. In the table: Enter (or a click on the selected cell) edits the cell,
s changes the status (won't do asks why), f edits any field (those without a
column at this width too), Delete removes (ctrl+z brings it back). Quality
hints sit under each action that needs one, and the header counts them; they
never block.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from pmtui.model.actions import (
    ActionError,
    action_hints,
    add_action,
    count_with_hints,
    delete_action,
    participant_names,
    set_status,
    today_in,
)
from pmtui.model.enums import ActionStatus, Step
from pmtui.model.lookup import describe_target
from pmtui.model.session import Action
from pmtui.screens.base import StepScreen
from pmtui.timeparse import TimeParseError, format_due
from pmtui.widgets.actions_add import ActionAddRow
from pmtui.widgets.actions_edit import cell_editor, status_choices
from pmtui.widgets.actions_table import (
    FIELDS,
    HINT_SYMBOL,
    ActionsTable,
    status_text,
)

EMPTY_TEXT = (
    "No actions yet. Type the first one above: what will be done, who owns it, "
    "by when. Good actions are specific and measurable (an alert, a check, a "
    "runbook, a number)."
)


class ActionsScreen(StepScreen):
    STEP: ClassVar[Step] = Step.ACTIONS
    HELP_TITLE: ClassVar[str] = "Actions"

    _width: int = 0

    # -- layout ---------------------------------------------------------------

    def compose_header_extras(self) -> Iterable[Widget]:
        yield Static("", id="actions-hint-count", markup=False)

    def compose_body(self) -> ComposeResult:
        with Vertical(id="actions-body"):
            yield ActionAddRow(
                names=participant_names(self.pm),
                today=self.today,
                disabled=self.ctx.read_only,
                id="action-add",
            )
            yield ActionsTable(id="actions-table")
            yield Static(EMPTY_TEXT, id="actions-empty", markup=False)
            yield Static("", id="action-detail", markup=False)

    def on_mount(self) -> None:
        self._width = self.size.width
        self.render_actions()
        if self.ctx.read_only:
            self.query_one(ActionsTable).focus()
        else:
            self.query_one(ActionAddRow).focus_text()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.render_actions()

    def today(self) -> date:
        return today_in(self.pm, self.ctx.clock.now())

    # -- rendering ------------------------------------------------------------

    def render_actions(self) -> None:
        """Table, empty note, header count and detail line from ``self.pm``."""
        table = self.query_one(ActionsTable)
        today = self.today()
        table.show(self.pm, today, self._width or self.size.width)
        has_actions = bool(self.pm.actions)
        table.display = has_actions
        self.query_one("#actions-empty").display = not has_actions
        self.query_one("#action-detail").display = has_actions
        total = len(self.pm.actions)
        flagged = count_with_hints(self.pm.actions, today=today)
        count = ""
        if flagged:
            count = f"{HINT_SYMBOL} {flagged} of {total} with hints"
        elif total:
            count = "✓ no hints"
        self.query_one("#actions-hint-count", Static).update(count)
        self._show_detail()

    def refresh_from_model(self) -> None:
        self.render_actions()

    def _current(self) -> Action | None:
        ident = self.query_one(ActionsTable).current_action_id(self.pm)
        return self._find(ident)

    def _find(self, ident: str | None) -> Action | None:
        return next((a for a in self.pm.actions if a.id == ident), None)

    def _show_detail(self) -> None:
        action = self._current()
        detail = self.query_one("#action-detail", Static)
        if action is None:
            detail.update("")
            return
        today = self.today()
        due = (
            f"due {format_due(action.due, today=today)}"
            if action.due
            else "no due date"
        )
        lines = [
            action.text,
            f"{status_text(action.status)} · {action.priority.value} · "
            f"{action.type.label} · {action.owner or 'no owner'} · {due}",
            f"addresses: {describe_target(self.pm, action.addresses) or '—'}"
            + (f" · {action.link}" if action.link else ""),
        ]
        if action.status is ActionStatus.WONT_DO:
            lines.append(f"won't do, because: {action.reason}")
        elif action.closed_on:
            lines.append(f"closed on {format_due(action.closed_on, today=today)}")
        for hint in action_hints(action, today=today):
            lines.append(f"{HINT_SYMBOL} {hint.label}: {hint.advice}")
        detail.update("\n".join(lines))

    @on(DataTable.CellHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def _changed(self) -> None:
        self.edited()
        self.render_actions()

    # -- adding -----------------------------------------------------------------

    @on(ActionAddRow.Submitted)
    def _add(self, message: ActionAddRow.Submitted) -> None:
        if self.ctx.read_only:
            return
        draft = message.draft
        add_action(
            self.pm,
            draft.text,
            owner=draft.owner,
            due=draft.due,
            priority=draft.priority,
            type=draft.type,
        )
        self._changed()
        table = self.query_one(ActionsTable)
        last = len(self.pm.actions) - 1
        table.move_cursor(row=last, column=0)
        table.call_after_refresh(table.move_cursor, row=last, column=0)  # in view

    @on(ActionsTable.AddRequested)
    def _back_to_add(self) -> None:
        if not self.ctx.read_only:
            self.query_one(ActionAddRow).focus_text()

    @on(ActionAddRow.TableRequested)
    def _to_table(self) -> None:
        table = self.query_one(ActionsTable)
        if table.display:
            table.focus()

    # -- editing ----------------------------------------------------------------

    def _writable(self) -> bool:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
        return not self.ctx.read_only

    @on(DataTable.CellSelected)
    def _edit_cell(self, event: DataTable.CellSelected) -> None:
        event.stop()
        action = self._find(str(event.cell_key.row_key.value))
        if action is None or not self._writable():
            return
        self._edit_field(action, str(event.cell_key.column_key.value))

    @on(ActionsTable.FieldsRequested)
    def _fields_key(self, message: ActionsTable.FieldsRequested) -> None:
        from pmtui.widgets.actions_dialogs import ChoiceDialog

        action = self._find(message.action_id)
        if action is None or not self._writable():
            return
        column = self.query_one(ActionsTable).column_key_at_cursor()
        dialog = ChoiceDialog(
            f"Edit which field of: {action.text}", FIELDS, current=column
        )
        self.app.push_screen(
            dialog, lambda key: self._edit_field(action, key) if key else None
        )

    def _edit_field(self, action: Action, column: str) -> None:
        if column == "status":
            self._choose_status(action)
            return
        editor = cell_editor(self.pm, action, column, self.today())
        if editor is None:
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                editor.apply(value)
            except (ActionError, TimeParseError) as problem:  # read already checked
                self.notify(str(problem), severity="error")
                return
            self._changed()

        self.app.push_screen(editor.dialog, done)

    @on(ActionsTable.StatusRequested)
    def _status_key(self, message: ActionsTable.StatusRequested) -> None:
        action = self._find(message.action_id)
        if action is not None and self._writable():
            self._choose_status(action)

    def _choose_status(self, action: Action) -> None:
        from pmtui.screens.dialogs import TextPromptDialog
        from pmtui.widgets.actions_dialogs import ChoiceDialog

        def with_reason(reason: str | None) -> None:
            if reason:
                set_status(
                    action, ActionStatus.WONT_DO, today=self.today(), reason=reason
                )
                self._changed()

        def chosen(value: str | None) -> None:
            if value is None:
                return
            status = ActionStatus(value)
            if status is ActionStatus.WONT_DO:
                prompt = TextPromptDialog(
                    "Won't do",
                    "Why not? The reason stays with the action, in the report.",
                    value=action.reason,
                    placeholder="e.g. covered by the new CA's tooling (PAY-1502)",
                )
                self.app.push_screen(prompt, with_reason)
                return
            set_status(action, status, today=self.today())
            self._changed()

        dialog = ChoiceDialog(
            f"Status of: {action.text}", status_choices(), current=action.status.value
        )
        self.app.push_screen(dialog, chosen)

    @on(ActionsTable.DeleteRequested)
    def _delete(self, message: ActionsTable.DeleteRequested) -> None:
        action = self._find(message.action_id)
        if action is None or not self._writable():
            return
        self.deleted(delete_action(self.pm, action))  # type: ignore[arg-type]
        self.render_actions()
