"""The clock is injected everywhere time matters, so tests are deterministic.

pendulum is imported when a time is first asked for, not with this module:
the home screen needs only today's date and paints sooner without it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pendulum


class Clock(Protocol):
    def now(self) -> pendulum.DateTime:
        """The present moment, timezone-aware (UTC)."""
        ...

    def today(self) -> date:
        """Today's date where the user is (the machine's time zone)."""
        ...


class SystemClock:
    def now(self) -> pendulum.DateTime:
        import pendulum

        return pendulum.now("UTC")

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock that only moves when told to: for tests and snapshots."""

    def __init__(self, at: pendulum.DateTime | str) -> None:
        import pendulum

        if isinstance(at, str):
            parsed = pendulum.parse(at)
            assert isinstance(parsed, pendulum.DateTime)
            at = parsed
        self._now = at.in_timezone("UTC")

    def now(self) -> pendulum.DateTime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone().date()

    def advance(self, **delta: float) -> None:
        self._now = self._now.add(**delta)  # type: ignore[arg-type]

    def set(self, at: pendulum.DateTime) -> None:
        self._now = at.in_timezone("UTC")
