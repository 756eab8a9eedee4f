"""`pmtui export` run as people run it: a subprocess."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def pmtui(*args: str | Path, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "pmtui", "export", *map(str, args)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        ((), "checkout-outage.gfm.md"),
        (("--format", "plain"), "checkout-outage.plain.md"),
        (("-f", "html"), "checkout-outage.html"),
        (("--pre-read",), "checkout-outage.preread.gfm.md"),
        (("--actions-csv",), "checkout-outage.actions.csv"),
    ],
)
def test_to_stdout(sample_path: Path, args: tuple[str, ...], golden: str) -> None:
    result = pmtui(sample_path, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / golden).read_bytes()
    assert result.stderr == b""


def test_same_bytes_whatever_the_hash_seed(sample_path: Path) -> None:
    outputs = {pmtui(sample_path, seed=s).stdout for s in ("1", "2", "random")}
    assert len(outputs) == 1


def test_to_a_file_never_overwrites_without_force(
    sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    first = pmtui(sample_path, "-o", out)
    assert first.returncode == 0, first.stderr
    assert first.stdout == b""
    assert out.read_bytes() == (GOLDEN / "checkout-outage.gfm.md").read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    out.write_text("keep me")
    refused = pmtui(sample_path, "-o", out, "--format", "html")
    assert refused.returncode == 1
    assert refused.stderr.decode().strip() == (
        f"pmtui: {out} already exists; add --force to replace it"
    )
    assert out.read_text() == "keep me"

    forced = pmtui(sample_path, "-o", out, "--format", "html", "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes() == (GOLDEN / "checkout-outage.html").read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the file does not exist"),
        (b"", "the file is empty"),
        (b"{not json", "it is not valid JSON"),
        (b'{"postmortem": {"1": {"created": 5}}}', "unexpected content"),
    ],
)
def test_unreadable_file_is_one_clear_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "pm.json"
    if content is not None:
        path.write_bytes(content)
    result = pmtui(path)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.count("\n") == 1 and message in err, err
    assert "Traceback" not in err
    assert result.stdout == b""


def test_missing_output_folder_is_a_failure(sample_path: Path, tmp_path: Path) -> None:
    result = pmtui(sample_path, "-o", tmp_path / "no" / "such" / "r.md")
    assert result.returncode == 1
    assert b"does not exist" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "docx"),
        ("--pre-read", "--actions-csv"),
        ("--actions-csv", "--format", "gfm"),
        ("--force",),
        ("--bogus",),
    ],
)
def test_bad_usage_exits_2(sample_path: Path, args: tuple[str, ...]) -> None:
    result = pmtui(sample_path, *args)
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"Traceback" not in result.stderr


def test_export_never_imports_textual(sample_path: Path) -> None:
    code = (
        "import sys\n"
        "from pmtui.cli import main\n"
        f"main(['export', {str(sample_path)!r}, '-f', 'html'])\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
