"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui.store import PostMortemFile
from tests.fixtures.build_sample import build_checkout_outage


def pmtui(
    *args: str, home: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PMTUI_HOME": str(home), "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "pmtui", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
    )


def test_version(tmp_path: Path) -> None:
    result = pmtui("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("pmtui ")


@pytest.mark.parametrize(
    "command", [[], ["new"], ["export"], ["actions"], ["search"], ["due"], ["timeline"]]
)
def test_help_on_every_command(tmp_path: Path, command: list[str]) -> None:
    result = pmtui(*command, "--help", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "usage: pmtui" in result.stdout
    assert "Traceback" not in result.stderr


def test_new_prints_path_and_creates_private_file(tmp_path: Path) -> None:
    result = pmtui(
        "new",
        "--title",
        "Checkout down",
        "--severity",
        "P1",
        "--dir",
        str(tmp_path / "arch"),
        "--timezone",
        "Europe/Berlin",
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.parent == tmp_path / "arch"
    assert path.exists()
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "arch").stat().st_mode & 0o777 == 0o700
    with PostMortemFile.open(path) as doc:
        assert doc.pm.incident.title == "Checkout down"
        assert doc.pm.incident.severity.value == "P1"
        assert doc.pm.timezone == "Europe/Berlin"
    assert not path.with_name(path.name + ".lock").exists()


def test_new_uses_pmtui_home(tmp_path: Path) -> None:
    result = pmtui("new", "--title", "Queue backlog", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).parent == tmp_path / "home"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["new"], "--title"),
        (["new", "--title", "x", "--severity", "P9"], "invalid choice"),
        (["new", "--title", "  "], "must not be empty"),
        (["new", "--title", "x", "--timezone", "Mars/Olympus"], "unknown time zone"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_bad_usage_exits_2_with_one_clear_line(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    result = pmtui(*args, home=tmp_path)
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


def test_open_missing_file(tmp_path: Path) -> None:
    result = pmtui(str(tmp_path / "nope.json"), home=tmp_path)
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_open_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"postmortem": {"1": {"created": ')
    result = pmtui(str(broken), home=tmp_path)
    assert result.returncode == 1
    assert str(broken) in result.stderr
    assert "not valid JSON" in result.stderr
    assert broken.read_text() == '{"postmortem": {"1": {"created": '


def test_open_broken_file_with_a_backup_says_how_to_restore_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pm.json"
    with PostMortemFile.create(path, build_checkout_outage()) as handle:
        handle.save()  # the second save keeps the first as the backup
    path.write_text("")
    result = pmtui(str(path), home=tmp_path)
    assert result.returncode == 1
    assert "the file is empty" in result.stderr
    assert f"A backup from an earlier save is at {path}.bak" in result.stderr
    assert f"To restore it, run `pmtui --dir {tmp_path}`" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text() == ""


def test_open_folder(tmp_path: Path) -> None:
    result = pmtui(str(tmp_path), home=tmp_path)
    assert result.returncode == 1
    assert "is a folder" in result.stderr


def test_export_of_a_locked_file_still_reads(tmp_path: Path) -> None:
    created = pmtui(
        "new", "--title", "Locked one", "--dir", str(tmp_path), home=tmp_path
    )
    path = Path(created.stdout.strip())
    with PostMortemFile.open(path) as doc:
        assert not doc.read_only
        second = PostMortemFile.open(path)
        assert second.read_only
        assert second.holder is not None and second.holder.pid == os.getpid()
        second.close()
        result = pmtui("export", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Locked one" in result.stdout
