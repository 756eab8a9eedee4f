"""The app shell under Pilot: home, new, steps, autosave, undo, locks."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.autosave import SAVE_DELAY
from pmtui.model import PostMortem, Step
from pmtui.screens.base import StepScreen
from pmtui.screens.dialogs import BrokenFileDialog, NewPostMortemDialog
from pmtui.screens.help import HelpScreen
from pmtui.screens.home import HomeScreen
from pmtui.store import Archive, PostMortemFile, load
from pmtui.widgets.row_table import RowTable
from tests.helpers import press_quit, wait_until

MakeApp = Callable[..., PmtuiApp]


async def settle(app: PmtuiApp) -> None:
    await app.workers.wait_for_complete()
    await asyncio.sleep(0)
    await asyncio.sleep(0.05)


async def type_text(pilot: object, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]


async def test_create_walk_quit_and_reopen(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewPostMortemDialog)
        await pilot.press("enter")  # no title: refused with a message, dialog stays
        assert isinstance(app.screen, NewPostMortemDialog)
        assert "title is needed" in app.screen.query_one("#title-field").error
        await type_text(pilot, "Search index stale")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.STEP is Step.INCIDENT
        path = app.ctx.path if app.ctx else None
        assert path is not None and path.exists()
        seen = [app.screen.STEP]
        for _ in range(len(Step) - 1):
            await pilot.press("ctrl+n")
            await pilot.pause()
            seen.append(app.screen.STEP)
        assert seen == list(Step)
        await pilot.press("ctrl+n")  # past the last step: nothing happens
        assert app.screen.STEP is Step.REPORT
        for _ in range(len(Step) - 1):
            await pilot.press("ctrl+b")
            await pilot.pause()
        assert app.screen.STEP is Step.INCIDENT
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.STEP is Step.TIMELINE
        # park an idea from here: it is saved with the post-mortem
        await pilot.press("ctrl+l")
        await type_text(pilot, "canary for secret rotations")
        await pilot.press("enter")
        await press_quit(pilot)
    assert not app.is_running
    pm = load(path)
    assert pm.incident.title == "Search index stale"
    assert [p.text for p in pm.parking_lot] == ["canary for secret rotations"]
    assert pm.parking_lot[0].step == "timeline"
    # start again: the home screen lists it; open it: all there
    app2 = make_app()
    async with app2.run_test(size=(120, 40)) as pilot:
        await settle(app2)
        table = app2.screen.query_one("#home-table", RowTable)
        assert table.row_count == 1
        assert "Search index stale" in str(table.get_row_at(0)[0])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, StepScreen)
        assert app2.ctx is not None and app2.ctx.pm.parking_lot[0].text.startswith(
            "canary"
        )


async def test_edit_is_on_disk_within_a_second(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)):
        await settle(app)
        assert app.ctx is not None
        app.ctx.pm.next_steps.runbooks.append("changed live")
        app.screen.edited()  # type: ignore[attr-defined]
        # The save timer is well under a second; on a loaded machine it may
        # fire late, so wait for the file rather than a fixed time.
        assert SAVE_DELAY < 1.0
        assert await wait_until(
            lambda: "changed live" in load(sample_path).next_steps.runbooks
        )


async def test_undo_brings_back_a_deletion(
    make_app: MakeApp, sample_path: Path
) -> None:
    from pmtui.model.undo import remove

    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        assert app.ctx is not None
        pm = app.ctx.pm
        first = pm.actions[0]
        removal = remove(pm.actions, first, "the first action")
        app.screen.deleted(removal)  # type: ignore[attr-defined]
        await pilot.pause()
        assert first not in pm.actions
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert pm.actions[0] is first
        app.flush()
    assert load(sample_path).actions[0].text == first.text


async def test_second_instance_is_read_only(
    make_app: MakeApp, sample_path: Path
) -> None:
    holder = PostMortemFile.open(sample_path)
    try:
        before = sample_path.read_bytes()
        app = make_app(sample_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            assert app.ctx is not None and app.ctx.read_only
            assert "read-only" in str(app.screen.query_one("#step-title").content)
            app.ctx.pm.incident.title = "not saved"
            app.screen.edited()  # type: ignore[attr-defined]
            await press_quit(pilot)
        assert sample_path.read_bytes() == before
    finally:
        holder.close()


async def test_broken_file_is_listed_and_backup_offered(
    make_app: MakeApp, sample_path: Path, archive: Archive
) -> None:
    backup = sample_path.with_name(sample_path.name + ".bak")
    shutil.copyfile(sample_path, backup)
    sample_path.write_text("{ truncated")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        table = app.screen.query_one("#home-table", RowTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert "checkout-outage.json" in row[0] and "not valid JSON" in row[0]
        assert row[3] == "⚠ broken"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrokenFileDialog)
        assert sample_path.read_text() == "{ truncated"  # never overwritten
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
    assert load(sample_path).incident.title
    assert list(archive.folder.glob("*.broken-*"))


async def test_open_sample_copies_it(make_app: MakeApp, archive: Archive) -> None:
    from pmtui.paths import samples_dir

    original = (samples_dir() / "checkout-outage.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.ctx is not None and app.ctx.path.parent == archive.folder
        await press_quit(pilot)
    assert (samples_dir() / "checkout-outage.json").read_bytes() == original


async def test_delete_asks_first(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # focus is on Cancel
        await pilot.pause()
        assert sample_path.exists()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(app)
        assert not sample_path.exists()


async def test_help_lists_screen_and_global_keys(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StepScreen)


async def test_palette_lists_every_step(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)):
        await settle(app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
    for step in Step:
        assert f"Step: {step.label}" in titles
    assert "Save now" in titles and "Undo delete" in titles


async def test_new_dialog_keeps_typed_title_on_error(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press("n")
        await type_text(pilot, "   ")
        await pilot.press("enter")
        assert isinstance(app.screen, NewPostMortemDialog)
        assert app.screen.query_one("#title", Input).value == "   "


async def test_titles_that_look_like_markup_show_as_typed(
    make_app: MakeApp, archive: Archive, sample_pm: PostMortem
) -> None:
    """A title such as ``[/x] …`` would raise, and ``[bold]`` vanish, if a
    table read cells as Rich markup: home and the tracker show them as typed."""
    from pmtui.screens.tracker import TrackerScreen

    title = "[/x] retry storm in [bold]payments[/bold]"
    sample_pm.incident.title = title
    sample_pm.actions[0].text = "[red]alert[/] on cert expiry"
    with archive.create(sample_pm):
        pass
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app)
        table = app.screen.query_one("#home-table", RowTable)
        assert str(table.get_row_at(0)[0]) == title
        await pilot.press("t")
        await settle(app)
        assert isinstance(app.screen, TrackerScreen)
        tracker = app.screen.query_one("#tracker-table", RowTable)
        shown = {str(tracker.get_row_at(n)[4]) for n in range(tracker.row_count)}
        assert "[red]alert[/] on cert expiry" in shown
        await press_quit(pilot)


async def test_the_chosen_theme_is_remembered(make_app: MakeApp) -> None:
    from pmtui.store.prefs import prefs_path, read_prefs
    from pmtui.themes import theme_names

    chosen = theme_names()[0]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        assert app.theme != chosen
        app.theme = chosen
        assert await wait_until(lambda: read_prefs().get("theme") == chosen)
        await press_quit(pilot)
    assert prefs_path().is_file()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again)
        assert again.theme == chosen
        await press_quit(pilot)


async def test_an_unknown_remembered_theme_is_ignored(make_app: MakeApp) -> None:
    from pmtui.store.prefs import update_prefs

    update_prefs(theme="no-such-theme")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        assert app.theme == "textual-dark"
        await press_quit(pilot)
