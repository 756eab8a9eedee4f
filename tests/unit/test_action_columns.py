"""Actions as columns (what the command line lists from the lean cache) agree
with the plain rules: overdue first, most days late first, then by due date,
post-mortem and id; filters as ActionFilter.keeps; days as datetime counts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate_archive
from pmtui.model.action_columns import (
    OPEN_STATUSES,
    action_columns,
    checked_day,
    day_number,
    day_numbers,
    iso_day,
    listing,
)
from pmtui.model.tracker import (
    ActionFilter,
    filter_actions,
    reviews_due,
    tracked_actions,
)
from pmtui.store.lean_index import load_lean
from pmtui.store.lean_views import lean_reviews as due_reviews

DAYS = [date(2024, 1, 15), date(2025, 6, 1), date(2026, 2, 28), date(2027, 3, 1)]


def test_day_numbers_are_datetime_ordinals() -> None:
    day, days = date(1899, 12, 25), []
    while day < date(2101, 1, 10):
        assert day_number(day.isoformat()) == day.toordinal()
        days.append(day)
        day += timedelta(days=1)
    days.reverse()  # months met in another order
    assert day_numbers(d.isoformat() for d in days) == [d.toordinal() for d in days]
    for y in (1, 4, 100, 400, 1600, 2000, 2400, 9999):
        for m, d in ((1, 1), (2, 28), (3, 1), (12, 31)):
            assert day_number(iso_day(y, m, d)) == date(y, m, d).toordinal()


def test_checked_days() -> None:
    assert checked_day("2026-11-20") == "2026-11-20"
    assert checked_day("20261120") == "2026-11-20"  # as date.fromisoformat reads it
    for bad in ("", "next week", "2026-02-30", "2026-13-01"):
        assert checked_day(bad) == ""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Any]]:
    folder = tmp_path_factory.mktemp("cols") / "archive"
    generate_archive(folder, 60, seed=21)
    found = load_lean(folder).records
    # the cases the generator never makes
    found.append(
        (
            "odd.json",
            {
                "title": None,
                "tags": ["X"],
                "actions": [
                    {"id": "a2", "due": "not a day", "status": "open"},
                    {"id": "a1", "due": 20261120, "status": None, "owner": None},
                    {"id": "a3", "due": "2026-11-19", "status": "blocked"},
                    {"id": "a0", "due": "2026-11-19", "status": "in_progress"},
                ],
            },
        )
    )
    return found


def reference(
    records: list[tuple[str, Any]], today: date
) -> list[tuple[str, str, int]]:
    """The rule, plainly: (key, id, days late) sorted as the tracker lists."""
    rows = []
    for key, record in records:
        for a in record.get("actions") or []:
            raw = a.get("due") if isinstance(a.get("due"), str) else None
            try:
                due = date.fromisoformat(raw) if raw else None
            except ValueError:
                due = None
            status = a.get("status") or "open"
            late = (today - due).days if due and status in OPEN_STATUSES else 0
            rows.append((max(late, 0), due, key, str(a.get("id") or "")))
    rows.sort(key=lambda r: (-r[0], r[1] or date.max, r[2], r[3]))
    return [(key, ident, late) for late, _, key, ident in rows]


@pytest.mark.parametrize("today", DAYS)
def test_listing_is_the_rule(records: list[tuple[str, Any]], today: date) -> None:
    columns = action_columns(records)
    order, late = listing(columns, today.isoformat())
    got = [
        (columns.key(i), columns.id[i], late[n] if n < len(late) else 0)
        for n, i in enumerate(order)
    ]
    assert got == reference(records, today)
    assert all(days > 0 for days in late)
    items = tracked_actions(records, today)
    assert [(i.key, i.id, i.days_late) for i in items] == got
    open_order, open_late = listing(columns, today.isoformat(), open_only=True)
    assert open_late == late
    assert open_order == [i for i in order if columns.status[i] in OPEN_STATUSES]


FILTERS = [
    ActionFilter(),
    ActionFilter(status="active"),
    ActionFilter(status="closed"),
    ActionFilter(status="done"),
    ActionFilter(status="blocked"),
    ActionFilter(overdue=True),
    ActionFilter(owner="priya"),
    ActionFilter(owner="sam okafor", status="active", overdue=True),
    ActionFilter(tag="TLS"),
    ActionFilter(tag="x", status="open"),
    ActionFilter(owner="nobody"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_select_keeps_what_keeps_keeps(
    records: list[tuple[str, Any]], flt: ActionFilter
) -> None:
    today = DAYS[2]
    columns = action_columns(records)
    order, late = listing(columns, today.isoformat())
    tags = [[str(t) for t in r.get("tags") or []] for _, r in records]
    rows = flt.select(columns, order, len(late), tags.__getitem__)
    expected = filter_actions(tracked_actions(records, today), flt)
    assert [(columns.key(i), columns.id[i]) for i in rows] == [
        (i.key, i.id) for i in expected
    ]


@pytest.mark.parametrize("today", DAYS)
def test_pmtui_due_reads_the_reviews_the_records_give(
    tmp_path: Path, today: date
) -> None:
    """`pmtui due` counts reviews from the cache's columns, not records."""
    generate_archive(tmp_path / "a", 40, seed=22)
    lean_archive = load_lean(tmp_path / "a")
    got = due_reviews(lean_archive, today.isoformat())
    want = reviews_due(lean_archive.records, today)
    assert want or today == DAYS[0]
    assert [(r.key, r.kind, r.on, r.days, r.open_actions) for r in got] == [
        (r.key, r.kind, r.on, r.days, r.open_actions) for r in want
    ]


def test_an_empty_archive() -> None:
    columns = action_columns([])
    assert len(columns) == 0
    assert listing(columns, "2026-11-20") == ([], [])
