"""Snapshots of step 6 (actions): empty, the sample, hints and an error."""

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


async def at_actions(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("actions")
    await pilot.pause()  # type: ignore[attr-defined]


def keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


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
            make_app(empty_path), terminal_size=size, run_before=at_actions
        )


class TestFilled:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_actions
        )


class TestHintsAndErrors:
    @pytest.mark.parametrize("size", SIZES)
    def test_vague_action_and_unreadable_due(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_actions(pilot)
            await pilot.press(*keys("Look into certificate expiry"))
            await pilot.press("enter")  # added: no owner, no due date, vague
            await pilot.press(*keys("Add an expiry alert"))
            await pilot.press("tab", "j", "o", "n", "tab", "s", "o", "o", "n")
            await pilot.press("enter")  # "soon" is not a date: the message shows
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )


class TestStatusDialogs:
    @pytest.mark.parametrize("size", SIZES)
    def test_wont_do_reason(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_actions(pilot)
            await pilot.press("down", "down", "down", "s")
            await pilot.press("down", "down", "down", "enter")
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
