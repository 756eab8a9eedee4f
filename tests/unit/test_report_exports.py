"""Writing export files (pmtui.store.exports): private, atomic, no clobbering."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pmtui.store.exports import (
    ExportError,
    ExportExistsError,
    default_export_path,
    keep_export,
    write_export,
)


def test_new_file_is_private(tmp_path: Path) -> None:
    path = write_export(tmp_path / "r.md", "héllo\n")
    assert path.read_bytes() == "héllo\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temp file left


def test_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("old")
    with pytest.raises(ExportExistsError, match="already exists"):
        write_export(path, "new")
    assert path.read_text() == "old"
    write_export(path, "new", force=True)
    assert path.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_a_symlink_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "r.md"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ExportExistsError):
        write_export(link, "x")
    assert not (tmp_path / "elsewhere").exists()


def test_missing_folder_fails_unless_asked_to_make_it(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "r.md"
    with pytest.raises(ExportError, match="does not exist"):
        write_export(target, "x")
    write_export(target, "x", make_folder=True)
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_a_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "r.md").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path / "r.md", "x", force=True)


def test_default_path_is_named_after_the_post_mortem(tmp_path: Path) -> None:
    source = Path("/a/2026-11-18-checkout.json")
    assert default_export_path(tmp_path, source, "gfm") == (
        tmp_path / "2026-11-18-checkout.md"
    )
    assert default_export_path(tmp_path, source, "plain").name == (
        "2026-11-18-checkout.plain.md"
    )
    assert default_export_path(tmp_path, None, "html").name == "report.html"


def test_keep_export_writes_once_and_never_replaces(tmp_path: Path) -> None:
    path = tmp_path / "exports" / "r.md"
    assert keep_export(path, "report") is True
    assert keep_export(path, "report") is True  # already there, same text
    path.write_text("edited by hand")
    assert keep_export(path, "report") is False
    assert path.read_text() == "edited by hand"
