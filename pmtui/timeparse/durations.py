"""Durations: reading them (time boxes, gap thresholds, ``+7m``) and showing them.

Reading (:func:`parse_duration`):

- One or more ``<whole number><unit>`` parts, spaces optional:
  ``15m``, ``1h30m``, ``1h 30m``, ``2 hours 15 minutes``, ``45s``, ``2d``.
- Units: ``d``/``day``/``days``, ``h``/``hr``/``hrs``/``hour``/``hours``,
  ``m``/``min``/``mins``/``minute``/``minutes``,
  ``s``/``sec``/``secs``/``second``/``seconds``. Each unit at most once, any order.
- A bare whole number is minutes: ``90`` is 1 hour 30 minutes.
- ``0`` and ``0m`` are accepted (zero); negative numbers and fractions are not.

Offsets (:func:`parse_offset`, the timeline's ``+7m rollback started``):

- ``+`` then the same parts with no spaces: ``+7m``, ``+1h``, ``+1h30m``,
  ``+90s``, ``+2d``. Here a unit is required (``+7`` is refused) and ``m`` is
  minutes.
- Text that does not start with ``+`` is not an offset: the result is ``None``.
  Text that starts with ``+`` but is not a valid offset raises TimeParseError.

Showing:

- :func:`humanize_duration` gives the two largest units, counted down (never
  rounded up): ``17 minutes``, ``1 hour 2 minutes``, ``1 hour``,
  ``2 days 3 hours``. Below an hour only minutes are shown (``17 minutes`` for
  17 min 40 s); seconds appear only below one minute (``45 seconds``). Zero and
  anything under a second either way is ``0 minutes``. A negative duration
  gets a leading ``-`` (``-17 minutes``).
- :func:`exact_duration` gives clock style, seconds counted down:
  ``0:17:00``, ``12:03:09``, and with whole days ``1d 02:03:00``. A negative
  duration gets a leading ``-`` (under a second either way is ``0:00:00``).
"""

from __future__ import annotations

import re
from datetime import timedelta

from pmtui.timeparse._words import TimeParseError

_UNITS: dict[str, str] = {}
for _unit, _words in {
    "days": ("d", "day", "days"),
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "minutes": ("m", "min", "mins", "minute", "minutes"),
    "seconds": ("s", "sec", "secs", "second", "seconds"),
}.items():
    for _word in _words:
        _UNITS[_word] = _unit

_PART = re.compile(r"([0-9]+)\s*([a-z]+)\s*")
_DURATION_HINT = "Try 15m, 1h30m, 90 (minutes), 90 min or 2h."
_OFFSET_HINT = "Try +7m, +1h, +1h30m, +90s or +2d."


def _parts(text: str) -> dict[str, int] | None:
    """Unit -> amount for ``1h30m``-style text; ``None`` when it is not that."""
    amounts: dict[str, int] = {}
    position = 0
    while position < len(text):
        match = _PART.match(text, position)
        if match is None:
            return None
        unit = _UNITS.get(match.group(2))
        if unit is None or unit in amounts:
            return None
        amounts[unit] = int(match.group(1))
        position = match.end()
    return amounts or None


def _timedelta(amounts: dict[str, int], text: str) -> timedelta:
    try:
        return timedelta(**amounts)
    except OverflowError as exc:
        raise TimeParseError(f"'{text.strip()}' is far too long a time.") from exc


def parse_duration(text: str) -> timedelta:
    """A duration as typed for a time box or a gap threshold (see module doc)."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise TimeParseError(f"A duration is needed here. {_DURATION_HINT}")
    if cleaned.isdigit() and cleaned.isascii():
        return timedelta(minutes=int(cleaned))
    amounts = _parts(cleaned)
    if amounts is None:
        raise TimeParseError(
            f"Could not read '{text.strip()}' as a duration. {_DURATION_HINT}"
        )
    return _timedelta(amounts, text)


def parse_offset(text: str) -> timedelta | None:
    """``+7m`` -> 7 minutes; ``None`` when ``text`` does not start with ``+``."""
    cleaned = text.strip().lower()
    if not cleaned.startswith("+"):
        return None
    body = cleaned[1:]
    amounts = None if any(c.isspace() for c in body) else _parts(body)
    if amounts is None:
        raise TimeParseError(
            f"Could not read '{text.strip()}' as a time offset. {_OFFSET_HINT}"
        )
    return _timedelta(amounts, text)


def _plural(amount: int, unit: str) -> str:
    return f"{amount} {unit}" if amount == 1 else f"{amount} {unit}s"


def humanize_duration(td: timedelta) -> str:
    """``17 minutes``, ``1 hour 2 minutes``, ``2 days 3 hours``, ``45 seconds``."""
    if td < timedelta(0):
        text = humanize_duration(-td)
        return text if text == "0 minutes" else "-" + text
    days, seconds = td.days, td.seconds
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        words = [_plural(days, "day")]
        if hours:
            words.append(_plural(hours, "hour"))
    elif hours:
        words = [_plural(hours, "hour")]
        if minutes:
            words.append(_plural(minutes, "minute"))
    elif minutes or not seconds:
        words = [_plural(minutes, "minute")]
    else:
        words = [_plural(seconds, "second")]
    return " ".join(words)


def exact_duration(td: timedelta) -> str:
    """``0:17:00``; ``1d 02:03:00`` from one day up; ``-`` in front if negative."""
    if td < timedelta(0):
        text = exact_duration(-td)
        return text if text == "0:00:00" else "-" + text
    hours, seconds = divmod(td.seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if td.days:
        return f"{td.days}d {hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{hours}:{minutes:02d}:{seconds:02d}"
