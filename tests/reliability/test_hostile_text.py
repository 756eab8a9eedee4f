"""Hostile text pasted into every free-text field of every step.

On each step every displayed, enabled Input and TextArea (found by query, so a
new field is covered without touching this file) gets every input of
``hostile_inputs.INPUTS`` in one paste (an Input keeps one line of a paste, so
it gets them joined on one line and then Enter, which is how quick-add lines
take them). The first Input and the first TextArea of a step also get a
10,000-character paste. Then: pmtui still runs and renders with no raw control
character on screen, the file saves and loads, every report format keeps the
sample's structure, and `pmtui export` writes no control character to stdout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from markdown_it.token import Token
from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from pmtui.app import PmtuiApp
from pmtui.model import PostMortem, Step
from pmtui.report import render
from pmtui.screens import STEP_SCREENS
from pmtui.screens.base import StepScreen
from pmtui.store import load
from tests.reliability.hostile_inputs import INPUTS, LONG_PASTE, one_line, raw_controls
from tests.unit.test_report_helpers import HtmlReader, outline, parser, tables

MakeApp = Callable[..., PmtuiApp]
MD_FORMATS = ("gfm", "plain")


def test_there_are_enough_hostile_inputs() -> None:
    assert len(INPUTS) >= 30
    assert raw_controls("".join(INPUTS))  # the list does hold control characters
    assert raw_controls("ok\n\ttext") == []


def _fields(screen: StepScreen) -> list[Widget]:
    found: list[Widget] = [*screen.query(Input), *screen.query(TextArea)]
    return [
        w
        for w in found
        if w.display
        and w.visible
        and not w.disabled
        and w.focusable
        and not (isinstance(w, TextArea) and w.read_only)
    ]


async def _back_to(app: PmtuiApp, pilot: object, screen: StepScreen) -> None:
    """Close whatever Enter opened (a dialog) to come back to ``screen``."""
    for _ in range(3):
        if app.screen is screen:
            return
        await pilot.press("escape")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    assert app.screen is screen


async def _paste(pilot: object, widget: Widget, text: str) -> None:
    """Paste as a terminal does: the event goes to the app, which hands it to
    the focused widget."""
    widget.focus()
    await pilot.pause()  # type: ignore[attr-defined]
    assert widget.has_focus
    widget.app.post_message(events.Paste(text))
    await pilot.pause()  # type: ignore[attr-defined]


async def _fill(app: PmtuiApp, pilot: object, screen: StepScreen) -> int:
    """Paste into every field; returns how many fields there were."""
    combined = "\n".join(INPUTS)
    line = "now " + " ".join(one_line(s) for s in INPUTS)
    count = len(_fields(screen))
    long_done: set[type[Widget]] = set()
    for n in range(count):
        fields = _fields(screen)  # an Enter may have re-rendered the screen
        if n >= len(fields):
            break
        widget = fields[n]
        kind = TextArea if isinstance(widget, TextArea) else Input
        await _paste(pilot, widget, combined if kind is TextArea else line)
        if kind not in long_done:
            long_done.add(kind)
            await _paste(pilot, widget, LONG_PASTE)
        if kind is Input:
            await pilot.press("enter")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
            await _back_to(app, pilot, screen)
        assert app.is_running
    return count


def _structure(text: str) -> tuple[list[int], list[str], int, list[bool]]:
    """Heading levels, the kinds of block, fences and whether tables are whole."""
    tokens: list[Token] = parser().parse(text)
    levels = [level for level, _ in outline(tokens)]
    html = sorted({t.type for t in tokens if t.type.startswith("html")})
    fences = sum(1 for t in tokens if t.type == "fence")
    whole = [all(len(r) == len(t.header) for r in t.rows) for t in tables(tokens)]
    return levels, html, fences, whole


def _check_reports(pm: PostMortem, sample: PostMortem) -> None:
    for fmt in MD_FORMATS:
        ours, theirs = _structure(render(pm, fmt)), _structure(render(sample, fmt))
        assert ours[0] == theirs[0], f"{fmt}: headings changed"
        assert ours[1] == theirs[1], f"{fmt}: raw HTML got through"
        assert ours[2] == theirs[2], f"{fmt}: code fences changed"
        assert all(ours[3]), f"{fmt}: a table row has the wrong number of cells"
        assert raw_controls(render(pm, fmt)) == []
    page, before = HtmlReader(render(pm, "html")), HtmlReader(render(sample, "html"))
    assert page.tags - before.tags <= {"br"}, page.tags - before.tags  # br: a newline
    assert [h[0] for h in page.headings] == [h[0] for h in before.headings]
    assert not [h for h in page.hrefs if "javascript" in h.lower()]
    assert all(len(r) == len(t.header) for t in page.tables for r in t.rows)


def _export_stdout(path: Path, *args: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "pmtui", "export", *args, str(path)],
        capture_output=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return done.stdout


async def test_hostile_paste_into_every_field_of_every_step(
    make_app: MakeApp, sample_path: Path, sample_pm: PostMortem
) -> None:
    app = make_app(sample_path)
    filled: dict[Step, int] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for step in STEP_SCREENS:
            app.goto(step.value)
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StepScreen)
            filled[step] = await _fill(app, pilot, screen)
        # the report step has no free text; every other step has some
        assert [s for s, n in filled.items() if n == 0] == [Step.REPORT], filled
        # every step again, now showing what was pasted everywhere
        for step in STEP_SCREENS:
            app.goto(step.value)
            await app.workers.wait_for_complete()
            await pilot.pause()
            bad = [
                ln for ln in app.export_screenshot().splitlines() if raw_controls(ln)
            ]
            assert bad == [], f"{step}: raw controls on screen: {bad[:3]}"
        assert app.flush()
    assert app.return_code in (None, 0)
    pm = load(sample_path)
    assert "end-paste" in pm.incident.title  # the pastes did reach the model
    _check_reports(pm, sample_pm)
    for fmt in ("gfm", "plain", "html"):
        out = _export_stdout(sample_path, "--format", fmt)
        assert raw_controls(out.decode("utf-8")) == [], fmt
    out = _export_stdout(sample_path, "--actions-csv")
    assert raw_controls(out.decode("utf-8").replace("\r\n", "\n")) == []
