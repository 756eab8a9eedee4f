"""The timeline keeps up with a room talking, however long it gets.

(a) A keystroke in the quick-add line with 500 events against the same
    keystroke with none: within 1.2x (only the line repaints).
(b) Adding one event (Enter on a typed line) to 500 events against adding one
    to 10: within 2x (the table adds one row and re-orders; no rebuild).

Each case runs the real app under ``App.run_test`` and times ``pilot.press``
with ``time.perf_counter``; the two sizes alternate over several rounds and
the medians are compared. The autosave that follows an add is deferred by the
app (0.4 s); here its timer is moved out of the way and the file is saved
after each timed add, outside the timing (the save's cost is
``bench_autosave``'s subject).

``python -m bench.bench_timeline`` prints the figures; ``run()`` returns them.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.common import Result
from bench.generate import big_postmortem
from pmtui.clock import FixedClock
from pmtui.model import PostMortem, Step, new_postmortem

ROUNDS = 4
KEYSTROKES = 40  # per round and size
ADDS = 20  # per round and size
NOW = "2026-11-20T10:00:00+00:00"


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
                assert line.value == "", "the event was not added"
                app.flush()
            app.close_file()
        return times


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
    ]


def run() -> list[Result]:
    import pmtui.app

    delay = pmtui.app.SAVE_DELAY
    pmtui.app.SAVE_DELAY = 3600.0  # saved by hand after each add, untimed
    try:
        return asyncio.run(_measure())
    finally:
        pmtui.app.SAVE_DELAY = delay


if __name__ == "__main__":
    for result in run():
        verdict = "ok" if result.ok else "FAIL"
        print(
            f"{result.target:45} {result.ratio:5.2f} (limit {result.limit}) "
            f"{verdict}  {result.detail}"
        )
