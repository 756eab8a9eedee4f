"""Snapshots of steps 4-5 (went well / could improve): empty, the sample,
a list in use, the move dialog and a blameless hint under a quick-add line;
stacked at 80x24, side by side at 120x40."""

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


async def at_reflect(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("reflect")
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout payments failing", clock)) as handle:
        return handle.path


class TestEmpty:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(
        self, snap_compare, make_app: MakeApp, empty_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=at_reflect
        )


class TestFilled:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_reflect
        )


class TestListInUse:
    @pytest.mark.parametrize("size", SIZES)
    def test_voted_item_highlighted(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_reflect(pilot)
            await pilot.press("tab", "tab", "down", "plus", "plus")  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )


class TestMove:
    def test_move_dialog(self, snap_compare, make_app: MakeApp, sample_path: Path):
        async def run_before(pilot: object) -> None:
            await at_reflect(pilot)
            await pilot.press("down", "m")  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=(80, 24), run_before=run_before
        )


class TestBlamelessHint:
    """Blame-y text in a quick-add line: the hint shows under it (one line
    when stacked, wrapped in the narrow side-by-side lists)."""

    @pytest.mark.parametrize("size", SIZES)
    def test_hint_under_the_add_line(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_reflect(pilot)
            for ch in "Bob forgot to renew the cert":
                await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
