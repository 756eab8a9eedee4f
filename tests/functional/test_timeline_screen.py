"""Step 2 under Pilot: ten events typed in, edit, delete and undo, key moments
and the metrics, kinds, gap threshold, the parking lot, read-only. Imports
are in test_timeline_screen_import."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from pmtui.clock import FixedClock
from pmtui.model import EventKind, KeyMoment, new_postmortem
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.screens.timeline import TimelineScreen
from pmtui.store import Archive, PostMortemFile
from pmtui.widgets.timeline_edit import EditEventDialog
from pmtui.widgets.timeline_quick_add import QuickAdd
from pmtui.widgets.timeline_table import TimelineTable
from tests.functional.timeline_helpers import (
    TZ,
    MakeApp,
    cell,
    metrics_text,
    open_timeline,
    saved,
    type_line,
)

TEN = [
    "18 Nov 09:04 first TLS handshake failures",
    "09:11 error-rate alert fired",
    "+8m support escalates in #incidents",
    "09:21 payments on-call paged by hand",
    "09:26 incident commander assigned",
    "09:33 gateway outage ruled out",
    "09:38 missing intermediate CA found",
    "+6m rollback started",
    "09:51 previous certificate restored",
    "now status page updated",
]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout down", clock, timezone=TZ)) as doc:
        return doc.path


async def test_ten_events_typed_in_keep_time_order(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, empty_path)
        field = screen.query_one(QuickAdd)
        assert app.focused is field.input
        for line in TEN:
            await type_line(pilot, line)
            assert field.input.value == ""
            assert app.focused is field.input
        pm = saved(app, empty_path)
        texts = [e.text for e in pm.timeline]
        assert texts[0] == "first TLS handshake failures"
        assert texts[-1] == "status page updated"  # now = 20 Nov, days later
        times = [
            e.at.astimezone(pm.timeline[0].at.tzinfo).strftime("%H:%M")
            for e in pm.timeline
        ]
        assert times[:9] == [
            "09:04",
            "09:11",
            "09:19",
            "09:21",
            "09:26",
            "09:33",
            "09:38",
            "09:44",
            "09:51",
        ]
        assert pm.timeline[-1].at == app.clock.now()
        table = screen.query_one(TimelineTable)
        assert table.row_count == 10 + 1  # a gap row: 09:51 -> 20 Nov
        # the day after the incident shows its date
        assert cell(table, pm.timeline[-1].id, "time") == "Fri 20 Nov 11:00"


async def test_a_line_without_time_asks_for_one_and_keeps_the_text(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, empty_path)
        await type_line(pilot, "rollback started")
        field = screen.query_one(QuickAdd)
        assert "When did it happen" in field.error
        assert field.input.value == "rollback started"
        await type_line(pilot, "+7m")  # first event: +7m has nothing to count from
        assert field.input.value == "rollback started+7m"
        field.input.value = "09:00 rollback started"
        await type_line(pilot, "")
        assert field.error == ""
        await type_line(pilot, "09:00 rollback started")
        assert "already on the timeline" in field.error
        assert len(saved(app, empty_path).timeline) == 1


async def test_letters_typed_in_the_add_line_do_not_reach_the_table(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        before = [(e.kind, e.key) for e in screen.pm.timeline]
        await pilot.press(*"mkmk")
        assert screen.query_one(QuickAdd).input.value == "mkmk"
        assert [(e.kind, e.key) for e in screen.pm.timeline] == before


async def test_edit_an_event_in_the_dialog(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await pilot.press("down", "down", "down")  # to the table, third row
        table = screen.query_one(TimelineTable)
        assert table.has_focus and table.current_key() == "e3"
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditEventDialog)
        when = dialog.query_one("#tl-edit-at", Input)
        assert when.value == "2026-11-18 10:11"
        when.value = "25:00"
        await pilot.press("enter")
        await pilot.pause()
        assert "00-23" in str(dialog.query_one("#tl-edit-at-field").error)  # type: ignore[attr-defined]
        when.value = "10:45"
        dialog.query_one("#tl-edit-text", Input).value = "Alert fired (late)"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        event = next(e for e in saved(app, sample_path).timeline if e.id == "e3")
        assert event.text == "Alert fired (late)"
        assert (
            event.at.astimezone(__import__("datetime").UTC).strftime("%H:%M") == "09:45"
        )
        ids = [e.id for e in saved(app, sample_path).timeline]
        assert ids.index("e3") == ids.index("e9") + 1  # moved after 09:44 UTC
        assert table.current_key() == "e3"


async def test_delete_and_undo(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await pilot.press("down", "down")
        table = screen.query_one(TimelineTable)
        assert table.current_key() == "e2"
        await pilot.press("delete")
        await pilot.pause()
        assert table.view.get("e2") is None
        assert "impact began" in metrics_text(screen)
        assert "e2" not in [e.id for e in saved(app, sample_path).timeline]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert table.view.get("e2") is not None
        pm = saved(app, sample_path)
        assert [e.id for e in pm.timeline][:3] == ["e1", "e2", "e3"]
        assert pm.timeline[1].key is KeyMoment.IMPACT_BEGAN


async def test_key_moments_and_kind_from_the_keyboard_change_the_metrics(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, empty_path)
        for line in ("09:04 checkouts fail", "09:21 paged", "09:51 restored"):
            await type_line(pilot, line)
        assert "(mark impact began)" in metrics_text(screen)
        table = screen.query_one(TimelineTable)
        assert table.row_count == 5  # no key moments yet: two gap rows
        await pilot.press("down")  # from the add line into the table
        assert table.has_focus
        table.select_key("e1")
        await pilot.press("m")  # 09:04: none -> impact began
        await pilot.pause()
        assert "(mark detected)" in metrics_text(screen)
        assert "(mark mitigated or resolved)" in metrics_text(screen)
        table.select_key("e2")
        await pilot.press("m")  # 09:21: impact began is taken -> detected
        await pilot.pause()
        table.select_key("e3")
        await pilot.press("3")  # 09:51: mitigated, directly
        await pilot.pause()
        await pilot.press("k", "k")  # other -> alert -> detection
        await pilot.pause()
        text = metrics_text(screen)
        assert "17 minutes  0:17:00" in text
        assert "47 minutes  0:47:00" in text
        assert "█" in text and "▓" in text
        assert cell(table, "e2", "key") == "◉ detected"
        pm = saved(app, empty_path)
        assert [e.key for e in pm.timeline] == [
            KeyMoment.IMPACT_BEGAN,
            KeyMoment.DETECTED,
            KeyMoment.MITIGATED,
        ]
        assert pm.timeline[2].kind is EventKind.DETECTION
        # marking 09:21 as impact began moves the mark: one event per moment
        table.select_key("e2")
        await pilot.press("1")  # impact began, taken from 09:04
        await pilot.pause()
        pm = saved(app, empty_path)
        assert [e.key for e in pm.timeline] == [
            None,
            KeyMoment.IMPACT_BEGAN,
            KeyMoment.MITIGATED,
        ]
        assert "30 minutes  0:30:00" in metrics_text(screen)
        assert cell(table, "e1", "key") == ""
        assert cell(table, "e2", "key") == "▶ impact began"
        await pilot.press("1")  # the same digit again clears it
        await pilot.pause()
        assert saved(app, empty_path).timeline[1].key is None
        await pilot.press("M")  # backwards through the free moments: resolved
        await pilot.pause()
        assert saved(app, empty_path).timeline[1].key is KeyMoment.RESOLVED


async def test_gap_threshold_from_the_screen(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        table = screen.query_one(TimelineTable)
        assert table.row_count == 12
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        app.screen.query_one(Input).value = "five"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)  # asked again, text kept
        assert app.screen.query_one(Input).value == "five"
        app.screen.query_one(Input).value = "5m"
        await pilot.press("enter")
        await pilot.pause()
        assert table.row_count == 12 + 5
        gap = next(k for k in table.view.row_keys() if k.startswith("gap:"))
        assert "minutes with no event" in cell(table, gap, "text")
        assert saved(app, sample_path).gap_threshold_minutes == 5


async def test_parking_lot_from_the_add_line(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await pilot.press(*"09:5")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press(*"canary for rotations", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(QuickAdd).input.value == "09:5"
        parked = saved(app, sample_path).parking_lot[-1]
        assert (parked.text, parked.step) == ("canary for rotations", "timeline")


async def test_read_only_changes_nothing(make_app: MakeApp, sample_path: Path) -> None:
    before = sample_path.read_bytes()
    with PostMortemFile.open(sample_path):
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_timeline(app, pilot, sample_path)
            assert screen.query_one(QuickAdd).input.disabled
            await pilot.press("delete", "k", "m", "ctrl+o", "ctrl+g")
            await pilot.pause()
            assert isinstance(app.screen, TimelineScreen)
            assert len(screen.pm.timeline) == 12
    assert sample_path.read_bytes() == before


@pytest.mark.parametrize(
    ("marked", "detect", "impact"),
    [
        ((), "impact began", "impact began"),
        (("detected", "resolved"), "impact began", "impact began"),
        (("impact_began", "resolved"), "detected", None),
        (("impact_began",), "detected", "mitigated or resolved"),
    ],
)
def test_a_missing_metric_names_the_marks_it_still_needs(
    marked: tuple[str, ...], detect: str, impact: str | None
) -> None:
    """Seen in tmux: with detected marked, "Time to detect" asked to mark
    detected; it needs impact began."""
    from pmtui.widgets.timeline_metrics import _LABELS, _value

    have = {KeyMoment(m) for m in marked}
    spans = {label: moments for label, _, _, moments in _LABELS}
    assert _value(None, spans["Time to detect"], have) == ("—", f"(mark {detect})")
    if impact is not None:
        assert _value(None, spans["Total impact"], have) == ("—", f"(mark {impact})")
