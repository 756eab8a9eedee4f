"""The phase bar: the incident's phases drawn to scale in a line of text.

Phases run between the key moments, in order:

- ``impact``    impact began .. detected (customers hurt, nobody knows yet)
- ``detected``  detected .. mitigated (the team is on it)
- ``mitigated`` mitigated .. resolved (customers fine, the fix is not final)
- ``resolved``  the end mark.

A missing moment is skipped (with detected unknown, ``impact`` runs to
mitigated). Each phase has its own fill character, so the bar reads without
colour; the legend names each character. Without *impact began*, or with key
moments out of order, there is no bar and ``problem`` says why.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from pmtui.model.enums import KeyMoment
from pmtui.model.session import PostMortem
from pmtui.model.timeline import key_times, out_of_order_of

FILL: dict[KeyMoment, str] = {
    KeyMoment.IMPACT_BEGAN: "█",
    KeyMoment.DETECTED: "▓",
    KeyMoment.MITIGATED: "░",
    KeyMoment.RESOLVED: "┃",
}
NAME: dict[KeyMoment, str] = {
    KeyMoment.IMPACT_BEGAN: "impact",
    KeyMoment.DETECTED: "detected",
    KeyMoment.MITIGATED: "mitigated",
    KeyMoment.RESOLVED: "resolved",
}


@dataclass(frozen=True)
class Phase:
    moment: KeyMoment  # the moment the phase starts with
    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def name(self) -> str:
        return NAME[self.moment]

    @property
    def fill(self) -> str:
        return FILL[self.moment]


@dataclass(frozen=True)
class PhaseBar:
    bar: str  # exactly ``width`` characters, or "" when there is no bar
    phases: tuple[Phase, ...]
    resolved: bool  # the bar ends with the resolved mark
    problem: str = ""


def phases(pm: PostMortem) -> tuple[list[Phase], bool, str]:
    """The phases, whether resolved is known, and a problem (or "")."""
    return phases_of(key_times(pm))


def phases_of(times: dict[KeyMoment, datetime]) -> tuple[list[Phase], bool, str]:
    """:func:`phases` from the key moments' times (``key_times``)."""
    if KeyMoment.IMPACT_BEGAN not in times:
        return [], False, "Mark the event where impact began to see the phases."
    warnings = out_of_order_of(times)
    if warnings:
        return [], False, " ".join(warnings)
    known = [(m, times[m]) for m in KeyMoment if m in times]
    spans = [
        Phase(moment, start, end)
        for (moment, start), (_, end) in itertools.pairwise(known)
    ]
    return spans, known[-1][0] is KeyMoment.RESOLVED, ""


def _widths(durations: list[timedelta], width: int) -> list[int]:
    """Split ``width`` in proportion; every non-empty phase gets at least one."""
    total = sum(d.total_seconds() for d in durations)
    if total <= 0 or width <= 0:
        return [0] * len(durations)
    exact = [d.total_seconds() / total * width for d in durations]
    cells = [max(1, round(x)) if x > 0 else 0 for x in exact]
    while sum(cells) > width and max(cells) > 1:
        cells[cells.index(max(cells))] -= 1
    while sum(cells) < width:
        shortfall = [x - c for x, c in zip(exact, cells, strict=True)]
        cells[shortfall.index(max(shortfall))] += 1
    return cells


def phase_bar(pm: PostMortem, width: int) -> PhaseBar:
    """The bar, ``width`` characters wide (the resolved mark included)."""
    return phase_bar_of(key_times(pm), width)


def phase_bar_of(times: dict[KeyMoment, datetime], width: int) -> PhaseBar:
    """:func:`phase_bar` from the key moments' times (``key_times``)."""
    spans, resolved, problem = phases_of(times)
    if problem or not spans or width < len(spans) + 1:
        why = problem or (
            "Mark a second key moment (detected, mitigated or resolved) to see "
            "the phases."
            if not spans
            else "Too narrow for the phase bar."
        )
        return PhaseBar("", tuple(spans), resolved, why)
    room = width - 1 if resolved else width
    cells = _widths([p.duration for p in spans], room)
    bar = "".join(p.fill * n for p, n in zip(spans, cells, strict=True))
    if resolved:
        bar += FILL[KeyMoment.RESOLVED]
    return PhaseBar(bar, tuple(spans), resolved)
