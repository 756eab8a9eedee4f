"""Step 7 rules: grouping by owner, overdue, default dates, parking lot, close."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from pmtui.clock import FixedClock
from pmtui.model import (
    Action,
    ActionStatus,
    ParkedItem,
    ParkedState,
    Participant,
    PostMortem,
    Role,
    Status,
    new_postmortem,
)
from pmtui.model.next_steps import (
    NO_OWNER,
    add_entry,
    apply_default_dates,
    close_meeting,
    due_text,
    group_by_owner,
    is_overdue,
    meeting_date,
    owner_suggestions,
    park_to_action,
    set_parked_state,
    today_in,
)

NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz="UTC")
TODAY = date(2026, 11, 20)


@pytest.fixture
def pm(clock: FixedClock) -> PostMortem:
    return new_postmortem("Checkout down", clock)


def act(text: str, owner: str = "", due: date | None = None, **kw: object) -> Action:
    return Action(id=f"a-{text}", text=text, owner=owner, due=due, **kw)  # type: ignore[arg-type]


def test_group_by_owner_sorted_by_name_then_due_nobody_last() -> None:
    actions = [
        act("chain", "Jonas Weber", date(2026, 11, 27)),
        act("runbook", "Priya Raman", date(2026, 12, 11)),
        act("stray"),
        act("preflight", "priya  raman", date(2026, 12, 4)),
        act("undated", "Jonas Weber"),
        act("staging", "Jonas Weber", date(2026, 12, 18)),
    ]
    groups = group_by_owner(actions)
    assert [g.label for g in groups] == ["Jonas Weber", "Priya Raman", NO_OWNER]
    assert [a.text for a in groups[0].actions] == ["chain", "staging", "undated"]
    assert [a.text for a in groups[1].actions] == ["preflight", "runbook"]
    assert [a.text for a in groups[2].actions] == ["stray"]
    assert groups[2].owner == ""


def test_group_by_owner_leaves_out_wont_do() -> None:
    actions = [
        act("kept", "Mei Lin", status=ActionStatus.DONE),
        act("dropped", "Mei Lin", status=ActionStatus.WONT_DO),
        act("only-dropped", "Sam Okafor", status=ActionStatus.WONT_DO),
    ]
    groups = group_by_owner(actions)
    assert [(g.owner, [a.text for a in g.actions]) for g in groups] == [
        ("Mei Lin", ["kept"])
    ]


def test_group_by_owner_of_nothing() -> None:
    assert group_by_owner([]) == []


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (date(2026, 11, 19), ActionStatus.OPEN, True),
        (date(2026, 11, 19), ActionStatus.IN_PROGRESS, True),
        (date(2026, 11, 19), ActionStatus.DONE, False),
        (date(2026, 11, 19), ActionStatus.WONT_DO, False),
        (date(2026, 11, 20), ActionStatus.OPEN, False),
        (None, ActionStatus.OPEN, False),
    ],
)
def test_is_overdue(due: date | None, status: ActionStatus, overdue: bool) -> None:
    assert is_overdue(act("x", due=due, status=status), TODAY) is overdue


def test_due_text_marks_overdue_and_missing() -> None:
    assert due_text(act("x", due=date(2026, 12, 4)), TODAY) == "Fri 4 Dec"
    assert due_text(act("x", due=date(2027, 1, 8)), TODAY) == "Fri 8 Jan 2027"
    assert due_text(act("x", due=date(2026, 11, 16)), TODAY) == "⚠ Mon 16 Nov"
    assert due_text(act("x"), TODAY) == "⚠ no date"
    done = act("x", due=date(2026, 11, 16), status=ActionStatus.DONE)
    assert due_text(done, TODAY) == "Mon 16 Nov"


def test_today_is_taken_in_the_postmortem_zone(pm: PostMortem) -> None:
    pm.timezone = "Pacific/Auckland"  # UTC+13 in November
    assert today_in(pm, pendulum.datetime(2026, 11, 20, 12, 0, tz="UTC")) == date(
        2026, 11, 21
    )


def test_meeting_date_from_prep_else_today(pm: PostMortem) -> None:
    assert meeting_date(pm, NOW) == TODAY
    pm.timezone = "America/New_York"
    pm.prep.meeting_at = pendulum.datetime(2026, 11, 25, 2, 0, tz="UTC")
    assert meeting_date(pm, NOW) == date(2026, 11, 24)


def test_default_dates_two_and_six_weeks_after_the_meeting(pm: PostMortem) -> None:
    pm.prep.meeting_at = pendulum.datetime(2026, 11, 24, 14, 0, tz="UTC")
    assert apply_default_dates(pm, NOW)
    assert pm.next_steps.follow_up == date(2026, 12, 8)
    assert pm.next_steps.solved_check == date(2027, 1, 5)
    assert not apply_default_dates(pm, NOW)


def test_default_dates_from_today_without_a_meeting_date(pm: PostMortem) -> None:
    assert apply_default_dates(pm, NOW)
    assert pm.next_steps.follow_up == date(2026, 12, 4)
    assert pm.next_steps.solved_check == date(2027, 1, 1)


def test_default_dates_keep_what_was_chosen(pm: PostMortem) -> None:
    pm.next_steps.follow_up = date(2026, 12, 9)
    assert apply_default_dates(pm, NOW)
    assert pm.next_steps.follow_up == date(2026, 12, 9)
    assert pm.next_steps.solved_check == date(2027, 1, 1)


def test_owner_suggestions_facilitator_first_then_action_owners(
    pm: PostMortem,
) -> None:
    pm.incident.participants = [
        Participant("Lena Hoffmann", Role.INCIDENT_COMMANDER),
        Participant("Mei Lin", Role.FACILITATOR),
        Participant("Sam  Okafor", Role.SCRIBE),
    ]
    pm.actions = [act("a", "sam okafor"), act("b", "Ravi Das"), act("c")]
    assert owner_suggestions(pm) == [
        "Mei Lin",
        "Lena Hoffmann",
        "Sam Okafor",
        "Ravi Das",
    ]


def test_add_entry_skips_empty_and_duplicates() -> None:
    entries: list[str] = []
    assert add_entry(entries, " #eng-incidents ")
    assert not add_entry(entries, "#ENG-incidents")
    assert not add_entry(entries, "   ")
    assert add_entry(entries, "TLS and  certificates")
    assert entries == ["#eng-incidents", "TLS and certificates"]


def test_parked_items_kept_dropped_reopened() -> None:
    item = ParkedItem("p1", "Avoid rotations in business hours")
    assert set_parked_state(item, ParkedState.KEPT)
    assert item.state is ParkedState.KEPT
    assert not set_parked_state(item, ParkedState.KEPT)
    assert set_parked_state(item, ParkedState.DROPPED)
    assert set_parked_state(item, ParkedState.OPEN)
    with pytest.raises(ValueError):
        set_parked_state(item, ParkedState.ACTION)


def test_parked_item_made_an_action_once(pm: PostMortem) -> None:
    item = ParkedItem(pm.new_id("p"), "Let the bot post status updates")
    pm.parking_lot.append(item)
    action = park_to_action(pm, item)
    assert action is not None
    assert pm.actions == [action]
    assert action.text == item.text and action.status is ActionStatus.OPEN
    assert item.state is ParkedState.ACTION
    assert park_to_action(pm, item) is None
    assert len(pm.actions) == 1


@pytest.mark.parametrize("before", [Status.DRAFT, Status.MEETING])
def test_close_meeting_moves_to_review_with_dates(
    pm: PostMortem, before: Status
) -> None:
    pm.status = before
    close_meeting(pm, NOW)
    assert pm.status is Status.REVIEW
    assert pm.next_steps.follow_up == date(2026, 12, 4)
    assert pm.next_steps.solved_check == date(2027, 1, 1)


def test_close_meeting_keeps_published(pm: PostMortem) -> None:
    pm.status = Status.PUBLISHED
    close_meeting(pm, NOW)
    assert pm.status is Status.PUBLISHED


def test_sample_groups(sample_pm: PostMortem) -> None:
    groups = group_by_owner(sample_pm.actions)
    assert [(g.owner, len(g.actions)) for g in groups] == [
        ("Jonas Weber", 2),
        ("Mei Lin", 1),
        ("Priya Raman", 2),
        ("Sam Okafor", 1),
    ]
