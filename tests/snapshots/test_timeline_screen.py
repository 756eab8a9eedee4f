"""Snapshots of step 2 (timeline): empty, the sample, 500 events, an error
with gap rows, the edit dialog and the import preview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import Event, EventKind, KeyMoment, PostMortem, new_postmortem
from pmtui.model.timeline import mark_key_moment
from pmtui.store import Archive

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MakeApp = Callable[..., PmtuiApp]
WORDS = ["checkout-api", "payments-gateway", "cert-manager", "orders-db", "cdn"]


async def at_timeline(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("timeline")
    await pilot.pause()  # type: ignore[attr-defined]


def five_hundred(clock: FixedClock) -> PostMortem:
    """500 events, deterministic: every kind, sources, four key moments."""
    pm = new_postmortem("Five hundred events", clock, timezone="Europe/Berlin")
    start = pendulum.datetime(2026, 11, 18, 8, 0, tz="UTC")
    kinds = list(EventKind)
    for n in range(500):
        pm.timeline.append(
            Event(
                id=pm.new_id("e"),
                at=start + timedelta(minutes=n * 2 + n % 3),
                text=f"{WORDS[n % 5]} event number {n}: " + "details " * (n % 4),
                kind=kinds[n % len(kinds)],
                source=f"{WORDS[(n + 2) % 5]}.log" if n % 2 else "",
            )
        )
    for index, moment in zip((1, 9, 30, 60), KeyMoment, strict=True):
        mark_key_moment(pm, pm.timeline[index], moment)
    return pm


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout payments failing", clock, timezone="Europe/Berlin")
    with archive.create(pm) as handle:
        return handle.path


@pytest.fixture
def big_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(five_hundred(clock)) as handle:
        return handle.path


class TestEmpty:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(
        self, snap_compare, make_app: MakeApp, empty_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(empty_path), terminal_size=size, run_before=at_timeline
        )


class TestFilled:
    @pytest.mark.parametrize("size", SIZES)
    def test_sample(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=at_timeline
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_five_hundred_events(
        self, snap_compare, make_app: MakeApp, big_path: Path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_timeline(pilot)
            await pilot.press("ctrl+t", "down", "down")  # on the detected event

        assert snap_compare(
            make_app(big_path), terminal_size=size, run_before=run_before
        )


class TestGapsAndErrors:
    @pytest.mark.parametrize("size", SIZES)
    def test_gap_rows_and_a_line_without_time(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_timeline(pilot)
            await pilot.press("ctrl+g")
            await pilot.pause()
            pilot.app.screen.query_one("Input").value = "5m"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"rollback started", "enter")
            await pilot.pause()
            # the toast lasts seconds: on a slow machine it may be gone
            pilot.app.clear_notifications()
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )


class TestDialogs:
    @pytest.mark.parametrize("size", SIZES)
    def test_edit_dialog(
        self, snap_compare, make_app: MakeApp, sample_path: Path, size
    ) -> None:
        async def run_before(pilot) -> None:
            await at_timeline(pilot)
            await pilot.press("ctrl+t", "down", "down", "down", "down", "enter")
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_import_preview(
        self, snap_compare, make_app: MakeApp, sample_path: Path, tmp_path: Path, size
    ) -> None:
        source = tmp_path / "checkout.log"
        source.write_text(
            "2026-11-18T09:30:00Z rollback attempt denied: missing permission\n"
            "    at kube.client.Forbidden\n"
            "Nov 18 10:31:00 web-1 app[7]: permission granted\n"
            "2026-11-18T09:04:00Z First TLS handshake failures in checkout-api "
            "logs; checkouts start failing\n"
            "\n"
            "25:61 broken clock\n",
            encoding="utf-8",
        )

        async def run_before(pilot) -> None:
            await at_timeline(pilot)
            await pilot.press("ctrl+o")
            await pilot.pause()
            pilot.app.screen.query_one("Input").value = str(source)
            await pilot.press("enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
