"""Snapshots of the report screen: the preview and the HTML source."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import MarkdownViewer

from pmtui.screens.report import ReportScreen
from tests.helpers import wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def open_report(pilot, fmt: str = "gfm") -> None:
    app = pilot.app
    await pilot.pause()
    app.goto("report")
    # the preview is drawn once its Markdown blocks are mounted: wait for it
    # (a loaded machine takes seconds), never a fixed time
    assert await wait_until(
        lambda: isinstance(app.screen, ReportScreen) and app.screen.shown != ""
    )
    screen = app.screen
    assert isinstance(screen, ReportScreen)
    # the preview takes the focus once mounted; a switch then hands it on
    assert await wait_until(lambda: screen.focused is screen.query_one(MarkdownViewer))
    if fmt != screen.fmt:
        await screen.show_format(fmt)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()  # the contents column follows the document's message


class TestReportScreen:
    @pytest.mark.parametrize("size", SIZES)
    def test_preview(self, snap_compare, make_app, sample_path: Path, size) -> None:
        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=open_report
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_html_source(self, snap_compare, make_app, sample_path: Path, size) -> None:
        async def run_before(pilot) -> None:
            await open_report(pilot, "html")

        assert snap_compare(
            make_app(sample_path), terminal_size=size, run_before=run_before
        )
