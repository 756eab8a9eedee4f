"""Timeline rules for the timeline step: rows with gaps, quick-add, duplicates.

Pure functions on :class:`~pmtui.model.session.PostMortem`; no UI, no clock
(the present is passed in as ``now``). Key moments stay marks on events
(:mod:`pmtui.model.timeline`).

Rules:

- **Time order.** ``pm.timeline`` is kept sorted by time; events at the same
  instant keep the order they were added.
- **The impact window** runs from the event marked *impact began* (else the
  first event) to the one marked *mitigated* (else *resolved*, else the last
  event): the same span as the "total impact" metric, and usable while the
  room has not marked the key moments yet.
- **Gap rows.** Between two consecutive events both inside the impact window,
  a silence longer than ``pm.gap_threshold_minutes`` is a gap row
  (``⋯ 17 minutes with no event``) so the room can ask what happened there.
- **Identical events** are the same instant and the same text (spaces and
  letter case aside); they are never added twice.
- **Quick-add** ``+7m`` counts from the event added last in this sitting;
  when none was added yet (or it was deleted), from the latest event in time.
  The person typing is usually following the thread they just typed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pendulum

from pmtui.model.enums import EventKind, KeyMoment
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline import (
    incident_date,
    insert_event,
    key_event,
    key_time,
    mark_key_moment,
    sorted_events,
)
from pmtui.timeparse import TimeParseError, humanize_duration, split_leading_time

NO_TIME = (
    "When did it happen? Start the line with a time (09:04), an offset from "
    "the previous event (+7m) or now."
)
NO_TEXT = "Say what happened after the time, e.g. 09:11 error-rate alert fired."


@dataclass(frozen=True)
class Gap:
    """A silence longer than the threshold between two events."""

    after: Event
    before: Event

    @property
    def duration(self) -> timedelta:
        return self.before.at - self.after.at

    @property
    def key(self) -> str:
        return f"gap:{self.after.id}:{self.before.id}"

    def describe(self) -> str:
        return f"⋯ {humanize_duration(self.duration)} with no event"


Row = Event | Gap


@dataclass(frozen=True)
class Draft:
    """An event read from a line of text, not yet on the timeline."""

    at: datetime
    text: str
    kind: EventKind = EventKind.OTHER
    source: str = ""


def row_key(row: Row) -> str:
    return row.key if isinstance(row, Gap) else row.id


def impact_window(pm: PostMortem) -> tuple[datetime, datetime] | None:
    """Impact began (else first event) .. mitigated/resolved (else last event)."""
    events = sorted_events(pm)
    if not events:
        return None
    start = key_time(pm, KeyMoment.IMPACT_BEGAN) or events[0].at
    end = (
        key_time(pm, KeyMoment.MITIGATED)
        or key_time(pm, KeyMoment.RESOLVED)
        or events[-1].at
    )
    return (start, end) if start <= end else None


def find_gaps(pm: PostMortem, threshold: timedelta | None = None) -> list[Gap]:
    """Silences longer than ``threshold`` (default: the post-mortem's) in the window."""
    limit = (
        threshold
        if threshold is not None
        else timedelta(minutes=pm.gap_threshold_minutes)
    )
    window = impact_window(pm)
    if window is None:
        return []
    start, end = (t.timestamp() for t in window)
    # plain seconds: pendulum's subtraction builds an Interval, costly per pair
    inside = [(e.at.timestamp(), e) for e in sorted_events(pm)]
    inside = [(t, e) for t, e in inside if start <= t <= end]
    seconds = limit.total_seconds()
    return [
        Gap(a, b)
        for (ta, a), (tb, b) in itertools.pairwise(inside)
        if tb - ta > seconds
    ]


def timeline_rows(pm: PostMortem, threshold: timedelta | None = None) -> list[Row]:
    """Events in time order, each gap row right after the event it follows."""
    after = {gap.after.id: gap for gap in find_gaps(pm, threshold)}
    rows: list[Row] = []
    for event in sorted_events(pm):
        rows.append(event)
        if event.id in after:
            rows.append(after[event.id])
    return rows


def fingerprint(at: datetime, text: str) -> tuple[float, str]:
    """What makes two events identical: the instant and the text."""
    return at.timestamp(), " ".join(text.split()).casefold()


def find_duplicate(pm: PostMortem, at: datetime, text: str) -> Event | None:
    words = fingerprint(at, text)[1]
    for event in pm.timeline:  # the text first: cheaper than the time
        if fingerprint(at, event.text)[1] == words and event.at == at:
            return event
    return None


def new_event(pm: PostMortem, draft: Draft) -> Event:
    return Event(
        id=pm.new_id("e"),
        at=draft.at,
        text=" ".join(draft.text.split()),
        kind=draft.kind,
        source=draft.source.strip(),
    )


def add_event(pm: PostMortem, draft: Draft) -> Event | None:
    """Add one event in time order; ``None`` when an identical one exists."""
    if find_duplicate(pm, draft.at, draft.text) is not None:
        return None
    event = new_event(pm, draft)
    insert_event(pm, event)
    return event


def split_new(pm: PostMortem, drafts: Iterable[Draft]) -> tuple[list[Draft], int]:
    """The drafts that are new, and how many are identical to an event already
    on the timeline or to an earlier draft."""
    seen = {fingerprint(e.at, e.text) for e in pm.timeline}
    fresh: list[Draft] = []
    repeats = 0
    for draft in drafts:
        mark = fingerprint(draft.at, draft.text)
        if mark in seen:
            repeats += 1
            continue
        seen.add(mark)
        fresh.append(draft)
    return fresh, repeats


def add_events(pm: PostMortem, drafts: Iterable[Draft]) -> list[Event]:
    """Add many events at once (an import); identical ones are skipped."""
    fresh, _ = split_new(pm, drafts)
    added = [new_event(pm, draft) for draft in fresh]
    if added:
        pm.timeline.extend(added)
        pm.timeline.sort(key=lambda e: e.at)  # stable: equal times keep order
    return added


def move_event(pm: PostMortem, event: Event, at: datetime) -> None:
    """Give ``event`` a new time, keeping the timeline in time order."""
    pm.timeline.remove(event)
    event.at = at
    insert_event(pm, event)


def move_mark(pm: PostMortem, event: Event, moment: KeyMoment | None) -> Event | None:
    """Mark ``event`` as ``moment`` (or unmark it); returns the other event
    that held the mark before, if any (at most one event per key moment)."""
    holder = key_event(pm, moment) if moment is not None else None
    mark_key_moment(pm, event, moment)
    return holder if holder is not event else None


def reference_date(pm: PostMortem, now: datetime) -> date:
    """The day a bare ``09:04`` is on: the incident's day, else today (in zone)."""
    when = incident_date(pm) or now
    return pendulum.instance(when).in_timezone(pm.timezone).date()


def offset_base(pm: PostMortem, last_added: Event | None) -> datetime | None:
    """What ``+7m`` counts from (see the module doc)."""
    if last_added is not None and any(e is last_added for e in pm.timeline):
        return last_added.at
    events = sorted_events(pm)
    return events[-1].at if events else None


def parse_quick_add(
    line: str, *, pm: PostMortem, now: datetime, last_added: Event | None = None
) -> Draft:
    """``09:11 error-rate alert fired`` -> a draft; TimeParseError if not readable."""
    previous = offset_base(pm, last_added)
    return read_line(line, pm.timezone, now, reference_date(pm, now), previous)


def read_line(
    line: str, tz: str, now: datetime, ref_date: date, previous: datetime | None
) -> Draft:
    """A quick-add line on ``ref_date`` in ``tz``; ``+7m`` counts from
    ``previous``. TimeParseError (saying what is missing) if not readable."""
    at, text = split_leading_time(
        line, tz=tz, now=now, ref_date=ref_date, previous=previous
    )
    if at is None:
        raise TimeParseError(NO_TIME)
    if not text:
        raise TimeParseError(NO_TEXT)
    return Draft(at=at, text=text)


_KINDS = list(EventKind)
_KEYS: list[KeyMoment | None] = [None, *KeyMoment]


def cycle_kind(kind: EventKind, step: int = 1) -> EventKind:
    return _KINDS[(_KINDS.index(kind) + step) % len(_KINDS)]


def cycle_key(
    key: KeyMoment | None, step: int = 1, taken: Iterable[KeyMoment] = ()
) -> KeyMoment | None:
    """none -> impact began -> detected -> mitigated -> resolved -> none,
    skipping the moments in ``taken`` (held by other events), so cycling never
    takes a mark away from another event. To move a mark, set it directly."""
    skip = set(taken)
    index = _KEYS.index(key)
    for _ in _KEYS:
        index = (index + step) % len(_KEYS)
        if _KEYS[index] not in skip:
            break
    return _KEYS[index]
