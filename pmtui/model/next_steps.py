"""Step 7: who does what by when, the dates after the meeting, closing it.

Pure rules: actions grouped by owner, overdue checks, the default follow-up
and "is it truly solved?" dates, the parking lot's decisions, and what closing
the meeting changes. ``today`` always comes from the injected clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pendulum

from pmtui.model.enums import ActionStatus, ParkedState, Role, Status
from pmtui.model.session import Action, ParkedItem, PostMortem
from pmtui.timeparse import format_due

FOLLOW_UP_DAYS = 14
SOLVED_CHECK_DAYS = 42
NO_OWNER = "(no owner yet)"

PARKED_MARKS = {
    ParkedState.OPEN: "○ open",
    ParkedState.KEPT: "● kept",
    ParkedState.DROPPED: "✗ dropped",
    ParkedState.ACTION: "→ action",
}


@dataclass
class OwnerGroup:
    """One owner and the actions they confirm. ``owner`` is "" for nobody."""

    owner: str
    actions: list[Action] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.owner or NO_OWNER


def _due_key(action: Action) -> tuple[bool, date]:
    return (action.due is None, action.due or date.max)


def group_by_owner(actions: list[Action]) -> list[OwnerGroup]:
    """Owners by name (case-insensitive), actions without an owner last.

    Within a group, actions run by due date, undated ones last; won't-do
    actions are left out (nobody does them).
    """
    groups: dict[str, OwnerGroup] = {}
    for action in actions:
        if action.status is ActionStatus.WONT_DO:
            continue
        owner = " ".join(action.owner.split())
        key = owner.casefold()
        groups.setdefault(key, OwnerGroup(owner)).actions.append(action)
    ordered = sorted(groups.values(), key=lambda g: (not g.owner, g.owner.casefold()))
    for group in ordered:
        group.actions.sort(key=_due_key)
    return ordered


def is_overdue(action: Action, today: date) -> bool:
    """Due before today and still open or in progress."""
    return action.due is not None and action.due < today and not action.status.is_closed


def due_text(action: Action, today: date) -> str:
    """``Fri 4 Dec``; ``⚠ Mon 16 Nov`` when overdue; ``⚠ no date`` when none.

    Screens put the word "overdue" beside an overdue action, so the warning
    is never the symbol alone.
    """
    if action.due is None:
        return "⚠ no date"
    shown = format_due(action.due, today=today)
    return f"⚠ {shown}" if is_overdue(action, today) else shown


def local_date(moment: datetime, tz: str) -> date:
    """The calendar date of ``moment`` in the post-mortem's zone."""
    here = pendulum.instance(moment).in_timezone(tz)
    return date(here.year, here.month, here.day)


def today_in(pm: PostMortem, now: datetime) -> date:
    """Today in the post-mortem's zone (``now`` from the injected clock)."""
    return local_date(now, pm.timezone)


def meeting_date(pm: PostMortem, now: datetime) -> date:
    """The meeting's date (from the prep), else today."""
    if pm.prep.meeting_at is not None:
        return local_date(pm.prep.meeting_at, pm.timezone)
    return today_in(pm, now)


def default_follow_up(meeting: date) -> date:
    return meeting + timedelta(days=FOLLOW_UP_DAYS)


def default_solved_check(meeting: date) -> date:
    return meeting + timedelta(days=SOLVED_CHECK_DAYS)


def apply_default_dates(pm: PostMortem, now: datetime) -> bool:
    """Fill an unset follow-up and solved check. True if anything changed."""
    meeting = meeting_date(pm, now)
    steps = pm.next_steps
    changed = False
    if steps.follow_up is None:
        steps.follow_up = default_follow_up(meeting)
        changed = True
    if steps.solved_check is None:
        steps.solved_check = default_solved_check(meeting)
        changed = True
    return changed


def owner_suggestions(pm: PostMortem) -> list[str]:
    """Who could own the post-mortem: the facilitator first, then the others."""
    people = sorted(
        pm.incident.participants, key=lambda p: p.role is not Role.FACILITATOR
    )
    names: list[str] = []
    for name in [p.name for p in people] + [a.owner for a in pm.actions]:
        cleaned = " ".join(name.split())
        if cleaned and cleaned.casefold() not in {n.casefold() for n in names}:
            names.append(cleaned)
    return names


def add_entry(entries: list[str], text: str) -> bool:
    """Append ``text`` (a recipient, a runbook) unless empty or already there."""
    cleaned = " ".join(text.split())
    if not cleaned or cleaned.casefold() in {e.casefold() for e in entries}:
        return False
    entries.append(cleaned)
    return True


def set_parked_state(item: ParkedItem, state: ParkedState) -> bool:
    """Keep, drop or reopen a parked item. True if its state changed.

    Making an action goes through :func:`park_to_action` (it creates one).
    """
    if state is ParkedState.ACTION:
        raise ValueError("use park_to_action to make an action")
    if item.state is state:
        return False
    item.state = state
    return True


def park_to_action(pm: PostMortem, item: ParkedItem) -> Action | None:
    """Turn a parked idea into an open action; None if it already was one."""
    if item.state is ParkedState.ACTION:
        return None
    action = Action(id=pm.new_id("a"), text=item.text)
    pm.actions.append(action)
    item.state = ParkedState.ACTION
    return action


def close_meeting(pm: PostMortem, now: datetime) -> None:
    """End the meeting: default dates filled, the status moves to review.

    A post-mortem already in review or published keeps its status.
    """
    apply_default_dates(pm, now)
    if pm.status in (Status.DRAFT, Status.MEETING):
        pm.status = Status.REVIEW
