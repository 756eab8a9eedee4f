"""Every screen at 60x20, 80x24, 120x40 and 250x70 without an exception; at
80x24 nothing essential is cut off: the stepper, the step's title, and the
widget the step puts the focus in (its main input or table) are on screen.

Steps are found in ``pmtui.screens.STEP_SCREENS`` (and the tracker and search
screens through the home screen's actions), so a new step is covered
without touching this file.
"""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.errors import NoWidget
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

from pmtui.app import PmtuiApp
from pmtui.model import Step, new_postmortem
from pmtui.screens import STEP_SCREENS
from pmtui.screens.base import StepScreen
from pmtui.screens.help import HelpScreen
from pmtui.screens.home import HomeScreen
from pmtui.store import Archive

MakeApp = Callable[..., PmtuiApp]
SIZES = [(60, 20), (80, 24), (120, 40), (250, 70)]
STEPS = list(STEP_SCREENS)


def visible(screen: Screen[object], widget: Widget) -> Region:
    """The part of ``widget`` actually drawn on ``screen`` (empty if none)."""
    try:
        geometry = screen.find_widget(widget)
    except (NoWidget, KeyError):
        return Region()
    return geometry.region.intersection(geometry.clip).intersection(screen.region)


def assert_shown_whole(screen: Screen[object], widget: Widget, what: str) -> None:
    shown = visible(screen, widget)
    assert shown.area > 0, f"{what} is not on screen"
    assert shown == widget.region, f"{what} is cut off: {shown} of {widget.region}"


async def _settle(app: PmtuiApp) -> None:
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.05)


# Known bugs, reported to the screens' owners. A fixed one makes the test fail
# until it is taken off this list.
KNOWN: dict[Step, str] = {}


async def _walk(app: PmtuiApp, pilot: object, *, essentials: bool = False) -> None:
    """Every step, F1 help over the last; at 80x24 the essentials checked."""
    problems: dict[Step, str] = {}
    for step in STEPS:
        app.goto(step.value)
        await _settle(app)
        await pilot.pause()  # type: ignore[attr-defined]
        screen = app.screen
        assert isinstance(screen, StepScreen) and screen.STEP is step
        assert screen.is_attached and app.is_running
        if essentials:
            try:
                _check_essentials(screen, step)
            except AssertionError as error:
                problems[step] = str(error)
    for step, bug in KNOWN.items():
        if essentials and step in problems:
            warnings.warn(f"known bug: {bug}", stacklevel=1)
    assert set(problems) <= set(KNOWN), problems
    assert not essentials or set(problems) == set(KNOWN), (
        f"fixed: {set(KNOWN) - set(problems)}; take it off KNOWN"
    )
    await pilot.press("f1")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def _check_essentials(screen: StepScreen, step: Step) -> None:
    assert_shown_whole(screen, screen.query_one("#stepper"), f"{step}: the stepper")
    title = screen.query_one("#step-title")
    shown = visible(screen, title)
    assert shown.area > 0 and shown.x == title.region.x, f"{step}: the title"
    focused = screen.focused
    assert focused is not None, f"{step}: nothing has the focus"
    main = visible(screen, focused)
    assert main.area > 0, f"{step}: the focused {focused!r} is not on screen"
    assert main.height >= min(3, focused.region.height), (
        f"{step}: only {main.height} rows of the focused {focused!r} show"
    )


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_screen_with_the_sample(
    make_app: MakeApp, sample_path: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await _settle(app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        for name in ("tracker", "search"):  # the archive-wide screens, if any
            action = getattr(home, f"action_{name}", None)
            if action is not None:
                action()
                await _settle(app)
                await pilot.pause()
                assert app.screen is not home and app.is_running, name
                app.pop_screen()
                await pilot.pause()
                assert app.screen is home
        assert app.open_file(sample_path)
        await _walk(app, pilot, essentials=size == (80, 24))
        app.action_home()
        await _settle(app)
        assert isinstance(app.screen, HomeScreen)
        app.export_screenshot()
    assert app.return_code in (None, 0)


async def test_every_screen_with_an_empty_post_mortem_at_60x20(
    make_app: MakeApp, archive: Archive, clock: object
) -> None:
    with archive.create(new_postmortem("Empty", clock)) as handle:  # type: ignore[arg-type]
        path = handle.path
    app = make_app(path)
    async with app.run_test(size=(60, 20)) as pilot:
        await _settle(app)
        await _walk(app, pilot)
    assert app.return_code in (None, 0)


async def test_resizing_while_on_each_step(
    make_app: MakeApp, sample_path: Path
) -> None:
    """From big to small and back on every step: no exception."""
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app)
        for step in STEPS:
            app.goto(step.value)
            await _settle(app)
            for size in [(60, 20), (250, 70)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
            assert app.is_running and app.screen.size == (250, 70)
