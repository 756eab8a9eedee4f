"""Broken files: a clear reason, never modified, the backup offered and restored."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.model import to_dict
from pmtui.store import Archive, BrokenFileError, PostMortemFile, load
from pmtui.store.storage import backup_path, encode
from tests.fixtures.build_sample import build_checkout_outage

Damage = Callable[[Path, bytes], None]


def _write(text: bytes) -> Damage:
    def damage(path: Path, good: bytes) -> None:
        path.write_bytes(text)

    return damage


def _truncate(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


def _edit(change: Callable[[dict[str, object]], object]) -> Damage:
    def damage(path: Path, good: bytes) -> None:
        data = json.loads(good)
        change(data)
        path.write_bytes(encode(data))

    return damage


def _doc(data: dict[str, object]) -> dict[str, object]:
    table = data["postmortem"]
    assert isinstance(table, dict)
    doc = table["1"]
    assert isinstance(doc, dict)
    return doc


def _folder(path: Path, good: bytes) -> None:
    path.unlink()
    path.mkdir()


def _as_list(path: Path, good: bytes) -> None:
    path.write_bytes((json.dumps([json.loads(good)], indent=2) + "\n").encode())


# name -> (damage, words the reason must contain)
CASES: dict[str, tuple[Damage, tuple[str, ...]]] = {
    "not json": (_write(b"this is not json {"), ("not valid JSON", "line 1")),
    "empty": (_write(b""), ("empty",)),
    "whitespace": (_write(b"  \n\t \n"), ("empty",)),
    "truncated": (_truncate, ("not valid JSON",)),
    "binary": (_write(b"\xff\xfe\x00garbage"), ("not UTF-8",)),
    "a list": (_as_list, ("not a pmtui file",)),
    "no postmortem table": (
        _write(b'{"_default": {}}'),
        ("holds no post-mortem",),
    ),
    "post-mortem not an object": (
        _write(b'{"postmortem": {"1": [1, 2]}}'),
        ("not an object",),
    ),
    "wrong type": (
        _edit(lambda d: _doc(d)["timeline"][0].__setitem__("at", 5)),  # type: ignore[index]
        ("timeline[0].at", "expected a time"),
    ),
    "bad enum": (
        _edit(lambda d: _doc(d)["incident"].__setitem__("severity", "P9")),  # type: ignore[attr-defined]
        ("incident.severity", "'P9'"),
    ),
    "missing required": (
        _edit(lambda d: _doc(d).pop("created")),
        ("created", "missing"),
    ),
    "naive time": (
        _edit(lambda d: _doc(d).__setitem__("created", "2026-11-18T11:00:00")),
        ("created", "no UTC offset"),
    ),
    "not finite": (
        _write(
            b'{"postmortem": {"1": {"created": "2026-11-18T11:00:00+00:00", '
            b'"schema_version": 2, "incident": {"impact": '
            b'{"failed_requests_pct": NaN}}}}}'
        ),
        ("incident.impact.failed_requests_pct", "finite"),
    ),
    "newer schema": (
        _edit(lambda d: _doc(d).__setitem__("schema_version", 99)),
        ("newer pmtui", "schema 99", "Upgrade"),
    ),
    "bad schema version": (
        _edit(lambda d: _doc(d).__setitem__("schema_version", "two")),
        ("schema_version",),
    ),
    "folder": (_folder, ("folder",)),
}


def _snapshot(path: Path) -> tuple[bytes | None, int]:
    st = path.stat()
    return (None if path.is_dir() else path.read_bytes(), st.st_mtime_ns)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "pm.json"
    PostMortemFile.create(path, build_checkout_outage()).close()
    return path


def _make_backup(path: Path) -> bytes:
    """Save once more so a good ``.bak`` exists; returns its bytes."""
    with PostMortemFile.open(path) as handle:
        handle.pm.incident.summary = "the latest good version"
        handle.save()
    return backup_path(path).read_bytes()


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("opener", ["load", "open", "open_read_only"])
def test_broken_file_is_reported_and_left_alone(
    good: Path, case: str, opener: str
) -> None:
    damage, words = CASES[case]
    damage(good, good.read_bytes())
    before = _snapshot(good)
    with pytest.raises(BrokenFileError) as caught:
        if opener == "load":
            load(good)
        else:
            PostMortemFile.open(good, read_only=opener == "open_read_only")
    error = caught.value
    assert error.path == good
    assert str(good) in str(error)
    assert "cannot be read" in str(error)
    for word in words:
        assert word in error.reason, (word, error.reason)
    assert error.backup is None  # no backup exists yet
    assert _snapshot(good) == before
    assert not backup_path(good).exists()
    if opener == "open":  # the lock was given back
        good.unlink() if good.is_file() else good.rmdir()
        PostMortemFile.create(good, build_checkout_outage()).close()


@pytest.mark.parametrize("case", list(CASES))
def test_good_backup_is_offered(good: Path, case: str) -> None:
    backup_bytes = _make_backup(good)
    damage, _ = CASES[case]
    damage(good, good.read_bytes() if good.is_file() else b"")
    before = _snapshot(good)
    with pytest.raises(BrokenFileError) as caught:
        PostMortemFile.open(good)
    assert caught.value.backup == backup_path(good)
    assert f"A backup from an earlier save is at {backup_path(good)}" in str(
        caught.value
    )
    assert _snapshot(good) == before
    assert backup_path(good).read_bytes() == backup_bytes


def test_broken_backup_is_not_offered(good: Path) -> None:
    _make_backup(good)
    backup_path(good).write_bytes(b'{"postmortem": {}}')  # JSON, but no post-mortem
    good.write_bytes(b"")
    with pytest.raises(BrokenFileError) as caught:
        load(good)
    assert caught.value.backup is None
    assert "A backup" not in str(caught.value)


def test_missing_file_is_a_broken_file_error(tmp_path: Path) -> None:
    with pytest.raises(BrokenFileError, match="does not exist"):
        load(tmp_path / "nope.json")
    with pytest.raises(BrokenFileError, match="does not exist"):
        PostMortemFile.open(tmp_path / "nope.json")
    assert not (tmp_path / "nope.json").exists()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_unreadable_file(
    good: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self == good:
            raise error
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(BrokenFileError, match=words):
        load(good)


class TestRestoreBackup:
    def test_puts_backup_in_place_and_keeps_broken_file_aside(self, good: Path) -> None:
        backup_bytes = _make_backup(good)
        good.write_bytes(b'{"postmortem": {"1": {"trunc')
        archive = Archive(good.parent)
        aside = archive.restore_backup(good)
        assert aside.parent == good.parent
        assert aside.name.startswith("pm.json.broken-")
        assert aside.read_bytes() == b'{"postmortem": {"1": {"trunc'
        assert good.read_bytes() == backup_bytes
        assert oct(good.stat().st_mode & 0o777) == oct(0o600)
        assert to_dict(load(good)) == to_dict(load(backup_path(good)))
        assert aside not in archive.files()  # not listed as a post-mortem
        with PostMortemFile.open(good) as handle:  # usable again
            assert not handle.read_only

    def test_restore_twice_keeps_both_broken_files(self, good: Path) -> None:
        _make_backup(good)
        archive = Archive(good.parent)
        good.write_bytes(b"first damage")
        first = archive.restore_backup(good)
        good.write_bytes(b"second damage")
        second = archive.restore_backup(good)
        assert first != second
        assert first.read_bytes() == b"first damage"
        assert second.read_bytes() == b"second damage"

    def test_restore_over_a_folder(self, good: Path) -> None:
        backup_bytes = _make_backup(good)
        good.unlink()
        good.mkdir()
        aside = Archive(good.parent).restore_backup(good)
        assert aside.is_dir()
        assert good.read_bytes() == backup_bytes

    def test_broken_backup_changes_nothing(self, good: Path) -> None:
        _make_backup(good)
        backup_path(good).write_bytes(b"")
        good.write_bytes(b"also broken")
        with pytest.raises(BrokenFileError) as caught:
            Archive(good.parent).restore_backup(good)
        assert caught.value.path == backup_path(good)
        assert good.read_bytes() == b"also broken"
        assert sorted(p.name for p in good.parent.iterdir()) == [
            "pm.json",
            "pm.json.bak",
        ]
