"""Broken files, read-only folders and failed writes, met through the app.

The store's own tests (tests/unit/test_store_broken.py) check each damage's
reason and that the file is left alone; here the same damages are put in an
archive and pmtui is driven as a user would: the home screen lists each one
as broken, opening one tells which file and why, nothing is written over it,
and pmtui keeps running. A save that fails (disk full, read-only folder) says
"Not saved" once, keeps the edits in memory and saves them when it can again.
"""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

import pmtui.store.atomic as atomic_module
from pmtui.app import PmtuiApp
from pmtui.autosave import RETRY_DELAY
from pmtui.screens.base import StepScreen
from pmtui.screens.dialogs import BrokenFileDialog
from pmtui.screens.home import HomeScreen
from pmtui.store import Archive, PostMortemFile, load
from pmtui.widgets.row_table import RowTable
from tests.fixtures.build_sample import build_checkout_outage
from tests.helpers import press_quit, wait_until
from tests.unit.test_store_broken import CASES

MakeApp = Callable[..., PmtuiApp]
Notes = list[tuple[str, str, str]]  # (title, message, severity)


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> Notes:
    """Every notification the app shows, in order."""
    shown: Notes = []
    real = PmtuiApp.notify

    def notify(self: PmtuiApp, message: str, **kwargs: object) -> None:
        shown.append(
            (
                str(kwargs.get("title", "")),
                message,
                str(kwargs.get("severity", "information")),
            )
        )
        real(self, message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PmtuiApp, "notify", notify)
    return shown


def _state(path: Path) -> tuple[bytes | None, int]:
    st = path.stat()
    return (None if path.is_dir() else path.read_bytes(), st.st_mtime_ns)


async def _settle(app: PmtuiApp) -> None:
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.05)


@pytest.fixture
def damaged(archive: Archive) -> dict[str, Path]:
    """One file per kind of damage, beside one good post-mortem."""
    files: dict[str, Path] = {}
    for n, (case, (damage, _)) in enumerate(CASES.items()):
        path = archive.folder / f"broken-{n:02d}.json"
        PostMortemFile.create(path, build_checkout_outage()).close()
        damage(path, path.read_bytes())
        files[case] = path
    return files


async def test_home_lists_every_broken_file_and_opening_one_says_why(
    make_app: MakeApp, sample_path: Path, damaged: dict[str, Path]
) -> None:
    before = {case: _state(path) for case, path in damaged.items()}
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app)
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#home-table", RowTable)
        assert table.row_count == len(damaged) + 1  # nothing left out, no crash
        for case, path in damaged.items():
            row = [str(c) for c in table.get_row(path.name)]
            assert path.name in row[0] and "broken" in row[3], (case, row)
        good = [str(c) for c in table.get_row(sample_path.name)]
        assert "broken" not in good[3]

        for case, path in damaged.items():
            words = CASES[case][1]
            table.move_cursor(table.get_row_index(path.name))
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, BrokenFileDialog), case
            assert dialog.error.path == path
            shown = "\n".join(str(s.content) for s in dialog.query(Static))
            assert str(path) in shown and words[0] in shown, (case, shown)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is home and app.is_running
            assert app.doc is None  # nothing was opened for writing

        # the good one still opens after all that
        table.move_cursor(table.get_row_index(sample_path.name))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await press_quit(pilot)
    assert {case: _state(path) for case, path in damaged.items()} == before


@pytest.mark.parametrize("case", ["truncated", "newer schema", "folder", "empty"])
async def test_broken_file_given_at_start_shows_the_dialog_over_home(
    make_app: MakeApp, damaged: dict[str, Path], case: str
) -> None:
    path = damaged[case]
    before = _state(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app)
        assert isinstance(app.screen, BrokenFileDialog)
        assert app.screen.error.path == path
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await press_quit(pilot)
    assert _state(path) == before


async def test_archive_that_is_a_file_lists_nothing_and_refuses_to_create(
    make_app: MakeApp, archive: Archive, notes: Notes
) -> None:
    archive.folder.rename(archive.folder.with_name("moved"))
    archive.folder.write_text("not a folder")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        for ch in "Disk test":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Could not create" in message for _, message, _ in notes), notes
        assert app.is_running
    assert archive.folder.read_text() == "not a folder"


# -- saves that fail -----------------------------------------------------------


def _can_write_despite_mode(folder: Path) -> bool:
    """Root (and some file systems) ignore a folder's permissions."""
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def read_only_folder(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[bool], None]]:
    """``make(True)`` makes the archive folder read-only, ``make(False)``
    writable again: by its mode (0500), or, where permissions do not bind
    (root), by refusing writes in the store as the kernel would."""
    folder = archive.folder
    real_create = atomic_module._create_temp
    refused = {"on": False}

    def create_temp(path: Path) -> tuple[int, Path]:
        if refused["on"] and path.parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_create(path)

    monkeypatch.setattr(atomic_module, "_create_temp", create_temp)

    def make(read_only: bool) -> None:
        folder.chmod(0o500 if read_only else 0o700)
        refused["on"] = read_only and _can_write_despite_mode(folder)

    yield make
    folder.chmod(0o700)


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    """``full(True)``: every fsync of the store fails with ENOSPC."""
    real_fsync = os.fsync
    state = {"full": False}

    def fsync(fd: int) -> None:
        if state["full"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(atomic_module.os, "fsync", fsync)

    def full(value: bool) -> None:
        state["full"] = value

    return full


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("failure", ["disk full", "read-only folder"])
async def test_failed_save_is_told_once_kept_in_memory_and_retried(
    make_app: MakeApp,
    sample_path: Path,
    archive: Archive,
    notes: Notes,
    failure: str,
    disk_full: Callable[[bool], None],
    read_only_folder: Callable[[bool], None],
) -> None:
    fail = disk_full if failure == "disk full" else read_only_folder
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app)
        assert app.ctx is not None and not app.ctx.read_only
        screen = app.screen
        assert isinstance(screen, StepScreen)
        before = sample_path.read_bytes()
        fail(True)
        for n in range(3):  # three edits, three failed saves
            app.ctx.pm.incident.summary = f"typed while the disk was full {n}"
            screen.edited()
            await asyncio.sleep(0.6)
        assert not app.flush()
        not_saved = [n for n in notes if n[0] == "Not saved"]
        assert len(not_saved) == 1, notes  # told once, not on every keystroke
        _, message, severity = not_saved[0]
        assert str(sample_path) in message and severity == "error"
        assert "kept in memory" in message
        assert sample_path.read_bytes() == before  # nothing overwritten
        assert _leftovers(archive.folder) == []  # no temp file left behind
        assert app.is_running and app.save_error is not None

        fail(False)  # space again: the retry timer saves without being asked
        assert await wait_until(lambda: app.save_error is None, RETRY_DELAY + 10)
        assert load(sample_path).incident.summary == "typed while the disk was full 2"
        assert any(n[0] == "Saved" for n in notes), notes
        await press_quit(pilot)
    assert not app.is_running


async def test_quit_while_the_disk_is_full_keeps_the_last_good_file(
    make_app: MakeApp,
    sample_path: Path,
    notes: Notes,
    disk_full: Callable[[bool], None],
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app)
        assert app.ctx is not None
        before = sample_path.read_bytes()
        disk_full(True)
        app.ctx.pm.incident.title = "never reaches the disk"
        app.screen.edited()  # type: ignore[attr-defined]
        await press_quit(pilot)
    assert not app.is_running  # quitting is never blocked by a full disk
    assert sample_path.read_bytes() == before
    assert load(sample_path).incident.title == build_checkout_outage().incident.title


async def test_read_only_folder_opens_read_only_and_writes_nothing(
    make_app: MakeApp,
    sample_path: Path,
    archive: Archive,
    notes: Notes,
    monkeypatch: pytest.MonkeyPatch,
    read_only_folder: Callable[[bool], None],
) -> None:
    from pmtui.store import lock

    read_only_folder(True)
    if _can_write_despite_mode(archive.folder):  # root: the lock file can be made

        def refuse(self: lock.FileLock) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(lock.FileLock, "acquire", refuse)
    before = sorted((p.name, _state(p)) for p in archive.folder.iterdir())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app)
        table = app.screen.query_one("#home-table", RowTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.ctx is not None and app.ctx.read_only
        assert any(title == "Read-only" for title, _, _ in notes), notes
        assert "read-only" in str(app.screen.query_one("#step-title", Static).content)
        app.ctx.pm.incident.title = "not saved"
        app.screen.edited()  # type: ignore[attr-defined]
        await asyncio.sleep(0.6)
        await press_quit(pilot)
    assert sorted((p.name, _state(p)) for p in archive.folder.iterdir()) == before
    assert not any(n[0] == "Not saved" for n in notes)
