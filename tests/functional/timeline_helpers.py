"""Helpers for the timeline screen's Pilot tests: opening the step, typing
lines, what a table cell shows, the saved file, generated logs, importing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pendulum
from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.model import PostMortem, Step
from pmtui.screens.timeline import TimelineScreen
from pmtui.store import load
from pmtui.widgets.timeline_cells import cells
from pmtui.widgets.timeline_import_dialog import ImportPreviewDialog
from pmtui.widgets.timeline_metrics import TimelineMetrics
from pmtui.widgets.timeline_table import TimelineTable
from tests.helpers import wait_until

MakeApp = Callable[..., PmtuiApp]
TZ = "Europe/Berlin"


async def open_timeline(app: PmtuiApp, pilot: object, path: Path) -> TimelineScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.TIMELINE)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TimelineScreen)
    return app.screen


async def type_line(pilot: object, text: str) -> None:
    await pilot.press(*text, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def metrics_text(screen: TimelineScreen) -> str:
    return str(screen.query_one(TimelineMetrics).render())


def cell(table: TimelineTable, key: str, column: str) -> str:
    """What the table shows in ``column`` of row ``key``."""
    row = table.view.get(key)
    assert row is not None, f"no row {key}"
    return str(cells(row, table.time_style)[column])


def saved(app: PmtuiApp, path: Path) -> PostMortem:
    assert app.flush()
    return load(path)


LOG = (
    "2026-11-18T09:30:00Z rollback attempt denied: missing permission\n"
    "    at kube.client.Forbidden\n"
    "Nov 18 10:31:00 web-1 app[7]: permission granted\n"
    "2026-11-18T09:04:00Z First TLS handshake failures in checkout-api logs; "
    "checkouts start failing\n"
    "\n"
    "25:61 broken clock\n"
)


def big_log(folder: Path, lines: int) -> Path:
    """A log of ``lines`` lines, four a second from 08:00 UTC on 18 Nov, out of
    order in blocks (as merged logs are), every 50th line a stack trace."""
    start = pendulum.datetime(2026, 11, 18, 8, 0, tz="UTC")
    out = []
    for n in range(lines):
        if n % 50 == 49:
            out.append(f"    at Handler.handle(Handler.java:{n})")
            continue
        block, within = divmod(n, 1000)
        at = start.add(seconds=((block * 7) % 20) * 250 + within // 4)
        out.append(f"{at.format('YYYY-MM-DDTHH:mm:ss')}.{n % 1000:03d}Z req {n}")
    source = folder / "big.log"
    source.write_text("\n".join(out) + "\n", encoding="utf-8")
    return source


async def import_file(
    app: PmtuiApp, pilot: object, source: Path, *, confirm: bool = True
) -> None:
    """Read ``source`` through the import key (and confirm the preview)."""
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one(Input).value = str(source)
    await pilot.press("enter")  # type: ignore[attr-defined]
    assert await wait_until(lambda: isinstance(app.screen, ImportPreviewDialog), 60)
    if confirm:
        await pilot.press("ctrl+y")  # type: ignore[attr-defined]
