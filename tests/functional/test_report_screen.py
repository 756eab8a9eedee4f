"""The report screen under Pilot: preview, format switch, export, copy."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from textual.widgets import ContentSwitcher, MarkdownViewer, TextArea

from pmtui.app import PmtuiApp
from pmtui.report import render
from pmtui.screens.dialogs import ConfirmDialog, TextPromptDialog
from pmtui.screens.report import ReportScreen
from pmtui.store import load
from tests.helpers import wait_until

MakeApp = Callable[..., PmtuiApp]


async def open_report(pilot: object, app: PmtuiApp) -> ReportScreen:
    await pilot.pause()  # type: ignore[attr-defined]
    app.goto("report")
    assert await wait_until(
        lambda: isinstance(app.screen, ReportScreen) and app.screen.shown != ""
    )
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReportScreen)
    return app.screen


async def test_preview_then_switch_format(make_app: MakeApp, sample_path: Path) -> None:
    pm = load(sample_path)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_report(pilot, app)
        viewer = screen.query_one("#report-preview", MarkdownViewer)
        assert viewer.document.source == render(pm, "gfm")
        assert viewer.show_table_of_contents
        titles = [entry[1] for entry in viewer.document.table_of_contents or []]
        assert titles[:3] == [
            "Checkout payments failing after certificate rotation",
            "Summary",
            "Impact",
        ]
        assert screen.focused is viewer

        switcher = screen.query_one("#report-body", ContentSwitcher)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.fmt == "plain"
        assert viewer.document.source == render(pm, "plain")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.fmt == "html"
        assert switcher.current == "report-source"
        assert screen.query_one("#report-source", TextArea).text == render(pm, "html")
        await pilot.press("ctrl+o")  # a priority key: the source view binds it too
        await pilot.pause()
        assert screen.fmt == "gfm" and switcher.current == "report-preview"


async def test_export_then_refuse_then_replace(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app(sample_path)
    expected = render(load(sample_path), "gfm")
    target = app.archive.exports / "checkout-outage.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_report(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        assert app.screen.value == str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == expected
        assert stat.S_IMODE(target.stat().st_mode) == 0o600

        target.write_text("edited by hand")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # focus starts on Cancel
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert target.read_text() == "edited by hand"

        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert target.read_text() == expected


async def test_export_html_to_a_name_in_the_exports_folder(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_report(pilot, app)
        await screen.show_format("html")
        await pilot.press("ctrl+e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptDialog)
        assert prompt.value.endswith("checkout-outage.html")
        prompt.query_one("#prompt").value = "page.html"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        page = app.archive.exports / "page.html"
        assert page.read_text() == render(load(sample_path), "html")


async def test_copy_uses_the_clipboard_and_keeps_a_file(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app(sample_path)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_report(pilot, app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert copied == [screen.text]
        kept = app.archive.exports / "checkout-outage.md"
        assert kept.read_text() == screen.text
        messages = [n.message for n in app._notifications]
        assert any(str(kept) in m and "clipboard" in m for m in messages)


async def test_the_shown_format_has_the_focus(
    make_app: MakeApp, sample_path: Path
) -> None:
    """After ctrl+o the arrows scroll what is on screen: the HTML source, or
    the preview again, never the hidden one."""
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_report(pilot, app)
        viewer = screen.query_one("#report-preview", MarkdownViewer)
        source = screen.query_one("#report-source", TextArea)
        assert await wait_until(lambda: screen.focused is viewer)
        while screen.fmt != "html":
            await pilot.press("ctrl+o")
            await wait_until(lambda: screen.shown == screen.fmt)
        await pilot.pause()
        assert screen.focused is source
        await pilot.press("ctrl+o")
        assert await wait_until(lambda: screen.shown == screen.fmt == "gfm")
        await pilot.pause()
        assert screen.focused is viewer
