"""Time boxes with an injected clock: phases, pause and resume, restarts."""

from __future__ import annotations

import pytest

from pmtui.clock import FixedClock
from pmtui.model.lookup import new_postmortem
from pmtui.model.session import AgendaItem, PostMortem, StepTimer
from pmtui.model.timebox import (
    MEETING,
    PAUSED_SYMBOL,
    Phase,
    Reading,
    elapsed,
    enter_step,
    format_clock,
    meeting_running,
    pause_all,
    phase_of,
    planned_seconds,
    read,
    reset,
    start,
    stop,
    timer_text,
    toggle,
    warn_at,
)
from pmtui.store import Archive, PostMortemFile, load

NOW = "2026-11-20T10:00:00+00:00"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def pm(clock: FixedClock) -> PostMortem:
    return new_postmortem("Checkout payments failing", clock)


# -- one timer ------------------------------------------------------------------


def test_a_timer_counts_while_started_and_keeps_time_when_stopped(
    clock: FixedClock,
) -> None:
    timer = StepTimer()
    assert elapsed(timer, clock.now()) == 0
    assert start(timer, clock.now())
    assert not start(timer, clock.now())
    clock.advance(seconds=90)
    assert elapsed(timer, clock.now()) == 90
    assert stop(timer, clock.now())
    assert not stop(timer, clock.now())
    clock.advance(minutes=10)
    assert elapsed(timer, clock.now()) == 90
    start(timer, clock.now())
    clock.advance(seconds=30)
    assert elapsed(timer, clock.now()) == 120


def test_a_clock_going_back_never_counts_negative(clock: FixedClock) -> None:
    timer = StepTimer(elapsed_seconds=10.0)
    start(timer, clock.now())
    clock.advance(seconds=-30)
    assert elapsed(timer, clock.now()) == 10


@pytest.mark.parametrize(
    ("seconds", "planned", "phase"),
    [
        (0, 900, Phase.OK),
        (719, 900, Phase.OK),  # 15 min box: warning from 12:00 (last 20%)
        (720, 900, Phase.WARNING),
        (900, 900, Phase.WARNING),  # exactly on time is not over
        (901, 900, Phase.OVER),
        (239, 300, Phase.OK),  # 5 min box: warning from 4:00
        (240, 300, Phase.WARNING),
        (3299, 3600, Phase.OK),  # 60 min meeting: at most 5 minutes of warning
        (3300, 3600, Phase.WARNING),
        (5000, None, Phase.UNPLANNED),
        (5000, 0, Phase.UNPLANNED),
    ],
)
def test_phases(seconds: float, planned: float | None, phase: Phase) -> None:
    assert phase_of(seconds, planned) is phase


def test_warn_at() -> None:
    assert warn_at(900) == 720
    assert warn_at(3600) == 3300


# -- the post-mortem's timers ---------------------------------------------------------


def test_planned_seconds_come_from_the_agenda(pm: PostMortem) -> None:
    assert planned_seconds(pm, "timeline") == 15 * 60
    assert planned_seconds(pm, MEETING) == 60 * 60
    assert planned_seconds(pm, "incident") is None
    pm.tone.agenda.append(AgendaItem("timeline", 5))
    assert planned_seconds(pm, "timeline") == 20 * 60
    pm.tone.meeting_minutes = 0
    assert planned_seconds(pm, MEETING) is None


def test_nothing_runs_until_the_meeting_is_started(
    pm: PostMortem, clock: FixedClock
) -> None:
    assert not enter_step(pm, "timeline", clock.now())
    assert pm.timers == {}
    assert read(pm, "timeline", clock.now()) == Reading(0.0, 900.0, False)


def test_warning_and_over_on_a_step(pm: PostMortem, clock: FixedClock) -> None:
    assert toggle(pm, "timeline", clock.now())
    assert meeting_running(pm)
    clock.advance(minutes=7, seconds=12)
    reading = read(pm, "timeline", clock.now())
    assert (reading.phase, reading.running) == (Phase.OK, True)
    assert timer_text(reading) == "⏱ 07:12 / 15:00"
    clock.advance(minutes=6, seconds=28)
    reading = read(pm, "timeline", clock.now())
    assert reading.phase is Phase.WARNING
    assert timer_text(reading) == "⚠ 13:40 / 15:00"
    assert reading.remaining == 80
    clock.advance(minutes=2, seconds=25)
    reading = read(pm, "timeline", clock.now())
    assert reading.phase is Phase.OVER
    assert timer_text(reading) == "⛔ OVER 16:05 / 15:00"
    assert timer_text(read(pm, MEETING, clock.now()), "meeting") == (
        "⏱ meeting 16:05 / 60:00"
    )


def test_pause_and_resume(pm: PostMortem, clock: FixedClock) -> None:
    toggle(pm, "causes", clock.now())
    clock.advance(minutes=3)
    assert not toggle(pm, "causes", clock.now())
    assert not meeting_running(pm)
    clock.advance(minutes=20)  # a break: nothing counts
    paused = read(pm, "causes", clock.now())
    assert (paused.elapsed, paused.running) == (180, False)
    assert timer_text(paused) == f"{PAUSED_SYMBOL} paused 03:00 / 15:00"
    assert read(pm, MEETING, clock.now()).elapsed == 180
    assert toggle(pm, "causes", clock.now())
    clock.advance(minutes=1)
    assert read(pm, "causes", clock.now()).elapsed == 240
    assert read(pm, MEETING, clock.now()).elapsed == 240


def test_moving_between_steps_moves_the_running_timer(
    pm: PostMortem, clock: FixedClock
) -> None:
    toggle(pm, "tone", clock.now())
    clock.advance(minutes=4)
    assert enter_step(pm, "timeline", clock.now())
    clock.advance(minutes=10)
    assert enter_step(pm, "incident", clock.now())  # no time box: only the meeting
    clock.advance(minutes=2)
    assert not enter_step(pm, "incident", clock.now())
    assert enter_step(pm, "timeline", clock.now())
    clock.advance(minutes=1)
    now = clock.now()
    assert read(pm, "tone", now) == Reading(240.0, 300.0, False)
    assert read(pm, "timeline", now) == Reading(660.0, 900.0, True)
    assert "incident" not in pm.timers
    assert read(pm, MEETING, now).elapsed == 17 * 60


def test_pause_all_and_reset(pm: PostMortem, clock: FixedClock) -> None:
    toggle(pm, "reflect", clock.now())
    clock.advance(minutes=2)
    assert pause_all(pm, clock.now())
    assert not pause_all(pm, clock.now())
    assert all(t.started is None for t in pm.timers.values())
    assert reset(pm, "reflect", clock.now())
    assert not reset(pm, "reflect", clock.now())
    assert not reset(pm, "actions", clock.now())
    assert read(pm, "reflect", clock.now()).elapsed == 0
    assert read(pm, MEETING, clock.now()).elapsed == 120


def test_a_running_timer_resets_to_now(pm: PostMortem, clock: FixedClock) -> None:
    toggle(pm, "reflect", clock.now())
    clock.advance(minutes=2)
    assert reset(pm, MEETING, clock.now())
    clock.advance(seconds=5)
    assert read(pm, MEETING, clock.now()) == Reading(5.0, 3600.0, True)


def test_a_resumed_meeting_continues_after_a_restart(
    tmp_path, pm: PostMortem, clock: FixedClock
) -> None:
    archive = Archive(tmp_path)
    archive.ensure()
    doc = archive.create(pm)
    toggle(pm, "timeline", clock.now())
    clock.advance(minutes=5)
    doc.save(pm)
    doc.close()  # the app stops without pausing (a crash, a closed terminal)
    clock.advance(minutes=1)
    again = load(doc.path)
    assert meeting_running(again)
    assert read(again, "timeline", clock.now()) == Reading(360.0, 900.0, True)
    # Paused and saved: it continues from the same time when started again.
    pause_all(again, clock.now())
    with PostMortemFile.open(doc.path) as reopened:
        reopened.save(again)
    clock.advance(hours=2)
    third = load(doc.path)
    assert read(third, "timeline", clock.now()) == Reading(360.0, 900.0, False)
    toggle(third, "timeline", clock.now())
    clock.advance(seconds=30)
    assert read(third, "timeline", clock.now()).elapsed == 390


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59.9, "00:59"),
        (432, "07:12"),
        (3600, "60:00"),
        (5999, "99:59"),
        (6000, "1:40:00"),
        (-5, "00:00"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


def test_timer_text_variants() -> None:
    assert timer_text(Reading(432, None, True)) == "⏱ 07:12"
    assert timer_text(Reading(961, 900, False)) == "⏸ OVER paused 16:01 / 15:00"
    assert timer_text(Reading(432, 900, True), compact=True) == "⏱ 07:12/15:00"


def test_without_a_meeting_clock_the_meeting_is_the_sum_of_the_steps(
    pm: PostMortem, clock: FixedClock
) -> None:
    pm.timers = {"tone": StepTimer(240.0), "timeline": StepTimer(1020.0)}
    assert read(pm, MEETING, clock.now()) == Reading(1260.0, 3600.0, False)
    toggle(pm, "causes", clock.now())
    clock.advance(minutes=1)
    assert read(pm, MEETING, clock.now()) == Reading(1320.0, 3600.0, True)


def test_a_stopped_timer_keeps_tenths_of_a_second(clock: FixedClock) -> None:
    timer = StepTimer()
    start(timer, clock.now())
    clock.advance(seconds=61.23456)
    stop(timer, clock.now())
    assert timer.elapsed_seconds == 61.2


def test_starting_the_clock_of_a_draft_starts_its_meeting() -> None:
    import pendulum

    from pmtui.clock import FixedClock
    from pmtui.model import Status, new_postmortem
    from pmtui.model.timebox import toggle

    now = pendulum.datetime(2026, 11, 20, 13, 0, tz="UTC")
    pm = new_postmortem("x", FixedClock(now))
    assert pm.status is Status.DRAFT
    assert toggle(pm, "tone", now)
    assert pm.status is Status.MEETING
    pm.status = Status.REVIEW
    toggle(pm, "tone", now)  # pause
    toggle(pm, "tone", now)  # a review keeps its status
    assert pm.status is Status.REVIEW
