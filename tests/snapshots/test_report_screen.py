"""Snapshots of the report screen: the preview and the HTML source."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from pmtui.screens.report import ReportScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def open_report(pilot, fmt: str = "gfm") -> None:
    app = pilot.app
    await pilot.pause()
    app.goto("report")
    for _ in range(50):
        await asyncio.sleep(0.02)
        await pilot.pause()
        if isinstance(app.screen, ReportScreen) and app.screen.text:
            break
    screen = app.screen
    assert isinstance(screen, ReportScreen)
    if fmt != screen.fmt:
        await screen.show_format(fmt)
    await app.workers.wait_for_complete()
    await pilot.pause()


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
