"""Steps 4-5 under Pilot: the quick-add lines and the item editor get the same
live blameless-language hint as every other text field, and enter still adds,
clears and keeps the cursor for the next item."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.clock import FixedClock
from pmtui.model import ReflectionList, new_postmortem
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.screens.reflect import ReflectScreen
from pmtui.store import Archive, load
from pmtui.store.team_phrases import team_phrases_path
from pmtui.widgets.field import Field
from pmtui.widgets.reflect_list import ReflectPanel
from tests.functional.test_reflect_screen import open_reflect, type_text, until

MakeApp = Callable[..., PmtuiApp]
BLAMEY = "Bob forgot to renew the cert"
NEUTRAL = "The cert expiry alert fired on time"


@pytest.fixture
def empty_path(archive: Archive, clock: FixedClock) -> Path:
    with archive.create(new_postmortem("Checkout down", clock)) as handle:
        return handle.path


def hint_line(field: Field) -> Static:
    return field.query_one(".field--hint", Static)


def shown_hint(field: Field) -> str | None:
    """The hint under ``field`` as on screen, or None when the line is hidden."""
    line = hint_line(field)
    if not line.has_class("-shown") or not line.display:
        return None
    return str(line.content)


@pytest.mark.parametrize("which", list(ReflectionList), ids=lambda w: w.value)
async def test_blamey_text_gets_the_hint_under_the_add_line(
    make_app: MakeApp, empty_path: Path, which: ReflectionList
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        panel = screen.query_one(f"#panel-{which.value}", ReflectPanel)
        panel.input.focus()
        await type_text(pilot, BLAMEY)
        await pilot.pause()
        hint = shown_hint(panel.field)
        assert hint is not None
        assert hint.startswith("⚑ “forgot to”:")
        assert "what would have reminded anyone" in hint
        line = hint_line(panel.field)
        assert line.has_class("-blameless")
        assert line.region.y == panel.input.region.bottom  # just under the line
        assert line.region.height >= 1
        # the other lists show nothing
        for other in screen.query(ReflectPanel):
            if other is not panel:
                assert shown_hint(other.field) is None


async def test_neutral_text_gets_no_hint(make_app: MakeApp, empty_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        panel = screen.query_one("#panel-went_well", ReflectPanel)
        await type_text(pilot, NEUTRAL)
        await pilot.pause()
        assert panel.input.value == NEUTRAL
        assert shown_hint(panel.field) is None
        assert hint_line(panel.field).region.height == 0


async def test_hint_follows_the_typing_and_enter_adds_clears_and_stays(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        panel = screen.query_one("#panel-could_improve", ReflectPanel)
        panel.input.focus()
        await type_text(pilot, "Bob forgot")
        await pilot.pause()
        assert shown_hint(panel.field) is None  # not yet a phrase
        await type_text(pilot, " to renew the cert")
        await pilot.pause()
        assert shown_hint(panel.field) is not None
        await pilot.press("enter")
        await pilot.pause()
        assert panel.input.value == ""
        assert app.focused is panel.input  # ready for the next one
        assert shown_hint(panel.field) is None  # gone with the text
        await type_text(pilot, "No expiry alert")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is panel.input
        assert panel.items.count == 2
        app.flush()
    assert [i.text for i in load(empty_path).reflection.could_improve] == [
        BLAMEY,
        "No expiry alert",
    ]


async def test_the_hint_never_blocks_nor_is_saved(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        await type_text(pilot, BLAMEY)
        await pilot.press("enter")
        await pilot.pause()
        app.flush()
        panel = screen.query_one("#panel-went_well", ReflectPanel)
        assert panel.items.count == 1
    assert [i.text for i in load(empty_path).reflection.went_well] == [BLAMEY]
    assert "reminded" not in empty_path.read_text(encoding="utf-8")


async def test_team_phrases_apply_to_the_add_lines(
    make_app: MakeApp, empty_path: Path, archive: Archive
) -> None:
    team_phrases_path(archive.folder).write_text(
        '[[phrase]]\nmatch = "yolo deploy"\n'
        'suggestion = "say which check the deploy skipped."\n',
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        panel = screen.query_one("#panel-lucky", ReflectPanel)
        panel.input.focus()
        await type_text(pilot, "A yolo deploy on Friday")
        await pilot.pause()
        assert shown_hint(panel.field) == (
            "⚑ “yolo deploy”: say which check the deploy skipped."
        )


async def test_editing_an_item_gets_the_hint(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(app, pilot, empty_path)
        await type_text(pilot, "Cert renewed late")
        await pilot.press("enter", "down", "e")
        await until(pilot, lambda: isinstance(app.screen, TextPromptDialog))
        dialog = app.screen
        field = dialog.query_one("#prompt-field", Field)
        prompt = dialog.query_one("#prompt", Input)
        assert prompt.value == "Cert renewed late"
        assert shown_hint(field) is None
        await pilot.press("right")  # past the selection, to the end
        await type_text(pilot, " because Bob forgot to renew it")
        await pilot.pause()
        hint = shown_hint(field)
        assert hint is not None and "“forgot to”" in hint
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectScreen))
        await pilot.pause()
        assert screen.query_one("#panel-went_well", ReflectPanel).items.count == 1
        app.flush()
    assert [i.text for i in load(empty_path).reflection.went_well] == [
        "Cert renewed late because Bob forgot to renew it"
    ]
