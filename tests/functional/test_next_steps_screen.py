"""Step 7 under Pilot: actions grouped by owner, the owner and dates, report
recipients and runbooks, the parking lot, closing the meeting, read-only."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import ParkedState, Status, Step, new_postmortem
from pmtui.screens.next_steps import NextStepsScreen
from pmtui.store import Archive, load
from pmtui.widgets.next_board import OwnerBoard
from pmtui.widgets.next_fields import EntryLines
from pmtui.widgets.next_park import ParkList
from pmtui.widgets.reflect_list import ItemList

MakeApp = Callable[..., PmtuiApp]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout down", clock)) as handle:
        return handle.path


async def open_at(app: PmtuiApp, pilot: object, path: Path, step: Step) -> None:
    await asyncio.sleep(0.05)
    assert app.open_file(path, step)
    await until(pilot, lambda: app.current_step is step and app.focused is not None)


async def type_text(pilot: object, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]


async def until(pilot: object, ready: Callable[[], bool]) -> None:
    """Let the app run until ``ready()`` (a screen switch settles), 5 s at most."""
    for _ in range(250):
        if ready():
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    raise AssertionError("the app did not settle")


def shown(widget: Widget) -> str:
    """The text a widget shows on screen, line by line."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join(line.text.rstrip() for line in lines).strip()


async def test_actions_grouped_by_owner(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # one more action, from an improvement, with nobody owning it yet
        await open_at(app, pilot, sample_path, Step.REFLECT)
        app.screen.query_one("#items-could_improve", ItemList).focus()
        await pilot.press("a")
        await pilot.press("ctrl+n", "ctrl+n")
        await until(
            pilot, lambda: app.focused is not None and app.current_step is Step.NEXT
        )
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        assert app.focused is screen.query_one(OwnerBoard)
        text = shown(screen.query_one(OwnerBoard))
        heading = shown(screen.query_one("#next-board-title", Static))
    owners = [ln.strip().split(" · ")[0] for ln in text.splitlines() if "▸" in ln]
    assert owners == [
        "▸ Jonas Weber",
        "▸ Mei Lin",
        "▸ Priya Raman",
        "▸ Sam Okafor",
        "▸ (no owner yet)",
    ]
    jonas = text.split("▸ Mei Lin")[0]
    assert re.search(r"○ Fri 27 Nov +P1 Include the intermediate chain", jonas)
    assert jonas.index("Fri 27 Nov") < jonas.index("Fri 18 Dec")
    nobody = text.split("▸ (no owner yet)")[1]
    assert "⚠ no date" in nobody and "Alert routing" in nobody
    assert "7 actions, 4 owners · ⚠ 1 without owner" in heading


async def test_park_at_timeline_then_make_it_an_action(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, sample_path, Step.TIMELINE)
        await pilot.press("ctrl+l")
        await type_text(pilot, "Canary for secret rotations")
        await pilot.press("enter")
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, NextStepsScreen))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        park = screen.query_one(ParkList)
        assert park.option_count == 3
        park.focus()
        await pilot.press("down", "down")  # the new one, last
        await pilot.press("a")
        await pilot.press("a")  # once only
        await pilot.press("up", "up", "x")  # drop the first
        await pilot.press("down", "k")  # the kept one stays kept
        await pilot.pause()
        app.flush()
    pm = load(sample_path)
    assert [(p.text, p.step, p.state) for p in pm.parking_lot] == [
        (
            "Should scheduled secret rotations avoid business hours altogether?",
            "causes",
            ParkedState.DROPPED,
        ),
        (
            "Let the incident bot post status page updates",
            "reflect",
            ParkedState.KEPT,
        ),
        ("Canary for secret rotations", "timeline", ParkedState.ACTION),
    ]
    assert pm.actions[-1].text == "Canary for secret rotations"
    assert len(pm.actions) == 7


async def test_an_idea_parked_at_next_steps_shows_at_once(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, empty_path, Step.NEXT)
        park = app.screen.query_one(ParkList)
        assert "nothing parked" in shown(park)
        await pilot.press("ctrl+l")
        await type_text(pilot, "Rate-limit login retries")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, NextStepsScreen))
        await pilot.pause()
        assert "Rate-limit login retries" in shown(park)
        assert "nothing parked" not in shown(park)
        park.focus()
        await pilot.press("a")  # and it can be made an action right here
        await pilot.pause()
        app.flush()
    pm = load(empty_path)
    assert [p.state for p in pm.parking_lot] == [ParkedState.ACTION]
    assert [a.text for a in pm.actions] == ["Rate-limit login retries"]


async def test_owner_and_dates_typed_as_people_say_them(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, empty_path, Step.NEXT)
        screen = app.screen
        # defaults: two and six weeks after today (no meeting date in the prep)
        follow = screen.query_one("#next-follow-up-input", Input)
        assert follow.value == "2026-12-04"
        resolved = screen.query_one("#next-follow-up .next-resolved", Static)
        assert str(resolved.content) == "→ Fri 4 Dec"
        screen.query_one("#next-owner", Input).focus()
        await type_text(pilot, "Mei Lin")
        follow.focus()
        follow.value = ""
        await type_text(pilot, "next friday")
        assert str(resolved.content) == "→ Fri 27 Nov"
        solved = screen.query_one("#next-solved-input", Input)
        solved.focus()
        solved.value = ""
        await type_text(pilot, "31/12")
        await pilot.press("enter")
        await pilot.pause()
        error = screen.query_one("#next-solved .field--error", Static)
        assert "31/12" in str(error.content)
        assert solved.value == "31/12"
        stays = screen.query_one("#next-solved .next-resolved", Static)
        assert str(stays.content) == "(the saved date stays Fri 1 Jan 2027)"
        app.flush()
        saved = load(empty_path)
        assert saved.next_steps.solved_check == date(2027, 1, 1)
        solved.value = ""
        await type_text(pilot, "+6w")
        await pilot.press("enter")
        await pilot.pause()
        assert str(error.content) == ""
        assert str(stays.content) == "→ Fri 1 Jan 2027"
        app.flush()
    pm = load(empty_path)
    assert pm.next_steps.owner == "Mei Lin"
    assert pm.next_steps.follow_up == date(2026, 11, 27)
    assert pm.next_steps.solved_check == date(2027, 1, 1)


async def test_recipients_and_runbooks(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, sample_path, Step.NEXT)
        screen = app.screen
        screen.query_one("#next-recipients-input", Input).focus()
        await type_text(pilot, "sre-leads@example.com")
        await pilot.press("enter")
        await type_text(pilot, "#eng-incidents")  # already there: not twice
        await pilot.press("enter")
        screen.query_one("#next-runbooks-input", Input).focus()
        await type_text(pilot, "Secret rotation")
        await pilot.press("enter")
        lines = screen.query_one("#next-recipients-lines", EntryLines)
        lines.focus()
        await pilot.press("delete")  # the first: #eng-incidents
        await pilot.pause()
        app.flush()
        assert load(sample_path).next_steps.recipients == [
            "payments-leadership@example.com",
            "sre-leads@example.com",
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lines.option_count == 3
        app.flush()
    pm = load(sample_path)
    assert pm.next_steps.recipients == [
        "#eng-incidents",
        "payments-leadership@example.com",
        "sre-leads@example.com",
    ]
    assert pm.next_steps.runbooks == ["TLS and certificates", "Secret rotation"]


async def test_close_the_meeting(make_app: MakeApp, empty_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_at(app, pilot, empty_path, Step.NEXT)
        assert load(empty_path).status is Status.DRAFT
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.current_step is Step.REPORT)
    pm = load(empty_path)
    assert pm.status is Status.REVIEW
    assert pm.next_steps.follow_up == date(2026, 12, 4)
    assert pm.next_steps.solved_check == date(2027, 1, 1)


async def test_close_button_with_the_mouse(make_app: MakeApp, empty_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, empty_path, Step.NEXT)
        await pilot.click("#next-close")
        await until(pilot, lambda: app.current_step is Step.REPORT)
    assert load(empty_path).status is Status.REVIEW


async def test_read_only_changes_nothing(make_app: MakeApp, empty_path: Path) -> None:
    before = empty_path.read_bytes()
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(app, pilot, empty_path, Step.NEXT)
        screen = app.screen
        assert screen.query_one("#next-owner", Input).disabled
        assert screen.query_one("#next-follow-up-input", Input).value == ""
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.current_step is Step.NEXT
        app.flush()
    assert empty_path.read_bytes() == before
