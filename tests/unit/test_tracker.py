"""The tracker: order, filters, overdue and reviews due against an injected
day, and closing an action in its file through the lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmtui.clock import FixedClock
from pmtui.model import ActionStatus, new_postmortem
from pmtui.model.actions import ActionError, add_action
from pmtui.model.search import QueryError
from pmtui.model.tracker import (
    NO_OWNER,
    ActionFilter,
    filter_actions,
    overdue_by_owner,
    parse_filter,
    reviews_due,
    tracked_actions,
)
from pmtui.store import Archive, LockedError, PostMortemFile, load
from pmtui.store.tracker_write import ActionNotFoundError, set_action_status

TODAY = date(2026, 11, 20)


def act(ident: str, due: str | None, status: str = "open", owner: str = "") -> dict:
    return {
        "id": ident,
        "text": f"do {ident}",
        "owner": owner,
        "due": due,
        "status": status,
        "priority": "P2",
        "type": "prevent",
        "link": "",
    }


RECORDS = [
    (
        "a.json",
        {
            "title": "A",
            "tags": ["tls"],
            "actions": [
                act("a1", "2026-11-25", owner="Priya Raman"),
                act("a2", "2026-11-01", owner="Sam Okafor"),
                act("a3", "2026-10-01", status="done", owner="Priya Raman"),
            ],
        },
    ),
    (
        "b.json",
        {
            "title": "B",
            "tags": ["dns"],
            "actions": [
                act("b1", "2026-11-10", status="in_progress", owner="Priya Raman"),
                act("b2", None),
                act("b3", "2026-11-19", owner=""),
                act("b4", "2026-11-20", owner="Sam Okafor"),
            ],
        },
    ),
]


class TestOrderAndOverdue:
    def test_overdue_first_most_late_first_then_by_due_date(self) -> None:
        items = tracked_actions(RECORDS, TODAY)
        assert [i.id for i in items] == ["a2", "b1", "b3", "a3", "b4", "a1", "b2"]
        assert [i.days_late for i in items[:3]] == [19, 10, 1]

    def test_due_today_and_closed_are_not_overdue(self) -> None:
        items = {i.id: i for i in tracked_actions(RECORDS, TODAY)}
        assert not items["b4"].overdue  # due today
        assert not items["a3"].overdue  # done, though its date has passed
        assert not items["b2"].overdue  # no date

    def test_the_same_actions_on_another_day(self) -> None:
        later = tracked_actions(RECORDS, date(2026, 12, 1))
        assert [i.id for i in later if i.overdue] == ["a2", "b1", "b3", "b4", "a1"]


class TestFilters:
    def ids(self, flt: ActionFilter) -> list[str]:
        return [i.id for i in filter_actions(tracked_actions(RECORDS, TODAY), flt)]

    def test_owner_by_first_name(self) -> None:
        assert self.ids(ActionFilter(owner="priya")) == ["b1", "a3", "a1"]

    def test_status(self) -> None:
        assert self.ids(ActionFilter(status="active")) == [
            "a2",
            "b1",
            "b3",
            "b4",
            "a1",
            "b2",
        ]
        assert self.ids(ActionFilter(status="closed")) == ["a3"]
        assert self.ids(ActionFilter(status="in_progress")) == ["b1"]

    def test_overdue_and_tag_together(self) -> None:
        assert self.ids(ActionFilter(overdue=True, tag="DNS")) == ["b1", "b3"]

    def test_filter_line(self) -> None:
        assert parse_filter("owner:sam overdue tag:tls") == ActionFilter(
            "sam", "", True, "tls"
        )
        with pytest.raises(QueryError, match="not a filter"):
            parse_filter("priya")
        with pytest.raises(QueryError, match="status is one of"):
            parse_filter("status:later")


class TestReviews:
    def test_reviews_whose_date_has_come(self) -> None:
        records = [
            (
                "f.json",
                {
                    "title": "F",
                    "follow_up": "2026-11-20",
                    "solved_check": "2026-12-20",
                    "actions": [act("x", None)],
                },
            ),
            (
                "s.json",
                {
                    "title": "S",
                    "follow_up": "2026-10-01",
                    "solved_check": "2026-11-01",
                    "actions": [act("y", None)],
                },
            ),
            ("later.json", {"title": "L", "follow_up": "2026-11-21"}),
            (
                "done.json",
                {
                    "title": "D",
                    "follow_up": "2026-10-01",
                    "actions": [act("z", None, status="done")],
                },
            ),
            ("fresh.json", {"title": "R", "follow_up": "2026-11-10", "actions": []}),
        ]
        due = reviews_due(records, TODAY)
        assert [(r.key, r.kind, r.days) for r in due] == [
            ("s.json", "solved_check", 19),
            ("fresh.json", "follow_up", 10),
            ("f.json", "follow_up", 0),
        ]
        assert due[0].label == "truly solved? check"

    def test_overdue_by_owner(self) -> None:
        groups = overdue_by_owner(tracked_actions(RECORDS, TODAY))
        assert [(o, [i.id for i in items]) for o, items in groups] == [
            ("Priya Raman", ["b1"]),
            ("Sam Okafor", ["a2"]),
            (NO_OWNER, ["b3"]),
        ]


class TestMarking:
    @pytest.fixture
    def path(self, archive: Archive, clock: FixedClock) -> Path:
        pm = new_postmortem("Checkout outage", clock, timezone="Asia/Tokyo")
        add_action(pm, "Alert on expiry 14 days ahead", owner="Mei Lin")
        with archive.create(pm) as handle:
            return handle.path

    def test_done_is_written_and_dated_in_the_post_mortems_zone(
        self, path: Path, clock: FixedClock
    ) -> None:
        ident = load(path).actions[0].id
        set_action_status(path, ident, ActionStatus.DONE, now=clock.now())
        action = load(path).actions[0]
        assert action.status is ActionStatus.DONE
        assert action.closed_on == date(2026, 11, 20)  # 19:00 in Tokyo

    def test_wont_do_keeps_the_reason_and_needs_one(
        self, path: Path, clock: FixedClock
    ) -> None:
        ident = load(path).actions[0].id
        before = path.read_bytes()
        with pytest.raises(ActionError):
            set_action_status(path, ident, ActionStatus.WONT_DO, now=clock.now())
        assert path.read_bytes() == before
        set_action_status(
            path, ident, ActionStatus.WONT_DO, now=clock.now(), reason="vendor fixed"
        )
        assert load(path).actions[0].reason == "vendor fixed"

    def test_a_locked_file_is_reported_and_not_written(
        self, path: Path, clock: FixedClock
    ) -> None:
        ident = load(path).actions[0].id
        before = path.read_bytes()
        with PostMortemFile.open(path) as other:
            assert not other.read_only
            with pytest.raises(LockedError):
                set_action_status(path, ident, ActionStatus.DONE, now=clock.now())
        assert path.read_bytes() == before
        set_action_status(path, ident, ActionStatus.DONE, now=clock.now())
        assert load(path).actions[0].status is ActionStatus.DONE

    def test_a_gone_action(self, path: Path, clock: FixedClock) -> None:
        with pytest.raises(ActionNotFoundError):
            set_action_status(path, "a999", ActionStatus.DONE, now=clock.now())
