"""The day an incident happened, in its post-mortem's own time zone. Pure.

Summaries (:func:`pmtui.model.summary.summarize`) and the lean records built
from them keep times as UTC ISO text, so they sort correctly as strings, and
the post-mortem's zone beside them (``timezone``). A day shown to people is
the day in that zone: 00:30 in Berlin on 19 November is the 19th, though UTC
says 23:30 on the 18th. So the index needs no local day of its own (no change
to ``SUMMARY_VERSION``): the day is worked out when it is shown.

Standard library only (no pendulum, no model): the search screen and the
similar-incidents panel use it, and the command line can afford it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=64)
def zone_or_utc(name: str) -> tzinfo:
    """The IANA zone ``name``; UTC when it is empty or unknown (a hand-edited
    file: ``Europe`` is a folder, ``+02:00`` is not a zone name)."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return UTC


def local_day(moment: object, zone: object) -> str:
    """``YYYY-MM-DD``: the day of the ISO time ``moment`` in the zone named
    ``zone``. A time without an offset is taken as UTC; an unknown zone gives
    the UTC day; no moment, or text that is not a time, gives ""."""
    if not isinstance(moment, str) or not moment:
        return ""
    try:
        when = datetime.fromisoformat(moment)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    name = zone if isinstance(zone, str) else ""
    return when.astimezone(zone_or_utc(name)).date().isoformat()


def incident_day(record: Mapping[str, object]) -> str:
    """The day a summary's (or lean record's) incident happened, in its own
    zone: when impact began, else the first event, else when the post-mortem
    was created (see :func:`pmtui.model.timeline.incident_date`)."""
    moment = record.get("incident_date") or record.get("created")
    return local_day(moment, record.get("timezone"))
