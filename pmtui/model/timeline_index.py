"""The timeline indexed for its length: rows and look-ups without a pass over it.

:class:`TimelineIndex` keeps each event's instant as a float beside
``pm.timeline`` (kept in time order, the rule of
:mod:`pmtui.model.timeline_rules`), the events by id, the marked key moments
and where the gap rows go. So with 100,000 events finding a row by key is a
bisection, and the rows (events with gap rows between them) are never built
as a list: row ``n`` is worked out when it is drawn. The same rules as
:func:`~pmtui.model.timeline_rules.timeline_rows` decide the gap rows; the
unit tests hold the two to the same answers. Changes go through
:class:`~pmtui.model.timeline_view.TimelineView`.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime
from itertools import pairwise

from pmtui.model.enums import KeyMoment
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline_merge import gap_indexes, impact_span, stamp, words
from pmtui.model.timeline_rules import Gap, Row, row_key

GAP_PREFIX = "gap:"


class TimelineIndex:
    """``pm.timeline`` in time order, its gap rows, and look-ups by key."""

    def __init__(self, pm: PostMortem) -> None:
        self.pm = pm
        self.version = 0
        self._stamps: list[float] = []
        self._cache: dict[str, tuple[datetime, float]] = {}
        self._by_id: dict[str, Event] = {}
        self._keys: dict[KeyMoment, Event] = {}
        self._gaps: list[int] = []  # indexes of the events a gap row follows
        self._gap_rows: list[int] = []  # the row numbers of those gap rows
        self.rebuild()

    # -- building -------------------------------------------------------------

    def rebuild(self) -> None:
        """Read ``pm.timeline`` again (after an undo), putting it in time order."""
        timeline = self.pm.timeline
        cache = self._cache
        stamps: list[float] = []
        for event in timeline:
            known = cache.get(event.id)
            if known is None or known[0] is not event.at:
                known = cache[event.id] = (event.at, stamp(event.at))
            stamps.append(known[1])
        if any(b < a for a, b in pairwise(stamps)):
            order = sorted(range(len(stamps)), key=stamps.__getitem__)  # stable
            timeline[:] = [timeline[i] for i in order]
            stamps = [stamps[i] for i in order]
        self._stamps = stamps
        self._by_id = {event.id: event for event in timeline}
        if len(cache) > 2 * len(timeline) + 100:  # forget events long gone
            self._cache = {i: cache[i] for i in self._by_id if i in cache}
        self.changed()

    def changed(self, *, marks: bool = True) -> None:
        """Something changed: a key moment or the gap threshold (or, with
        ``marks=False``, the events' times but no event's mark)."""
        self.version += 1
        if marks:
            timeline = self.pm.timeline
            # the first event holding a moment wins, as in timeline.key_event
            self._keys = {e.key: e for e in reversed(timeline) if e.key is not None}
        self._set_gaps(self._find_gaps())

    def _set_gaps(self, gaps: list[int]) -> None:
        self._gaps = gaps
        self._gap_rows = [g + n + 1 for n, g in enumerate(gaps)]

    def touched(self) -> None:
        """An event's text, kind or source changed: nothing moves."""
        self.version += 1

    def _find_gaps(self) -> list[int]:
        window = self.impact_window()
        if window is None:
            return []
        limit = self.pm.gap_threshold_minutes * 60
        return gap_indexes(self._stamps, window, limit)

    def impact_window(self) -> tuple[float, float] | None:
        """As :func:`~pmtui.model.timeline_rules.impact_window`, in seconds."""
        if not self._stamps:
            return None
        marks = {m: self.stamp_of(e) for m, e in self._keys.items()}
        return impact_span(marks, self._stamps[0], self._stamps[-1])

    def stamp_of(self, event: Event) -> float:
        known = self._cache.get(event.id)
        if known is None or known[0] is not event.at:
            known = self._cache[event.id] = (event.at, stamp(event.at))
        return known[1]

    # -- reading --------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        return self.pm.timeline

    @property
    def gap_count(self) -> int:
        return len(self._gaps)

    def __len__(self) -> int:
        """The number of rows: events and gap rows."""
        return len(self.pm.timeline) + len(self._gaps)

    def row(self, index: int) -> Row:
        """Row ``index`` (0-based; IndexError past the end)."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        gap_rows = self._gap_rows
        before = bisect_left(gap_rows, index)
        if before < len(gap_rows) and gap_rows[before] == index:
            after = self._gaps[before]
            return Gap(self.pm.timeline[after], self.pm.timeline[after + 1])
        return self.pm.timeline[index - before]

    def row_keys(self) -> list[str]:
        """Every row's key, in order (a pass over them all: for tests)."""
        return [row_key(self.row(n)) for n in range(len(self))]

    def key_events(self) -> dict[KeyMoment, Event]:
        """The event holding each marked key moment."""
        return dict(self._keys)

    def index_of(self, key: str) -> int | None:
        """The row number of the event or gap row ``key``, if it is shown."""
        if key.startswith(GAP_PREFIX):
            after_id, _, before_id = key[len(GAP_PREFIX) :].partition(":")
            after = self._position(after_id)
            if after is None:
                return None
            n = bisect_left(self._gaps, after)
            found = n < len(self._gaps) and self._gaps[n] == after
            if found and self.pm.timeline[after + 1].id == before_id:
                return after + n + 1
            return None
        position = self._position(key)
        if position is None:
            return None
        return position + bisect_left(self._gaps, position)

    def get(self, key: str) -> Row | None:
        index = self.index_of(key)
        return self.row(index) if index is not None else None

    def _position(self, event_id: str) -> int | None:
        """Where the event ``event_id`` is in ``pm.timeline``."""
        event = self._by_id.get(event_id)
        if event is None:
            return None
        timeline, stamps = self.pm.timeline, self._stamps
        at = self.stamp_of(event)
        n = bisect_left(stamps, at)
        while n < len(stamps) and stamps[n] == at:
            if timeline[n] is event:
                return n
            n += 1
        return None

    def find_duplicate(self, at: datetime, text: str) -> Event | None:
        """An event at the same instant with the same text (spaces, case aside)."""
        seconds, wanted = stamp(at), words(text)
        stamps, timeline = self._stamps, self.pm.timeline
        n = bisect_left(stamps, seconds)
        while n < len(stamps) and stamps[n] == seconds:
            if words(timeline[n].text) == wanted:
                return timeline[n]
            n += 1
        return None
