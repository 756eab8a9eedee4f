"""Timeline rules: key moments, time order and the incident metrics.

Key moments are marks on timeline events, so the incident screen's times and
the timeline are one fact: :func:`set_key_time` moves (or creates) the marked
event instead of keeping a second copy.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from pmtui.model.enums import EventKind, KeyMoment
from pmtui.model.session import Event, PostMortem

KEY_EVENT_TEXT = {
    KeyMoment.IMPACT_BEGAN: "Impact began",
    KeyMoment.DETECTED: "Incident detected",
    KeyMoment.MITIGATED: "Impact mitigated",
    KeyMoment.RESOLVED: "Incident resolved",
}
KEY_EVENT_KIND = {
    KeyMoment.IMPACT_BEGAN: EventKind.CUSTOMER_IMPACT,
    KeyMoment.DETECTED: EventKind.DETECTION,
    KeyMoment.MITIGATED: EventKind.FIX,
    KeyMoment.RESOLVED: EventKind.FIX,
}


def sorted_events(pm: PostMortem) -> list[Event]:
    """Events in time order; equal times keep the order they were added."""
    return sorted(pm.timeline, key=lambda e: e.at)


def insert_event(pm: PostMortem, event: Event) -> int:
    """Insert keeping time order; returns the event's index."""
    index = len(pm.timeline)
    while index > 0 and pm.timeline[index - 1].at > event.at:
        index -= 1
    pm.timeline.insert(index, event)
    return index


def key_event(pm: PostMortem, moment: KeyMoment) -> Event | None:
    for event in pm.timeline:
        if event.key is moment:
            return event
    return None


def key_times(pm: PostMortem) -> dict[KeyMoment, datetime]:
    """Every marked moment's time, in one pass (the first holder of a mark
    wins, as in :func:`key_event`)."""
    return {e.key: e.at for e in reversed(pm.timeline) if e.key is not None}


def key_time(pm: PostMortem, moment: KeyMoment) -> datetime | None:
    event = key_event(pm, moment)
    return event.at if event else None


def set_key_time(pm: PostMortem, moment: KeyMoment, at: datetime | None) -> None:
    """Set a key moment's time: moves the marked event, or adds one.

    ``None`` clears the mark (the event itself stays on the timeline).
    """
    event = key_event(pm, moment)
    if at is None:
        if event is not None:
            event.key = None
        return
    if event is None:
        event = Event(
            id=pm.new_id("e"),
            at=at,
            text=KEY_EVENT_TEXT[moment],
            kind=KEY_EVENT_KIND[moment],
            key=moment,
        )
    else:
        pm.timeline.remove(event)
        event.at = at
    insert_event(pm, event)


def mark_key_moment(pm: PostMortem, event: Event, moment: KeyMoment | None) -> None:
    """Mark ``event`` as ``moment``; the mark leaves any other event."""
    if moment is not None:
        for other in pm.timeline:
            if other.key is moment and other is not event:
                other.key = None
    event.key = moment


@dataclass(frozen=True)
class Metrics:
    time_to_detect: timedelta | None
    time_to_mitigate: timedelta | None
    time_to_resolve: timedelta | None
    total_impact: timedelta | None


def metrics(pm: PostMortem) -> Metrics:
    return metrics_of(key_times(pm))


def metrics_of(times: dict[KeyMoment, datetime]) -> Metrics:
    """The metrics from the key moments' times (see :func:`key_times`)."""
    began = times.get(KeyMoment.IMPACT_BEGAN)
    detected = times.get(KeyMoment.DETECTED)
    mitigated = times.get(KeyMoment.MITIGATED)
    resolved = times.get(KeyMoment.RESOLVED)

    def span(a: datetime | None, b: datetime | None) -> timedelta | None:
        return b - a if a is not None and b is not None else None

    return Metrics(
        time_to_detect=span(began, detected),
        time_to_mitigate=span(began, mitigated),
        time_to_resolve=span(began, resolved),
        total_impact=span(began, mitigated or resolved),
    )


def incident_date(pm: PostMortem) -> datetime | None:
    """When the incident happened: impact began, else the first event."""
    began = key_time(pm, KeyMoment.IMPACT_BEGAN)
    if began is not None:
        return began
    # the earliest; on equal times the first in the list, as sorted_events
    return min((e.at for e in pm.timeline), default=None)


def out_of_order(pm: PostMortem) -> list[str]:
    """Warnings (never refusals) for key moments out of order."""
    return out_of_order_of(key_times(pm))


def out_of_order_of(times: dict[KeyMoment, datetime]) -> list[str]:
    """:func:`out_of_order` from the key moments' times."""
    known = [(m, times[m]) for m in KeyMoment if m in times]
    warnings = []
    for (m1, t1), (m2, t2) in itertools.pairwise(known):
        if t2 < t1:
            warnings.append(f"{m2.label.capitalize()} is before {m1.label}.")
    return warnings
