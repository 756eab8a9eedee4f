"""The indexed timeline (TimelineView) and the import merge give the same
answers as the plain rules in pmtui.model.timeline_rules, on many timelines."""

from __future__ import annotations

import copy
import random
from datetime import datetime

import pendulum
import pytest

from pmtui.clock import FixedClock
from pmtui.model import EventKind, KeyMoment, PostMortem, new_postmortem
from pmtui.model.timeline import mark_key_moment
from pmtui.model.timeline_merge import SLICE, plan_import, plan_steps
from pmtui.model.timeline_rules import (
    Draft,
    add_event,
    add_events,
    move_event,
    offset_base,
    parse_quick_add,
    reference_date,
    row_key,
    split_new,
    timeline_rows,
)
from pmtui.model.timeline_view import TimelineView
from pmtui.timeparse import TimeParseError

TZ = "Europe/Berlin"
START = pendulum.datetime(2026, 11, 18, 8, 0, tz="UTC")


def random_pm(seed: int, clock: FixedClock, size: int = 60) -> PostMortem:
    """Events at random minutes (some at the same instant, zones mixed, the
    list out of order), random key moments and gap threshold."""
    rnd = random.Random(seed)
    pm = new_postmortem("Random", clock, timezone=TZ)
    pm.gap_threshold_minutes = rnd.choice([1, 5, 10, 30])
    zones = ["UTC", TZ, "America/New_York"]
    for n in range(size):
        at = START.add(minutes=rnd.randrange(0, 240)).in_timezone(rnd.choice(zones))
        add_event(pm, Draft(at, f"event {n}", rnd.choice(list(EventKind))))
    rnd.shuffle(pm.timeline)
    for moment in KeyMoment:
        if rnd.random() < 0.7:
            mark_key_moment(pm, rnd.choice(pm.timeline), moment)
    return pm


def rows_of(pm: PostMortem) -> list[str]:
    return [row_key(row) for row in timeline_rows(pm)]


@pytest.mark.parametrize("seed", range(25))
def test_rows_and_look_ups_match_the_rules(seed: int, clock: FixedClock) -> None:
    pm = random_pm(seed, clock)
    expected = rows_of(copy.deepcopy(pm))
    view = TimelineView(pm)
    assert view.row_keys() == expected
    assert len(view) == len(expected)
    assert view.gap_count == sum(k.startswith("gap:") for k in expected)
    for index, key in enumerate(expected):
        assert view.index_of(key) == index
        row = view.get(key)
        assert row is not None and row_key(row) == key
    times = [e.at for e in pm.timeline]
    assert times == sorted(times)  # the view put the list in time order


@pytest.mark.parametrize("seed", range(10))
def test_edits_match_the_rules(seed: int, clock: FixedClock) -> None:
    rnd = random.Random(seed)
    pm = random_pm(seed, clock)
    view = TimelineView(pm)
    plain = copy.deepcopy(pm)
    for n in range(30):
        action = rnd.choice(["add", "move", "remove", "mark", "threshold"])
        index = rnd.randrange(len(pm.timeline))
        event, twin = pm.timeline[index], plain.timeline[index]
        at = START.add(minutes=rnd.randrange(-30, 300))
        if action == "add":
            mine = view.add(Draft(at, f"added {n}"))
            theirs = add_event(plain, Draft(at, f"added {n}"))
            assert mine is not None and theirs is not None and mine.id == theirs.id
        elif action == "move":
            view.move(event, at)
            move_event(plain, twin, at)
        elif action == "remove":
            removal = view.remove(event, "x")
            plain.timeline.remove(twin)
            assert removal.item is event
        elif action == "mark":
            moment = rnd.choice(list(KeyMoment))
            mark_key_moment(pm, event, moment)
            mark_key_moment(plain, twin, moment)
            view.changed()
        else:
            pm.gap_threshold_minutes = plain.gap_threshold_minutes = rnd.randint(1, 20)
            view.changed()
        assert [e.id for e in pm.timeline] == [e.id for e in plain.timeline]
        assert view.row_keys() == rows_of(plain)


def test_an_identical_event_is_refused(clock: FixedClock) -> None:
    pm = new_postmortem("x", clock, timezone=TZ)
    view = TimelineView(pm)
    first = view.add(Draft(START, "Rollback  started"))
    assert first is not None
    assert view.add(Draft(START.in_timezone(TZ), "rollback started")) is None
    assert view.find_duplicate(START, " ROLLBACK started ") is first
    assert view.add(Draft(START.add(seconds=1), "rollback started")) is not None
    assert len(pm.timeline) == 2


def test_removal_is_undone_by_rebuilding(clock: FixedClock) -> None:
    pm = random_pm(3, clock)
    view = TimelineView(pm)
    target = pm.timeline[10]
    removal = view.remove(target, "event")
    assert view.get(target.id) is None
    view.move(pm.timeline[0], START.add(minutes=500))  # the list moved since
    removal.restore()
    view.rebuild()
    assert view.get(target.id) is not None
    assert view.row_keys() == rows_of(copy.deepcopy(pm))


def test_an_undone_deletion_is_taken_in_without_a_rebuild(
    clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pm = random_pm(4, clock)
    view = TimelineView(pm)
    first, second = pm.timeline[10], pm.timeline[30]
    one = view.remove(first, "one")
    two = view.remove(second, "two")
    view.move(pm.timeline[0], START.add(minutes=500))  # the list moved since
    monkeypatch.setattr(view, "rebuild", lambda: pytest.fail("rebuilt"))
    for removal in (two, one):  # undo goes last first
        removal.restore()
        assert view.restored()
    assert view.get(first.id) is not None and view.get(second.id) is not None
    assert view.row_keys() == rows_of(copy.deepcopy(pm))
    assert not view.restored()  # nothing left to take in


def test_undo_puts_an_event_back_among_those_at_the_same_instant(
    clock: FixedClock,
) -> None:
    pm = new_postmortem("x", clock, timezone=TZ)
    view = TimelineView(pm)
    for text in ("first", "second", "third"):
        assert view.add(Draft(START, text)) is not None
    removal = view.remove(pm.timeline[1], "second")
    removal.restore()
    assert view.restored()
    assert [e.text for e in pm.timeline] == ["first", "second", "third"]
    assert view.row_keys() == [e.id for e in pm.timeline]


def test_a_restore_out_of_turn_asks_for_a_rebuild(clock: FixedClock) -> None:
    pm = random_pm(6, clock)
    view = TimelineView(pm)
    one = view.remove(pm.timeline[5], "one")
    view.remove(pm.timeline[20], "two")
    one.restore()  # not the last removal
    assert not view.restored()
    view.rebuild()
    assert view.row_keys() == rows_of(copy.deepcopy(pm))


def test_quick_add_reads_as_the_rules_do(clock: FixedClock) -> None:
    pm = random_pm(5, clock)
    view = TimelineView(pm)
    now = clock.now()
    last = pm.timeline[7]
    assert view.reference_date(now) == reference_date(pm, now)
    assert view.offset_base(last) == offset_base(pm, last)
    assert view.offset_base(None) == offset_base(pm, None)
    for line in ("09:11 alert fired", "+7m rollback", "now status page"):
        assert view.parse_quick_add(line, now, last) == parse_quick_add(
            line, pm=pm, now=now, last_added=last
        )
    with pytest.raises(TimeParseError):
        view.parse_quick_add("rollback started", now)


def drafts_for(seed: int, count: int) -> list[Draft]:
    rnd = random.Random(seed)
    out = []
    for n in range(count):
        at = START.add(minutes=rnd.randrange(0, 240))
        text = f"line {rnd.randrange(count // 2)}" + (" " if n % 3 else "")
        out.append(Draft(at, text.upper() if n % 5 == 0 else text, source=" f.log "))
    return out


@pytest.mark.parametrize("seed", range(10))
def test_an_import_plan_adds_what_add_events_adds(seed: int, clock: FixedClock) -> None:
    pm = random_pm(seed, clock)
    drafts = drafts_for(seed, 300)
    plain = copy.deepcopy(pm)
    plain.timeline.sort(key=lambda e: e.at)
    _, repeats = split_new(plain, drafts)
    expected = add_events(plain, drafts)
    view = TimelineView(pm)
    plan = plan_import(view.snapshot(), drafts, view.reserve_ids(len(drafts)))
    assert plan.repeats == repeats
    assert [(e.id, e.at, e.text, e.source) for e in plan.added] == [
        (e.id, e.at, e.text, e.source) for e in expected
    ]
    assert view.apply(plan)
    assert [e.id for e in pm.timeline] == [e.id for e in plain.timeline]
    assert view.row_keys() == rows_of(plain)
    planned = view.row_keys()
    view.changed()  # gap rows and marks worked out again, not from the plan
    assert view.row_keys() == planned
    assert view.index_of(plan.added[-1].id) is not None


def test_a_plan_for_an_older_timeline_is_refused(clock: FixedClock) -> None:
    pm = random_pm(1, clock)
    view = TimelineView(pm)
    drafts = drafts_for(1, 20)
    first = view.reserve_ids(len(drafts))
    stale = plan_import(view.snapshot(), drafts, first)
    typed = view.add(Draft(START.add(minutes=3), "typed meanwhile"))
    assert typed is not None
    before = [e.id for e in pm.timeline]
    assert not view.apply(stale)
    assert [e.id for e in pm.timeline] == before  # nothing changed
    fresh = plan_import(view.snapshot(), drafts, first)
    assert view.apply(fresh)
    ids = [e.id for e in pm.timeline]
    assert typed.id in ids and len(set(ids)) == len(ids)


def test_planning_comes_in_slices(clock: FixedClock) -> None:
    view = TimelineView(random_pm(2, clock))
    drafts = drafts_for(2, 5 * SLICE)
    steps = plan_steps(view.snapshot(), drafts, 1000)
    slices = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            plan = done.value
            break
        slices += 1
    assert slices >= 5 * 4  # stamps, duplicates, events, order: each in slices
    whole = plan_import(view.snapshot(), drafts, 1000)
    assert [e.id for e in plan.events] == [e.id for e in whole.events]


def test_an_empty_timeline(clock: FixedClock) -> None:
    view = TimelineView(new_postmortem("x", clock, timezone=TZ))
    assert len(view) == 0 and view.row_keys() == [] and view.gap_count == 0
    assert view.index_of("e1") is None and view.get("gap:e1:e2") is None
    assert view.impact_window() is None and view.incident_date() is None
    with pytest.raises(IndexError):
        view.row(0)
    now: datetime = clock.now()
    assert view.reference_date(now) == reference_date(view.pm, now)
    assert view.offset_base(None) is None
