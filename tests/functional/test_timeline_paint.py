"""Step 2 under Pilot: an import's frames. The table is painted first, the
metrics and the detail line after it, then the progress bar goes; the
metrics repaint only the rows that changed; work waiting for a paint of a
hidden widget is not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

from pmtui.model.timeline_import import Reader, parse_import
from pmtui.model.timeline_rules import reference_date
from pmtui.widgets.timeline_detail import DetailLine
from pmtui.widgets.timeline_importer import ImportRunner
from pmtui.widgets.timeline_metrics import TimelineMetrics
from pmtui.widgets.timeline_paint import PaintWaiters
from pmtui.widgets.timeline_table import TimelineTable
from tests.functional.timeline_helpers import (
    MakeApp,
    big_log,
    metrics_text,
    open_timeline,
)
from tests.helpers import wait_until


async def test_an_import_paints_the_table_then_the_panels_then_drops_the_bar(
    make_app: MakeApp, sample_path: Path, tmp_path: Path
) -> None:
    source = big_log(tmp_path, 2000)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        table = screen.query_one(TimelineTable)
        metrics = screen.query_one(TimelineMetrics)
        detail = screen.query_one(DetailLine)
        before = len(screen.pm.timeline)
        log: list[str] = []
        paint, show = table.render_lines, metrics.show

        def painted(crop: Region) -> list[Strip]:
            if len(screen.pm.timeline) > before:
                log.append("table painted")
            return paint(crop)

        def shown(*args: object, **kwargs: object) -> bool:
            if len(screen.pm.timeline) > before:
                log.append("metrics shown")
            return show(*args, **kwargs)  # type: ignore[arg-type]

        table.render_lines = painted  # type: ignore[method-assign]
        metrics.show = shown  # type: ignore[method-assign]
        now = app.clock.now()
        pm = screen.pm
        reader = Reader(pm.timezone, now, reference_date(pm, now), source.name)
        result = parse_import(source.read_text(), reader)
        runner = screen.query_one(ImportRunner)
        runner.post_message(ImportRunner.Confirmed(result))
        assert await wait_until(lambda: len(pm.timeline) > before, 30)
        assert await wait_until(lambda: not runner.running, 30)
        assert log.index("table painted") < log.index("metrics shown")
        added = len(pm.timeline) - before
        assert added == 2000 - 40  # the stack-trace lines are not events
        assert f"{len(pm.timeline):,} events" in metrics_text(screen)
        # the bar goes (its message follows done()), the row shows again
        assert await wait_until(lambda: detail.progress is None)
        first = table.current_row()
        assert first is not None and first.text == "req 0"  # type: ignore[union-attr]
        assert " · req 0 · " in detail.text


async def test_the_metrics_repaint_the_rows_that_changed(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        metrics = screen.query_one(TimelineMetrics)
        await pilot.pause()
        asked: list[tuple[Region, ...]] = []
        refresh = metrics.refresh

        def refreshed(*regions: Region, **kwargs: bool) -> TimelineMetrics:
            asked.append(regions)
            return refresh(*regions, **kwargs)

        metrics.refresh = refreshed  # type: ignore[method-assign]
        lines = metrics_text(screen).splitlines()
        count = next(n for n, line in enumerate(lines) if " gap" in line)
        pm = screen.pm
        # another gap count: the count line alone changes
        assert metrics.show(pm, gaps=screen.view.gap_count + 5)
        assert len(asked) == 1 and len(asked[0]) == 1
        region = asked[0][0]
        assert region.y <= count < region.bottom
        assert region.height <= 2 and region.width == metrics.content_region.width
        assert f"{screen.view.gap_count + 5} gaps" in metrics_text(screen)
        # the same facts again: nothing to repaint
        asked.clear()
        assert not metrics.show(pm, gaps=screen.view.gap_count + 5)
        assert asked == []
        # as the screen shows it: the panel reads what the model says again
        screen.show_rows()
        await pilot.pause()
        assert f"{screen.view.gap_count} gap" in metrics_text(screen)


def _painted_text(metrics: TimelineMetrics) -> list[str]:
    region = metrics.size.region
    return [strip.text for strip in metrics.render_lines(region)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_partly_repainted_panel_reads_as_a_whole_one(
    make_app: MakeApp, sample_path: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_timeline(app, pilot, sample_path)
        metrics = screen.query_one(TimelineMetrics)
        pm = screen.pm
        # counts that make the last line wrap, then not: rows move below it
        for gaps in (123_456_789, 3, 0, 98_765):
            metrics.show(pm, gaps=gaps)
            await pilot.pause()
            painted = _painted_text(metrics)
            metrics.refresh()  # everything again, from nothing
            await pilot.pause()
            assert painted == _painted_text(metrics), gaps


class _Painted(Static):
    """A widget that tells its waiters when it is painted."""

    def __init__(self, *, hidden: bool = False) -> None:
        super().__init__("text")
        self.waiters = PaintWaiters(self)
        self.paints = 0
        self.display = not hidden

    def render_lines(self, crop: Region) -> list[Strip]:
        self.paints += 1
        self.waiters.painted()
        return super().render_lines(crop)


class _PaintApp(App[None]):
    def compose(self) -> ComposeResult:
        yield _Painted()
        yield _Painted(hidden=True)


async def test_waiters_run_after_the_paint_or_at_once_when_hidden() -> None:
    app = _PaintApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        shown, hidden = app.query(_Painted)
        calls: list[tuple[str, int]] = []
        paints = shown.paints
        shown.waiters.add(lambda: calls.append(("shown", shown.paints)))
        shown.refresh()
        # a hidden widget is never painted: its waiter runs after a refresh
        hidden.waiters.add(lambda: calls.append(("hidden", hidden.paints)))
        assert await wait_until(lambda: len(calls) == 2, 5)
        assert dict(calls)["shown"] > paints  # after the paint asked for
        assert dict(calls)["hidden"] == 0
