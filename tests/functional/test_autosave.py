"""Autosave under Pilot: the timed save runs in a thread while the screen
goes on; edits made meanwhile are saved by the next save; flush waits for a
save in flight."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from pmtui.screens.base import StepScreen
from pmtui.store import PostMortemFile, load
from tests.helpers import press_quit, wait_until

MakeApp = Callable[..., PmtuiApp]


class HeldSave:
    """``PostMortemFile.save`` that notes its thread and, while ``hold`` is
    set, waits for ``release`` once it has begun."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[str] = []
        self.began = threading.Event()
        self.release = threading.Event()
        self.hold = True
        real = PostMortemFile.save

        def save(doc: PostMortemFile, pm: object = None) -> None:
            self.threads.append(threading.current_thread().name)
            if self.hold:
                self.began.set()
                assert self.release.wait(10), "the test never let the save go"
            real(doc, pm)  # type: ignore[arg-type]

        monkeypatch.setattr(PostMortemFile, "save", save)


async def _step_screen(app: PmtuiApp) -> StepScreen:
    assert await wait_until(lambda: isinstance(app.screen, StepScreen))
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.05)
    assert isinstance(app.screen, StepScreen)
    return app.screen


def _edit(app: PmtuiApp, screen: StepScreen, text: str) -> None:
    assert app.ctx is not None
    app.ctx.pm.next_steps.runbooks.append(text)
    screen.edited()


async def test_the_timed_save_runs_off_the_ui_thread_and_the_screen_goes_on(
    make_app: MakeApp, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldSave(monkeypatch)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _step_screen(app)
        held.threads.clear()
        _edit(app, screen, "first edit")
        assert await wait_until(held.began.is_set)
        # the save is stuck in its thread (on the UI thread, the event loop
        # would be stuck in it, and this test with it): the UI goes on
        assert held.threads == ["pmtui-autosave"]
        await pilot.pause()
        assert app.is_running
        _edit(app, screen, "second edit, while the first save runs")
        held.hold = False
        held.release.set()
        # the first save may have missed the second edit: another one follows
        assert await wait_until(
            lambda: (
                "second edit, while the first save runs"
                in load(sample_path).next_steps.runbooks
            )
        )
        assert await wait_until(lambda: not app.autosave.dirty)
        assert set(held.threads) == {"pmtui-autosave"}
        await press_quit(pilot)
    runbooks = load(sample_path).next_steps.runbooks
    assert "first edit" in runbooks


async def test_flush_waits_for_the_save_in_flight_then_saves_the_rest(
    make_app: MakeApp, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldSave(monkeypatch)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _step_screen(app)
        _edit(app, screen, "saved in the thread")
        assert await wait_until(held.began.is_set)
        _edit(app, screen, "typed during that save")
        await pilot.pause()  # the app has taken the Edited message
        held.hold = False
        # flush waits for the thread (let go from another thread, as a slow
        # disk would end), then writes what that save may have missed
        threading.Timer(0.05, held.release.set).start()
        assert app.flush()
        assert held.threads[-1] == threading.current_thread().name
        assert not app.autosave.dirty
        runbooks = load(sample_path).next_steps.runbooks
        assert "saved in the thread" in runbooks
        assert "typed during that save" in runbooks
        await press_quit(pilot)


async def test_a_fault_in_a_threaded_save_is_not_swallowed(
    make_app: MakeApp, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: PostMortemFile, pm: object = None) -> None:
        raise ValueError("a bug in the encoder")

    app = make_app(sample_path)
    with pytest.raises(ValueError, match="a bug in the encoder"):
        async with app.run_test(size=(120, 40)):
            screen = await _step_screen(app)
            monkeypatch.setattr(PostMortemFile, "save", broken)
            _edit(app, screen, "never saved")
            await wait_until(lambda: not app.is_running)


def test_a_save_that_ends_after_the_app_is_told_to_nobody() -> None:
    """A save in its thread that ends once the app's loop is closed (the app
    crashed or ended) has written its file and raises nothing."""
    from pmtui.autosave import _Save

    class Doc:
        saved = 0

        def save(self) -> None:
            self.saved += 1

    doc = Doc()

    async def begin() -> _Save:
        return _Save(doc, 0)  # type: ignore[arg-type]

    loop = asyncio.new_event_loop()
    save = loop.run_until_complete(begin())
    told: list[_Save] = []
    save.ended = told.append
    loop.close()
    save._run()
    assert doc.saved == 1 and told == []
