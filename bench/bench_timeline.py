"""The timeline keeps up with a room talking, however long it gets.

(a) A keystroke in the quick-add line with 500 events against the same
    keystroke with none: within 1.2x (only the line repaints).
(b) Adding one event (Enter on a typed line) to 500 events against adding one
    to 10: within 2x (the table adds one row and re-orders; no rebuild).
(c) A 100,000-line log (98,000 events) imported into an empty timeline: the
    longest stretch of work on the UI thread (CPU time between two turns of
    the event loop) from the confirmed preview until the events are painted,
    against one ordinary keystroke repaint on the same screen (a key to the
    frame that shows it, median): at most 3x. A key pressed at the worst
    moment then waits at most three ordinary responses, about two or three
    60 fps frames: below what people notice while typing (~100 ms).
(d) The same import through the preview dialog (ctrl+y), 100,000 lines
    against 10: within 1.5x (closing the dialog costs what it costs; the
    size of the log must add nothing).
(e) A keystroke repaint with those 98,000 events against one with none:
    within 1.5x (the quick-add line repaints alone).

(a) and (b) run the real app under ``App.run_test`` and time ``pilot.press``
with ``time.perf_counter``; the two sizes alternate over several rounds and
the medians are compared. (c) to (e) send keys as a terminal does (no Pilot
waits) and time them to the frame that shows them (``App._display``); a task
turning the event loop notes every stretch between two turns, in wall time
and in the UI thread's CPU time (``time.thread_time``: other programs on a
busy machine do not count). Each import runs twice, interleaved with the
others. The autosave that follows an edit is deferred by the app (0.4 s);
here its timer is moved out of the way and the file is saved by hand,
outside the timing (``bench_autosave``'s subject). (c)'s detail gives, for
98,000 events, the timed save (in its thread) and the UI's longest stretch
meanwhile, a flush (step change, exit), and the screen at rest.

``python -m bench.bench_timeline`` prints the figures; ``run()`` returns them.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from textual.events import Key

from bench.common import Result
from bench.generate import big_postmortem
from bench.timeline_frames import Frames, Repaints, time_keys, timed_autosave, write_log
from pmtui.clock import FixedClock
from pmtui.model import PostMortem, Step, new_postmortem

ROUNDS = 4
KEYSTROKES = 40  # per round and size
ADDS = 20  # per round and size
NOW = "2026-11-20T10:00:00+00:00"
LOG_LINES = 100_000
REPAINTS = 40  # keystroke repaints timed per screen
IDLE = 2.0  # seconds the screen is watched at rest


def _timeline(events: int) -> PostMortem:
    if events == 0:
        return new_postmortem("Bench", FixedClock(NOW), timezone="Europe/Berlin")
    return big_postmortem(events=events, whys=5, actions=5)


async def _session(pm: PostMortem, work: str, count: int) -> list[float]:
    """Open ``pm`` at the timeline and time ``count`` keystrokes or adds."""
    from pmtui.app import PmtuiApp
    from pmtui.screens.timeline import TimelineScreen
    from pmtui.store import Archive
    from pmtui.widgets.timeline_quick_add import QuickAdd

    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp))
        archive.ensure()
        with archive.create(pm) as handle:
            path = handle.path
        app = PmtuiApp(archive=archive, clock=FixedClock(NOW))
        times: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            await asyncio.sleep(0.05)
            app.open_file(path, Step.TIMELINE)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TimelineScreen)
            line = screen.query_one(QuickAdd).input
            first = min((e.at for e in pm.timeline), default=None)
            for n in range(count):
                if work == "keystroke":
                    start = time.perf_counter()
                    await pilot.press("x")
                    times.append(time.perf_counter() - start)
                    continue
                # spread over the timeline, so rows land in the middle too
                assert first is not None
                at = first + timedelta(minutes=(n * 37) % (3 * len(pm.timeline)))
                line.value = f"{at.isoformat()} bench event {n}"
                start = time.perf_counter()
                await pilot.press("enter")
                times.append(time.perf_counter() - start)
                # the app quits on SIGTERM/SIGHUP (it saves first): say so
                assert app.is_running, "the app stopped: a signal from outside?"
                error = screen.query_one(QuickAdd).error
                assert line.value == "", f"not added: {line.value!r} ({error!r})"
                app.flush()
            app.close_file()
        return times


@dataclass
class ImportRun:
    """One import into an empty timeline, and the keys around it."""

    before: Repaints  # keystrokes with no events
    idle: float  # longest stretch (CPU) with nothing to do, for as long
    pause: float  # longest stretch (CPU) from the confirm until painted
    wall: float  # the longest stretch in wall time, the same while
    after: Repaints  # keystrokes with the events
    save: float  # a flush that follows (a step change, exit), by hand
    background: float  # the timed autosave, in its thread, by hand
    save_busy: float  # longest stretch (CPU) on the UI thread meanwhile


async def _import_session(
    log: Path, events: int, *, dialog: bool, repaints: int = REPAINTS
) -> ImportRun:
    """Import ``log`` (``events`` events) into an empty post-mortem: through
    the preview (``dialog``: confirmed with ctrl+y as typed), else from the
    message the confirmed preview sends (what the screen does from then on)."""
    from pmtui.app import PmtuiApp
    from pmtui.model.timeline_import import Reader, parse_import
    from pmtui.model.timeline_rules import reference_date
    from pmtui.screens.timeline import TimelineScreen
    from pmtui.store import Archive
    from pmtui.widgets import timeline_gc
    from pmtui.widgets.timeline_import_dialog import ImportPreviewDialog
    from pmtui.widgets.timeline_importer import ImportRunner

    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp))
        archive.ensure()
        pm = _timeline(0)
        with archive.create(pm) as handle:
            path = handle.path
        now = FixedClock(NOW).now()
        reader = Reader(pm.timezone, now, reference_date(pm, now), log.name)
        result = None
        if not dialog:  # read as the runner's worker reads (timeline_gc)
            timeline_gc.hold()
            result = parse_import(log.read_text(), reader)
            timeline_gc.release(freeze=True)
        app = PmtuiApp(archive=archive, clock=FixedClock(NOW))
        async with app.run_test(size=(120, 40)) as pilot:
            frames = Frames(app)
            await asyncio.sleep(0.05)
            app.open_file(path, Step.TIMELINE)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TimelineScreen)
            before = await time_keys(app, frames, repaints)
            watcher = asyncio.ensure_future(frames.watch())
            rest = time.perf_counter()
            await asyncio.sleep(IDLE)  # the screen at rest, for comparison
            idle = frames.longest(rest, time.perf_counter())[0]
            frames.stop()
            await watcher
            runner = screen.query_one(ImportRunner)
            if dialog:
                runner.start(screen.pm, log, app.clock.now())
                while not isinstance(app.screen, ImportPreviewDialog):
                    await asyncio.sleep(0.05)
                await pilot.pause()
            watcher = asyncio.ensure_future(frames.watch())
            await asyncio.sleep(0.1)
            confirmed = time.perf_counter()
            if result is None:
                app._driver.send_message(Key("ctrl+y", None))  # type: ignore[attr-defined]
            else:
                runner.post_message(ImportRunner.Confirmed(result))
            while len(screen.pm.timeline) < events or runner.running:
                await asyncio.sleep(0.01)
            await frames.after(time.perf_counter())  # the table, painted
            await asyncio.sleep(0.3)  # and whatever follows
            frames.stop()
            await watcher
            pause, wall = frames.longest(confirmed, time.perf_counter())
            screen.quick_add.input.focus()
            await pilot.pause()
            after = await time_keys(app, frames, repaints)
            start = time.perf_counter()
            assert app.flush()
            save = time.perf_counter() - start
            background, save_busy = await timed_autosave(app, frames)
            app.close_file()
        return ImportRun(before, idle, pause, wall, after, save, background, save_busy)


async def _measure_import() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "checkout-api.log", Path(tmp) / "short.log"
        events = write_log(big, LOG_LINES)
        few = write_log(small, 10)
        applied, through, short = [], [], []
        for _ in range(2):  # interleaved: what the machine does weighs on all
            short.append(await _import_session(small, few, dialog=True, repaints=4))
            through.append(await _import_session(big, events, dialog=True))
            applied.append(await _import_session(big, events, dialog=False))
    key = statistics.median(w for run in applied for w in run.before.wall)
    full = statistics.median(w for run in applied for w in run.after.wall)
    key_cpu = statistics.median(c for run in applied for c in run.before.cpu)
    full_cpu = statistics.median(c for run in applied for c in run.after.cpu)
    pause = max(run.pause for run in applied)
    wall = max(run.wall for run in applied)
    idle = max(run.idle for run in applied)
    big_pause = max(run.pause for run in through)
    small_pause = max(run.pause for run in short)
    save = max(run.save for run in applied)
    background = max(run.background for run in applied)
    save_busy = max(run.save_busy for run in applied)
    return [
        Result(
            "timeline: 100,000-line import applied, longest busy vs a repaint",
            pause / key,
            3.0,
            f"longest stretch of UI work {pause * 1000:.1f} ms CPU (of 2 imports; "
            f"{wall * 1000:.0f} ms wall) from the confirmed preview to the events "
            f"painted, vs a keystroke repaint {key * 1000:.1f} ms (median, key to "
            f"frame); at rest for {IDLE:.0f} s: {idle * 1000:.1f} ms; the "
            f"autosave that follows: {background * 1000:.0f} ms in its thread "
            f"(UI stretches meanwhile at most {save_busy * 1000:.1f} ms CPU), "
            f"{save * 1000:.0f} ms as a flush (step change, exit)",
        ),
        Result(
            "timeline: import through the preview, 100,000 lines vs 10",
            big_pause / small_pause,
            1.5,
            f"longest stretch of UI work from ctrl+y in the preview to the events "
            f"painted: {big_pause * 1000:.1f} ms vs {small_pause * 1000:.1f} ms "
            f"CPU (of 2 each)",
        ),
        Result(
            "timeline: keystroke repaint, 98,000 events vs 0",
            full / key,
            1.5,
            f"median key to frame {full * 1000:.1f} ms vs {key * 1000:.1f} ms; "
            f"UI work {full_cpu * 1000:.1f} ms vs {key_cpu * 1000:.1f} ms CPU",
        ),
    ]


def _ratio(big: list[float], small: list[float]) -> tuple[float, str]:
    b, s = statistics.median(big), statistics.median(small)
    return b / s, f"median {b * 1000:.1f} ms vs {s * 1000:.1f} ms"


async def _measure() -> list[Result]:
    keys: dict[int, list[float]] = {0: [], 500: []}
    adds: dict[int, list[float]] = {10: [], 500: []}
    for _ in range(ROUNDS):
        for size in (0, 500):
            keys[size] += await _session(_timeline(size), "keystroke", KEYSTROKES)
        for size in (10, 500):
            adds[size] += await _session(_timeline(size), "add", ADDS)
    key_ratio, key_detail = _ratio(keys[500], keys[0])
    add_ratio, add_detail = _ratio(adds[500], adds[10])
    return [
        Result("timeline: keystroke, 500 events vs 0", key_ratio, 1.2, key_detail),
        Result("timeline: add one event, to 500 vs 10", add_ratio, 2.0, add_detail),
        *await _measure_import(),
    ]


def run() -> list[Result]:
    import importlib

    # the autosave's delay lives in pmtui.autosave (pmtui.app before)
    for name in ("pmtui.autosave", "pmtui.app"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "SAVE_DELAY"):
            break
    delay = module.SAVE_DELAY
    module.SAVE_DELAY = 3600.0  # saved by hand after each add, untimed
    try:
        return asyncio.run(_measure())
    finally:
        module.SAVE_DELAY = delay


if __name__ == "__main__":
    for result in run():
        verdict = "ok" if result.ok else "FAIL"
        print(
            f"{result.target:45} {result.ratio:5.2f} (limit {result.limit}) "
            f"{verdict}  {result.detail}"
        )
