"""One writer per post-mortem: the lock, the read-only fallback, takeover."""

from __future__ import annotations

import getpass
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui.store import Archive, LockedError, PostMortemFile, load
from pmtui.store.lock import is_locked, lock_path
from tests.fixtures.build_sample import build_checkout_outage

HOLD = (
    "import sys, time\n"
    "from pmtui.store import PostMortemFile\n"
    "handle = PostMortemFile.open(sys.argv[1])\n"
    "print('read_only' if handle.read_only else 'locked', flush=True)\n"
    "time.sleep(60)\n"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "pm.json"
    PostMortemFile.create(target, build_checkout_outage()).close()
    return target


@pytest.fixture
def holder_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()  # blocks until it holds the lock
        assert line == "locked", proc.stderr.read() if proc.stderr else line
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_second_open_in_same_process_is_read_only(path: Path) -> None:
    with PostMortemFile.open(path) as first:
        assert not first.read_only
        assert first.holder is None
        second = PostMortemFile.open(path)
        assert second.read_only
        assert second.holder is not None
        assert second.holder.pid == os.getpid()
        assert second.holder.user == getpass.getuser()
        assert second.holder.host == socket.gethostname()
        assert second.holder.since.endswith("UTC")
        assert second.pm.incident.title == first.pm.incident.title
        before = path.read_bytes()
        with pytest.raises(LockedError) as caught:
            second.save(second.pm)
        assert str(os.getpid()) in str(caught.value)
        assert getpass.getuser() in str(caught.value)
        assert caught.value.holder == second.holder
        assert path.read_bytes() == before
        second.close()
        first.save()  # the writer is unaffected by the reader closing
    with PostMortemFile.open(path) as again:
        assert not again.read_only


def test_explicit_read_only_takes_no_lock(path: Path) -> None:
    with PostMortemFile.open(path, read_only=True) as reader:
        assert reader.read_only and reader.holder is None
        with pytest.raises(LockedError):
            reader.save()
        with PostMortemFile.open(path) as writer:
            assert not writer.read_only


def test_lock_file_names_the_holder_and_is_removed_on_close(path: Path) -> None:
    handle = PostMortemFile.open(path)
    holder = is_locked(path)
    assert holder is not False and holder is not True and holder is not None
    assert holder.pid == os.getpid()
    handle.close()
    assert is_locked(path) is False
    assert not lock_path(path).exists()
    handle.close()  # closing twice is harmless


def test_create_refuses_an_existing_file_and_gives_the_lock_back(path: Path) -> None:
    before = path.read_bytes()
    with pytest.raises(FileExistsError):
        PostMortemFile.create(path, build_checkout_outage())
    assert path.read_bytes() == before
    with PostMortemFile.open(path) as handle:
        assert not handle.read_only


def test_create_refuses_a_locked_path(path: Path) -> None:
    with PostMortemFile.open(path), pytest.raises(LockedError):
        PostMortemFile.create(path, build_checkout_outage())


def test_archive_will_not_delete_an_open_file(path: Path) -> None:
    archive = Archive(path.parent)
    with PostMortemFile.open(path), pytest.raises(LockedError):
        archive.delete(path)
    assert path.exists()
    archive.delete(path)
    assert sorted(p.name for p in path.parent.iterdir()) == []


def test_other_process_holds_the_lock(
    path: Path, holder_process: subprocess.Popen[str]
) -> None:
    handle = PostMortemFile.open(path)
    assert handle.read_only
    assert handle.holder is not None
    assert handle.holder.pid == holder_process.pid
    assert handle.holder.pid != os.getpid()
    assert holder_process.pid is not None
    assert f"process {holder_process.pid}" in handle.holder.describe()
    with pytest.raises(LockedError):
        handle.save()
    handle.close()


def test_lock_of_a_killed_process_is_taken_over(
    path: Path, holder_process: subprocess.Popen[str]
) -> None:
    assert PostMortemFile.open(path).read_only
    os.kill(holder_process.pid, signal.SIGKILL)
    holder_process.wait(timeout=10)
    with PostMortemFile.open(path) as handle:
        assert not handle.read_only
        assert handle.holder is None
        holder = is_locked(path)
        assert holder is not False and holder is not True and holder is not None
        assert holder.pid == os.getpid()  # the dead holder's record is replaced
        handle.pm.incident.summary = "saved after the takeover"
        handle.save()
    assert load(path).incident.summary == "saved after the takeover"


def test_read_only_folder_opens_read_only(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui.store import lock

    def refuse(self: lock.FileLock) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock.FileLock, "acquire", refuse)
    with PostMortemFile.open(path) as handle:
        assert handle.read_only
        assert handle.holder is None
        assert handle.pm.incident.title


def test_lock_survives_a_release_race(path: Path) -> None:
    """A holder that releases (and removes the lock file) while another opens
    it must not leave two writers: the newcomer re-checks the inode."""
    first = PostMortemFile.open(path)
    first.close()
    with PostMortemFile.open(path) as second:
        assert not second.read_only
        third = PostMortemFile.open(path)
        assert third.read_only
        third.close()
    assert not lock_path(path).exists()


def test_a_lock_file_replaced_at_every_try_is_told_as_locked(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty lost races in a row (someone keeps replacing the lock file) end
    in LockedError and a read-only post-mortem, never in a lock on a file
    nobody else sees."""
    import pmtui.store.lock as lock_module

    monkeypatch.setattr(lock_module, "_same_file", lambda fd, p: False)
    lock = lock_module.FileLock(path)
    with pytest.raises(LockedError):
        lock.acquire()
    assert not lock.held
    with PostMortemFile.open(path) as handle:
        assert handle.read_only


def test_holder_without_a_user_name_is_unknown(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui.store.lock import read_holder

    def no_user() -> str:
        raise KeyError("getpwuid(): uid not found: 12345")

    monkeypatch.setattr(getpass, "getuser", no_user)
    with PostMortemFile.open(path) as handle:
        assert not handle.read_only
        found = read_holder(lock_path(path))
        assert found is not None and found.user == "unknown"
