"""The day an incident is listed under is the day in its post-mortem's own
zone, not in UTC: from a time and a zone, and through the real summary and
lean record the search screen reads."""

from __future__ import annotations

import pendulum
import pytest

from pmtui.clock import FixedClock
from pmtui.model import KeyMoment, new_postmortem
from pmtui.model.incident_day import incident_day, local_day, zone_or_utc
from pmtui.model.lean import lean_record
from pmtui.model.summary import summarize
from pmtui.model.timeline import set_key_time


@pytest.mark.parametrize(
    ("utc", "zone", "day"),
    [
        # 23:30 in Berlin on 18 Nov is 22:30 UTC: the 18th either way
        ("2026-11-18T22:30:00+00:00", "Europe/Berlin", "2026-11-18"),
        # 00:30 in Berlin on 19 Nov is 23:30 UTC on the 18th: the 19th
        ("2026-11-18T23:30:00+00:00", "Europe/Berlin", "2026-11-19"),
        # 20:00 in New York on 18 Nov is 01:00 UTC on the 19th: the 18th
        ("2026-11-19T01:00:00+00:00", "America/New_York", "2026-11-18"),
        # summer time: 00:30 in Berlin on 2 Jul is 22:30 UTC on 1 Jul
        ("2026-07-01T22:30:00+00:00", "Europe/Berlin", "2026-07-02"),
        # the same instant written with another offset
        ("2026-11-19T00:30:00+01:00", "Europe/Berlin", "2026-11-19"),
        ("2026-11-18T23:30:00+00:00", "UTC", "2026-11-18"),
    ],
)
def test_local_day(utc: str, zone: str, day: str) -> None:
    assert local_day(utc, zone) == day


@pytest.mark.parametrize(
    "zone", ["", None, 42, "Nope/Zone", "Europe", "+02:00", "../etc", "/etc/localtime"]
)
def test_an_unknown_zone_gives_the_utc_day(zone: object) -> None:
    assert local_day("2026-11-18T23:30:00+00:00", zone) == "2026-11-18"


@pytest.mark.parametrize("moment", [None, "", 7, "not a time", "2026-13-40"])
def test_no_moment_gives_no_day(moment: object) -> None:
    assert local_day(moment, "Europe/Berlin") == ""


def test_a_time_without_offset_is_utc() -> None:
    assert local_day("2026-11-18T23:30:00", "Europe/Berlin") == "2026-11-19"


def test_zones_are_looked_up_once() -> None:
    zone_or_utc.cache_clear()
    for _ in range(3):
        local_day("2026-11-18T23:30:00+00:00", "Europe/Berlin")
    assert zone_or_utc.cache_info().misses == 1


def berlin(text: str) -> pendulum.DateTime:
    at = pendulum.parse(text, tz="Europe/Berlin")
    assert isinstance(at, pendulum.DateTime)
    return at


@pytest.mark.parametrize(
    ("began", "stored_utc", "day"),
    [
        ("2026-11-18T23:30:00", "2026-11-18T22:30:00+00:00", "2026-11-18"),
        ("2026-11-19T00:30:00", "2026-11-18T23:30:00+00:00", "2026-11-19"),
    ],
)
def test_through_the_summary_and_lean_record(
    clock: FixedClock, began: str, stored_utc: str, day: str
) -> None:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    set_key_time(pm, KeyMoment.IMPACT_BEGAN, berlin(began))
    summary = summarize(pm)
    assert summary["incident_date"] == stored_utc  # still UTC: it sorts as text
    assert summary["timezone"] == "Europe/Berlin"
    assert incident_day(summary) == day
    assert incident_day(lean_record(summary)) == day


def test_without_events_the_day_it_was_created(clock: FixedClock) -> None:
    # the clock says 2026-11-20 10:00 UTC: 23:00 on the 20th in Auckland
    pm = new_postmortem("Checkout down", clock, timezone="Pacific/Auckland")
    summary = summarize(pm)
    assert summary["incident_date"] is None
    assert incident_day(summary) == "2026-11-20"
    clock.advance(hours=3)  # 13:00 UTC is 02:00 on the 21st in Auckland
    late = summarize(
        new_postmortem("Checkout down", clock, timezone="Pacific/Auckland")
    )
    assert incident_day(late) == "2026-11-21"
