"""Steps 0 and 1 together under Pilot, as a facilitator prepares and opens a
meeting: the incident filled from the keyboard (a bad time corrected), the
checklist ticked, the agenda edited, attendance marked; quit and reopen: all
there. And what the incident and tone screens show is never clipped: a
time's echo, a field's error line, the meeting-window check."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import KeyMoment, Role, Severity, Step, new_postmortem
from pmtui.model.timeline import key_time
from pmtui.screens.incident import IncidentScreen
from pmtui.screens.tone import ToneScreen
from pmtui.store import Archive, load
from pmtui.widgets.field import Field
from tests.helpers import press_quit, wait_until

MakeApp = Callable[..., PmtuiApp]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    with archive.create(pm) as handle:
        return handle.path


async def open_step(app: PmtuiApp, pilot: object, path: Path, step: Step) -> None:
    await asyncio.sleep(0.05)
    assert app.open_file(path, step)
    assert await wait_until(lambda: app.current_step is step and app.focused)
    await pilot.pause()  # type: ignore[attr-defined]


async def type_text(pilot: object, text: str) -> None:
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)  # type: ignore[attr-defined]


async def replace(pilot: object, widget: Input, text: str) -> None:
    """Focus ``widget``, clear it from the keyboard, type, press enter."""
    widget.focus()
    await pilot.press("end", "ctrl+u")  # type: ignore[attr-defined]
    await type_text(pilot, text)
    await pilot.press("enter")  # type: ignore[attr-defined]


def contains(outer: Widget, inner: Widget) -> bool:
    return outer.region.contains_region(inner.region)


async def test_prepare_and_open_the_meeting_then_reopen(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, empty_path, Step.INCIDENT)
        screen = app.screen
        assert isinstance(screen, IncidentScreen)
        title = screen.query_one("#title", Input)
        assert app.focused is title
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "Login errors after deploy")
        await pilot.press("tab", "enter", "up", "enter")  # severity P2 -> P1
        await pilot.pause()
        await pilot.press("tab", "tab")  # past the time zone, to the services
        await type_text(pilot, "auth-api, login-web")
        await pilot.press("tab")
        await type_text(pilot, "auth, Deploy")
        await pilot.press("enter")
        began = screen.query_one("#time-impact_began Input", Input)
        await replace(pilot, began, "18 Nov 09:04")
        detected = screen.query_one("#time-detected Input", Input)
        await replace(pilot, detected, "09:1x")
        assert "09:1x" in screen.query_one("#time-detected", Field).error
        assert detected.value == "09:1x"  # the typed text stays
        await replace(pilot, detected, "09:12")  # corrected
        assert screen.query_one("#time-detected", Field).error == ""
        await replace(pilot, screen.query_one("#time-mitigated Input", Input), "09:40")
        await replace(
            pilot,
            screen.query_one("#time-resolved Input", Input),
            "2026-11-18T09:05:00+00:00",
        )
        screen.query_one("#check-gather", Checkbox).focus()
        await pilot.press("space", "tab", "tab", "space")  # gather, answers
        await replace(
            pilot, screen.query_one("#meeting-at Input", Input), "20 Nov 10:00"
        )
        await pilot.press("ctrl+n")  # to the tone step
        assert await wait_until(lambda: isinstance(app.screen, ToneScreen))
        await pilot.pause()
        tone = app.screen
        await replace(pilot, tone.query_one("#box-1", Input), "25")
        await replace(pilot, tone.query_one("#attendee-name", Input), "Chen Li")
        await press_quit(pilot)

    pm = load(empty_path)
    assert pm.incident.title == "Login errors after deploy"
    assert pm.incident.severity is Severity.P1
    assert pm.incident.tags == ["auth", "deploy"]
    assert key_time(pm, KeyMoment.DETECTED) is not None
    assert [(p.name, p.role, p.present) for p in pm.incident.participants] == [
        ("Chen Li", Role.OTHER, True)
    ]

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await open_step(again, pilot, empty_path, Step.INCIDENT)
        screen = again.screen
        assert screen.query_one("#title", Input).value == "Login errors after deploy"
        assert screen.query_one("#severity", Select).value is Severity.P1
        assert screen.query_one("#services", Input).value == "auth-api, login-web"
        assert screen.query_one("#tags", Input).value == "auth, deploy"
        echoes = {
            moment: str(screen.query_one(f"#time-{moment.value} .time-echo").content)
            for moment in KeyMoment
        }
        assert echoes == {
            KeyMoment.IMPACT_BEGAN: "→ Wed 18 Nov 09:04 CET (08:04 UTC)",
            KeyMoment.DETECTED: "→ Wed 18 Nov 09:12 CET (08:12 UTC)",
            KeyMoment.MITIGATED: "→ Wed 18 Nov 09:40 CET (08:40 UTC)",
            KeyMoment.RESOLVED: "→ Wed 18 Nov 10:05 CET (09:05 UTC)",
        }
        ticked = {c.id for c in screen.query(Checkbox) if c.value}
        assert ticked == {"check-gather", "check-answers"}
        timing = str(screen.query_one("#meeting-timing", Static).content)
        assert "48 h after the fix: within the 24-72 h window" in timing
        await pilot.press("ctrl+n")
        assert await wait_until(lambda: isinstance(again.screen, ToneScreen))
        await pilot.pause()
        tone = again.screen
        assert tone.query_one("#box-1", Input).value == "25m"
        total = str(tone.query_one("#agenda-total", Static).content)
        assert total == "⚠ Total 70 min: 10 min over the 60-minute meeting."
        present = tone.query_one("#present-0", Checkbox)
        assert (str(present.label), present.value) == ("Chen Li (other)", True)
        await press_quit(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_fields_in_grids_are_never_clipped(
    make_app: MakeApp, empty_path: Path, size: tuple[int, int]
) -> None:
    """A field laid out in a grid (key times, severity and zone, impact
    figures, agenda) shows all its lines: the input's edges, a time's echo
    ("→ Wed 18 Nov 09:04 CET (08:04 UTC)"), an error message."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_step(app, pilot, empty_path, Step.INCIDENT)
        screen = app.screen
        await replace(pilot, screen.query_one("#time-detected Input", Input), "09:12")
        await replace(pilot, screen.query_one("#fig-users_affected", Input), "lots")
        fields = list(screen.query(".pair > Field, .figures > Field").results(Field))
        assert len(fields) == 2 + 4 + 4
        for field in fields:
            field.scroll_visible(animate=False, top=True)
            await pilot.pause()
            for part in field.children:
                if part.display and part.size.height:
                    assert contains(field, part), (field.id, part)
        echo = screen.query_one("#time-detected .time-echo", Static)
        assert str(echo.content) == "→ Fri 20 Nov 09:12 CET (08:12 UTC)"
        assert (
            "whole number" in screen.query_one("#fig-users_affected-field", Field).error
        )
        await pilot.press("ctrl+n")
        assert await wait_until(lambda: isinstance(app.screen, ToneScreen))
        await pilot.pause()
        tone = app.screen
        await replace(pilot, tone.query_one("#box-2", Input), "soon")
        boxes = list(tone.query(".agenda-grid > Field").results(Field))
        assert len(boxes) == 7
        for field in boxes:
            field.scroll_visible(animate=False, top=True)
            await pilot.pause()
            for part in field.children:
                if part.display and part.size.height:
                    assert contains(field, part), (field.id, part)


@pytest.mark.parametrize("size", SIZES)
async def test_the_meeting_window_check_is_in_view_when_its_time_is_typed(
    make_app: MakeApp, empty_path: Path, size: tuple[int, int]
) -> None:
    """Tab from the checklist to the meeting time (the last field): the
    24-72 h check and the warranted hint below it come into view."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_step(app, pilot, empty_path, Step.INCIDENT)
        screen = app.screen
        resolved = screen.query_one("#time-resolved Input", Input)
        await replace(pilot, resolved, "18 Nov 10:00")
        share = screen.query_one("#check-share", Checkbox)
        share.focus()
        await pilot.pause()
        body = screen.query_one("#incident-body")
        # as after tabbing down the checklist in a terminal: the meeting time's
        # input on the last lines, and what it is checked against below them
        meeting = screen.query_one("#meeting-at Input", Input)
        inside = meeting.region.bottom - body.content_region.y + body.scroll_y
        body.scroll_to(y=inside - body.content_region.height, animate=False)
        await pilot.pause()
        assert meeting.region.bottom == body.content_region.bottom
        assert app.focused is share
        await pilot.press("tab")
        assert app.focused is meeting
        await type_text(pilot, "18 Nov 12:00")
        await pilot.press("enter")
        await pilot.pause()
        timing = screen.query_one("#meeting-timing", Static)
        assert "earlier than 24 h" in str(timing.content)
        for shown in (meeting, timing, screen.query_one("#warranted", Static)):
            assert contains(body, shown), shown


async def test_a_long_checklist_item_wraps_at_80_columns(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, empty_path, Step.INCIDENT)
        answers = app.screen.query_one("#check-answers", Checkbox)
        answers.focus()
        await pilot.pause()
        assert answers.size.height == 2
        lines = answers.render_lines(answers.region.reset_offset)
        text = " ".join(line.text.strip() for line in lines)
        assert "what went wrong, how to prevent it" in text
        gather = app.screen.query_one("#check-gather", Checkbox)
        assert gather.size.height == 1
