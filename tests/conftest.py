"""Shared fixtures: an injected clock, a temp archive, the sample, the app."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pmtui.clock import FixedClock
from pmtui.model import PostMortem
from pmtui.paths import samples_dir
from pmtui.store import Archive, load

SAMPLE_NAME = "checkout-outage.json"
NOW = "2026-11-20T10:00:00+00:00"


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stable snapshots: no blinking cursors."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may reach the user's real archive or preferences."""
    monkeypatch.setenv("PMTUI_HOME", str(tmp_path / "default-archive"))
    monkeypatch.setenv("PMTUI_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def archive(request: pytest.FixtureRequest) -> Iterator[Archive]:
    """A fresh archive at a path that depends only on the test's name, so
    snapshots that show the folder are the same on every machine and run."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-120:]
    folder = Path(tempfile.gettempdir()) / "pmtui-tests" / name / "archive"
    shutil.rmtree(folder.parent, ignore_errors=True)
    arch = Archive(folder)
    arch.ensure()
    yield arch
    shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.fixture
def sample_path(archive: Archive) -> Path:
    """A copy of the sample in the temp archive (the repo's is never edited)."""
    target = archive.folder / SAMPLE_NAME
    shutil.copyfile(samples_dir() / SAMPLE_NAME, target)
    return target


@pytest.fixture
def sample_pm() -> PostMortem:
    return load(samples_dir() / SAMPLE_NAME)


@pytest.fixture
def make_app(archive: Archive, clock: FixedClock) -> Iterator[Callable[..., object]]:
    """``make_app(path=None, step=None)`` builds a PmtuiApp on the temp archive."""
    from pmtui.app import PmtuiApp

    def factory(path: Path | None = None, **kwargs: object) -> PmtuiApp:
        return PmtuiApp(archive=archive, clock=clock, open_path=path, **kwargs)  # type: ignore[arg-type]

    yield factory
