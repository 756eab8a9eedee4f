"""Which editor each column of the actions table opens, and how its answer
changes the action. Status is left to the screen (won't do asks a reason)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual.screen import ModalScreen
from textual.suggester import SuggestFromList

from pmtui.model.actions import (
    address_choices,
    check_link,
    check_text,
    parse_priority,
    parse_type,
    participant_names,
    resolve_owner,
)
from pmtui.model.enums import ActionPriority, ActionStatus, ActionType
from pmtui.model.session import Action, PostMortem
from pmtui.timeparse import format_due, parse_due
from pmtui.widgets.actions_dialogs import ActionFieldDialog, ChoiceDialog
from pmtui.widgets.actions_table import status_text

NOTHING = "-"
"""The choice id meaning "addresses nothing in particular"."""

DUE_ACCEPTS = "2026-12-04, 4 Dec, fri, next friday, tomorrow, +3d, +2w, in 2 weeks, eom"


@dataclass
class CellEditor:
    """A dialog for one cell and what to do with its answer."""

    dialog: ModalScreen[str | None]
    apply: Callable[[str], None]


def status_choices() -> list[tuple[str, str]]:
    return [(status.value, status_text(status)) for status in ActionStatus]


def cell_editor(
    pm: PostMortem, action: Action, column: str, today: date
) -> CellEditor | None:
    """The editor for ``column`` of ``action``; None for status (the screen's)."""
    names = participant_names(pm)

    def set_text(value: str) -> None:
        action.text = check_text(value)

    def set_owner(value: str) -> None:
        action.owner = resolve_owner(value, names)

    def read_due(value: str) -> str:
        if not value.strip():
            return "no due date"
        return format_due(parse_due(value, today=today), today=today)

    def set_due(value: str) -> None:
        action.due = parse_due(value, today=today) if value.strip() else None

    def set_link(value: str) -> None:
        action.link = check_link(value)

    def set_priority(value: str) -> None:
        action.priority = parse_priority(value)

    def set_type(value: str) -> None:
        action.type = parse_type(value)

    def set_addresses(value: str) -> None:
        action.addresses = None if value == NOTHING else value

    if column == "text":
        return CellEditor(
            ActionFieldDialog(
                "Edit the action",
                "What will be done, and how we will know it is done",
                value=action.text,
                read=lambda typed: check_text(typed) and "",
            ),
            set_text,
        )
    if column == "owner":
        return CellEditor(
            ActionFieldDialog(
                "Owner",
                "One person who owns it (a participant is suggested; → accepts)",
                value=action.owner,
                read=lambda typed: resolve_owner(typed, names) or "no owner",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
            set_owner,
        )
    if column == "due":
        current = action.due.isoformat() if action.due else ""
        return CellEditor(
            ActionFieldDialog(
                "Due date",
                f"As people say it: {DUE_ACCEPTS}; empty for none",
                value=current,
                read=read_due,
                placeholder="next friday",
            ),
            set_due,
        )
    if column == "link":
        return CellEditor(
            ActionFieldDialog(
                "Tracker link",
                "The ticket's web address (empty for none)",
                value=action.link,
                read=lambda typed: check_link(typed) and "",
                placeholder="https://tracker.example.com/browse/PAY-1423",
            ),
            set_link,
        )
    if column == "priority":
        choices = [(p.value, p.value) for p in ActionPriority]
        return CellEditor(
            ChoiceDialog("Priority", choices, current=action.priority.value),
            set_priority,
        )
    if column == "type":
        choices = [(t.value, t.label) for t in ActionType]
        return CellEditor(
            ChoiceDialog("Type", choices, current=action.type.value), set_type
        )
    if column == "addresses":
        choices = [(NOTHING, "— nothing in particular"), *address_choices(pm)]
        return CellEditor(
            ChoiceDialog(
                "What does it address?", choices, current=action.addresses or NOTHING
            ),
            set_addresses,
        )
    return None
