"""Timing what a person sees on the timeline screen: frames, keystrokes, and
the stretches of work between two turns of the event loop; and a generated
service log to import. Used by :mod:`bench.bench_timeline`."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path


def write_log(path: Path, lines: int) -> int:
    """A service log on the incident's morning: four lines a second, every
    50th line a stack-trace line (unreadable), a silence now and then.
    Returns how many lines carry an event."""
    from pmtui.model import EventKind

    start = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
    kinds = [k.value for k in EventKind]
    out, events = [], 0
    for n in range(lines):
        if n % 50 == 49:
            out.append(f"    at com.example.checkout.Handler.handle(Handler.java:{n})")
            continue
        at = start + timedelta(seconds=n / 4 + (n // 5000) * 1200)
        stamp = at.strftime("%Y-%m-%dT%H:%M:%S")
        service = ("checkout-api", "payments-gateway", "cdn-edge")[n % 3]
        out.append(f"{stamp}.{n % 1000:03d}Z {service}[{n % 97}]: {kinds[n % 8]} {n}")
        events += 1
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return events


class Frames:
    """When frames were composed (``App._display``), and every stretch the UI
    thread worked between two turns of the event loop: when it ended, its
    wall time, and the thread's own CPU time in it. A key pressed during a
    stretch waits for its end; the CPU time is that wait as far as this
    program makes it, whatever else the machine runs meanwhile (on a busy
    machine the wall time also holds other programs' turns)."""

    def __init__(self, app: object) -> None:
        self.times: list[float] = []
        self.stretches: list[tuple[float, float, float]] = []  # end, wall, cpu
        display = app._display  # type: ignore[attr-defined]

        def timed(screen: object, renderable: object) -> None:
            display(screen, renderable)
            self.times.append(time.perf_counter())

        app._display = timed  # type: ignore[attr-defined]
        self._watching = False

    async def watch(self) -> None:
        """Turn the event loop until ``stop``, noting every stretch."""
        self._watching = True
        last, last_cpu = time.perf_counter(), time.thread_time()
        while self._watching:
            await asyncio.sleep(0)
            now, cpu = time.perf_counter(), time.thread_time()
            self.stretches.append((now, now - last, cpu - last_cpu))
            last, last_cpu = now, cpu

    def stop(self) -> None:
        self._watching = False

    def longest(self, start: float, end: float) -> tuple[float, float]:
        """The longest stretch (CPU time, wall time) ending in ``start..end``."""
        inside = [(c, w) for t, w, c in self.stretches if start < t <= end]
        cpu = max((c for c, _ in inside), default=0.0)
        wall = max((w for _, w in inside), default=0.0)
        return cpu, wall

    async def after(self, moment: float) -> float:
        """The first frame composed after ``moment``."""
        while not self.times or self.times[-1] <= moment:
            await asyncio.sleep(0)
        return next(t for t in self.times if t > moment)


@dataclass
class Repaints:
    """Keys typed into the quick-add line, each shown by a frame."""

    wall: list[float]  # from the key to the frame that shows it
    cpu: list[float]  # the longest stretch of UI-thread CPU time meanwhile


async def time_keys(app: object, frames: Frames, count: int) -> Repaints:
    """Type ``count`` letters into the focused line as a terminal would."""
    from textual import events
    from textual.widgets import Input

    line = app.focused  # type: ignore[attr-defined]
    assert isinstance(line, Input)
    watcher = asyncio.ensure_future(frames.watch())
    walls, stretches = [], []
    for n in range(count):
        before = line.value
        start = time.perf_counter()
        app._driver.send_message(events.Key("x", "x"))  # type: ignore[attr-defined]
        while line.value == before:
            await asyncio.sleep(0)
        shown = await frames.after(time.perf_counter())
        await asyncio.sleep(0)  # the stretch that painted it has ended
        stretches.append(frames.longest(start, time.perf_counter())[0])
        walls.append(shown - start)
        await asyncio.sleep(0.03 if n % 2 else 0.011)  # not in step with frames
    frames.stop()
    await watcher
    line.value = ""
    return Repaints(walls, stretches)


async def timed_autosave(app: object, frames: Frames) -> tuple[float, float]:
    """An edit saved as the autosave timer saves it (in a thread): how long
    the save took, and the longest stretch of UI-thread CPU time meanwhile."""
    autosave = app.autosave  # type: ignore[attr-defined]
    autosave.edited()
    watcher = asyncio.ensure_future(frames.watch())
    start = time.perf_counter()
    assert autosave.begin(), "nothing to save?"
    while autosave.saving:
        await asyncio.sleep(0.005)
    took = time.perf_counter() - start
    frames.stop()
    await watcher
    return took, frames.longest(start, time.perf_counter())[0]
