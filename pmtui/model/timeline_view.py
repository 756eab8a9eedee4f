"""Changing a long timeline: one event at a time, or an import's many at once.

The timeline screen keeps one :class:`TimelineView` over ``pm.timeline`` and
makes its changes through it: adding one event to 100,000 is a bisection and
an insert, not a pass over them all (see :mod:`pmtui.model.timeline_index`).
Anything changed behind the view's back (an undo) calls :meth:`rebuild`, or
:meth:`restored` for the deletion undo just put back. Every change bumps
:attr:`version`, so an import planned from a :meth:`snapshot` in slices
(:mod:`pmtui.model.timeline_merge`) applies only to the timeline it was
planned from.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime

import pendulum

from pmtui.model.enums import KeyMoment
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline_index import TimelineIndex
from pmtui.model.timeline_merge import ImportPlan, Snapshot
from pmtui.model.timeline_rules import Draft, new_event, read_line
from pmtui.model.undo import Removal


class TimelineView(TimelineIndex):
    """The index, and the changes the timeline screen makes through it."""

    def __init__(self, pm: PostMortem) -> None:
        self._removed: list[Removal[Event]] = []  # deletions, for a quick undo
        super().__init__(pm)

    # -- the incident's day and quick-add -------------------------------------

    def incident_date(self) -> datetime | None:
        began = self._keys.get(KeyMoment.IMPACT_BEGAN)
        if began is not None:
            return began.at
        return self.pm.timeline[0].at if self.pm.timeline else None

    def reference_date(self, now: datetime) -> date:
        """As :func:`~pmtui.model.timeline_rules.reference_date`."""
        when = self.incident_date() or now
        return pendulum.instance(when).in_timezone(self.pm.timezone).date()

    def offset_base(self, last_added: Event | None) -> datetime | None:
        """As :func:`~pmtui.model.timeline_rules.offset_base`."""
        if last_added is not None and self._by_id.get(last_added.id) is last_added:
            return last_added.at
        return self.pm.timeline[-1].at if self.pm.timeline else None

    def parse_quick_add(
        self, line: str, now: datetime, last_added: Event | None = None
    ) -> Draft:
        """As :func:`~pmtui.model.timeline_rules.parse_quick_add`."""
        ref_date, previous = self.reference_date(now), self.offset_base(last_added)
        return read_line(line, self.pm.timezone, now, ref_date, previous)

    # -- changes --------------------------------------------------------------

    def add(self, draft: Draft) -> Event | None:
        """Add one event in time order; ``None`` when an identical one exists."""
        if self.find_duplicate(draft.at, draft.text) is not None:
            return None
        event = new_event(self.pm, draft)
        self._insert(event)
        self.changed(marks=False)  # a new event holds no mark
        return event

    def move(self, event: Event, at: datetime) -> None:
        """Give ``event`` a new time (after the events already at that time)."""
        self._take(event)
        event.at = at
        self._insert(event)
        self.changed(marks=False)  # the same events hold the marks

    def remove(self, event: Event, label: str) -> Removal[Event]:
        """Take ``event`` off the timeline; the removal brings it back (undo)."""
        index = self._take(event)
        del self._by_id[event.id]
        self.changed(marks=event.key is not None)
        removal = Removal(self.pm.timeline, event, index, label)
        self._removed.append(removal)
        return removal

    def restored(self) -> bool:
        """Take in the last removal if an undo put it back (and nothing else
        changed the list); False otherwise: then :meth:`rebuild`."""
        if not self._removed:
            return False
        removal = self._removed[-1]
        timeline = self.pm.timeline
        index = min(removal.index, len(timeline) - 1)  # as Removal.restore
        if (
            len(timeline) != len(self._stamps) + 1
            or timeline[index] is not removal.item
        ):
            return False
        self._removed.pop()
        event, stamps = removal.item, self._stamps
        at = self.stamp_of(event)
        if (index == 0 or stamps[index - 1] <= at) and (
            index == len(stamps) or at <= stamps[index]
        ):  # back where it was (among events at the same instant too)
            stamps.insert(index, at)
            self._by_id[event.id] = event
        else:  # others moved meanwhile: in time order
            del timeline[index]
            self._insert(event)
        self.changed(marks=removal.item.key is not None)
        return True

    def _insert(self, event: Event) -> None:
        at = self.stamp_of(event)
        index = bisect_right(self._stamps, at)
        self.pm.timeline.insert(index, event)
        self._stamps.insert(index, at)
        self._by_id[event.id] = event

    def _take(self, event: Event) -> int:
        index = self._position(event.id)
        if index is None:
            raise ValueError(f"{event.id} is not on the timeline")
        del self.pm.timeline[index]
        del self._stamps[index]
        return index

    # -- work prepared elsewhere ----------------------------------------------

    def snapshot(self) -> Snapshot:
        """Copies of the lists, for a thread to read while the screen goes on."""
        timeline, threshold = self.pm.timeline, self.pm.gap_threshold_minutes
        return Snapshot(self.version, list(timeline), list(self._stamps), threshold)

    def reserve_ids(self, count: int) -> int:
        """The first of ``count`` serials set aside for new events' ids."""
        first = self.pm.next_serial
        self.pm.next_serial += count
        return first

    def apply(self, plan: ImportPlan) -> bool:
        """Put the planned timeline in place, if the timeline is still the
        one the plan was made from; False (nothing done) if it changed since."""
        if plan.version != self.version:
            return False
        self.pm.timeline[:] = plan.events  # the same list: undo records use it
        self._stamps = plan.stamps
        self._by_id = plan.by_id
        self._cache = plan.cache
        self._keys = plan.marks
        self._set_gaps(plan.gaps)
        self.version += 1
        return True
