"""Step 6 under Pilot: the sample's six actions typed in, due dates read as
people say them, editing cells, won't do with a reason, delete and undo,
hints and their count, read-only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.model import ActionPriority, ActionStatus, ActionType, PostMortem, Step
from pmtui.paths import samples_dir
from pmtui.screens.actions import ActionsScreen
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.store import Archive, load
from pmtui.widgets.actions_dialogs import ActionFieldDialog, ChoiceDialog
from pmtui.widgets.actions_table import ActionsTable
from pmtui.widgets.field import Field

MakeApp = Callable[..., PmtuiApp]
TODAY = date(2026, 11, 20)  # the conftest clock: Friday 20 Nov 2026


@pytest.fixture
def no_actions_path(archive: Archive, sample_pm: PostMortem) -> Path:
    """The sample as it was before step 6: participants, causes, no actions."""
    sample_pm.actions = []
    with archive.create(sample_pm) as handle:
        return handle.path


async def open_actions(app: PmtuiApp, pilot: object, path: Path) -> ActionsScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.ACTIONS)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ActionsScreen)
    return app.screen


async def type_text(pilot: object, text: str) -> None:
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)  # type: ignore[attr-defined]


def header_count(screen: ActionsScreen) -> str:
    return str(screen.query_one("#actions-hint-count", Static).content)


# What the facilitator types for each of the sample's six actions.
SIX = [
    (
        "Add a TLS pre-flight handshake check to the rotation job",
        "priya",
        "4 Dec",
        "1",
        "pre",
    ),
    (
        "Include the intermediate chain in rotated secrets and alert on chain length",
        "Jonas Weber",
        "next friday",
        "p1",
        "",
    ),
    (
        "Fix alert routing for checkout-api to the payments on-call",
        "mei",
        "mon",
        "1",
        "det",
    ),
    ("Grant secret-rollback permission to the on-call role", "sam", "+5d", "2", "m"),
    ("Write a certificate-incident runbook", "priya", "2026-12-11", "", "proc"),
    ("Make staging use the production CA chain", "jonas", "in 4 weeks", "3", "prev"),
]


async def test_the_sample_six_actions_typed_in(
    make_app: MakeApp, no_actions_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, no_actions_path)
        assert app.focused is screen.query_one("#add-text", Input)
        assert header_count(screen) == ""
        for index, (text, owner, due, priority, kind) in enumerate(SIX):
            await type_text(pilot, text)
            await pilot.press("tab")
            await type_text(pilot, owner)
            await pilot.press("tab")
            await type_text(pilot, due)
            if index == 0:  # the resolved date shows back at once
                preview = str(screen.query_one("#action-add-preview", Static).content)
                assert "owner Priya Raman" in preview
                assert "due Fri 4 Dec" in preview
            await pilot.press("tab")
            await type_text(pilot, priority)
            await pilot.press("tab")
            await type_text(pilot, kind)
            await pilot.press("enter")
            await pilot.pause()
            assert app.focused is screen.query_one("#add-text", Input)
            assert screen.query_one("#add-text", Input).value == ""
        assert header_count(screen) == "✓ no hints"
        assert screen.query_one(ActionsTable).row_count == 6
        app.flush()
    saved = load(no_actions_path).actions
    expected = load(samples_dir() / "checkout-outage.json").actions
    assert [a.text for a in saved] == [a.text for a in expected]
    assert [a.owner for a in saved] == [a.owner for a in expected]
    assert [a.due for a in saved] == [a.due for a in expected]
    assert [a.priority for a in saved] == [a.priority for a in expected]
    assert [a.type for a in saved] == [a.type for a in expected]
    assert all(a.status is ActionStatus.OPEN for a in saved)
    assert len({a.id for a in saved}) == 6


async def test_unreadable_due_on_the_add_line_keeps_the_text(
    make_app: MakeApp, no_actions_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions(app, pilot, no_actions_path)
        await type_text(pilot, "Write a runbook")
        await pilot.press("tab", "tab")
        await type_text(pilot, "someday")
        await pilot.press("enter")
        field = screen.query_one("#action-add-field", Field)
        assert "Could not read 'someday'" in field.error
        assert "next friday" in field.error  # says what is accepted
        due = screen.query_one("#add-due", Input)
        assert app.focused is due and due.value == "someday"
        assert due.has_class("-invalid")
        assert screen.query_one("#add-text", Input).value == "Write a runbook"
        assert screen.pm.actions == []
        for _ in "someday":
            await pilot.press("backspace")
        await type_text(pilot, "eom")
        assert field.error == ""  # cleared as soon as it reads
        await pilot.press("enter")
        assert [(a.text, a.due) for a in screen.pm.actions] == [
            ("Write a runbook", date(2026, 11, 30))
        ]


async def test_bad_priority_or_type_and_empty_text_are_refused(
    make_app: MakeApp, no_actions_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, no_actions_path)
        field = screen.query_one("#action-add-field", Field)
        await pilot.press("enter")
        assert "what will be done" in field.error
        await type_text(pilot, "Add a canary")
        await pilot.press("tab", "tab", "tab", "tab")
        await pilot.press("p")
        await pilot.press("enter")
        assert "prevent or process" in field.error
        assert app.focused is screen.query_one("#add-type", Input)
        assert screen.pm.actions == []


async def test_edit_a_due_date_bad_then_good(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        await pilot.press("down")  # down from the add line: to the table
        table = screen.query_one(ActionsTable)
        assert app.focused is table
        await pilot.press("right", "right")  # action, owner, due
        assert table.column_key_at_cursor() == "due"
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ActionFieldDialog)
        await type_text(pilot, "someday")  # replaces the selected old value
        await pilot.press("enter")
        assert app.screen is dialog  # still open
        assert (
            "Could not read 'someday'" in dialog.query_one("#cell-field", Field).error
        )
        assert dialog.query_one("#cell-input", Input).value == "someday"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "next friday")
        echo = str(dialog.query_one("#cell-echo", Static).content)
        assert echo == "→ Fri 27 Nov"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        assert screen.pm.actions[0].due == date(2026, 11, 27)
        assert app.focused is table
        app.flush()
    assert load(sample_path).actions[0].due == date(2026, 11, 27)


async def test_wont_do_asks_for_a_reason(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        await pilot.press("down", "down", "down", "down", "down", "down")  # row 6
        await pilot.press("s")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "enter")  # open -> won't do
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("escape")  # no reason: nothing changes
        await pilot.pause()
        action = screen.pm.actions[5]
        assert action.status is ActionStatus.OPEN
        await pilot.press("s", "down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await type_text(pilot, "Staging moves to the new CA anyway in Q1")
        await pilot.press("enter")
        await pilot.pause()
        assert action.status is ActionStatus.WONT_DO
        assert action.closed_on == TODAY
        detail = str(screen.query_one("#action-detail", Static).content)
        assert "won't do, because: Staging moves to the new CA anyway in Q1" in detail
        app.flush()
    saved = load(sample_path).actions[5]
    assert (saved.status, saved.reason, saved.closed_on) == (
        ActionStatus.WONT_DO,
        "Staging moves to the new CA anyway in Q1",
        TODAY,
    )


async def test_status_cell_done_and_choices(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        table = screen.query_one(ActionsTable)
        await pilot.press("down")
        while table.column_key_at_cursor() != "status":
            await pilot.press("right")
        await pilot.press("enter", "down", "down", "enter")  # open -> done
        await pilot.pause()
        first = screen.pm.actions[0]
        assert (first.status, first.closed_on) == (ActionStatus.DONE, TODAY)
        await pilot.press("left")  # type
        assert table.column_key_at_cursor() == "type"
        await pilot.press("enter", "down", "down", "enter")  # prevent -> detect
        await pilot.pause()
        assert first.type is ActionType.DETECT
        await pilot.press("left", "enter", "escape")  # cancelled: P1 stays
        await pilot.pause()
        assert first.priority is ActionPriority.P1
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert first.priority is ActionPriority.P3


async def test_edit_text_owner_link_and_addresses(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        table = screen.query_one(ActionsTable)
        await pilot.press("down", "down")  # second action, Action column
        await pilot.press("enter")
        assert isinstance(app.screen, ActionFieldDialog)
        await pilot.press("ctrl+a", "ctrl+k", "enter")  # empty text refused
        assert "what will be done" in app.screen.query_one("#cell-field", Field).error
        await type_text(pilot, "Alert when a rotated secret has no intermediate")
        await pilot.press("enter")
        await pilot.pause()
        second = screen.pm.actions[1]
        assert second.text == "Alert when a rotated secret has no intermediate"
        await pilot.press("right", "enter")  # owner
        await type_text(pilot, "carla")
        await pilot.press("enter")
        await pilot.pause()
        assert second.owner == "Carla Mendes"
        while table.column_key_at_cursor() != "link":
            await pilot.press("right")
        await pilot.press("enter")
        await type_text(pilot, "PAY-1430")
        await pilot.press("enter")
        assert "web address" in app.screen.query_one("#cell-field", Field).error
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "https://tracker.example.com/browse/PAY-1430")
        await pilot.press("enter")
        await pilot.pause()
        assert second.link == "https://tracker.example.com/browse/PAY-1430"
        await pilot.press("left", "enter")  # addresses
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("home", "enter")  # nothing in particular
        await pilot.pause()
        assert second.addresses is None


async def test_any_field_with_f_when_its_column_is_not_shown(
    make_app: MakeApp, sample_path: Path
) -> None:
    """At 80x24 the table has no type, addresses or link column: f edits them."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        table = screen.query_one(ActionsTable)
        shown = [str(c.key.value) for c in table.ordered_columns]
        assert not {"type", "addresses", "link"} & set(shown)
        await pilot.press("down", "down")  # the second action
        second = screen.pm.actions[1]
        await pilot.press("f")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("end", "enter")  # the tracker link, last
        assert isinstance(app.screen, ActionFieldDialog)
        await type_text(pilot, "PAY-1430")
        await pilot.press("enter")  # not a web address: said, and kept
        assert "web address" in app.screen.query_one("#cell-field", Field).error
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "https://tracker.example.com/browse/PAY-1430")
        await pilot.press("enter")
        await pilot.pause()
        assert second.link == "https://tracker.example.com/browse/PAY-1430"
        await pilot.press("f")
        await pilot.press("home", "down", "down", "down", "down", "enter")  # type
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("home", "down", "down", "enter")  # detect
        await pilot.pause()
        assert second.type is ActionType.DETECT
        await pilot.press("f", "end", "up", "enter")  # what it addresses
        await pilot.press("home", "enter")  # nothing in particular
        await pilot.pause()
        assert second.addresses is None
        app.flush()
    action = load(sample_path).actions[1]
    assert action.link == "https://tracker.example.com/browse/PAY-1430"
    assert (action.type, action.addresses) == (ActionType.DETECT, None)


async def test_delete_and_undo(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        table = screen.query_one(ActionsTable)
        await pilot.press("down", "down", "down", "delete")
        await pilot.pause()
        assert len(screen.pm.actions) == 5
        assert "Fix alert routing" not in " ".join(a.text for a in screen.pm.actions)
        assert table.row_count == 5
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.pm.actions[2].text.startswith("Fix alert routing")
        assert table.row_count == 6
        app.flush()
    assert len(load(sample_path).actions) == 6


async def test_hints_beside_actions_and_counted(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        assert header_count(screen) == "✓ no hints"
        await type_text(pilot, "Improve monitoring")
        await pilot.press("enter")
        await pilot.pause()
        assert header_count(screen) == "⚑ 1 of 7 with hints"
        table = screen.query_one(ActionsTable)
        cell = table.get_cell_at((6, 0))
        assert cell.plain == "Improve monitoring\n⚑ no owner, no due date, vague"
        detail = str(screen.query_one("#action-detail", Static).content)
        assert "⚑ vague: say what will exist or be true when it is done" in detail
        # done: the hint goes, and so does the count
        await pilot.press("down")
        await pilot.press("s", "down", "down", "enter")
        await pilot.pause()
        assert header_count(screen) == "✓ no hints"


async def test_read_only_changes_nothing(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_actions(app, pilot, sample_path)
        assert screen.query_one("#add-text", Input).disabled
        assert app.focused is screen.query_one(ActionsTable)
        await pilot.press("enter")
        await pilot.press("s", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        assert len(screen.pm.actions) == 6
    assert load(sample_path).actions[0].status is ActionStatus.OPEN
