"""Facilitation aids driven through the app: the parking lot, blameless hints,
undo of deletions, time boxes, focus mode and themes."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from textual.widgets import Input, Static, TabbedContent, TextArea

from pmtui.model import timebox
from pmtui.model.enums import Step
from pmtui.model.undo import remove
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.store import load
from pmtui.themes import HIGH_CONTRAST, OKABE_ITO, THEMES
from pmtui.widgets.field import Field
from pmtui.widgets.footer import PmtuiFooter
from pmtui.widgets.next_park import ParkList
from pmtui.widgets.timebox import TimeBox

SIZE = (120, 40)
# Steps whose own screen binds a key the facilitation aids also use (reported
# to the lead): there the screen's key wins. The palette still has both.
TIMER_KEY_TAKEN: set[str] = set()
FOCUS_KEY_TAKEN: set[str] = set()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def open_at(app, pilot, step: str) -> None:
    await pilot.pause()
    app.goto(step)
    await pilot.pause()
    await pilot.pause()


def hint_line(field: Field) -> str:
    line = field.query_one(".field--hint", Static)
    return str(line.content) if line.has_class("-shown") else ""


# -- the parking lot ---------------------------------------------------------------


async def test_park_an_idea_from_the_timeline_and_find_it_at_next_steps(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    idea = "Ask the CA vendor to announce chain changes"
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "timeline")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        app.screen.query_one("#prompt", Input).value = idea[:-1]
        await type_text(pilot, idea[-1])
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step is Step.TIMELINE  # never left the step
        parked = app.ctx.pm.parking_lot[-1]
        assert (parked.text, parked.step) == (idea, "timeline")
        await open_at(app, pilot, "next")
        park_list = app.screen.query_one(ParkList)
        assert park_list.count == 3
        shown = _text(park_list.get_option_at_index(2).prompt)
        assert idea in shown and "timeline" in shown.casefold()
        app.flush()
    saved = load(sample_path)
    assert [(p.text, p.step) for p in saved.parking_lot][-1] == (idea, "timeline")


def _text(renderable) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("step", [s.value for s in Step])
async def test_the_global_aids_work_from_every_step(
    make_app, sample_path, step: str
) -> None:
    """ctrl+l parks, ctrl+z undoes, ctrl+t runs the clock, ctrl+f focuses:
    from every step, with the focus where the screen puts it."""
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, step)
        parked = app.ctx.pm.parking_lot
        before = len(parked)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog), "ctrl+l"
        app.screen.query_one("#prompt", Input).value = f"idea from {step}"
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step is Step(step)
        assert len(parked) == before + 1 and parked[-1].step == step

        item = parked[0]
        app.screen.deleted(remove(parked, item, "a parked idea"))
        await pilot.pause()
        assert item not in parked
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert parked[0] is item, "ctrl+z"

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert timebox.meeting_running(app.ctx.pm) is (step not in TIMER_KEY_TAKEN)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.focus_mode is (step not in FOCUS_KEY_TAKEN)


async def test_parking_needs_text_and_escape_parks_nothing(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        before = len(app.ctx.pm.parking_lot)
        await pilot.press("ctrl+l", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)  # still asking
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.ctx.pm.parking_lot) == before


# -- blameless-language hints ----------------------------------------------------


async def test_a_blaming_sentence_shows_a_hint_and_it_is_not_stored(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "timeline")
        field = app.screen.query_one("#tl-add-field", Field)
        field.control.focus()
        field.control.value = "09:40 rollback late due to "
        await type_text(pilot, "human error")
        await pilot.pause()
        assert "“human error”: name the condition" in hint_line(field)
        await pilot.press("enter")  # never blocks: the event is added
        await pilot.pause()
        texts = [event.text for event in app.ctx.pm.timeline]
        assert "rollback late due to human error" in texts
        assert hint_line(field) == ""  # the line was cleared, so is the hint
        app.flush()
    text = sample_path.read_text(encoding="utf-8")
    assert "human error" in text
    assert "name the condition" not in text


async def test_a_name_as_subject_of_a_factor_is_hinted(make_app, sample_path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        app.screen.query_one("#causes-tabs", TabbedContent).active = "tab-factors"
        await pilot.pause()
        field = app.screen.query_one("#factor-text-field", Field)
        field.control.focus()
        field.control.value = "Jonas deployed the bad "
        await type_text(pilot, "cert")
        await pilot.pause()
        assert "system allowed" in hint_line(field)
        assert "“Jonas”" in hint_line(field)
        field.control.value = "The on-call paged Jonas at 09:21"
        await pilot.pause()
        assert hint_line(field) == ""


async def test_a_name_as_subject_of_the_trigger_is_hinted(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        app.screen.query_one("#causes-tabs", TabbedContent).active = "tab-texts"
        await pilot.pause()
        area = app.screen.query_one("#causes-trigger", TextArea)
        field = area.parent
        assert isinstance(field, Field)
        area.text = "At 09:02 Sam rotated the certificate"
        area.focus()
        await pilot.pause()
        await pilot.press("end", "space", "e", "a", "r", "l", "y")
        await pilot.pause()
        assert "“Sam”" in hint_line(field)
        assert app.ctx.pm.causes.trigger.endswith("early")  # typing goes on


async def test_a_name_outside_a_cause_is_not_hinted_even_in_a_dialog(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "reflect")
        await pilot.press("ctrl+l")
        await pilot.pause()
        field = app.screen.query_one("#prompt-field", Field)
        field.control.value = "Jonas led the call calm"
        await type_text(pilot, "ly")
        await pilot.pause()
        assert hint_line(field) == ""
        field.control.value += ", nobody forgot to update the status page"
        await pilot.pause()
        assert "forgot to" in hint_line(field)


async def test_a_screen_hint_comes_back_when_the_blameless_one_goes(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        field = app.screen.query_one("#why-field", Field)
        field.set_hint("Keep asking why")
        field.control.value = "Jonas forgot to renew it"
        await pilot.pause()
        assert "forgot to" in hint_line(field) or "Jonas" in hint_line(field)
        field.control.value = "The job copies only the leaf"
        await pilot.pause()
        assert hint_line(field) == "⚑ Keep asking why"


# -- undo -------------------------------------------------------------------------


async def test_undo_a_deleted_reflection_item(make_app, sample_path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "reflect")
        items = app.ctx.pm.reflection.went_well
        first = items[0]
        count = len(items)
        app.screen.query_one("#items-went_well").focus()
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        if isinstance(app.screen, TextPromptDialog):  # pragma: no cover
            pytest.fail("delete asked for text")
        assert len(items) == count - 1
        app.flush()
        assert len(load(sample_path).reflection.went_well) == count - 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert items[0] is first and len(items) == count
        app.flush()
    assert load(sample_path).reflection.went_well[0].text == first.text


async def test_in_a_text_area_ctrl_z_undoes_typing_first_then_the_deletion(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "tone")
        area = app.screen.query_one("#purpose", TextArea)
        area.focus()
        original = area.text
        parked = app.ctx.pm.parking_lot
        item = parked[0]
        app.screen.deleted(remove(parked, item, "a parked idea"))
        await pilot.pause()
        await pilot.press("end", "x")
        assert area.text != original
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == original and item not in parked
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert parked[0] is item and area.text == original


# -- time boxes -------------------------------------------------------------------


async def test_the_timer_warns_goes_over_and_survives_a_restart(
    make_app, sample_path, clock
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        box = app.screen.query_one(TimeBox)
        part = box.query_one("#timebox-step", Static)
        app.ctx.pm.timers.clear()
        box.refresh_time()
        assert str(part.content) == "⏸ paused 00:00/15:00"
        await pilot.pause()
        await pilot.click(TimeBox)  # the mouse works too
        await pilot.pause()
        assert timebox.meeting_running(app.ctx.pm)
        clock.advance(minutes=7, seconds=12)
        box.refresh_time()
        assert str(part.content) == "⏱ 07:12/15:00" and part.has_class("-ok")
        clock.advance(minutes=6, seconds=28)
        box.refresh_time()
        assert str(part.content) == "⚠ 13:40/15:00" and part.has_class("-warning")
        clock.advance(minutes=2, seconds=25)
        box.refresh_time()
        assert str(part.content) == "⛔ OVER 16:05/15:00" and part.has_class("-over")
        meeting = str(box.query_one("#timebox-meeting", Static).content)
        assert meeting == "⏱ meeting 16:05/60:00"
        await open_at(app, pilot, "reflect")  # the running timer follows the step
        clock.advance(minutes=1)
        assert timebox.read(app.ctx.pm, "reflect", clock.now()).elapsed == 60
        assert timebox.read(app.ctx.pm, "causes", clock.now()).running is False
        await app.action_quit()
    saved = load(sample_path)  # quitting pauses and saves
    assert timebox.read(saved, "causes", clock.now()).elapsed == 965
    assert not timebox.meeting_running(saved)
    again = make_app(sample_path)
    async with again.run_test(size=SIZE) as pilot:
        await open_at(again, pilot, "causes")
        part = again.screen.query_one("#timebox-step", Static)
        assert str(part.content) == "⏸ OVER paused 16:05/15:00"
        await pilot.press("ctrl+t")
        clock.advance(seconds=10)
        again.screen.query_one(TimeBox).refresh_time()
        assert str(part.content) == "⛔ OVER 16:15/15:00"


async def test_a_read_only_post_mortem_never_runs_timers(
    make_app, sample_path, clock
) -> None:
    app = make_app(sample_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        before = json.dumps(sorted(app.ctx.pm.timers))
        await pilot.press("ctrl+t")
        await pilot.click(TimeBox)
        await pilot.pause()
        assert not timebox.meeting_running(app.ctx.pm)
        assert json.dumps(sorted(app.ctx.pm.timers)) == before


# -- presentation --------------------------------------------------------------


async def test_focus_mode_hides_the_footer_on_every_step(make_app, sample_path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        assert app.screen.query_one(PmtuiFooter).display
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.focus_mode
        for step in Step:
            await open_at(app, pilot, step.value)
            footer = app.screen.query_one(PmtuiFooter)
            assert footer.styles.display == "none", step
            for panel in app.screen.query(".side-panel"):
                assert panel.styles.display == "none", step
        await open_at(app, pilot, "causes")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.query_one(PmtuiFooter).styles.display == "block"


async def test_themes_are_registered_and_offered_in_the_palette(
    make_app, sample_path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        for theme in THEMES:
            assert theme.name in app.available_themes
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Theme" in titles  # Textual's own picker, with every theme
        assert "Theme: high contrast" in titles
        assert "Theme: colour-blind safe" in titles
        assert "Focus mode: on" in titles
        assert "Timer: start or pause" in titles
        for name in (HIGH_CONTRAST, OKABE_ITO):
            app.theme = name
            await pilot.pause()
            assert app.current_theme.name == name


async def test_no_color_is_honoured(make_app, sample_path, monkeypatch) -> None:
    from textual.filter import Monochrome, NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(sample_path)
    assert app.no_color
    assert any(isinstance(f, Monochrome | NoColor) for f in app._filters)
    async with app.run_test(size=SIZE) as pilot:
        await open_at(app, pilot, "causes")
        part = app.screen.query_one("#timebox-step", Static)
        assert str(part.content).startswith("⏸ ")  # status by symbol, not colour
