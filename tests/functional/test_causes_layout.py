"""Step 3 as a terminal really drives it: alt+digit as terminals send it,
the header counts following the factors, the factor form at 80 columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual._xterm_parser import XTermParser
from textual.widgets import Input, Select, Static, TabbedContent, TextArea

from pmtui.app import PmtuiApp
from pmtui.model import FactorCategory
from pmtui.widgets.factors_panel import FactorsTable
from tests.functional.test_causes_screen import open_causes, type_text

MakeApp = Callable[..., PmtuiApp]


def terminal_keys(data: str) -> list[str]:
    """The key names Textual reads from ``data`` typed in a terminal."""
    parser = XTermParser()
    return [event.key for event in parser.feed(data)]  # type: ignore[attr-defined]


async def test_alt_digits_as_a_terminal_sends_them_switch_tabs(
    make_app: MakeApp, sample_path: Path
) -> None:
    """xterm and tmux send alt+2 as ESC 2, which Textual reads as a macOS
    option key ("™"); the tabs still follow."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        tabs = screen.query_one(TabbedContent)
        steps = (
            ("\x1b2", "tab-factors"),
            ("\x1b1", "tab-whys"),
            ("\x1b3", "tab-texts"),
        )
        for data, tab in steps:
            keys = terminal_keys(data)
            assert keys != [f"alt+{data[1]}"]  # what makes this test needed
            await pilot.press(*keys)
            await pilot.pause()
            assert tabs.active == tab
        assert app.focused is screen.query_one("#causes-trigger", TextArea)


async def test_the_header_counts_follow_factors_added_and_deleted(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        counts = screen.query_one("#causes-counts", Static)
        assert "4 factors" in str(counts.content)
        await pilot.press("alt+2")
        screen.query_one("#factor-text", Input).focus()
        await type_text(pilot, "Runbook had no chain check")
        await pilot.press("enter")
        await pilot.pause()
        assert "5 factors" in str(counts.content)
        screen.query_one(FactorsTable).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert "4 factors" in str(counts.content)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "5 factors" in str(counts.content)


async def test_at_80_columns_the_factor_form_keeps_long_names_on_one_line(
    make_app: MakeApp, sample_path: Path
) -> None:
    """The text gets the whole width; the category and linked why get half
    each, and a long choice stays one line high (no wrapped box)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        await pilot.press("alt+2")
        await pilot.pause()
        category = screen.query_one("#factor-category", Select)
        category.value = FactorCategory.INFRASTRUCTURE
        why = screen.query_one("#factor-why", Select)
        why.value = screen.pm.causes.whys.children[0].id
        await pilot.pause()
        text = screen.query_one("#factor-text", Input)
        assert text.region.width >= 70
        for select in (category, why):
            assert select.region.height == 3  # border, one line, border
            assert select.region.width >= 30
        assert category.region.y == why.region.y > text.region.y
        assert why.region.right <= 80
