"""Snapshots after the meeting: the tracker, search results and reviews due
(home's line and the tracker's list), empty and filled, 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench.generate import generate_archive
from pmtui.app import PmtuiApp
from pmtui.store import Archive

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def settle(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


@pytest.fixture
def filled(archive: Archive) -> Path:
    generate_archive(archive.folder, 8, seed=5)
    return archive.folder


class TestTracker:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(self, snap_compare, make_app: Callable[..., PmtuiApp], size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_filled(self, snap_compare, make_app, filled: Path, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_filtered_overdue(self, snap_compare, make_app, filled: Path, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            await pilot.press("slash", *"overdue owner:priya")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestSearch:
    @pytest.mark.parametrize("size", SIZES)
    def test_results(self, snap_compare, make_app, filled: Path, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("slash")
            await settle(pilot)
            await pilot.press(*"cert severity:P0,P1,P2,P3")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_bad_filter(self, snap_compare, make_app, filled: Path, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("slash")
            await settle(pilot)
            await pilot.press(*"tag:")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestReviewsDue:
    @pytest.mark.parametrize("size", SIZES)
    def test_home_line(self, snap_compare, make_app, filled: Path, size) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=settle)
