"""Pilot: from home open the tracker, filter, mark done and won't do (written
to the right file), a locked file reported, not written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import ActionStatus, PostMortem, new_postmortem
from pmtui.model.actions import add_action
from pmtui.screens.home import HomeScreen
from pmtui.screens.tracker import TrackerScreen
from pmtui.store import Archive, PostMortemFile, load


async def wait_for(pilot: object, check: Callable[[], bool], tries: int = 100) -> None:
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("timed out")


def make_pm(clock: FixedClock, title: str, tags: list[str]) -> PostMortem:
    pm = new_postmortem(title, clock, timezone="UTC")
    pm.incident.tags = tags
    return pm


@pytest.fixture
def paths(archive: Archive, clock: FixedClock) -> dict[str, Path]:
    today = clock.now().date()
    tls = make_pm(clock, "TLS certificate expired", ["tls"])
    add_action(
        tls,
        "Alert 14 days before expiry",
        owner="Priya Raman",
        due=today.replace(day=1),
    )
    add_action(
        tls,
        "Runbook for certificate rotation",
        owner="Sam Okafor",
        due=today.replace(day=28),
    )
    dns = make_pm(clock, "DNS change went out early", ["dns"])
    add_action(dns, "DNS pre-flight check", owner="Mei Lin", due=today.replace(day=10))
    found = {}
    for key, pm in (("tls", tls), ("dns", dns)):
        with archive.create(pm) as handle:
            found[key] = handle.path
    return found


def status_of(screen: TrackerScreen, text: str) -> str:
    return next(i.status for i in screen.items if i.text.startswith(text))


async def open_tracker(app: PmtuiApp, pilot: object) -> TrackerScreen:
    await wait_for(
        pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.view.rows)
    )
    await pilot.press("t")  # type: ignore[attr-defined]
    await wait_for(
        pilot, lambda: isinstance(app.screen, TrackerScreen) and bool(app.screen.items)
    )
    screen = app.screen
    assert isinstance(screen, TrackerScreen)
    return screen


async def test_overdue_first_then_mark_done(
    make_app: Callable[..., PmtuiApp], paths: dict[str, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tracker(app, pilot)
        assert [i.text for i in screen.shown] == [
            "Alert 14 days before expiry",
            "DNS pre-flight check",
            "Runbook for certificate rotation",
        ]
        assert "2 overdue" in str(screen.query_one("#tracker-title").render())
        await pilot.press("d")
        await wait_for(pilot, lambda: status_of(screen, "Alert 14") == "done")
        assert "1 overdue" in str(screen.query_one("#tracker-title").render())
    action = load(paths["tls"]).actions[0]
    assert action.status is ActionStatus.DONE
    assert load(paths["dns"]).actions[0].status is ActionStatus.OPEN


async def test_filter_then_wont_do_with_a_reason(
    make_app: Callable[..., PmtuiApp], paths: dict[str, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"owner:mei")
        await wait_for(pilot, lambda: len(screen.shown) == 1)
        await pilot.press("enter")  # back to the table
        await pilot.press("w")
        await pilot.press(*"moved to the platform team", "enter")
        await wait_for(pilot, lambda: status_of(screen, "DNS pre") == "wont_do")
    action = load(paths["dns"]).actions[0]
    assert action.status is ActionStatus.WONT_DO
    assert action.reason == "moved to the platform team"


async def test_a_bad_filter_says_why_and_keeps_the_text(
    make_app: Callable[..., PmtuiApp], paths: dict[str, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tracker(app, pilot)
        await pilot.press("slash", *"status:soon")
        await pilot.pause()
        error = str(screen.query_one("#tracker-filter .field--error").render())
        assert "status is one of" in error
        assert screen.query_one("#tracker-query").value == "status:soon"  # type: ignore[attr-defined]
        assert len(screen.shown) == 3


async def test_a_locked_post_mortem_is_reported_not_written(
    make_app: Callable[..., PmtuiApp], paths: dict[str, Path]
) -> None:
    before = paths["tls"].read_bytes()
    app = make_app()
    with PostMortemFile.open(paths["tls"]) as other:
        assert not other.read_only
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_tracker(app, pilot)
            await pilot.press("d")
            await pilot.pause()
            assert screen.shown[0].status == "open"
            assert any("open for writing" in str(n.message) for n in app._notifications)
    assert paths["tls"].read_bytes() == before


async def test_enter_opens_the_post_mortem_at_its_actions(
    make_app: Callable[..., PmtuiApp], paths: dict[str, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tracker(app, pilot)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.ctx is not None)
        assert app.ctx is not None and app.ctx.path == paths["dns"]
        assert app.current_step is not None and app.current_step.value == "actions"
