"""Adding many events at once (an import), in slices the screen can share.

:func:`plan_steps` does the slow part of adding 100,000 drafts to a
timeline: the instants, the duplicate check (same instant and same text,
spaces and letter case aside; never added twice), the new events and the
merged time order. It is a generator that yields every :data:`SLICE` items of
work, so the screen runs it between keys and frames (a thread would fight the
screen for the interpreter lock, and lose it for tens of milliseconds at a
time). It reads only a :class:`Snapshot` (copies of the lists) and the
drafts; the plan is applied by
:meth:`pmtui.model.timeline_view.TimelineView.apply` only if the timeline has
not changed since the snapshot, otherwise it is planned again.
:func:`plan_import` runs all the steps at once.

The outcome is what :func:`pmtui.model.timeline_rules.add_events` gives:
identical drafts are skipped, and events at the same instant keep the order
they were added (those already on the timeline first, then the file's order).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from pmtui.model.enums import KeyMoment
from pmtui.model.session import Event
from pmtui.model.timeline_rules import Draft

SLICE = 500  # items of work between two yields (well under a millisecond)


def stamp(at: datetime) -> float:
    """Seconds since the epoch (``datetime.timestamp``, without pendulum's
    slower override): what the timeline is ordered and compared by."""
    return datetime.timestamp(at)


def words(text: str) -> str:
    """The text as identical events compare it (spaces and letter case aside)."""
    return " ".join(text.split()).casefold()


def impact_span(
    marks: dict[KeyMoment, float], first: float, last: float
) -> tuple[float, float] | None:
    """The impact window in seconds (see ``timeline_rules.impact_window``):
    impact began, else the first event, to mitigated, else resolved, else
    the last event; ``marks`` are the marked moments' instants."""
    start = marks.get(KeyMoment.IMPACT_BEGAN, first)
    end = marks.get(KeyMoment.MITIGATED, marks.get(KeyMoment.RESOLVED, last))
    return (start, end) if start <= end else None


def gap_indexes(
    stamps: list[float], span: tuple[float, float], limit: float
) -> list[int]:
    """Indexes ``i`` of the instants (in order) followed by a silence longer
    than ``limit`` seconds, both inside ``span``: where the gap rows go."""
    low, high = bisect_left(stamps, span[0]), bisect_right(stamps, span[1])
    inside = stamps[low:high]
    return [n for n, (a, b) in enumerate(pairwise(inside), low) if b - a > limit]


@dataclass(frozen=True)
class Snapshot:
    """The timeline at one version: copies, safe to read in another thread."""

    version: int
    events: list[Event]
    stamps: list[float]
    gap_minutes: int  # the post-mortem's gap threshold


@dataclass(frozen=True)
class ImportPlan:
    """The timeline with the new events merged in, ready to put in place."""

    version: int  # of the snapshot it was planned from
    events: list[Event]  # in time order
    stamps: list[float]  # beside ``events``
    by_id: dict[str, Event]
    cache: dict[str, tuple[datetime, float]]  # id -> (at, stamp)
    added: list[Event]  # the new events, in the file's order
    repeats: int  # drafts identical to an event or to an earlier draft
    marks: dict[KeyMoment, Event]  # the event holding each marked moment
    gaps: list[int]  # as gap_indexes() gives for the new timeline


def emptied(items: list[Any] | set[Any]) -> Generator[None, None, None]:
    """Empty ``items`` a slice at a time (what was only there is freed)."""
    while items:
        if isinstance(items, set):
            for _ in range(min(SLICE, len(items))):
                items.pop()
        else:
            del items[-SLICE:]
        yield


def plan_import(
    snapshot: Snapshot, drafts: Sequence[Draft], first_serial: int
) -> ImportPlan:
    """All of :func:`plan_steps` at once."""
    steps = plan_steps(snapshot, drafts, first_serial)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            plan: ImportPlan = done.value
            return plan


def plan_size(snapshot: Snapshot, drafts: Sequence[Draft]) -> int:
    """About how many items :func:`plan_steps` works through (each of its
    yields is :data:`SLICE` of them): for a progress bar."""
    return 8 * len(drafts) + 4 * len(snapshot.events)


def plan_steps(
    snapshot: Snapshot, drafts: Sequence[Draft], first_serial: int
) -> Generator[None, None, ImportPlan]:
    """Merge ``drafts`` into the snapshot's timeline, yielding between slices;
    new ids count from ``first_serial`` (``TimelineView.reserve_ids``)."""
    old, old_stamps = snapshot.events, snapshot.stamps
    draft_stamps: list[float] = []
    wanted: set[float] = set()  # filled as it goes: no 100,000 items at once
    for n, draft in enumerate(drafts):
        at = stamp(draft.at)
        draft_stamps.append(at)
        wanted.add(at)
        if n % SLICE == 0:
            yield
    seen: set[tuple[float, str]] = set()
    for n, (event, at) in enumerate(zip(old, old_stamps, strict=True)):
        if at in wanted:
            seen.add((at, words(event.text)))
        if n % SLICE == 0:
            yield
    added: list[Event] = []
    added_stamps: list[float] = []
    for n, (draft, at) in enumerate(zip(drafts, draft_stamps, strict=True)):
        if n % SLICE == 0:
            yield
        text = " ".join(draft.text.split())
        mark = (at, text.casefold())
        if mark in seen:
            continue
        seen.add(mark)
        added.append(
            Event(
                id=f"e{first_serial + len(added)}",  # as pm.new_id("e")
                at=draft.at,
                text=text,
                kind=draft.kind,
                source=draft.source.strip(),
            )
        )
        added_stamps.append(at)
    every, every_stamp = old + added, old_stamps + added_stamps
    # the new events in time order: sorted slices, joined where in order, then
    # merged with the timeline's; on equal instants the timeline's come first,
    # then the file's order (heapq.merge keeps the order of its inputs)
    runs: list[list[int]] = []
    for start in range(len(old), len(every), SLICE):
        run = sorted(
            range(start, min(start + SLICE, len(every))), key=every_stamp.__getitem__
        )
        if runs and every_stamp[runs[-1][-1]] <= every_stamp[run[0]]:
            runs[-1].extend(run)
        else:
            runs.append(run)
        yield
    events: list[Event] = []
    stamps: list[float] = []
    order = heapq.merge(range(len(old)), *runs, key=every_stamp.__getitem__)
    for n, index in enumerate(order):
        events.append(every[index])
        stamps.append(every_stamp[index])
        if n % SLICE == 0:
            yield
    # the two look-ups are filled one after the other, not side by side: a
    # dict of 100,000 grows by copying itself whole, and two such copies in
    # one slice would make it twice as long
    by_id: dict[str, Event] = {}
    marks: dict[KeyMoment, Event] = {}
    for n, event in enumerate(events):
        by_id[event.id] = event
        if event.key is not None and event.key not in marks:
            marks[event.key] = event  # the first holder wins, as in key_event
        if n % SLICE == 0:
            yield
    cache: dict[str, tuple[datetime, float]] = {}
    for n, (event, at) in enumerate(zip(events, stamps, strict=True)):
        cache[event.id] = (event.at, at)
        if n % SLICE == 0:
            yield
    gaps: list[int] = []
    instants = {m: cache[e.id][1] for m, e in marks.items()}
    span = impact_span(instants, stamps[0], stamps[-1]) if stamps else None
    if span is not None:
        low, high = bisect_left(stamps, span[0]), bisect_right(stamps, span[1])
        limit = snapshot.gap_minutes * 60
        for start in range(low, high - 1, SLICE):  # gap_indexes(), in slices
            stop = min(start + SLICE, high - 1)
            gaps += [i for i in range(start, stop) if stamps[i + 1] - stamps[i] > limit]
            yield
    # freed a slice at a time too: 100,000 objects let go at once take a while
    temporaries: list[list[Any] | set[Any]] = [seen, wanted, *runs]
    for temporary in temporaries:
        yield from emptied(temporary)
    return ImportPlan(
        version=snapshot.version,
        events=events,
        stamps=stamps,
        by_id=by_id,
        cache=cache,
        added=added,
        repeats=len(drafts) - len(added),
        marks=marks,
        gaps=gaps,
    )
