"""Time boxes: how long the meeting has spent on each step, against the agenda.

Pure logic on ``pm.timers`` (:class:`StepTimer` per step value, plus the
whole-meeting clock under :data:`MEETING`), with ``now`` passed in: the app's
injected clock. A timer runs while its ``started`` is set; stopping it adds
the time since to ``elapsed_seconds``. Because the state lives in the
post-mortem, a meeting resumed after a restart carries on where it was.

The meeting clock is started and paused by the facilitator (ctrl+t). While it
runs, the timer of the step on screen runs with it; moving to another step
stops the old step's timer and starts the new one's. Steps without a time box
on the agenda (the incident, the report) only count towards the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pmtui.model.enums import Status
from pmtui.model.session import PostMortem, StepTimer

MEETING = "meeting"
WARN_FRACTION = 0.2  # the warning shows in the last 20% of a time box ...
WARN_CAP_SECONDS = 300.0  # ... but never earlier than 5 minutes before its end


class Phase(StrEnum):
    UNPLANNED = "unplanned"  # no time box: just a running count
    OK = "ok"
    WARNING = "warning"
    OVER = "over"


SYMBOLS = {
    Phase.UNPLANNED: "⏱",
    Phase.OK: "⏱",
    Phase.WARNING: "⚠",
    Phase.OVER: "⛔",
}
PAUSED_SYMBOL = "⏸"


@dataclass(frozen=True)
class Reading:
    """One timer at one moment."""

    elapsed: float
    planned: float | None
    running: bool

    @property
    def phase(self) -> Phase:
        return phase_of(self.elapsed, self.planned)

    @property
    def remaining(self) -> float | None:
        return None if self.planned is None else self.planned - self.elapsed

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.phase] if self.running else PAUSED_SYMBOL


# -- one timer -------------------------------------------------------------------


def elapsed(timer: StepTimer, now: datetime) -> float:
    """Seconds counted so far, including the running stretch."""
    total = timer.elapsed_seconds
    if timer.started is not None:
        total += max(0.0, (now - timer.started).total_seconds())
    return total


def start(timer: StepTimer, now: datetime) -> bool:
    """Start ``timer``; False if it was already running."""
    if timer.started is not None:
        return False
    timer.started = now
    return True


def stop(timer: StepTimer, now: datetime) -> bool:
    """Stop ``timer``, keeping the time it ran; False if it was not running."""
    if timer.started is None:
        return False
    timer.elapsed_seconds = round(elapsed(timer, now), 1)  # tidy diffs
    timer.started = None
    return True


def warn_at(planned: float) -> float:
    """The elapsed seconds at which a time box of ``planned`` turns to warning."""
    return planned - min(planned * WARN_FRACTION, WARN_CAP_SECONDS)


def phase_of(seconds: float, planned: float | None) -> Phase:
    if planned is None or planned <= 0:
        return Phase.UNPLANNED
    if seconds > planned:
        return Phase.OVER
    if seconds >= warn_at(planned):
        return Phase.WARNING
    return Phase.OK


# -- the post-mortem's timers -------------------------------------------------------


def planned_seconds(pm: PostMortem, key: str) -> float | None:
    """The time box of a step (a Step value) or of the whole meeting."""
    if key == MEETING:
        minutes = pm.tone.meeting_minutes
        return minutes * 60.0 if minutes > 0 else None
    total = sum(item.minutes for item in pm.tone.agenda if item.step == key)
    return total * 60.0 if total > 0 else None


def read(pm: PostMortem, key: str, now: datetime) -> Reading:
    """The timer of ``key`` (a Step value or :data:`MEETING`) at ``now``."""
    timer = pm.timers.get(key)
    if timer is None and key == MEETING:
        # Kept before the meeting clock existed: the steps' time is the meeting's.
        spent = sum(elapsed(t, now) for t in pm.timers.values())
        return Reading(spent, planned_seconds(pm, key), False)
    if timer is None:
        return Reading(0.0, planned_seconds(pm, key), False)
    return Reading(
        elapsed(timer, now), planned_seconds(pm, key), timer.started is not None
    )


def meeting_running(pm: PostMortem) -> bool:
    timer = pm.timers.get(MEETING)
    return timer is not None and timer.started is not None


def _timer(pm: PostMortem, key: str) -> StepTimer:
    return pm.timers.setdefault(key, StepTimer())


def enter_step(pm: PostMortem, step: str, now: datetime) -> bool:
    """``step`` is now on screen: while the meeting runs, its timer runs and
    every other step's stops. True if anything changed."""
    if not meeting_running(pm):
        return False
    changed = False
    for key, timer in pm.timers.items():
        if key not in (MEETING, step):
            changed = stop(timer, now) or changed
    if planned_seconds(pm, step) is not None:
        changed = start(_timer(pm, step), now) or changed
    return changed


def toggle(pm: PostMortem, step: str, now: datetime) -> bool:
    """Start or pause the meeting (and ``step``'s timer). True if now running.

    Starting the clock of a draft marks the post-mortem as in its meeting.
    """
    if meeting_running(pm):
        pause_all(pm, now)
        return False
    if pm.status is Status.DRAFT:
        pm.status = Status.MEETING
    if MEETING not in pm.timers:
        pm.timers[MEETING] = StepTimer(read(pm, MEETING, now).elapsed)
    start(pm.timers[MEETING], now)
    enter_step(pm, step, now)
    return True


def pause_all(pm: PostMortem, now: datetime) -> bool:
    """Stop every timer, keeping the time so far. True if any was running."""
    changed = False
    for timer in pm.timers.values():
        changed = stop(timer, now) or changed
    return changed


def reset(pm: PostMortem, key: str, now: datetime) -> bool:
    """Set a timer back to zero (it keeps running if it ran)."""
    timer = pm.timers.get(key)
    if timer is None or elapsed(timer, now) == 0:
        return False
    timer.elapsed_seconds = 0.0
    if timer.started is not None:
        timer.started = now
    return True


# -- text ---------------------------------------------------------------------------


def format_clock(seconds: float) -> str:
    """``07:12``; ``1:02:03`` from 100 minutes on."""
    whole = int(max(0.0, seconds))
    minutes, secs = divmod(whole, 60)
    if minutes < 100:
        return f"{minutes:02d}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def timer_text(reading: Reading, label: str = "", *, compact: bool = False) -> str:
    """What the header shows: a symbol, a word where it matters, the times.

    ``⏱ 07:12 / 15:00``, ``⚠ 13:40 / 15:00``, ``⛔ OVER 16:05 / 15:00``,
    ``⏸ paused 07:12 / 15:00``. ``label`` names the clock ("meeting").
    """
    parts = [reading.symbol]
    if label:
        parts.append(label)
    if reading.phase is Phase.OVER:
        parts.append("OVER")
    if not reading.running:
        parts.append("paused")
    sep = "/" if compact else " / "
    times = format_clock(reading.elapsed)
    if reading.planned is not None:
        times += sep + format_clock(reading.planned)
    parts.append(times)
    return " ".join(parts)
