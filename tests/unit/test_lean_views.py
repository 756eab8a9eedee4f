"""The tracker's rows and the reviews read from the lean cache's columns are
those the records give (the tracker read them through the records before)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.generate import generate_archive
from pmtui.model.reviews import reviews_due
from pmtui.model.tracker import TrackedAction, tracked_actions
from pmtui.store.lean_index import load_lean
from pmtui.store.lean_views import lean_reviews, lean_tracked


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_archive(tmp_path_factory.mktemp("views") / "archive", 30).folder


def fields(item: TrackedAction) -> tuple[object, ...]:
    names = ("key", "title", "tags", "id", "text", "owner", "due", "priority")
    more = ("type", "status", "link", "days_late")
    return tuple(getattr(item, name) for name in names + more)


@pytest.mark.parametrize("today", [date(2024, 3, 1), date(2026, 11, 20)])
def test_the_tracker_rows_are_the_records(folder: Path, today: date) -> None:
    lean = load_lean(folder)
    want = [fields(i) for i in tracked_actions(lean.records, today)]
    got = [fields(i) for i in lean_tracked(lean, today)]
    assert got == want
    assert any(i[-1] > 0 for i in got) and any(i[2] for i in got)  # not vacuous


@pytest.mark.parametrize("today", [date(2024, 3, 1), date(2026, 11, 20)])
def test_the_reviews_are_the_records(folder: Path, today: date) -> None:
    lean = load_lean(folder)
    want = [vars_of(r) for r in reviews_due(lean.records, today)]
    assert [vars_of(r) for r in lean_reviews(lean, today.isoformat())] == want


def vars_of(review: object) -> tuple[object, ...]:
    names = ("key", "title", "kind", "on", "days", "owner", "open_actions")
    return tuple(getattr(review, name) for name in names)


def test_the_tracker_list_makes_only_what_is_read(folder: Path) -> None:
    from pmtui.model.tracker import ActionFilter, filter_actions, overdue_count

    today = date(2026, 11, 20)
    items = lean_tracked(load_lean(folder), today)
    assert items._made == {}  # nothing made yet
    assert overdue_count(items) == sum(1 for i in items if i.overdue) > 0
    assert items[-1] is items[len(items) - 1]  # made once, then kept
    assert [fields(i) for i in items[2:5]] == [fields(items[n]) for n in (2, 3, 4)]
    assert filter_actions(items, ActionFilter()) is items  # kept whole, unmade
    late = filter_actions(items, ActionFilter(overdue=True))
    assert len(late) == overdue_count(items) == overdue_count(list(late))
