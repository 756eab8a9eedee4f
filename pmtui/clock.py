"""The clock is injected everywhere time matters, so tests are deterministic."""

from __future__ import annotations

from typing import Protocol

import pendulum


class Clock(Protocol):
    def now(self) -> pendulum.DateTime:
        """The present moment, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> pendulum.DateTime:
        return pendulum.now("UTC")


class FixedClock:
    """A clock that only moves when told to: for tests and snapshots."""

    def __init__(self, at: pendulum.DateTime | str) -> None:
        if isinstance(at, str):
            parsed = pendulum.parse(at)
            assert isinstance(parsed, pendulum.DateTime)
            at = parsed
        self._now = at.in_timezone("UTC")

    def now(self) -> pendulum.DateTime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now = self._now.add(**delta)  # type: ignore[arg-type]

    def set(self, at: pendulum.DateTime) -> None:
        self._now = at.in_timezone("UTC")
