"""Meeting preparation rules (steps 0 and 1): pure, no I/O, no UI.

- :func:`meeting_timing`: the guide says to meet 24-72 hours after the fix;
  earlier and details are still moving, later and memories fade.
- :func:`warranted_hint`: is a post-mortem warranted? A short hint from the
  severity, customer impact, data loss and repeats; never blocking.
- :func:`agenda_check`: the agenda's total against the planned meeting length.
- :func:`related_open_actions`: open actions of earlier post-mortems that share
  a tag or a service, from the archive's summaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from pmtui.model.enums import Severity, Step
from pmtui.model.session import Impact, PostMortem, Tone
from pmtui.model.summary import open_actions
from pmtui.model.timeline import incident_date

MIN_HOURS = 24
MAX_HOURS = 72
SERIOUS = (Severity.P0, Severity.P1, Severity.P2)


class Timing(StrEnum):
    UNKNOWN = "unknown"  # no resolved time yet
    UNSCHEDULED = "unscheduled"  # resolved, no meeting time yet
    EARLY = "early"
    IN_WINDOW = "in_window"
    LATE = "late"


@dataclass(frozen=True)
class TimingCheck:
    verdict: Timing
    since_resolved: timedelta | None  # from the fix to now
    at_meeting: timedelta | None  # from the fix to the meeting
    window: tuple[datetime, datetime] | None  # 24 h and 72 h after the fix
    message: str

    @property
    def warning(self) -> bool:
        return self.verdict in (Timing.EARLY, Timing.LATE)


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    if abs(hours) < 1:
        return f"{round(span.total_seconds() / 60)} min"
    return f"{hours:.0f} h"


def meeting_timing(
    resolved: datetime | None, meeting_at: datetime | None, now: datetime
) -> TimingCheck:
    """Where the meeting falls against the 24-72 h window after the fix."""
    if resolved is None:
        return TimingCheck(
            Timing.UNKNOWN,
            None,
            None,
            None,
            "Set the resolved time to check the 24-72 h window.",
        )
    since = now - resolved
    window = (
        resolved + timedelta(hours=MIN_HOURS),
        resolved + timedelta(hours=MAX_HOURS),
    )
    if meeting_at is None:
        if since > timedelta(hours=MAX_HOURS):
            verdict, text = (
                Timing.LATE,
                f"⚠ Resolved {_hours(since)} ago, past the 24-72 h window: "
                "memories fade, meet as soon as you can.",
            )
        else:
            verdict, text = (
                Timing.UNSCHEDULED,
                f"No meeting time yet. Resolved {_hours(since)} ago; "
                "meet 24-72 h after the fix.",
            )
        return TimingCheck(verdict, since, None, window, text)
    gap = meeting_at - resolved
    if gap < timedelta(0):
        verdict = Timing.EARLY
        text = (
            "⚠ The meeting is before the incident was resolved: "
            "details are still moving."
        )
    elif gap < timedelta(hours=MIN_HOURS):
        verdict = Timing.EARLY
        text = (
            f"⚠ Meeting {_hours(gap)} after the fix, earlier than 24 h: "
            "details may still be moving."
        )
    elif gap <= timedelta(hours=MAX_HOURS):
        verdict = Timing.IN_WINDOW
        text = f"✓ Meeting {_hours(gap)} after the fix: within the 24-72 h window."
    else:
        verdict = Timing.LATE
        text = (
            f"⚠ Meeting {_hours(gap)} after the fix, later than 72 h: "
            "memories fade; meet sooner if you can."
        )
    return TimingCheck(verdict, since, gap, window, text)


@dataclass(frozen=True)
class WarrantHint:
    warranted: bool
    reasons: tuple[str, ...]

    @property
    def message(self) -> str:
        if self.warranted:
            return "✓ A post-mortem is warranted: " + "; ".join(self.reasons) + "."
        return (
            "ℹ Nothing here calls for a post-mortem ("
            + "; ".join(self.reasons)
            + "). Hold one anyway if there is something to learn."
        )


def customer_impact(impact: Impact) -> bool:
    figures = (
        impact.users_affected,
        impact.failed_requests_pct,
        impact.support_tickets,
    )
    return bool(impact.description.strip()) or any(f for f in figures)


def warranted_hint(pm: PostMortem, repeats: int = 0) -> WarrantHint:
    """Reasons for (or the absence of reasons for) holding a post-mortem."""
    incident = pm.incident
    reasons: list[str] = []
    if incident.severity in SERIOUS:
        reasons.append(f"severity {incident.severity.value}")
    if customer_impact(incident.impact):
        reasons.append("customers were affected")
    if incident.impact.data_loss:
        reasons.append("data was lost")
    if repeats:
        plural = "s" if repeats > 1 else ""
        reasons.append(
            f"a repeat: {repeats} earlier post-mortem{plural} share a tag or service"
        )
    if reasons:
        return WarrantHint(True, tuple(reasons))
    return WarrantHint(
        False,
        (
            f"severity {incident.severity.value}",
            "no customer impact recorded",
            "no data loss",
            "no earlier related post-mortems",
        ),
    )


@dataclass(frozen=True)
class AgendaCheck:
    total: int
    planned: int

    @property
    def over(self) -> int:
        return max(0, self.total - self.planned)

    @property
    def message(self) -> str:
        if self.over:
            return (
                f"⚠ Total {self.total} min: {self.over} min over the "
                f"{self.planned}-minute meeting."
            )
        spare = self.planned - self.total
        extra = f", {spare} min spare" if spare else ""
        return f"✓ Total {self.total} min of the {self.planned}-minute meeting{extra}."


def agenda_check(tone: Tone) -> AgendaCheck:
    return AgendaCheck(sum(item.minutes for item in tone.agenda), tone.meeting_minutes)


def agenda_label(step: str) -> str:
    try:
        return Step(step).label
    except ValueError:
        return step


@dataclass(frozen=True)
class RelatedAction:
    """An open action of an earlier post-mortem sharing a tag or a service."""

    key: str  # which post-mortem (its file name)
    title: str
    incident_date: str | None  # UTC ISO, as in the summary
    shared: tuple[str, ...]
    text: str
    owner: str
    due: date | None
    status: str


def shared_with(pm: PostMortem, summary: dict[str, Any]) -> tuple[str, ...]:
    """Tags and services ``summary`` shares with ``pm`` (tags first, sorted)."""
    tags = set(pm.incident.tags) & set(summary.get("tags") or [])
    services = set(pm.incident.services) & set(summary.get("services") or [])
    return tuple(sorted(tags)) + tuple(sorted(services - tags))


def _earlier(pm: PostMortem, summary: dict[str, Any]) -> bool:
    mine = incident_date(pm)
    theirs = summary.get("incident_date")
    if mine is None or not theirs:
        return True
    return datetime.fromisoformat(theirs) <= mine


def related_summaries(
    pm: PostMortem, summaries: Iterable[tuple[str, dict[str, Any]]], *, exclude: str
) -> list[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """Earlier post-mortems sharing a tag or a service: (key, summary, shared)."""
    found = []
    for key, summary in summaries:
        if key == exclude:
            continue
        shared = shared_with(pm, summary)
        if shared and _earlier(pm, summary):
            found.append((key, summary, shared))
    return found


def related_open_actions(
    pm: PostMortem, summaries: Iterable[tuple[str, dict[str, Any]]], *, exclude: str
) -> list[RelatedAction]:
    """Open actions of earlier related post-mortems, newest post-mortem first."""
    related = related_summaries(pm, summaries, exclude=exclude)
    related.sort(key=lambda r: str(r[1].get("incident_date") or ""), reverse=True)
    result = []
    for key, summary, shared in related:
        for action in open_actions(summary):
            due = action.get("due")
            result.append(
                RelatedAction(
                    key=key,
                    title=summary.get("title") or key,
                    incident_date=summary.get("incident_date"),
                    shared=shared,
                    text=action["text"],
                    owner=action.get("owner") or "",
                    due=date.fromisoformat(due) if due else None,
                    status=action["status"],
                )
            )
    return result
