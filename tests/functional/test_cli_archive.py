"""`pmtui actions`, `search` and `due`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui.clock import FixedClock
from pmtui.model import ActionStatus, new_postmortem
from pmtui.model.actions import add_action
from pmtui.store import Archive, PostMortemFile
from pmtui.store.lean_index import LEAN_NAME

TODAY = "2026-11-20"


def pmtui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PMTUI_HOME": str(home), "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "pmtui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.fixture
def folder(tmp_path: Path, clock: FixedClock) -> Path:
    archive = Archive(tmp_path / "arch")
    tls = new_postmortem("TLS certificate expired on the CDN", clock, timezone="UTC")
    tls.incident.tags = ["tls", "certificates"]
    tls.incident.services = ["cdn-edge"]
    tls.next_steps.follow_up = clock.now().date()
    add_action(
        tls,
        "Alert 14 days before expiry",
        owner="Priya Raman",
        due=clock.now().date().replace(day=1),
    )
    add_action(tls, "Rotate = certs in CI", owner="Sam Okafor")
    done = add_action(tls, "Renew the certificate by hand", owner="Sam Okafor")
    done.status = ActionStatus.DONE
    dns = new_postmortem("DNS change propagated early", clock, timezone="UTC")
    dns.incident.tags = ["dns"]
    add_action(
        dns,
        "Add a DNS pre-flight check",
        owner="Priya Raman",
        due=clock.now().date().replace(day=15),
    )
    for pm in (tls, dns):
        with archive.create(pm):
            pass
    return archive.folder


def test_actions_table_overdue_first(folder: Path, tmp_path: Path) -> None:
    result = pmtui("actions", "--dir", str(folder), "--today", TODAY, home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["Due", "Late", "Status"]
    assert "19d late" in lines[1] and "Alert 14 days" in lines[1]
    assert "5d late" in lines[2] and "DNS pre-flight" in lines[2]
    assert "Rotate" in lines[3]
    assert lines[-2:] == [
        "3 actions, 2 overdue",
        "(1 done or won't do not listed: --all lists them)",
    ]
    assert "Renew" not in result.stdout


def test_actions_all_lists_the_closed_too(folder: Path, tmp_path: Path) -> None:
    base = ("actions", "--dir", str(folder), "--today", TODAY)
    every = pmtui(*base, "--all", home=tmp_path).stdout.splitlines()
    assert "Renew the certificate" in every[4] and "✓ done" in every[4]
    assert every[-1] == "4 actions, 2 overdue"
    closed = pmtui(*base, "--status", "closed", home=tmp_path).stdout.splitlines()
    assert len(closed) == 3 and "Renew" in closed[1]
    assert closed[-1] == "1 action, 0 overdue"
    both = pmtui(*base, "--all", "--status", "done", home=tmp_path)
    assert both.returncode == 2 and "not allowed with" in both.stderr
    rows = json.loads(pmtui(*base, "--all", "--format", "json", home=tmp_path).stdout)
    assert [r["status"] for r in rows] == ["open", "open", "open", "done"]
    assert rows[0]["due"] == "2026-11-01" and rows[-1]["due"] is None
    none = pmtui(*base, "--owner", "nobody", home=tmp_path).stdout
    assert none == "No actions match.\n"


def test_actions_filters_csv_and_json(folder: Path, tmp_path: Path) -> None:
    base = ("actions", "--dir", str(folder), "--today", TODAY)
    rows = list(
        csv.DictReader(
            io.StringIO(
                pmtui(
                    *base,
                    "--format",
                    "csv",
                    "--owner",
                    "priya",
                    "--tag",
                    "tls",
                    home=tmp_path,
                ).stdout
            )
        )
    )
    assert [r["action"] for r in rows] == ["Alert 14 days before expiry"]
    assert rows[0]["days_late"] == "19" and rows[0]["tags"] == "tls certificates"
    data = json.loads(
        pmtui(*base, "--format", "json", "--overdue", home=tmp_path).stdout
    )
    assert [d["owner"] for d in data] == ["Priya Raman", "Priya Raman"]
    sam = pmtui(*base, "--format", "csv", "--owner", "sam", home=tmp_path).stdout
    assert "'= certs" not in sam and "Rotate = certs" in sam


def test_actions_bad_usage_and_missing_folder(tmp_path: Path) -> None:
    bad = pmtui("actions", "--status", "later", home=tmp_path)
    assert bad.returncode == 2
    missing = pmtui("actions", "--dir", str(tmp_path / "nope"), home=tmp_path)
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_search_ranks_and_says_why(folder: Path, tmp_path: Path) -> None:
    result = pmtui("search", "--dir", str(folder), "cert", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(" 1. TLS certificate expired on the CDN")
    assert "title matched 'cert' (certificate)" in lines[1]
    assert lines[2].strip().endswith(".json")
    assert lines[-1] == "1 found"
    tagged = pmtui("search", "--dir", str(folder), "tag:dns", home=tmp_path)
    assert "DNS change" in tagged.stdout and "tagged dns" in tagged.stdout
    none = pmtui("search", "--dir", str(folder), "kafka", home=tmp_path)
    assert none.returncode == 0 and "No post-mortem matches" in none.stdout
    bad = pmtui("search", "--dir", str(folder), "severity:P9", home=tmp_path)
    assert bad.returncode == 2 and "severity is one of" in bad.stderr


def test_due_lists_reviews_and_overdue_by_owner(folder: Path, tmp_path: Path) -> None:
    result = pmtui("due", "--dir", str(folder), "--today", TODAY, home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Reviews due (1)")
    assert "follow-up review" in out and "TLS certificate" in out
    assert "Overdue actions by owner (2)" in out
    assert "\nPriya Raman (2)\n" in out


def test_a_changed_file_is_seen_and_a_broken_one_reported(
    folder: Path, tmp_path: Path
) -> None:
    base = ("actions", "--dir", str(folder), "--today", TODAY, "--format", "json")
    assert len(json.loads(pmtui(*base, home=tmp_path).stdout)) == 3
    assert (folder / LEAN_NAME).exists()
    path = sorted(folder.glob("*dns*.json"))[0]
    with PostMortemFile.open(path) as handle:
        handle.pm.actions[0].text = "Changed since the cache"
        handle.save()
    (folder / "broken.json").write_text("{")
    result = pmtui(*base, home=tmp_path)
    assert "Changed since the cache" in [d["action"] for d in json.loads(result.stdout)]
    assert "broken.json" in result.stderr
    path.unlink()
    result = pmtui(*base, home=tmp_path)
    assert len(json.loads(result.stdout)) == 2  # the removed file's action is gone


def test_a_damaged_cache_never_stops_a_command(folder: Path, tmp_path: Path) -> None:
    base = ("actions", "--dir", str(folder), "--today", TODAY)
    good = pmtui(*base, home=tmp_path).stdout
    cache = folder / LEAN_NAME
    data = cache.read_bytes()
    for damaged in (data[:-7], data.replace(b"2026-11-01", b"2026-19-01"), b"\0"):
        cache.write_bytes(damaged)
        result = pmtui(*base, home=tmp_path)
        assert result.returncode == 0 and result.stdout == good, result.stderr
        assert cache.read_bytes() == data


def test_commands_import_only_the_standard_library_once_cached(
    folder: Path, tmp_path: Path
) -> None:
    """No textual ever; with a fresh cache not even pendulum or tinydb, nor
    the json, datetime, dataclasses or typing modules the listing does without."""
    pmtui("due", "--dir", str(folder), home=tmp_path)  # builds the lean cache
    code = (
        "import sys; from pmtui.cli import main; "
        f"[main(a) for a in (['actions','--dir',{str(folder)!r}], "
        f"['search','--dir',{str(folder)!r},'tls'], ['due','--dir',{str(folder)!r}])]; "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'pendulum', 'tinydb', 'rich', 'json', 'datetime', "
        "'dataclasses', 'typing')]; print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_search_shows_the_day_in_the_post_mortems_zone(
    tmp_path: Path, clock: FixedClock
) -> None:
    from datetime import UTC, datetime

    from pmtui.model import KeyMoment
    from pmtui.model.timeline import set_key_time

    archive = Archive(tmp_path / "arch")
    late = new_postmortem(
        "Queue stalled after midnight", clock, timezone="Europe/Berlin"
    )
    # 00:30 in Berlin on 19 November is 23:30 UTC on the 18th
    set_key_time(
        late, KeyMoment.IMPACT_BEGAN, datetime(2026, 11, 18, 23, 30, tzinfo=UTC)
    )
    with archive.create(late):
        pass
    result = pmtui("search", "--dir", str(archive.folder), "queue", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2026-11-19" in result.stdout.splitlines()[0]
