"""Schema migrations: old files are brought up to date as they are opened.

Each step takes the stored post-mortem dict of version N and returns version
N+1. Files newer than this pmtui are refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pmtui.model.session import SCHEMA_VERSION

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
    incident = doc.get("incident", {})
    times = incident.pop("times", None) or {}
    timeline = doc.setdefault("timeline", [])
    serial = int(doc.get("next_serial", 1))
    for moment, at in times.items():
        if at is None or moment not in _V1_KEY_TIMES:
            continue
        if any(e.get("key") == moment for e in timeline):
            continue
        same_time = [e for e in timeline if e.get("at") == at and not e.get("key")]
        if same_time:
            same_time[0]["key"] = moment
            continue
        text, kind = _V1_KEY_TIMES[moment]
        timeline.append(
            {"id": f"e{serial}", "at": at, "text": text, "kind": kind, "key": moment}
        )
        serial += 1
    timeline.sort(key=lambda e: str(e.get("at", "")))
    doc["next_serial"] = serial
    for action in doc.get("actions", []):
        if "done" in action:
            action["status"] = "done" if action.pop("done") else "open"
    doc["schema_version"] = 2
    return doc


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
