"""Step 7: next steps and ownership, then closing the meeting.

The actions grouped by owner (who does what by when, so each owner confirms
out loud); the post-mortem's owner; the follow-up review and "is it truly
solved?" dates (two and six weeks after the meeting unless changed); who
receives the report; runbooks to update; the parking lot, each idea kept,
dropped or made an action. Closing the meeting sets the status to review and
goes to the report.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Static

from pmtui.messages import GoToStep
from pmtui.model.enums import ParkedState, Step
from pmtui.model.next_steps import (
    add_entry,
    apply_default_dates,
    close_meeting,
    group_by_owner,
    is_overdue,
    owner_suggestions,
    park_to_action,
    set_parked_state,
    today_in,
)
from pmtui.model.undo import remove
from pmtui.model.words import plural
from pmtui.screens.base import StepScreen
from pmtui.widgets.field import Field
from pmtui.widgets.next_board import OwnerBoard
from pmtui.widgets.next_fields import DateField, EntryList
from pmtui.widgets.next_park import ParkList

WIDE_AT = 100


class NextStepsScreen(StepScreen):
    STEP = Step.NEXT
    HELP_TITLE = "Next steps"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "close_meeting", "Close meeting", id="close_meeting"),
    ]

    @property
    def today(self) -> date:
        return today_in(self.pm, self.ctx.clock.now())

    def compose_body(self) -> ComposeResult:
        steps = self.pm.next_steps
        names = owner_suggestions(self.pm)
        with VerticalScroll(id="next-body"):
            with Vertical(id="next-left", classes="next-column"):
                yield Static("", id="next-board-title", classes="next-heading")
                yield OwnerBoard(id="next-board")
                yield Static("Parking lot", classes="next-heading")
                yield ParkList(id="next-park")
            with Vertical(id="next-right", classes="next-column"):
                yield Field(
                    "Post-mortem owner",
                    Input(
                        value=steps.owner,
                        placeholder=f"e.g. {names[0]}" if names else "a name",
                        suggester=SuggestFromList(names, case_sensitive=False),
                        id="next-owner",
                    ),
                )
                if names:
                    yield Static(
                        "Suggested: " + ", ".join(names),
                        id="next-owner-names",
                        markup=False,
                    )
                yield DateField(
                    "Follow-up review", steps.follow_up, self.today, id="next-follow-up"
                )
                yield DateField(
                    "“Is it truly solved?” check",
                    steps.solved_check,
                    self.today,
                    id="next-solved",
                )
                yield EntryList(
                    "Who receives the report",
                    "a person, channel or mailing list; enter adds",
                    id="next-recipients",
                )
                yield EntryList(
                    "Runbooks to update",
                    "a runbook's name; enter adds",
                    id="next-runbooks",
                )
        with Horizontal(id="next-bar"):
            yield Button(
                "Close the meeting → report",
                variant="success",
                compact=True,
                id="next-close",
            )
            yield Static(
                "ctrl+r · status to review, then the report",
                id="next-bar-note",
                markup=False,
            )

    def on_mount(self) -> None:
        self._layout(self.size.width)
        read_only = self.ctx.read_only
        if not read_only and apply_default_dates(self.pm, self.ctx.clock.now()):
            for field_id, value in (
                ("#next-follow-up", self.pm.next_steps.follow_up),
                ("#next-solved", self.pm.next_steps.solved_check),
            ):
                self.query_one(field_id, DateField).input.value = (
                    value.isoformat() if value else ""
                )
            self.edited()
        self.query_one("#next-owner", Input).disabled = read_only
        for date_field in self.query(DateField):
            date_field.set_disabled(read_only)
        for entries in self.query(EntryList):
            entries.set_read_only(read_only)
        self.query_one(ParkList).read_only = read_only
        self.query_one("#next-close", Button).disabled = read_only
        self.refresh_from_model()
        self.query_one(OwnerBoard).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        wide = width >= WIDE_AT
        self.query_one("#next-body").set_class(wide, "-wide")

    # -- rendering ----------------------------------------------------------

    def refresh_from_model(self) -> None:
        pm = self.pm
        self.query_one(OwnerBoard).show(pm.actions, self.today)
        self.query_one(ParkList).show(pm.parking_lot)
        self.query_one("#next-recipients", EntryList).show(pm.next_steps.recipients)
        self.query_one("#next-runbooks", EntryList).show(pm.next_steps.runbooks)
        self._update_counts()

    def _update_counts(self) -> None:
        groups = group_by_owner(self.pm.actions)
        owners = sum(1 for g in groups if g.owner)
        total = sum(len(g.actions) for g in groups)
        parts = (
            [f"{plural(total, 'action')}, {plural(owners, 'owner')}"] if total else []
        )
        nobody = sum(len(g.actions) for g in groups if not g.owner)
        if nobody:
            parts.append(f"⚠ {nobody} without owner")
        overdue = sum(1 for a in self.pm.actions if is_overdue(a, self.today))
        if overdue:
            parts.append(f"⚠ {overdue} overdue")
        parts.append("each owner confirms out loud")
        self.query_one("#next-board-title", Static).update(
            "Who does what by when · " + " · ".join(parts)
        )

    # -- edits --------------------------------------------------------------

    @on(Input.Changed, "#next-owner")
    def _owner(self, event: Input.Changed) -> None:
        owner = " ".join(event.value.split())
        if self.ctx.read_only or owner == self.pm.next_steps.owner:
            return
        self.pm.next_steps.owner = owner
        self.edited()

    @on(DateField.Chosen)
    def _date(self, message: DateField.Chosen) -> None:
        if self.ctx.read_only:
            return
        if message.field.id == "next-follow-up":
            self.pm.next_steps.follow_up = message.value
        else:
            self.pm.next_steps.solved_check = message.value
        self.edited()

    def _entries(self, widget: EntryList) -> list[str]:
        steps = self.pm.next_steps
        return steps.recipients if widget.id == "next-recipients" else steps.runbooks

    @on(EntryList.Add)
    def _add_entry(self, message: EntryList.Add) -> None:
        entries = self._entries(message.entries)
        if self.ctx.read_only or not add_entry(entries, message.text):
            return
        self.edited()
        message.entries.show(entries)

    @on(EntryList.Remove)
    def _remove_entry(self, message: EntryList.Remove) -> None:
        entries = self._entries(message.entries)
        if self.ctx.read_only or not 0 <= message.index < len(entries):
            return
        entry = entries[message.index]
        self.deleted(remove(entries, entry, f"“{entry}”"))  # type: ignore[arg-type]
        message.entries.show(entries)

    def _park(self, text: str | None) -> None:
        """An idea parked here shows in the parking lot at once."""
        super()._park(text)
        self.query_one(ParkList).show(self.pm.parking_lot)

    @on(ParkList.Decide)
    def _decide(self, message: ParkList.Decide) -> None:
        items = self.pm.parking_lot
        if self.ctx.read_only or not 0 <= message.index < len(items):
            return
        item = items[message.index]
        if message.state is ParkedState.ACTION:
            action = park_to_action(self.pm, item)
            if action is None:
                self.notify("Already an action.")
                return
            self.notify(
                f"Action added: {action.text}\nGive it an owner and a due date "
                "at Actions (F7).",
                title="→ action",
            )
        elif item.state is ParkedState.ACTION:
            self.notify(
                "It is an action already: change or delete the action at Actions (F7).",
                severity="warning",
            )
            return
        elif not set_parked_state(item, message.state):
            return
        self.edited()
        self.refresh_from_model()

    # -- closing ------------------------------------------------------------

    @on(Button.Pressed, "#next-close")
    def action_close_meeting(self) -> None:
        if self.ctx.read_only:
            self.notify("Read-only: the meeting cannot be closed here.")
            return
        close_meeting(self.pm, self.ctx.clock.now())
        self.edited()
        self.notify("Meeting closed: the post-mortem is now in review.")
        self.post_message(GoToStep(Step.REPORT))
