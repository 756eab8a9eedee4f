"""Snapshots of step 3 (root causes): empty, the sample, a 3-branch tree seven
whys deep, and the fishbone view; at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import new_postmortem
from pmtui.model.whys import add_child, set_root_cause
from pmtui.store import Archive

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MakeApp = Callable[..., PmtuiApp]

DEEP = [
    "The nightly batch job held a lock on the orders table for 40 minutes.",
    "It ran a full-table update instead of batches of a thousand rows.",
    "The batching flag was switched off during a migration in March.",
    "The migration runbook asks to switch it off and never to switch it back.",
    "The runbook was written for a one-off migration and reused as a template.",
    "Runbooks have no owner and no review date.",
    "Nobody is asked to own documents when a project closes.",
]


async def at_causes(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("causes")
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout payments failing", clock)) as handle:
        return handle.path


@pytest.fixture
def deep_path(archive: Archive, clock: FixedClock) -> Path:
    """Three branches under the problem; the first goes seven whys deep, the
    third has a root cause marked at why 1 (the gentle hint shows)."""
    pm = new_postmortem("Orders API timed out", clock)
    root = pm.causes.whys
    root.text = "The orders API timed out for 25 minutes during the evening peak."
    parent = root.id
    for text in DEEP:
        parent = add_child(root, parent, pm.new_id("w"), text).id
    set_root_cause(root, parent)
    second = add_child(root, root.id, pm.new_id("w"), "Retries tripled the load.")
    add_child(root, second.id, pm.new_id("w"), "Clients retried with no backoff.")
    third = add_child(root, root.id, pm.new_id("w"), "The alert fired late.")
    set_root_cause(root, third.id)
    with archive.create(pm) as handle:
        return handle.path


class TestEmpty:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(
        self, snap_compare, make_app: MakeApp, empty_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=at_causes
        )


class TestSample:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_causes
        )


class TestDeepTree:
    @pytest.mark.parametrize("size", SIZES)
    def test_three_branches_seven_deep(
        self, snap_compare, make_app: MakeApp, deep_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_causes(pilot)
            await pilot.press("end")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(deep_path), terminal_size=size, run_before=run_before
        )


class TestFishbone:
    @pytest.mark.parametrize("size", SIZES)
    def test_fishbone_of_the_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_causes(pilot)
            await pilot.press("alt+2", "v")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_factor_list_of_the_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot: object) -> None:
            await at_causes(pilot)
            await pilot.press("alt+2")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
