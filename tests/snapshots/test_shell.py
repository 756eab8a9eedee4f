"""Snapshots of the shell: home, the new dialog, help and the stepper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from pmtui.app import PmtuiApp
from pmtui.model import Step
from pmtui.paths import stylesheets
from pmtui.widgets.stepper import Stepper

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def settle(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


class TestHome:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty(self, snap_compare, make_app: Callable[..., PmtuiApp], size) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=settle)

    @pytest.mark.parametrize("size", SIZES)
    def test_with_post_mortems(
        self, snap_compare, make_app: Callable[..., PmtuiApp], sample_path: Path, size
    ) -> None:
        from bench.generate import generate_archive

        generate_archive(sample_path.parent, 6, seed=5)
        broken = sample_path.parent / "2020-01-01-broken.json"
        broken.write_text("{ not json")
        assert snap_compare(make_app(), terminal_size=size, run_before=settle)


class TestNewDialog:
    @pytest.mark.parametrize("size", SIZES)
    def test_new_dialog_with_error(self, snap_compare, make_app, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("n")
            await pilot.press("enter")  # no title yet: the message shows under it

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestHelp:
    @pytest.mark.parametrize("size", SIZES)
    def test_help_on_home(self, snap_compare, make_app, size) -> None:
        async def run_before(pilot) -> None:
            await settle(pilot)
            await pilot.press("f1")

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class StepperApp(App[None]):
    CSS_PATH = stylesheets()

    def compose(self) -> ComposeResult:
        for step in (None, Step.INCIDENT, Step.CAUSES, Step.REPORT):
            yield Stepper(step, id=f"stepper-{step.value if step else 'none'}")


class TestStepper:
    @pytest.mark.parametrize("size", SIZES)
    def test_each_position(self, snap_compare, size) -> None:
        assert snap_compare(StepperApp(), terminal_size=size)
