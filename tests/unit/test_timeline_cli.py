"""`pmtui timeline import FILE SOURCE`, in-process with an injected clock."""

from __future__ import annotations

import argparse
from datetime import UTC
from pathlib import Path

import pytest

from pmtui.cli import Failure, main
from pmtui.clock import FixedClock
from pmtui.commands import timeline as command
from pmtui.store import PostMortemFile, load

LOG = (
    "2026-11-18T09:30:00Z rollback attempt denied\n"
    "    at stack frame\n"
    "\n"
    "2026-11-18T09:30:00Z rollback attempt denied\n"
    "2026-11-18T09:04:00Z First TLS handshake failures in checkout-api logs; "
    "checkouts start failing\n"
    "Nov 18 09:31:00 web-1 app[7]: permission granted\n"
)


def run(argv: list[str], clock: FixedClock) -> int:
    parser = argparse.ArgumentParser()
    command.add_parser(parser)
    return command.run(parser.parse_args(argv), clock)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "checkout.log"
    path.write_text(LOG, encoding="utf-8")
    return path


def test_import_adds_new_events_and_lists_bad_lines(
    sample_path: Path, log: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(load(sample_path).timeline)
    assert run(["import", str(sample_path), str(log)], clock) == 0
    out = capsys.readouterr().out
    pm = load(sample_path)
    assert len(pm.timeline) == before + 2
    assert [e.at for e in pm.timeline] == sorted(e.at for e in pm.timeline)
    assert "Added 2 event(s) from checkout.log (log)" in out
    assert "+ Wed 18 Nov 10:30 CET (09:30 UTC)  [other]  rollback attempt denied" in out
    assert "2 event(s) already on the timeline" in out
    assert "1 blank line(s) skipped." in out
    assert "line 2: no time at the start" in out
    assert "at stack frame" in out
    added = next(e for e in pm.timeline if e.text == "rollback attempt denied")
    assert added.source == "checkout.log"


def test_importing_twice_adds_nothing_the_second_time(
    sample_path: Path, log: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["import", str(sample_path), str(log)], clock)
    count = len(load(sample_path).timeline)
    assert run(["import", str(sample_path), str(log)], clock) == 0
    assert len(load(sample_path).timeline) == count
    assert "Added 0 event(s)" in capsys.readouterr().out


def test_dry_run_changes_nothing(
    sample_path: Path, log: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample_path.read_bytes()
    assert run(["import", str(sample_path), str(log), "--dry-run"], clock) == 0
    assert sample_path.read_bytes() == before
    assert "Dry run: 2 event(s)" in capsys.readouterr().out


def test_a_locked_post_mortem_is_refused_with_exit_1(
    sample_path: Path, log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample_path.read_bytes()
    with PostMortemFile.open(sample_path) as holder:
        assert not holder.read_only
        assert main(["timeline", "import", str(sample_path), str(log)]) == 1
    err = capsys.readouterr().err
    assert "is open for writing by" in err
    assert "nothing was imported" in err
    assert sample_path.read_bytes() == before


def test_missing_source_is_a_failure(sample_path: Path, clock: FixedClock) -> None:
    with pytest.raises(Failure, match="does not exist"):
        run(["import", str(sample_path), str(sample_path.parent / "nope.log")], clock)


def test_forced_format(
    sample_path: Path,
    tmp_path: Path,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "events.txt"
    data.write_text("09:05,gateway ruled out,action,provider\n", encoding="utf-8")
    assert run(["import", str(sample_path), str(data), "--format", "csv"], clock) == 0
    event = next(e for e in load(sample_path).timeline if e.text == "gateway ruled out")
    assert (event.kind.value, event.source) == ("action", "provider")
    assert event.at.astimezone(UTC).isoformat() == "2026-11-18T08:05:00+00:00"


def test_usage_error_without_action() -> None:
    assert main(["timeline"]) == 2
