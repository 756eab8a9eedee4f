"""Snapshots of step 0 (Incident): empty and filled (the sample), a bad time,
and the lower sections, at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import new_postmortem
from pmtui.store import Archive

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MakeApp = Callable[..., PmtuiApp]


async def settle(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    with archive.create(pm) as handle:
        return handle.path


class TestIncidentEmpty:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(self, snap_compare, make_app: MakeApp, empty_path, size) -> None:
        assert snap_compare(make_app(empty_path), terminal_size=size, run_before=settle)

    @pytest.mark.parametrize("size", SIZES)
    def test_bad_time_message(
        self, snap_compare, make_app: MakeApp, empty_path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            field = pilot.app.screen.query_one("#time-detected Input")
            field.focus()
            await pilot.press("2", "5", ":", "0", "0", "enter")
            pilot.app.screen.query_one("#key-times").scroll_visible(animate=False)
            await pilot.pause()

        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=run_before
        )


class TestIncidentSample:
    @pytest.mark.parametrize("size", SIZES)
    def test_top(self, snap_compare, make_app: MakeApp, sample_path, size) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=settle
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_lists_and_preparation(
        self, snap_compare, make_app: MakeApp, sample_path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#people .list-table").focus()
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_end(self, snap_compare, make_app: MakeApp, sample_path, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#incident-body").scroll_end(animate=False)
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
