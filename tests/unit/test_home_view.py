"""Home's rows and attention line, read from the lean cache, agree with the
tracker and the reviews (which read the whole records) on a generated
archive; and the cache is read for home only when it is fresh."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from bench.generate import generate_archive
from pmtui.model.home_view import (
    ACTION_FIELDS,
    BROKEN,
    POST_FIELDS,
    HomeView,
    home_view,
)
from pmtui.model.incident_day import incident_day
from pmtui.model.reviews import reviews_due
from pmtui.model.tracker import overdue_by_owner, tracked_actions
from pmtui.store.lean_index import LEAN_NAME, fresh_lean, load_lean

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = generate_archive(tmp_path_factory.mktemp("home") / "archive", 40)
    (archive.folder / "0000-broken.json").write_text("{ not json")
    load_lean(archive.folder)  # the cache, made once
    return archive.folder


def view_of(folder: Path, today: date = TODAY):  # type: ignore[no-untyped-def]
    lean = fresh_lean(folder, posts=POST_FIELDS, actions=ACTION_FIELDS)
    assert lean is not None
    return home_view(lean.keys, lean.posts, lean.actions, lean.broken, today)


@pytest.mark.parametrize("today", [date(2024, 1, 1), TODAY, date(2030, 1, 1)])
def test_counts_agree_with_the_tracker_and_the_reviews(
    folder: Path, today: date
) -> None:
    records = load_lean(folder).records
    view = view_of(folder, today)
    groups = overdue_by_owner(tracked_actions(records, today))
    assert view.overdue == sum(len(items) for _, items in groups)
    assert view.late_owners == len(groups)
    assert view.reviews == len(reviews_due(records, today))
    assert view.readable == len(records)
    if today == TODAY:  # the case is not vacuous
        assert view.overdue and view.late_owners > 1 and view.reviews


def test_rows_newest_incident_first_broken_first(folder: Path) -> None:
    records = load_lean(folder).records  # newest incident first
    view = view_of(folder)
    assert view.keys[0] == "0000-broken.json"
    assert view.rows[0][0].startswith("⚠ 0000-broken.json: ")
    assert view.rows[0][3] == BROKEN
    assert view.keys[1:] == [key for key, _ in records]
    for row, (_key, record) in zip(view.rows[1:], records, strict=True):
        actions = record["actions"]
        still_open = [a for a in actions if a["status"] in ("open", "in_progress")]
        late = [a for a in still_open if a["due"] and a["due"] < TODAY.isoformat()]
        assert row == (
            record["title"] or "(untitled)",
            record["severity"],
            incident_day(record),
            record["status"],
            str(len(still_open)),
            f"⚠ {len(late)}" if late else "0",
        )


def test_the_attention_line() -> None:
    empty = home_view([], {k: [] for k in POST_FIELDS}, None, [], TODAY)
    assert empty.due_line.startswith("✓ no review due · ✓ no overdue action")
    big = HomeView()
    big.reviews, big.overdue, big.late_owners = 1, 1961, 10
    assert big.due_line.startswith("1 review due · ⚠ 1,961 overdue actions (10 owners)")
    big.overdue = big.late_owners = 1
    assert "⚠ 1 overdue action (1 owner)" in big.due_line


def test_home_reads_only_a_fresh_cache_and_never_writes(folder: Path) -> None:
    cache = folder / LEAN_NAME
    before = cache.read_bytes()
    assert fresh_lean(folder, posts=POST_FIELDS, actions=ACTION_FIELDS) is not None
    victim = sorted(folder.glob("2*.json"))[0]
    stat = victim.stat()
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    try:
        assert fresh_lean(folder, posts=POST_FIELDS, actions=ACTION_FIELDS) is None
        assert cache.read_bytes() == before  # left for the worker to rebuild
    finally:
        os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    cache.unlink()
    try:
        assert fresh_lean(folder) is None
        assert not cache.exists()
    finally:
        load_lean(folder)
