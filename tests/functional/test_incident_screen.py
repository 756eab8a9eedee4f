"""Step 0 under Pilot: facts from the keyboard, a bad time corrected, the key
times on the timeline, tags, links and participants (with undo), the
checklist, the meeting window, the pre-read; saved and read back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import KeyMoment, Role, Step, new_postmortem
from pmtui.model.session import Link
from pmtui.model.timeline import key_time
from pmtui.screens.dialogs import ConfirmDialog
from pmtui.screens.incident import IncidentScreen
from pmtui.store import Archive, PostMortemFile, load
from pmtui.widgets.field import Field

MakeApp = Callable[..., PmtuiApp]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    pm = new_postmortem("Checkout down", clock, timezone="Europe/Berlin")
    with archive.create(pm) as handle:
        return handle.path


async def open_incident(app: PmtuiApp, pilot: object, path: Path) -> IncidentScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.INCIDENT)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, IncidentScreen)
    return app.screen


async def type_into(
    pilot: object, screen: IncidentScreen, selector: str, text: str
) -> None:
    """Focus an input, replace its text by typing, press enter."""
    widget = screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.pause()  # type: ignore[attr-defined]
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]


def berlin(text: str) -> datetime:
    return datetime.fromisoformat(text + "+01:00")


def error_of(screen: IncidentScreen, selector: str) -> str:
    return screen.query_one(selector, Field).error


async def test_fill_facts_and_times_from_the_keyboard(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_incident(app, pilot, empty_path)
        assert app.focused is screen.query_one("#title", Input)
        await type_into(pilot, screen, "#title", "Checkout failing")
        await type_into(pilot, screen, "#services", "checkout-api, payments")
        await type_into(pilot, screen, "#tags", "TLS, Config Change")
        assert screen.query_one("#tags", Input).value == "tls, config-change"
        await type_into(pilot, screen, "#time-impact_began Input", "2026-11-18 09:04")
        echo = screen.query_one("#time-impact_began .time-echo", Static)
        assert str(echo.content) == "→ Wed 18 Nov 09:04 CET (08:04 UTC)"
        # a bad time: message under the field, typed text stays, nothing lost
        await type_into(pilot, screen, "#time-detected Input", "25:00")
        assert "25:00" in error_of(screen, "#time-detected")
        assert screen.query_one("#time-detected Input", Input).value == "25:00"
        assert key_time(screen.pm, KeyMoment.DETECTED) is None
        assert screen.pm.incident.title == "Checkout failing"
        # corrected: a bare clock time is on the incident's date
        await type_into(pilot, screen, "#time-detected Input", "09:21")
        assert error_of(screen, "#time-detected") == ""
        assert key_time(screen.pm, KeyMoment.DETECTED) == berlin("2026-11-18T09:21")
        # out of order: a warning, and the time is kept
        await type_into(pilot, screen, "#time-mitigated Input", "09:10")
        warning = str(screen.query_one("#order-warnings", Static).content)
        assert "Mitigated is before detected" in warning
        await type_into(pilot, screen, "#time-resolved Input", "18 Nov 10:20")
        app.flush()
    pm = load(empty_path)
    assert pm.incident.title == "Checkout failing"
    assert pm.incident.services == ["checkout-api", "payments"]
    assert pm.incident.tags == ["tls", "config-change"]
    assert key_time(pm, KeyMoment.IMPACT_BEGAN) == berlin("2026-11-18T09:04")
    assert key_time(pm, KeyMoment.MITIGATED) == berlin("2026-11-18T09:10")
    assert key_time(pm, KeyMoment.RESOLVED) == berlin("2026-11-18T10:20")
    assert [e.key for e in pm.timeline] == [
        KeyMoment.IMPACT_BEGAN,
        KeyMoment.MITIGATED,
        KeyMoment.DETECTED,
        KeyMoment.RESOLVED,
    ]


async def test_bad_tag_zone_and_figure_keep_the_typed_text(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_incident(app, pilot, empty_path)
        await type_into(pilot, screen, "#time-impact_began Input", "2026-11-18 09:04")
        await type_into(pilot, screen, "#tags", "tls!")
        assert "lower-case letters" in error_of(screen, "#tags-field")
        assert screen.query_one("#tags", Input).value == "tls!"
        await type_into(pilot, screen, "#timezone", "Mars/Base")
        assert "Unknown time zone" in error_of(screen, "#timezone-field")
        assert screen.pm.timezone == "Europe/Berlin"
        await type_into(pilot, screen, "#timezone", "America/New_York")
        assert error_of(screen, "#timezone-field") == ""
        # the stored instant stays; it shows in the new zone
        assert screen.query_one("#time-impact_began Input", Input).value == (
            "2026-11-18 03:04"
        )
        await type_into(pilot, screen, "#fig-users_affected", "lots")
        assert "whole number" in error_of(screen, "#fig-users_affected-field")
        await type_into(pilot, screen, "#fig-users_affected", "12,400")
        await type_into(pilot, screen, "#fig-duration_minutes", "1h10m")
        assert screen.query_one("#fig-duration_minutes", Input).value == "70m"
        app.flush()
    pm = load(empty_path)
    assert pm.incident.tags == []
    assert pm.timezone == "America/New_York"
    assert pm.incident.impact.users_affected == 12400
    assert pm.incident.impact.duration_minutes == 70


async def test_links_and_participants_add_edit_delete_undo(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_incident(app, pilot, empty_path)
        screen.query_one("#link-label", Input).value = "Dashboard"
        await type_into(pilot, screen, "#link-url", "grafana.example.com")
        assert "http:// or https://" in error_of(screen, "#link-url-field")
        assert screen.pm.incident.links == []
        await type_into(pilot, screen, "#link-url", "https://grafana.example.com/d/1")
        assert screen.pm.incident.links == [
            Link("Dashboard", "https://grafana.example.com/d/1")
        ]
        await type_into(pilot, screen, "#link-url", "https://tracker.example.com/INC-1")
        assert len(screen.pm.incident.links) == 2
        # edit the first row: enter on it loads the form
        table = screen.query_one("#links .list-table")
        table.focus()
        table.move_cursor(row=0)  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert screen.query_one("#link-label", Input).value == "Dashboard"
        await type_into(pilot, screen, "#link-label", "Checkout dashboard")
        assert screen.pm.incident.links[0].label == "Checkout dashboard"
        assert len(screen.pm.incident.links) == 2
        # delete the second, then undo
        table.focus()
        table.move_cursor(row=1)  # type: ignore[attr-defined]
        await pilot.press("delete")
        assert [link.label for link in screen.pm.incident.links] == [
            "Checkout dashboard"
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(screen.pm.incident.links) == 2
        assert table.row_count == 2  # type: ignore[attr-defined]
        await type_into(pilot, screen, "#person-name", "Priya Raman")
        app.flush()
    pm = load(empty_path)
    assert [(link.label, link.url) for link in pm.incident.links] == [
        ("Checkout dashboard", "https://grafana.example.com/d/1"),
        ("https://tracker.example.com/INC-1", "https://tracker.example.com/INC-1"),
    ]
    assert [(p.name, p.role) for p in pm.incident.participants] == [
        ("Priya Raman", Role.RESPONDER)
    ]


async def test_checklist_meeting_window_and_warranted_hint(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_incident(app, pilot, empty_path)
        screen.query_one("#check-gather").focus()
        await pilot.press("space")
        screen.query_one("#check-share").focus()
        await pilot.press("enter")
        await type_into(pilot, screen, "#time-resolved Input", "2026-11-18 10:20")
        await type_into(pilot, screen, "#meeting-at Input", "2026-11-19 09:00")
        timing = screen.query_one("#meeting-timing", Static)
        assert "earlier than 24 h" in str(timing.content)
        assert timing.has_class("-warning")
        await type_into(pilot, screen, "#meeting-at Input", "2026-11-20 14:00")
        assert "52 h after the fix: within" in str(timing.content)
        assert not timing.has_class("-warning")
        warranted = str(screen.query_one("#warranted", Static).content)
        assert warranted.startswith("✓ A post-mortem is warranted: severity P2")
        app.flush()
    pm = load(empty_path)
    assert pm.prep.checklist == {"gather": True, "share": True}
    assert pm.prep.meeting_at == berlin("2026-11-20T14:00")


async def test_tags_are_suggested_and_repeats_counted_from_the_archive(
    make_app: MakeApp, archive: Archive, clock: FixedClock, empty_path: Path
) -> None:
    earlier = new_postmortem("Old TLS outage", clock)
    earlier.incident.tags = ["certificates", "tls"]
    archive.create(earlier).close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_incident(app, pilot, empty_path)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.tag_suggester.words == ["certificates", "tls"]
        screen.query_one("#tags", Input).focus()
        await pilot.press("t", "l")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        await pilot.press("enter")
        assert screen.pm.incident.tags == ["tls"]
        await pilot.pause()
        assert "a repeat: 1 earlier post-mortem" in str(
            screen.query_one("#warranted", Static).content
        )


async def test_preread_is_written_and_never_overwritten_silently(
    make_app: MakeApp, archive: Archive, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_incident(app, pilot, empty_path)
        await pilot.press("ctrl+r")
        target = archive.exports / f"{empty_path.stem}.pre-read.md"
        first = target.read_text()
        assert "Checkout down" in first
        assert any(str(target) in str(n.message) for n in app._notifications)
        target.write_text("edited by hand")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert target.read_text() == "edited by hand"
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert target.read_text() == first


async def test_read_only_changes_nothing(make_app: MakeApp, empty_path: Path) -> None:
    holder = PostMortemFile.open(empty_path)
    try:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_incident(app, pilot, empty_path)
            assert screen.ctx.read_only
            assert screen.query_one("#title", Input).disabled
            assert screen.query_one("#time-detected Input", Input).disabled
            assert screen.query_one("#link-url", Input).disabled
    finally:
        holder.close()
