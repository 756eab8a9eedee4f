"""Schema migrations: old files are brought up to date as they are opened.

Each step takes the stored post-mortem dict of version N and returns version
N+1. Files newer than this pmtui are refused, never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime

from pmtui.model.codec import SchemaError
from pmtui.model.session import SCHEMA_VERSION

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    Doc = dict[str, Any]

_V1_KEY_TIMES = {
    "impact_began": ("Impact began", "customer_impact"),
    "detected": ("Incident detected", "detection"),
    "mitigated": ("Impact mitigated", "fix"),
    "resolved": ("Incident resolved", "fix"),
}


def _v1_to_v2(doc: Doc) -> Doc:
    """v1 kept the key times twice (incident.times and the timeline) and
    actions had ``done: bool``. v2 keeps key times only as timeline marks and
    gives actions a status."""
    incident = doc.get("incident")
    times = incident.pop("times", None) if isinstance(incident, dict) else None
    if times is None:
        times = {}
    if not isinstance(times, dict):
        raise SchemaError("incident.times", "expected an object")
    timeline = doc.setdefault("timeline", [])
    if not isinstance(timeline, list):
        raise SchemaError("timeline", "expected a list")
    for n, event in enumerate(timeline):
        if not isinstance(event, dict):
            raise SchemaError(f"timeline[{n}]", "expected an object")
    serial = _next_serial(doc)
    for moment, (text, kind) in _V1_KEY_TIMES.items():
        at = times.get(moment)
        if at is None or any(e.get("key") == moment for e in timeline):
            continue
        when = _instant(at)
        if when is None:
            raise SchemaError(f"incident.times.{moment}", f"{at!r} is not a time")
        same_time = [
            e for e in timeline if not e.get("key") and _instant(e.get("at")) == when
        ]
        if same_time:
            same_time[0]["key"] = moment
            continue
        timeline.append(
            {"id": f"e{serial}", "at": at, "text": text, "kind": kind, "key": moment}
        )
        serial += 1
    timeline.sort(key=_time_order)
    doc["next_serial"] = serial
    actions = doc.get("actions")
    for n, action in enumerate(actions if isinstance(actions, list) else []):
        if isinstance(action, dict) and "done" in action:
            done = action.pop("done")
            if not isinstance(done, bool):
                raise SchemaError(f"actions[{n}].done", "expected true or false")
            action.setdefault("status", "done" if done else "open")
    doc["schema_version"] = 2
    return doc


def _instant(value: Any) -> datetime | None:
    """An aware time from stored text, else None (the codec reports it)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _time_order(event: Doc) -> tuple[int, datetime | str]:
    when = _instant(event.get("at"))
    return (0, when) if when is not None else (1, str(event.get("at", "")))


def _next_serial(doc: Doc) -> int:
    """A serial past ``next_serial`` and past every id already in ``doc``."""
    serial = doc.get("next_serial", 1)
    if not isinstance(serial, int) or isinstance(serial, bool):
        raise SchemaError("next_serial", "expected a whole number")
    for ident in _ids(doc):
        match = re.fullmatch(r"[a-z]+(\d+)", ident)
        if match:
            serial = max(serial, int(match.group(1)) + 1)
    return serial


def _ids(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        ident = value.get("id")
        if isinstance(ident, str):
            yield ident
        for child in value.values():
            yield from _ids(child)
    elif isinstance(value, list):
        for child in value:
            yield from _ids(child)


MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {1: _v1_to_v2}


class NewerSchemaError(ValueError):
    def __init__(self, found: int) -> None:
        super().__init__(
            f"it was written by a newer pmtui (schema {found}; this pmtui reads "
            f"up to {SCHEMA_VERSION}). Upgrade pmtui to open it"
        )


def migrate(doc: Doc) -> tuple[Doc, bool]:
    """Bring ``doc`` to the current schema; says whether anything changed."""
    version = doc.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"schema_version {version!r} is not a version number")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    changed = False
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version = doc["schema_version"]
        changed = True
    return doc, changed
