"""The machine's time zone for a new post-mortem, and what happens without one."""

from __future__ import annotations

import importlib

import pytest

from pmtui.commands.new import local_timezone


def test_the_machines_zone_is_a_region_name_or_utc() -> None:
    name = local_timezone()
    assert name == "UTC" or "/" in name


@pytest.mark.parametrize(
    "found", ["Europe/Berlin", "UTC", "CET", "+01:00", OSError("no /etc/localtime")]
)
def test_anything_but_a_region_name_is_utc(
    monkeypatch: pytest.MonkeyPatch, found: object
) -> None:
    """A bare container has no zone set-up; an abbreviation or an offset is
    not a zone that keeps daylight saving right: both give UTC."""
    pendulum_local = importlib.import_module("pendulum.tz.local_timezone")

    class Zone:
        name = found

    def get_local_timezone() -> Zone:
        if isinstance(found, Exception):
            raise found
        return Zone()

    monkeypatch.setattr(pendulum_local, "get_local_timezone", get_local_timezone)
    expected = found if found in ("Europe/Berlin", "UTC") else "UTC"
    assert local_timezone() == expected
