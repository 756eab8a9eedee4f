"""Saving: atomic replace, the backup, private permissions, stable bytes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from pmtui.model import PostMortem, to_dict
from pmtui.store import Archive, PostMortemFile, SaveError, load, storage
from pmtui.store.atomic import atomic_write, ensure_dir
from pmtui.store.document import DOC_ID, TABLE
from pmtui.store.storage import backup_path, encode
from tests.fixtures.build_sample import build_checkout_outage


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def pm() -> PostMortem:
    return build_checkout_outage()


@pytest.fixture
def saved(tmp_path: Path, pm: PostMortem) -> Path:
    path = tmp_path / "pm.json"
    PostMortemFile.create(path, pm).close()
    return path


class TestAtomicWrite:
    def test_crash_before_replace_leaves_old_file_whole(
        self, saved: Path, pm: PostMortem, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        before = saved.read_bytes()
        handle = PostMortemFile.open(saved)
        pm.incident.title = "Changed, never reaches the disk"

        def crash(src: object, dst: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(SaveError) as caught:
            handle.save(pm)
        monkeypatch.undo()
        assert "No space left on device" in str(caught.value)
        assert "unchanged" in str(caught.value)
        assert saved.read_bytes() == before
        assert _hidden(saved.parent) == []  # no temp or link file left
        assert load(saved).incident.title != pm.incident.title
        handle.save(pm)  # the retry works once the disk is fine again
        assert load(saved).incident.title == "Changed, never reaches the disk"
        handle.close()

    def test_interrupted_write_removes_its_temp_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "f.json"
        target.write_bytes(b"old")

        def interrupted(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            atomic_write(target, b"new", backup=backup_path(target))
        monkeypatch.undo()
        assert target.read_bytes() == b"old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]

    def test_backup_is_the_file_before_the_sessions_first_save(
        self, saved: Path, pm: PostMortem
    ) -> None:
        first = saved.read_bytes()
        assert not backup_path(saved).exists()  # nothing to back up on create
        with PostMortemFile.open(saved) as handle:
            pm.incident.title = "Second version"
            handle.save(pm)
            assert backup_path(saved).read_bytes() == first
            second = saved.read_bytes()
            pm.incident.title = "Third version"
            handle.save(pm)  # seconds later: the backup is left as it is
            assert backup_path(saved).read_bytes() == first
        assert load(saved).incident.title == "Third version"
        with PostMortemFile.open(saved) as handle:  # a new session
            third = saved.read_bytes()
            handle.save(pm)
        assert backup_path(saved).read_bytes() == third != second

    def test_backup_is_refreshed_once_it_is_old(self, saved: Path) -> None:
        now = [100.0]
        path = saved
        store = storage.AtomicJSONStorage(path, monotonic=lambda: now[0])
        data = store.read()
        assert data is not None
        versions = []
        for n in range(4):
            versions.append(path.read_bytes())
            data[TABLE][str(DOC_ID)]["incident"]["title"] = f"version {n}"
            store.write(data)
            now[0] += storage.BACKUP_EVERY / 2
        # saved at 100 (backup), 130 (kept), 160 (refreshed), 190 (kept)
        assert backup_path(path).read_bytes() == versions[2]
        assert load(backup_path(path)).incident.title == "version 1"

    def test_backup_is_a_separate_file(self, saved: Path, pm: PostMortem) -> None:
        with PostMortemFile.open(saved) as handle:
            handle.save(pm)
        bak = backup_path(saved)
        assert not os.path.samefile(bak, saved)
        before = bak.read_bytes()
        with saved.open("r+b") as damaged:  # damage the file in place
            damaged.write(b"garbage")
        assert bak.read_bytes() == before


class TestPermissions:
    def test_new_file_is_private(self, saved: Path) -> None:
        assert _mode(saved) == 0o600

    def test_backup_is_private_even_when_the_file_was_not(
        self, saved: Path, pm: PostMortem
    ) -> None:
        os.chmod(saved, 0o644)  # e.g. copied in by hand
        with PostMortemFile.open(saved) as handle:
            handle.save(pm)
        assert _mode(backup_path(saved)) == 0o600
        assert _mode(saved) == 0o600

    def test_archive_folders_are_private_at_every_level(self, tmp_path: Path) -> None:
        archive = Archive(tmp_path / "a" / "b" / "c")
        archive.ensure()
        for folder in (tmp_path / "a", tmp_path / "a" / "b", archive.folder):
            assert _mode(folder) == 0o700, folder

    def test_existing_folder_mode_is_left_alone(self, tmp_path: Path) -> None:
        folder = tmp_path / "shared"
        folder.mkdir(mode=0o755)
        os.chmod(folder, 0o755)
        ensure_dir(folder / "mine")
        assert _mode(folder) == 0o755
        assert _mode(folder / "mine") == 0o700

    def test_create_makes_missing_folders_private(
        self, tmp_path: Path, pm: PostMortem
    ) -> None:
        path = tmp_path / "x" / "y" / "pm.json"
        PostMortemFile.create(path, pm).close()
        assert _mode(tmp_path / "x") == 0o700
        assert _mode(tmp_path / "x" / "y") == 0o700
        assert _mode(path) == 0o600

    def test_archive_created_files_are_private(
        self, tmp_path: Path, pm: PostMortem
    ) -> None:
        archive = Archive(tmp_path / "arch")
        with archive.create(pm) as handle:
            assert _mode(handle.path) == 0o600
        assert _mode(archive.folder / ".gitignore") == 0o600
        archive.entries()
        assert _mode(archive.folder / ".index.json") == 0o600


class TestFormat:
    def test_pretty_printed_with_sorted_keys(self, saved: Path) -> None:
        raw = saved.read_bytes()
        data = json.loads(raw)
        assert raw == (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()
        doc = data["postmortem"]["1"]
        assert list(doc) == sorted(doc)
        assert raw.count(b"\n") > 100  # one value a line: diffs well in git

    def test_same_post_mortem_saves_to_identical_bytes(
        self, tmp_path: Path, pm: PostMortem
    ) -> None:
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        PostMortemFile.create(a, pm).close()
        PostMortemFile.create(b, build_checkout_outage()).close()
        first = a.read_bytes()
        assert b.read_bytes() == first
        with PostMortemFile.open(a) as handle:
            handle.save()
            assert a.read_bytes() == first
            handle.save(load(a))
            assert a.read_bytes() == first

    def test_non_ascii_is_written_as_utf8(self, tmp_path: Path, pm: PostMortem) -> None:
        pm.incident.summary = "Zürich team: „fix“ 🚑"
        path = tmp_path / "u.json"
        PostMortemFile.create(path, pm).close()
        assert "Zürich team: „fix“ 🚑".encode() in path.read_bytes()
        assert load(path).incident.summary == pm.incident.summary

    def test_lone_surrogate_survives_a_save(
        self, tmp_path: Path, pm: PostMortem
    ) -> None:
        pm.incident.summary = "pasted \udcff byte"
        path = tmp_path / "s.json"
        PostMortemFile.create(path, pm).close()
        path.read_bytes().decode("utf-8")  # still valid UTF-8
        assert load(path).incident.summary == "pasted \udcff byte"

    def test_stored_document_is_exactly_the_model(self, saved: Path) -> None:
        data = json.loads(saved.read_bytes())
        data["postmortem"]["1"]["left_by_a_newer_pmtui"] = {"x": 1}
        saved.write_bytes(encode(data))
        with PostMortemFile.open(saved) as handle:
            handle.save()
            stored = json.loads(saved.read_bytes())["postmortem"]["1"]
            assert stored == to_dict(handle.pm)

    def test_encode_is_stable(self) -> None:
        assert (
            encode({"b": 1, "a": [1, 2]})
            == b'{\n  "a": [\n    1,\n    2\n  ],\n  "b": 1\n}\n'
        )


def test_fast_encoder_writes_the_same_bytes_as_json() -> None:
    """orjson (autosave's encoder) and json.dumps must agree byte for byte."""
    import json

    from pmtui.model import to_dict
    from pmtui.paths import samples_dir
    from pmtui.store import load
    from pmtui.store.storage import encode

    hostile = 'a\x00b\x1b[31m|`<script>\u200f😀 é \\ " / \u2028'
    pm = load(samples_dir() / "checkout-outage.json")
    pm.incident.summary = hostile
    for data in ({"postmortem": {"1": to_dict(pm)}}, {"x": [], "y": {}, "f": 1.5}):
        expected = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        assert encode(data) == expected.encode()
    # the slow path keeps working where orjson refuses
    assert encode({"s": "\udc80", "n": 2**70}) == (
        b'{\n  "n": 1180591620717411303424,\n  "s": "\\udc80"\n}\n'
    )


@pytest.mark.parametrize("failing", ["open", "fsync"])
def test_a_folder_that_cannot_be_fsynced_still_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """Some file systems give no folder descriptor, or refuse to fsync one:
    the file itself was fsynced and replaced, so the save stands."""
    import pmtui.store.atomic as atomic_module

    real_open, real_fsync = os.open, os.fsync
    folder = tmp_path / "archive"
    folder.mkdir()

    def folder_open(path: object, flags: int, *args: object) -> int:
        if failing == "open" and Path(str(path)) == folder:
            raise OSError(22, "Invalid argument")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    def folder_fsync(fd: int) -> None:
        if failing == "fsync" and stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(atomic_module.os, "open", folder_open)
    monkeypatch.setattr(atomic_module.os, "fsync", folder_fsync)
    target = folder / "pm.json"
    atomic_write(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'


def test_a_leftover_temp_file_of_the_same_name_is_stepped_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crashed pmtui with this process's pid may have left its temp file:
    the save takes the next name and leaves that file alone."""
    import itertools

    import pmtui.store.atomic as atomic_module

    monkeypatch.setattr(atomic_module, "_TEMP_NUMBERS", itertools.count())
    target = tmp_path / "pm.json"
    leftover = tmp_path / f".pm.json.{os.getpid()}-0.tmp"
    leftover.write_bytes(b"half a file")
    atomic_write(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert leftover.read_bytes() == b"half a file"
    assert _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [leftover.name, "pm.json"]


def test_a_failed_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import pmtui.store.atomic as atomic_module

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "write", full)
    target = tmp_path / "pm.json"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["pm.json"]
