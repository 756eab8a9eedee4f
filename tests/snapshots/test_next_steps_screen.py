"""Snapshots of step 7 (next steps): empty, the sample, and an unreadable
date with its message under the field; one column at 80x24, two at 120x40."""

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


async def at_next(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("next")
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
            make_app(empty_path), terminal_size=size, run_before=at_next
        )


class TestFilled:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_next
        )


class TestDates:
    @pytest.mark.parametrize("size", SIZES)
    def test_unreadable_date_and_typed_owner(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_next(pilot)
            screen = pilot.app.screen  # type: ignore[attr-defined]
            screen.query_one("#next-owner").value = ""
            screen.query_one("#next-owner").focus()
            await pilot.press(*keys("le"))  # type: ignore[attr-defined]
            follow = screen.query_one("#next-follow-up-input")
            follow.value = ""
            follow.focus()
            await pilot.press(*keys("in two weeks"))  # type: ignore[attr-defined]
            solved = screen.query_one("#next-solved-input")
            solved.value = ""
            solved.focus()
            await pilot.press(*keys("6/1"), "enter")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
