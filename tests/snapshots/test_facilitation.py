"""Snapshots of the facilitation aids: focus mode, pmtui's themes, the time
box in its states, and a blameless-language hint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import timebox
from pmtui.model.session import StepTimer
from pmtui.themes import HIGH_CONTRAST, OKABE_ITO
from pmtui.widgets.timebox import TimeBox

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MakeApp = Callable[..., PmtuiApp]
Before = Callable[[object], Awaitable[None]]


async def _at(pilot: object, step: str) -> PmtuiApp:
    app: PmtuiApp = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto(step)
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    return app


async def _settle(pilot: object, app: PmtuiApp) -> None:
    for box in app.screen.query(TimeBox):
        box.refresh_time()
    app.clear_notifications()
    await pilot.pause()  # type: ignore[attr-defined]


def timers_at(step: str, seconds: float, *, running: bool, clock: FixedClock) -> Before:
    """Open ``step`` with its time box at ``seconds`` (running or paused)."""

    async def before(pilot: object) -> None:
        app = await _at(pilot, step)
        assert app.ctx is not None
        pm = app.ctx.pm
        pm.timers = {step: StepTimer(seconds), timebox.MEETING: StepTimer(1800.0)}
        if running:
            timebox.toggle(pm, step, clock.now())
        await _settle(pilot, app)

    return before


class TestTimeBox:
    """The reflect step's box is 10 minutes: warning from 08:00, over past 10:00."""

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize(
        ("seconds", "running"),
        [
            pytest.param(300, True, id="ok"),
            pytest.param(520, True, id="warning"),
            pytest.param(640, True, id="over"),
            pytest.param(300, False, id="paused"),
        ],
    )
    def test_states(
        self,
        snap_compare,
        make_app: MakeApp,
        sample_path: Path,
        clock: FixedClock,
        size,
        seconds: float,
        running: bool,
    ) -> None:
        assert snap_compare(
            make_app(sample_path),
            terminal_size=size,
            run_before=timers_at("reflect", seconds, running=running, clock=clock),
        )


class TestFocusMode:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("step", ["causes", "actions"])
    def test_focus_mode(
        self,
        snap_compare,
        make_app: MakeApp,
        sample_path: Path,
        clock: FixedClock,
        size,
        step: str,
    ) -> None:
        show = timers_at(step, 600, running=True, clock=clock)

        async def before(pilot: object) -> None:
            await show(pilot)
            await pilot.press("ctrl+f")  # type: ignore[attr-defined]
            await _settle(pilot, pilot.app)  # type: ignore[attr-defined]

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=before
        )


class TestThemes:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("theme", [HIGH_CONTRAST, OKABE_ITO])
    def test_theme(
        self,
        snap_compare,
        make_app: MakeApp,
        sample_path: Path,
        clock: FixedClock,
        size,
        theme: str,
    ) -> None:
        show = timers_at("actions", 520, running=True, clock=clock)

        async def before(pilot: object) -> None:
            pilot.app.theme = theme  # type: ignore[attr-defined]
            await show(pilot)

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=before
        )


class TestBlamelessHint:
    @pytest.mark.parametrize("size", SIZES)
    def test_name_as_subject_of_a_factor(
        self,
        snap_compare,
        make_app: MakeApp,
        sample_path: Path,
        clock: FixedClock,
        size,
    ) -> None:
        show = timers_at("causes", 300, running=False, clock=clock)

        async def before(pilot: object) -> None:
            await show(pilot)
            app: PmtuiApp = pilot.app  # type: ignore[attr-defined]
            app.screen.query_one("#causes-tabs", TabbedContent).active = "tab-factors"
            await pilot.pause()  # type: ignore[attr-defined]
            box = app.screen.query_one("#factor-text", Input)
            box.focus()
            box.value = "Jonas deployed the cert without the intermediate"
            await _settle(pilot, app)

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=before
        )
