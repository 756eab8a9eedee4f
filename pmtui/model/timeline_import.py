"""Reading timeline events from files: CSV, JSON lines and plain logs.

Pure: the text comes in (the store reads files), drafts and bad lines come
out. Nothing is dropped silently: every line that is not an event is a
:class:`BadLine` with its reason, and blank lines are counted.

Formats (chosen from the file name, else from the first line):

- **CSV** (``.csv``): ``time, description[, kind[, source]]``. A first row
  with a cell ``time`` (or ``at``, ``timestamp``, ``when``) is a header, and
  then the columns may come in any order (``description`` may be
  ``text``, ``event`` or ``message``; ``source`` may be ``link``). A
  description with commas must be quoted; a row with more cells is refused.
- **JSON lines** (``.jsonl``, ``.ndjson``, ``.json``, or a first line starting
  with ``{``): one object per line with ``time`` (or ``at``, ``timestamp``,
  ``ts``, ``@timestamp``; a string, or Unix seconds) and ``text`` (or
  ``description``, ``message``, ``msg``), optional ``kind`` and ``source``.
- **Logs** (anything else): each line starts with a time, ISO-8601
  (``2026-11-18T09:04:12.123Z ...``, ``2026-11-18 09:04:12,123 ...``), syslog
  style (``Nov 18 09:04:12 host app[42]: ...``, the year nearest the incident)
  or a bare clock time; the time may be in square brackets. The rest of the
  line is the description; the source is the file name.

Times without an offset are read in the post-mortem's zone, on ``ref_date``
when they carry no date (:func:`pmtui.timeparse.parse_time`); fractions of a
second are dropped. ``now`` and ``+7m`` are for people typing, not for files.
Kinds are matched by value or label (``customer impact``); unknown kinds are
refused with the list of known ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import pendulum

from pmtui.model.enums import EventKind
from pmtui.model.text import strip_controls
from pmtui.model.timeline_rules import Draft
from pmtui.timeparse import TimeParseError, parse_time, split_leading_time

PROGRESS_EVERY = 2000
TIME_KEYS = ("time", "at", "timestamp", "ts", "@timestamp", "when")
TEXT_KEYS = ("text", "description", "message", "msg", "event")
SOURCE_KEYS = ("source", "link", "url")
KIND_KEYS = ("kind", "type")
_FRACTION = re.compile(r"^([^:]{0,30}?[0-9]{1,2}:[0-9]{2}:[0-9]{2})[.,][0-9]+")
_BRACKETED = re.compile(r"^\[([^\]]{1,60})\]\s*(.*)$", re.DOTALL)
_KINDS = ", ".join(k.label for k in EventKind)
NO_LOG_TIME = (
    "no time at the start: expected ISO-8601 (2026-11-18T09:04:12Z) or "
    "syslog style (Nov 18 09:04:12)"
)


class ImportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    LOG = "log"


class ImportCancelled(Exception):
    """The reader was asked to stop (a worker was cancelled)."""


@dataclass(frozen=True)
class BadLine:
    number: int  # 1-based line number in the file
    text: str
    reason: str


@dataclass
class ImportResult:
    format: ImportFormat
    drafts: list[Draft] = field(default_factory=list)
    bad: list[BadLine] = field(default_factory=list)
    blank: int = 0


@dataclass(frozen=True)
class Reader:
    """How times are read: the post-mortem's zone, the present, the day."""

    tz: str
    now: datetime
    ref_date: date
    source: str = ""

    def time(self, text: str) -> datetime:
        cleaned = _FRACTION.sub(r"\1", text.strip(), count=1)
        if cleaned.casefold() == "now":
            raise TimeParseError("'now' is for typing live, not for files.")
        return parse_time(cleaned, tz=self.tz, now=self.now, ref_date=self.ref_date)

    def leading_time(self, line: str) -> tuple[datetime | None, str]:
        bracketed = _BRACKETED.match(line)
        if bracketed:
            return self.time(bracketed[1]), bracketed[2].strip()
        cleaned = _FRACTION.sub(r"\1", line, count=1)
        first = cleaned.split(maxsplit=1)[0]
        if first.casefold() == "now" or first.startswith("+"):
            return None, line
        return split_leading_time(
            cleaned, tz=self.tz, now=self.now, ref_date=self.ref_date
        )


def parse_kind(text: str) -> EventKind:
    """``alert``, ``customer impact``, ``Customer_Impact`` -> an EventKind."""
    wanted = re.sub(r"[\s_-]+", " ", text.strip().casefold())
    if not wanted:
        return EventKind.OTHER
    for kind in EventKind:
        if wanted == kind.label:
            return kind
    raise TimeParseError(f"unknown kind '{text.strip()}': use one of {_KINDS}")


def detect_format(name: str, text: str) -> ImportFormat:
    lower = name.casefold()
    if lower.endswith(".csv"):
        return ImportFormat.CSV
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return ImportFormat.JSONL
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{"):
        return ImportFormat.JSONL
    if first.split(",", 1)[0].strip().casefold() in TIME_KEYS and "," in first:
        return ImportFormat.CSV
    return ImportFormat.LOG


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def parse_import(
    text: str,
    reader: Reader,
    *,
    fmt: ImportFormat | None = None,
    name: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Every event in ``text``, and every line that is not one with why."""
    fmt = fmt or detect_format(name, text)
    result = ImportResult(fmt)
    if fmt is ImportFormat.CSV:
        from pmtui.model.timeline_csv import read_csv

        read_csv(text, reader, result, progress, cancelled)
        return _cleaned(result)
    lines = text.splitlines()
    read_line = _json_line if fmt is ImportFormat.JSONL else _log_line
    for number, line in enumerate(lines, start=1):
        if number % PROGRESS_EVERY == 0:
            check_progress(number, len(lines), progress, cancelled)
        if not line.strip():
            result.blank += 1
            continue
        try:
            result.drafts.append(read_line(line, reader))
        except (TimeParseError, ValueError) as error:
            result.bad.append(BadLine(number, line, error_reason(error)))
    return _cleaned(result)


def _cleaned(result: ImportResult) -> ImportResult:
    """Colour codes and control characters of logs never reach the timeline."""
    result.drafts = [
        replace(d, text=strip_controls(d.text).strip(), source=strip_controls(d.source))
        for d in result.drafts
    ]
    result.bad = [replace(b, text=strip_controls(b.text)) for b in result.bad]
    return result


def check_progress(
    done: int, total: int, progress: Progress | None, stop: Cancelled | None
) -> None:
    if stop is not None and stop():
        raise ImportCancelled
    if progress is not None:
        progress(done, total)


def error_reason(error: Exception) -> str:
    text = str(error).strip()
    return text[:1].lower() + text[1:] if text else "could not be read"


def make_draft(
    reader: Reader, at: datetime, text: str, kind: str, source: str
) -> Draft:
    words = " ".join(text.split())
    if not words:
        raise ValueError("no description after the time")
    return Draft(at, words, parse_kind(kind), source.strip() or reader.source)


def _log_line(line: str, reader: Reader) -> Draft:
    at, rest = reader.leading_time(line.strip())
    if at is None:
        raise ValueError(NO_LOG_TIME)
    return make_draft(reader, at, rest, "", "")


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).casefold(): v for k, v in obj.items()}
    return next((lowered[k] for k in keys if k in lowered), None)


def _json_line(line: str, reader: Reader) -> Draft:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"not valid JSON ({error.msg} at column {error.colno})"
        ) from None
    if not isinstance(obj, dict):
        raise ValueError('not a JSON object: expected {"time": ..., "text": ...}')
    when, text = _pick(obj, TIME_KEYS), _pick(obj, TEXT_KEYS)
    if when is None or text is None:
        raise ValueError('needs a "time" and a "text" (or "message") field')
    if isinstance(when, bool) or not isinstance(when, (str, int, float)):
        raise ValueError(f"the time {json.dumps(when)} is not text or a number")
    if isinstance(when, str):
        at: datetime = reader.time(when)
    else:
        try:
            instant = datetime.fromtimestamp(when, UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"the time {when} is not Unix seconds") from None
        at = pendulum.instance(instant).in_timezone(reader.tz)
    kind, source = _pick(obj, KIND_KEYS), _pick(obj, SOURCE_KEYS)
    return make_draft(reader, at, str(text), str(kind or ""), str(source or ""))
