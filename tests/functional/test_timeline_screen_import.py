"""Step 2 under Pilot: imports. Bad lines and their reasons (whole at 80x24),
a missing file, a large log read in a worker, a 20,000-line import that lands
in time order while the table keeps working, and an event typed meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Log

from pmtui.screens.timeline import TimelineScreen
from pmtui.widgets.timeline_detail import DetailLine
from pmtui.widgets.timeline_import_dialog import ImportPreviewDialog
from pmtui.widgets.timeline_importer import ImportRunner
from pmtui.widgets.timeline_quick_add import QuickAdd
from pmtui.widgets.timeline_table import TimelineTable
from tests.functional.timeline_helpers import (
    LOG,
    MakeApp,
    big_log,
    import_file,
    open_timeline,
    saved,
    type_line,
)
from tests.helpers import press_quit, wait_until


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


async def test_a_path_that_cannot_be_read_is_told_in_the_dialog(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    """The reason shows under the path, the typed path stays, the dialog
    stays open: the facilitator fixes a typo instead of typing it all again."""
    from pmtui.screens.dialogs import TextPromptDialog

    log = tmp_path / "app.log"
    log.write_text("2026-11-18T09:04:00Z checkout errors rising\n")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_timeline(app, pilot, sample_path)
        await pilot.press("ctrl+o")
        assert await wait_until(lambda: isinstance(app.screen, TextPromptDialog))
        field = app.screen.query_one("#prompt", Input)
        field.value = str(tmp_path / "app.lg")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)  # still open
        error = str(app.screen.query_one("#prompt-field .field--error").render())
        assert "app.lg does not exist" in error
        assert field.value == str(tmp_path / "app.lg")  # kept as typed
        field.value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#prompt-field .field--error").render())
        assert "is a folder, not a file" in error
        field.value = str(log)
        await pilot.press("enter")
        assert await wait_until(lambda: isinstance(app.screen, ImportPreviewDialog))
        await press_quit(pilot)


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
