"""Steps 4-5 under Pilot: quick add, votes, sort, edit, move, delete + undo,
an improvement made an action, wide and narrow layouts, read-only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import Step, new_postmortem
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.screens.reflect import ReflectScreen
from pmtui.store import Archive, load
from pmtui.widgets.reflect_list import ItemList
from pmtui.widgets.reflect_move import MoveDialog

MakeApp = Callable[..., PmtuiApp]


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout down", clock)) as handle:
        return handle.path


async def until(pilot: object, ready: Callable[[], bool]) -> None:
    """Let the app run until ``ready()`` (a screen switch settles), 5 s at most."""
    for _ in range(250):
        if ready():
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    raise AssertionError("the app did not settle")


async def open_reflect(app: PmtuiApp, pilot: object, path: Path) -> ReflectScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.REFLECT)
    await until(
        pilot, lambda: isinstance(app.screen, ReflectScreen) and app.focused is not None
    )
    assert isinstance(app.screen, ReflectScreen)
    return app.screen


async def type_text(pilot: object, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]


def texts(items: list[object]) -> list[str]:
    return [item.text for item in items]  # type: ignore[attr-defined]


async def test_cursor_starts_in_first_list_and_quick_add_saves(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        assert app.focused is screen.query_one("#add-went_well", Input)
        await type_text(pilot, "Support escalated fast")
        await pilot.press("enter")
        await type_text(pilot, "Status page kept current")
        await pilot.press("enter")
        await pilot.press("enter")  # empty: nothing added
        assert app.focused is screen.query_one("#add-went_well", Input)
        assert screen.query_one("#add-went_well", Input).value == ""
        await pilot.press("tab", "tab")  # past the list to the next input
        assert app.focused is screen.query_one("#add-could_improve", Input)
        await type_text(pilot, "Alert routing")
        await pilot.press("enter")
        app.flush()
    pm = load(empty_path)
    assert texts(pm.reflection.went_well) == [
        "Support escalated fast",
        "Status page kept current",
    ]
    assert texts(pm.reflection.could_improve) == ["Alert routing"]
    assert pm.reflection.lucky == []


async def test_typing_on_a_list_starts_a_new_item(
    make_app: MakeApp, empty_path: Path
) -> None:
    """After a vote the cursor is on the list; typing the next item there
    ("No canary…") goes to the quick-add input instead of acting on items."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        await type_text(pilot, "Rollback was quick")
        await pilot.press("enter", "down", "plus")
        items = screen.query_one("#items-went_well", ItemList)
        assert app.focused is items
        await type_text(pilot, "No canary for auth deploys")
        quick = screen.query_one("#add-went_well", Input)
        assert app.focused is quick
        assert quick.value == "No canary for auth deploys"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pm.actions == []  # the a of "canary" made no action
        app.flush()
    pm = load(empty_path)
    assert [(i.text, i.votes) for i in pm.reflection.went_well] == [
        ("Rollback was quick", 1),
        ("No canary for auth deploys", 0),
    ]


async def test_keys_typed_fast_on_a_list_all_reach_the_new_item(
    make_app: MakeApp, empty_path: Path
) -> None:
    """A terminal delivers fast typing in a burst: the keys after the first
    are already queued for the list when the cursor moves; they follow it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        await type_text(pilot, "Rollback was quick")
        await pilot.press("enter", "down")
        items = screen.query_one("#items-went_well", ItemList)
        assert app.focused is items
        for ch in "No canary, add a test":
            key = {" ": "space", ",": "comma"}.get(ch, ch)
            items.post_message(events.Key(key, ch))  # all queued at once
        await pilot.pause()
        quick = screen.query_one("#add-went_well", Input)
        assert quick.value == "No canary, add a test"
        assert screen.pm.actions == []
        assert texts(screen.pm.reflection.went_well) == ["Rollback was quick"]


async def test_improvement_becomes_an_action_with_one_key(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        screen.query_one("#add-could_improve", Input).focus()
        await type_text(pilot, "No runbook for certificate issues")
        await pilot.press("enter", "down")
        assert app.focused is screen.query_one("#items-could_improve", ItemList)
        await pilot.press("a")
        await pilot.press("a")  # a second press does not duplicate it
        await pilot.pause()
        assert len(screen.pm.actions) == 1
        app.flush()
    pm = load(empty_path)
    item = pm.reflection.could_improve[0]
    assert [(a.text, a.addresses) for a in pm.actions] == [
        ("No runbook for certificate issues", item.id)
    ]


async def test_votes_and_sort(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, sample_path)
        await pilot.press("down")  # to the went-well list, first item
        items = screen.query_one("#items-went_well", ItemList)
        assert app.focused is items
        await pilot.press("down", "down")  # the rollback item, 1 vote
        await pilot.press("plus", "plus", "plus", "equals_sign", "minus")
        await pilot.press("s")
        await pilot.pause()
        assert items.highlighted == 0
        app.flush()
    pm = load(sample_path)
    assert [(i.text[:12], i.votes) for i in pm.reflection.went_well] == [
        ("Once permitt", 4),
        ("Support esca", 3),
        ("The payments", 2),
        ("The status p", 2),
    ]


async def test_votes_never_go_below_zero(make_app: MakeApp, empty_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(app, pilot, empty_path)
        await type_text(pilot, "x")
        await pilot.press("enter", "down", "minus", "minus", "plus")
        app.flush()
    assert load(empty_path).reflection.went_well[0].votes == 1


async def test_delete_and_undo(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, sample_path)
        screen.query_one("#items-lucky", ItemList).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert app.screen.pm.reflection.lucky == []  # type: ignore[attr-defined]
        app.flush()
        assert load(sample_path).reflection.lucky == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.focused is screen.query_one("#items-lucky", ItemList)
        assert screen.query_one("#items-lucky", ItemList).option_count == 1
        app.flush()
    assert texts(load(sample_path).reflection.lucky) == [
        "It happened on a Wednesday morning, not during the Black Friday peak "
        "two days later"
    ]


async def test_move_to_another_list(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(app, pilot, sample_path)
        await pilot.press("down", "m")
        await until(pilot, lambda: isinstance(app.screen, MoveDialog))
        await pilot.press("right", "enter")  # the second choice: lucky
        await until(pilot, lambda: isinstance(app.screen, ReflectScreen))
        await pilot.pause()
        app.flush()
    pm = load(sample_path)
    assert len(pm.reflection.went_well) == 3
    assert texts(pm.reflection.lucky)[-1] == (
        "Support escalated the ticket spike to #incidents fast"
    )


async def test_move_cancelled_changes_nothing(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(app, pilot, sample_path)
        await pilot.press("down", "m", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        app.flush()
    assert len(load(sample_path).reflection.went_well) == 4


async def test_edit_an_item(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(app, pilot, sample_path)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, TextPromptDialog))
        assert isinstance(app.screen, TextPromptDialog)
        prompt = app.screen.query_one("#prompt", Input)
        assert prompt.value.startswith("Support escalated")
        prompt.value = "Support escalated within 4 minutes"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectScreen))
        await pilot.pause()
        app.flush()
    assert load(sample_path).reflection.went_well[0].text == (
        "Support escalated within 4 minutes"
    )


async def test_side_by_side_when_wide_stacked_when_narrow(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, sample_path)
        panels = list(screen.query(".reflect-panel"))
        assert len({p.region.y for p in panels}) == 1
        assert screen.query_one("#reflect-lists").has_class("-wide")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.query_one("#reflect-lists").has_class("-wide")
        assert len({p.region.x for p in panels}) == 1
        assert len({p.region.y for p in panels}) == 3


async def test_read_only_changes_nothing(make_app: MakeApp, sample_path: Path) -> None:
    before = sample_path.read_bytes()
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, sample_path)
        assert screen.query_one("#add-went_well", Input).disabled
        items = screen.query_one("#items-went_well", ItemList)
        assert app.focused is items
        await pilot.press("down", "plus", "a", "delete", "s", "m")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert screen.pm.actions[0].text.startswith("Add a TLS")
        assert len(screen.pm.actions) == 6
        app.flush()
    assert sample_path.read_bytes() == before


async def test_help_lists_the_keys_of_the_focused_list(
    make_app: MakeApp, sample_path: Path
) -> None:
    from pmtui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(app, pilot, sample_path)
        await pilot.press("down", "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query_one("#help-keys")
        lines = keys.render_lines(keys.region.reset_offset)
        text = "\n".join(line.text for line in lines)
    for description in ("Vote", "Unvote", "Edit", "Delete", "Move", "Action", "Sort"):
        assert description in text
    assert "park an idea for later" in text  # the keys of every step follow


async def test_alt_digits_as_a_terminal_sends_them_go_to_each_list(
    make_app: MakeApp, sample_path: Path
) -> None:
    """xterm and tmux send alt+2 as ESC 2, which Textual reads as a macOS
    option key ("™"): from a list, the cursor still goes to the list named."""
    from tests.functional.test_causes_layout import terminal_keys

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, sample_path)
        for data, which in (("\x1b2", "could_improve"), ("\x1b3", "lucky")):
            await pilot.press("down")  # from the add line onto its list
            await pilot.pause()
            assert isinstance(app.focused, ItemList)
            keys = terminal_keys(data)
            assert keys != [f"alt+{data[1]}"]  # what makes this test needed
            await pilot.press(*keys)
            await pilot.pause()
            assert app.focused is screen.query_one(f"#add-{which}", Input)
