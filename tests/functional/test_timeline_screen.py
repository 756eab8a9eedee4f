"""Step 2 under Pilot: ten events typed in, edit, delete and undo, key moments
and the metrics, kinds, gap threshold, import with bad lines, read-only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input, Log

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import EventKind, KeyMoment, PostMortem, Step, new_postmortem
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.screens.timeline import TimelineScreen
from pmtui.store import Archive, PostMortemFile, load
from pmtui.widgets.timeline_cells import cells
from pmtui.widgets.timeline_detail import DetailLine
from pmtui.widgets.timeline_edit import EditEventDialog
from pmtui.widgets.timeline_import_dialog import ImportPreviewDialog
from pmtui.widgets.timeline_importer import ImportRunner
from pmtui.widgets.timeline_metrics import TimelineMetrics
from pmtui.widgets.timeline_quick_add import QuickAdd
from pmtui.widgets.timeline_table import TimelineTable
from tests.helpers import wait_until

MakeApp = Callable[..., PmtuiApp]
TZ = "Europe/Berlin"

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


async def open_timeline(app: PmtuiApp, pilot: object, path: Path) -> TimelineScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.TIMELINE)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TimelineScreen)
    return app.screen


async def type_line(pilot: object, text: str) -> None:
    await pilot.press(*text, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def metrics_text(screen: TimelineScreen) -> str:
    return str(screen.query_one(TimelineMetrics).render())


def cell(table: TimelineTable, key: str, column: str) -> str:
    """What the table shows in ``column`` of row ``key``."""
    row = table.view.get(key)
    assert row is not None, f"no row {key}"
    return str(cells(row, table.time_style)[column])


def saved(app: PmtuiApp, path: Path) -> PostMortem:
    assert app.flush()
    return load(path)


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
        assert "(mark detected)" in metrics_text(screen)
        table = screen.query_one(TimelineTable)
        assert table.row_count == 5  # no key moments yet: two gap rows
        await pilot.press("down")  # from the add line into the table
        assert table.has_focus
        table.select_key("e1")
        await pilot.press("m")  # 09:04: none -> impact began
        await pilot.pause()
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


LOG = (
    "2026-11-18T09:30:00Z rollback attempt denied: missing permission\n"
    "    at kube.client.Forbidden\n"
    "Nov 18 10:31:00 web-1 app[7]: permission granted\n"
    "2026-11-18T09:04:00Z First TLS handshake failures in checkout-api logs; "
    "checkouts start failing\n"
    "\n"
    "25:61 broken clock\n"
)


async def test_import_with_bad_lines(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "checkout.log"
    source.write_text(LOG, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ImportPreviewDialog)
        assert len(preview.preview.events) == 2
        assert preview.preview.repeats == 1 and preview.preview.blank == 1
        bad = preview.query_one("#tl-import-bad", Log).lines
        assert bad[0] == "line 2: at kube.client.Forbidden"
        assert bad[1].startswith("  ✗ no time at the start")
        assert bad[2] == "line 6: 25:61 broken clock"
        assert "00-23" in bad[3] and len(bad) == 4
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        pm = saved(app, sample_path)
        assert len(pm.timeline) == 14
        assert {
            "rollback attempt denied: missing permission",
            "web-1 app[7]: permission granted",
        } <= {e.text for e in pm.timeline}
        assert screen.query_one(TimelineTable).row_count == 14


async def test_reasons_for_unreadable_lines_wrap_whole_in_a_small_terminal(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    from pmtui.model.timeline_import import NO_LOG_TIME

    source = tmp_path / "checkout.log"
    source.write_text(LOG, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(app, pilot, sample_path)
        await import_file(app, pilot, source, confirm=False)
        await pilot.pause()
        log = app.screen.query_one("#tl-import-bad", Log)
        lines = list(log.lines)
        assert lines[0] == "line 2: at kube.client.Forbidden"
        second = lines.index("line 6: 25:61 broken clock")
        reason = lines[1:second]
        assert len(reason) > 1  # wrapped, not cut at the dialog's edge
        assert all(len(line) <= log.size.width for line in reason)
        assert reason[0].startswith("  ✗ ")
        assert " ".join(x.strip() for x in reason).removeprefix("✗ ") == NO_LOG_TIME
        assert "00-59" in " ".join(lines[second + 1 :])


async def test_import_of_a_missing_file_says_why(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        screen.query_one(ImportRunner).start(
            screen.pm, tmp_path / "nope.log", app.clock.now()
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert any("does not exist" in str(n.message) for n in app._notifications)
        assert not screen.query_one(ImportRunner).running


async def test_a_large_log_is_read_in_a_worker_with_progress(
    make_app: MakeApp,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from pmtui.store import imports

    source = tmp_path / "big.log"
    source.write_text(
        "".join(
            f"2026-11-18T09:{i // 600 % 60:02d}:{i % 60:02d}Z req {i}\n"
            for i in range(20000)
        ),
        encoding="utf-8",
    )
    release = threading.Event()
    read = imports.read_text_file

    def slow_read(path: Path) -> str:
        release.wait(10)  # the disk is slow: the worker waits here
        return read(path)

    monkeypatch.setattr(imports, "read_text_file", slow_read)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        runner = screen.query_one(ImportRunner)
        runner.start(screen.pm, source, app.clock.now())
        await pilot.press(*"09:59 typed meanwhile")  # the screen keeps taking keys
        await pilot.pause()
        detail = screen.query_one(DetailLine)
        assert runner.running and detail.progress is not None
        assert "Reading big.log" in str(detail.render())
        assert screen.query_one(QuickAdd).input.value == "09:59 typed meanwhile"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not runner.running and detail.progress is None
        assert isinstance(app.screen, ImportPreviewDialog)
        assert len(app.screen.preview.events) == 20000
        await pilot.press("escape")
        await pilot.pause()
        assert len(saved(app, sample_path).timeline) == 12  # cancelled: nothing added


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


def big_log(folder: Path, lines: int) -> Path:
    """A log of ``lines`` lines, four a second from 08:00 UTC on 18 Nov, out of
    order in blocks (as merged logs are), every 50th line a stack trace."""
    start = pendulum.datetime(2026, 11, 18, 8, 0, tz="UTC")
    out = []
    for n in range(lines):
        if n % 50 == 49:
            out.append(f"    at Handler.handle(Handler.java:{n})")
            continue
        block, within = divmod(n, 1000)
        at = start.add(seconds=((block * 7) % 20) * 250 + within // 4)
        out.append(f"{at.format('YYYY-MM-DDTHH:mm:ss')}.{n % 1000:03d}Z req {n}")
    source = folder / "big.log"
    source.write_text("\n".join(out) + "\n", encoding="utf-8")
    return source


async def import_file(
    app: PmtuiApp, pilot: object, source: Path, *, confirm: bool = True
) -> None:
    """Read ``source`` through the import key (and confirm the preview)."""
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one(Input).value = str(source)
    await pilot.press("enter")  # type: ignore[attr-defined]
    assert await wait_until(lambda: isinstance(app.screen, ImportPreviewDialog), 60)
    if confirm:
        await pilot.press("ctrl+y")  # type: ignore[attr-defined]


async def test_a_large_import_lands_in_time_order_and_the_table_keeps_working(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    import gc

    from pmtui.widgets import timeline_gc

    source = big_log(tmp_path, 20000)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await import_file(app, pilot, source, confirm=False)
        preview = app.screen
        assert isinstance(preview, ImportPreviewDialog)
        await pilot.press("ctrl+y")
        runner = screen.query_one(ImportRunner)
        assert await wait_until(lambda: len(screen.pm.timeline) > 12, 60)
        assert await wait_until(lambda: not runner.running)
        await pilot.pause()
        # the collector runs again; the closed preview let its lines go
        assert timeline_gc.holding() == 0 and gc.isenabled()
        assert await wait_until(lambda: not preview.preview.events)
        table = screen.query_one(TimelineTable)
        pm = screen.pm
        assert len(pm.timeline) == 12 + 20000 - 400  # the stack traces are not
        times = [e.at.timestamp() for e in pm.timeline]
        assert times == sorted(times)
        shown = table.view.row_keys()
        events = [k for k in shown if not k.startswith("gap:")]
        assert events == [e.id for e in pm.timeline]  # the table, in time order
        assert table.row_count == len(shown)
        first = next(e for e in pm.timeline if e.text == "req 0")
        assert table.current_key() == first.id  # the first imported line
        # to the end: the last row is under the cursor and drawn on screen
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert table.current_key() == shown[-1]
        bottom = table.scroll_offset.y + table.scrollable_content_region.height - 1
        assert table.cursor_row == len(shown) - 1 == bottom - 1
        last = table.view.get(shown[-1])
        assert (
            last is not None
            and last.text
            in table.render_line(table.cursor_row - table.scroll_offset.y + 1).text
        )
        await pilot.press("pageup", "up", "home")
        assert table.cursor_row == 0 and table.scroll_offset.y == 0
        # typing a new event afterwards: it lands in order, and is saved
        await pilot.press("escape")
        await type_line(pilot, "09:30 typed after the import")  # 08:30 UTC
        typed = screen.last_added
        assert typed is not None and table.current_key() == typed.id
        index = pm.timeline.index(typed)
        assert 12 < index < len(pm.timeline) - 12  # among the imported lines
        assert pm.timeline[index - 1].at <= typed.at <= pm.timeline[index + 1].at
        on_disk = saved(app, sample_path)
        assert len(on_disk.timeline) == len(pm.timeline)
        assert "typed after the import" in {e.text for e in on_disk.timeline}


async def test_an_event_typed_while_an_import_is_merged_is_kept(
    make_app: MakeApp,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from collections.abc import Generator

    from pmtui.model import timeline_merge

    source = big_log(tmp_path, 2000)
    plan_steps = timeline_merge.plan_steps
    calls: list[int] = []

    def slow_steps(*args: object) -> Generator[None, None, object]:
        calls.append(1)
        while len(calls) == 1:
            yield  # the first plan is still being made...
        return (yield from plan_steps(*args))  # type: ignore[arg-type]

    monkeypatch.setattr(timeline_merge, "plan_steps", slow_steps)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        await import_file(app, pilot, source)
        assert await wait_until(lambda: bool(calls))
        runner = screen.query_one(ImportRunner)
        assert runner.running
        await pilot.pause()
        shown = str(screen.query_one(DetailLine).render())
        assert "Adding 1,960 event(s)…" in shown and "type on" in shown
        # ...when someone types an event: the plan is stale, and made again
        await type_line(pilot, "07:59 typed meanwhile")
        typed = screen.last_added
        assert typed is not None and screen.quick_add.input.value == ""
        assert await wait_until(lambda: len(screen.pm.timeline) > 13, 30)
        assert len(calls) == 2
        pm = saved(app, sample_path)
        assert len(pm.timeline) == 12 + 1 + 2000 - 40
        assert "typed meanwhile" in {e.text for e in pm.timeline}
        ids = [e.id for e in pm.timeline]
        assert len(set(ids)) == len(ids)
        times = [e.at.timestamp() for e in pm.timeline]
        assert times == sorted(times)
