"""Step 1 under Pilot: agenda time boxes and the total, attendance, the
blameless statement and the archive's team default, earlier open actions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import Action, KeyMoment, Participant, Role, Step, new_postmortem
from pmtui.model.timeline import set_key_time
from pmtui.screens.tone import NO_RELATED, ToneScreen
from pmtui.store import Archive, load
from pmtui.store.settings import team_statement
from pmtui.widgets.field import Field

MakeApp = Callable[..., PmtuiApp]


@pytest.fixture
def tone_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    pm.incident.tags = ["tls"]
    pm.incident.services = ["checkout-api"]
    pm.incident.participants = [
        Participant("Mei Lin", Role.FACILITATOR),
        Participant("Priya Raman", Role.RESPONDER),
    ]
    set_key_time(
        pm, KeyMoment.IMPACT_BEGAN, datetime.fromisoformat("2026-11-18T09:04+01:00")
    )
    with archive.create(pm) as handle:
        return handle.path


async def open_tone(app: PmtuiApp, pilot: object, path: Path) -> ToneScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.TONE)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ToneScreen)
    return app.screen


async def retype(pilot: object, widget: Input, text: str) -> None:
    widget.focus()
    widget.value = ""
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_agenda_time_boxes_total_and_warning(
    make_app: MakeApp, tone_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, tone_path)
        total = screen.query_one("#agenda-total", Static)
        assert str(total.content) == "✓ Total 60 min of the 60-minute meeting."
        await retype(pilot, screen.query_one("#box-1", Input), "25")
        assert screen.query_one("#box-1", Input).value == "25m"
        assert (
            str(total.content) == "⚠ Total 70 min: 10 min over the 60-minute meeting."
        )
        assert total.has_class("-over")
        await retype(pilot, screen.query_one("#box-2", Input), "soon")
        assert "15m" in screen.query_one("#box-2-field", Field).error
        assert screen.query_one("#box-2", Input).value == "soon"
        await retype(pilot, screen.query_one("#meeting-length", Input), "1h30m")
        assert str(total.content) == (
            "✓ Total 70 min of the 90-minute meeting, 20 min spare."
        )
        await retype(pilot, screen.query_one("#meeting-length", Input), "0")
        assert (
            "needs some time" in screen.query_one("#meeting-length-field", Field).error
        )
        app.flush()
    pm = load(tone_path)
    assert [i.minutes for i in pm.tone.agenda] == [5, 25, 15, 10, 10, 5]
    assert pm.tone.meeting_minutes == 90


async def test_attendance_ticked_and_someone_added_on_the_spot(
    make_app: MakeApp, tone_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, tone_path)
        screen.query_one("#present-0").focus()
        await pilot.press("space")
        count = screen.query_one("#attendance-count", Static)
        assert str(count.content) == "1 of 2 present"
        await retype(pilot, screen.query_one("#attendee-name", Input), "Sam Okafor")
        assert str(count.content) == "2 of 3 present"
        await retype(pilot, screen.query_one("#attendee-name", Input), "sam okafor")
        assert "already on the list" in screen.query_one("#attendee-field", Field).error
        app.flush()
    pm = load(tone_path)
    assert [(p.name, p.role, p.present) for p in pm.incident.participants] == [
        ("Mei Lin", Role.FACILITATOR, True),
        ("Priya Raman", Role.RESPONDER, False),
        ("Sam Okafor", Role.OTHER, True),
    ]


async def test_statement_edit_team_default_and_reset(
    make_app: MakeApp, archive: Archive, clock: FixedClock, tone_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, tone_path)
        source = screen.query_one("#statement-source", Static)
        assert str(source.content).startswith("(pmtui's default)")
        await pilot.press("ctrl+o")
        editor = screen.query_one("#statement-edit", TextArea)
        assert editor.display and app.focused is editor
        editor.text = "We fix systems, not people."
        await pilot.pause()
        assert str(screen.query_one("#statement", Static).content) == (
            "We fix systems, not people."
        )
        assert str(source.content).startswith("(written for this post-mortem)")
        await pilot.press("ctrl+o")
        assert not editor.display
        await pilot.press("ctrl+g")
        assert team_statement(archive.folder) == "We fix systems, not people."
        assert str(source.content).startswith("(the team's default)")
        app.flush()
    assert load(tone_path).tone.statement == "We fix systems, not people."
    # a new post-mortem in this archive starts with the team's statement
    with archive.create(new_postmortem("Next one", clock)) as handle:
        fresh = handle.path
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, fresh)
        assert str(screen.query_one("#statement", Static).content) == (
            "We fix systems, not people."
        )
        screen.pm.tone.statement = "Changed"
        await pilot.press("ctrl+r")  # back to the team's default
        assert screen.pm.tone.statement == "We fix systems, not people."
        app.flush()
    assert load(fresh).tone.statement == "We fix systems, not people."


async def test_open_actions_of_earlier_related_post_mortems(
    make_app: MakeApp, archive: Archive, clock: FixedClock, tone_path: Path
) -> None:
    earlier = new_postmortem("TLS expiry in May", clock)
    earlier.incident.tags = ["tls"]
    set_key_time(
        earlier,
        KeyMoment.IMPACT_BEGAN,
        datetime.fromisoformat("2026-05-02T10:00+00:00"),
    )
    earlier.actions = [
        Action("a1", "Alert on certificate chain", owner="Jonas", due=date(2026, 6, 1)),
        Action("a2", "Write the runbook", owner=""),
    ]
    earlier.actions[1].status = earlier.actions[1].status.DONE
    archive.create(earlier).close()
    other = new_postmortem("DNS blip", clock)
    other.incident.tags = ["dns"]
    other.actions = [Action("a1", "Unrelated")]
    archive.create(other).close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, tone_path)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(screen.query_one("#related", Static).content)
    assert (
        "○ Alert on certificate chain — Jonas, due Mon 1 Jun ⚠ overdue [open]" in text
    )
    assert "from “TLS expiry in May” (shares tls)" in text
    assert "Write the runbook" not in text
    assert "Unrelated" not in text


async def test_empty_state_says_so_plainly(make_app: MakeApp, tone_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tone(app, pilot, tone_path)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(screen.query_one("#related", Static).content) == NO_RELATED
