"""Times, durations and due dates from what people type, and back to text.

Pure functions on pendulum; no UI and no real clock: every function that needs
the present takes it as an argument (``now`` from the injected clock, or
``today``). Bad input raises :class:`TimeParseError`, whose message is one
sentence saying what would be understood instead.

The rules, each documented in its module:

- :mod:`pmtui.timeparse.times`: incident times (:func:`parse_time`) and the
  time at the start of a timeline quick-add line (:func:`split_leading_time`):
  accepted forms, time zones, daylight-saving gaps and folds, midnight.
- :mod:`pmtui.timeparse.durations`: :func:`parse_duration` (time boxes, gap
  thresholds), :func:`parse_offset` (``+7m``), :func:`humanize_duration` and
  :func:`exact_duration`.
- :mod:`pmtui.timeparse.due`: action due dates (:func:`parse_due`): ``fri``,
  ``next friday``, ``+2w``, ``eom`` and the rest.
- :mod:`pmtui.timeparse.display`: :func:`format_time` and :func:`format_due`.
"""

from pmtui.timeparse._words import TimeParseError
from pmtui.timeparse.display import format_due, format_time
from pmtui.timeparse.due import parse_due
from pmtui.timeparse.durations import (
    exact_duration,
    humanize_duration,
    parse_duration,
    parse_offset,
)
from pmtui.timeparse.times import parse_time, split_leading_time

__all__ = [
    "TimeParseError",
    "exact_duration",
    "format_due",
    "format_time",
    "humanize_duration",
    "parse_due",
    "parse_duration",
    "parse_offset",
    "parse_time",
    "split_leading_time",
]
