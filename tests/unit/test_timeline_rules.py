"""Timeline rules: quick-add lines, gap rows, duplicates, order."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum
import pytest

from pmtui.clock import FixedClock
from pmtui.model import EventKind, KeyMoment, PostMortem, new_postmortem
from pmtui.model.session import Event
from pmtui.model.timeline import mark_key_moment
from pmtui.model.timeline_rules import (
    NO_TEXT,
    NO_TIME,
    Draft,
    Gap,
    add_event,
    add_events,
    cycle_key,
    cycle_kind,
    find_gaps,
    impact_window,
    move_event,
    offset_base,
    parse_quick_add,
    reference_date,
    split_new,
    timeline_rows,
)
from pmtui.timeparse import TimeParseError

TZ = "Europe/Berlin"


def at(text: str) -> datetime:
    parsed = pendulum.parse(text, tz=TZ)
    assert isinstance(parsed, datetime)
    return parsed


@pytest.fixture
def pm(clock: FixedClock) -> PostMortem:
    return new_postmortem("Checkout down", clock, timezone=TZ)


def add(pm: PostMortem, when: str, text: str) -> Event:
    event = add_event(pm, Draft(at(when), text))
    assert event is not None
    return event


class TestQuickAdd:
    def test_leading_clock_time_is_on_the_incident_day(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        add(pm, "2026-11-18T09:04", "impact began")
        draft = parse_quick_add("09:11 error-rate alert fired", pm=pm, now=clock.now())
        assert draft.at == at("2026-11-18T09:11")
        assert draft.text == "error-rate alert fired"

    def test_without_events_the_day_is_today_in_the_zone(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        draft = parse_quick_add("09:11 x", pm=pm, now=clock.now())
        assert draft.at == at("2026-11-20T09:11")
        assert reference_date(pm, clock.now()) == date(2026, 11, 20)

    def test_offset_counts_from_the_event_added_last(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        later = add(pm, "2026-11-18T10:00", "later")
        earlier = add(pm, "2026-11-18T09:00", "typed just now")
        draft = parse_quick_add(
            "+7m rollback", pm=pm, now=clock.now(), last_added=earlier
        )
        assert draft.at == at("2026-11-18T09:07")
        assert offset_base(pm, None) == later.at

    def test_offset_falls_back_to_the_latest_event_when_last_is_gone(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        add(pm, "2026-11-18T10:00", "latest")
        gone = Event(id="x", at=at("2026-11-18T08:00"), text="deleted")
        draft = parse_quick_add("+1h30m next", pm=pm, now=clock.now(), last_added=gone)
        assert draft.at == at("2026-11-18T11:30")

    def test_now_uses_the_injected_clock(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        draft = parse_quick_add("now status page updated", pm=pm, now=clock.now())
        assert draft.at == clock.now()
        assert draft.text == "status page updated"

    def test_a_line_without_a_time_asks_for_one(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        with pytest.raises(TimeParseError, match="When did it happen"):
            parse_quick_add("rollback started", pm=pm, now=clock.now())
        assert "+7m" in NO_TIME

    def test_a_time_without_text_is_refused(
        self, pm: PostMortem, clock: FixedClock
    ) -> None:
        with pytest.raises(TimeParseError) as error:
            parse_quick_add("09:11", pm=pm, now=clock.now())
        assert str(error.value) == NO_TEXT

    @pytest.mark.parametrize("line", ["25:00 x", "+7m first event", "18/11 09:04 x"])
    def test_bad_times_are_refused(
        self, pm: PostMortem, clock: FixedClock, line: str
    ) -> None:
        with pytest.raises(TimeParseError):
            parse_quick_add(line, pm=pm, now=clock.now())


class TestOrderAndDuplicates:
    def test_out_of_order_input_lands_in_time_order(self, pm: PostMortem) -> None:
        for when in ("09:30", "09:10", "09:20", "09:10"):
            add(pm, f"2026-11-18T{when}", f"at {when} #{len(pm.timeline)}")
        texts = [e.text for e in pm.timeline]
        assert texts == ["at 09:10 #1", "at 09:10 #3", "at 09:20 #2", "at 09:30 #0"]

    def test_identical_event_is_not_added_twice(self, pm: PostMortem) -> None:
        add(pm, "2026-11-18T09:10", "Alert  fired")
        again = add_event(pm, Draft(at("2026-11-18T09:10"), "alert fired"))
        assert again is None
        assert len(pm.timeline) == 1

    def test_same_text_at_another_time_is_a_new_event(self, pm: PostMortem) -> None:
        add(pm, "2026-11-18T09:10", "retry")
        assert add_event(pm, Draft(at("2026-11-18T09:11"), "retry")) is not None

    def test_bulk_add_skips_duplicates_and_sorts(self, pm: PostMortem) -> None:
        add(pm, "2026-11-18T09:10", "a")
        drafts = [
            Draft(at("2026-11-18T09:30"), "c"),
            Draft(at("2026-11-18T09:10"), "a"),
            Draft(at("2026-11-18T09:20"), "b"),
            Draft(at("2026-11-18T09:30"), "c"),
        ]
        fresh, repeats = split_new(pm, drafts)
        assert (len(fresh), repeats) == (2, 2)
        added = add_events(pm, drafts)
        assert [e.text for e in added] == ["c", "b"]
        assert [e.text for e in pm.timeline] == ["a", "b", "c"]

    def test_moving_an_event_keeps_order(self, pm: PostMortem) -> None:
        first = add(pm, "2026-11-18T09:10", "first")
        add(pm, "2026-11-18T09:20", "second")
        move_event(pm, first, at("2026-11-18T09:30"))
        assert [e.text for e in pm.timeline] == ["second", "first"]


class TestGaps:
    def test_sample_has_no_gap_at_ten_minutes_but_four_at_six(
        self, sample_pm: PostMortem
    ) -> None:
        assert find_gaps(sample_pm) == []
        gaps = find_gaps(sample_pm, timedelta(minutes=6))
        assert [g.describe() for g in gaps] == [
            "⋯ 7 minutes with no event",
            "⋯ 8 minutes with no event",
            "⋯ 7 minutes with no event",
            "⋯ 7 minutes with no event",
        ]

    def test_gap_outside_the_impact_window_is_not_a_row(
        self, sample_pm: PostMortem
    ) -> None:
        # mitigated 09:51 -> resolved 10:20 is 29 minutes, after the impact
        rows = timeline_rows(sample_pm)
        assert not any(isinstance(r, Gap) for r in rows)
        sample_pm.gap_threshold_minutes = 5
        rows = timeline_rows(sample_pm)
        gap_rows = [r for r in rows if isinstance(r, Gap)]
        assert len(gap_rows) == 5
        first = gap_rows[0]
        assert rows[rows.index(first) - 1] is first.after

    def test_without_key_moments_the_whole_timeline_is_the_window(
        self, pm: PostMortem
    ) -> None:
        add(pm, "2026-11-18T09:00", "a")
        add(pm, "2026-11-18T09:17", "b")
        add(pm, "2026-11-18T09:20", "c")
        gaps = find_gaps(pm)
        assert [g.describe() for g in gaps] == ["⋯ 17 minutes with no event"]
        assert impact_window(pm) == (at("2026-11-18T09:00"), at("2026-11-18T09:20"))

    def test_gap_across_midnight(self, pm: PostMortem) -> None:
        began = add(pm, "2026-11-18T23:50", "impact began")
        mark_key_moment(pm, began, KeyMoment.IMPACT_BEGAN)
        done = add(pm, "2026-11-19T00:35", "mitigated")
        mark_key_moment(pm, done, KeyMoment.MITIGATED)
        add(pm, "2026-11-19T02:00", "post-incident chatter")
        gaps = find_gaps(pm)
        assert [g.describe() for g in gaps] == ["⋯ 45 minutes with no event"]

    def test_a_gap_of_exactly_the_threshold_is_not_shown(self, pm: PostMortem) -> None:
        add(pm, "2026-11-18T09:00", "a")
        add(pm, "2026-11-18T09:10", "b")
        assert find_gaps(pm) == []
        assert len(find_gaps(pm, timedelta(0))) == 1

    def test_no_events_no_window(self, pm: PostMortem) -> None:
        assert impact_window(pm) is None
        assert timeline_rows(pm) == []


class TestCycles:
    def test_kind_cycles_through_all_and_back(self) -> None:
        kind = EventKind.ALERT
        seen = []
        for _ in EventKind:
            seen.append(kind)
            kind = cycle_kind(kind)
        assert kind is EventKind.ALERT
        assert set(seen) == set(EventKind)
        assert cycle_kind(EventKind.ALERT, -1) is EventKind.OTHER

    def test_key_moment_cycles_through_none(self) -> None:
        assert cycle_key(None) is KeyMoment.IMPACT_BEGAN
        assert cycle_key(KeyMoment.RESOLVED) is None
        assert cycle_key(None, -1) is KeyMoment.RESOLVED

    def test_key_moment_cycle_skips_moments_held_elsewhere(self) -> None:
        taken = [KeyMoment.IMPACT_BEGAN, KeyMoment.MITIGATED]
        assert cycle_key(None, 1, taken) is KeyMoment.DETECTED
        assert cycle_key(KeyMoment.DETECTED, 1, taken) is KeyMoment.RESOLVED
        assert cycle_key(None, -1, list(KeyMoment)) is None
