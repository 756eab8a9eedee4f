"""Snapshots of step 1 (Tone): empty and filled (the sample), the agenda over
time, the statement being edited, at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import Step, new_postmortem
from pmtui.store import Archive

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MakeApp = Callable[..., PmtuiApp]


async def settle(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def at_tone(pilot: object) -> None:
    await settle(pilot)
    pilot.app.goto(Step.TONE.value)  # type: ignore[attr-defined]
    await settle(pilot)


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    with archive.create(pm) as handle:
        return handle.path


class TestToneEmpty:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(self, snap_compare, make_app: MakeApp, empty_path, size) -> None:
        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=at_tone
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_lower_half(
        self, snap_compare, make_app: MakeApp, empty_path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_tone(pilot)
            pilot.app.screen.query_one("#tone-body").scroll_end(animate=False)
            await pilot.pause()

        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=run_before
        )


class TestToneSample:
    @pytest.mark.parametrize("size", SIZES)
    def test_statement(
        self, snap_compare, make_app: MakeApp, sample_path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_tone
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_agenda_over_time(
        self, snap_compare, make_app: MakeApp, sample_path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_tone(pilot)
            box = pilot.app.screen.query_one("#box-1")
            box.focus()
            box.value = ""
            await pilot.press("2", "5", "enter")
            pilot.app.screen.query_one("#agenda").scroll_visible(animate=False)
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_editing_statement(
        self, snap_compare, make_app: MakeApp, sample_path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_tone(pilot)
            await pilot.press("ctrl+o")
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
