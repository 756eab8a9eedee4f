"""Steps 4-5 rules: add, edit, delete with undo, move, votes, sort, actions."""

from __future__ import annotations

import pytest

from pmtui.clock import FixedClock
from pmtui.model import Item, PostMortem, ReflectionList, new_postmortem
from pmtui.model.reflect import (
    actions_for,
    add_item,
    clean_text,
    delete_item,
    edit_item,
    find_item,
    format_votes,
    list_of,
    make_action,
    move_item,
    sort_by_votes,
    vote,
)

WELL, IMPROVE, LUCKY = ReflectionList


@pytest.fixture
def pm(clock: FixedClock) -> PostMortem:
    return new_postmortem("Checkout down", clock)


def texts(items: list[Item]) -> list[str]:
    return [item.text for item in items]


def test_add_appends_with_a_fresh_id_and_cleans_spaces(pm: PostMortem) -> None:
    first = add_item(pm, WELL, "  Support   escalated fast ")
    second = add_item(pm, WELL, "Rollback was quick")
    assert texts(pm.reflection.went_well) == [
        "Support escalated fast",
        "Rollback was quick",
    ]
    assert first.id != second.id
    assert first.id.startswith("i") and first.votes == 0
    assert pm.reflection.could_improve == [] and pm.reflection.lucky == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_add_refuses_empty_text(pm: PostMortem, text: str) -> None:
    with pytest.raises(ValueError):
        add_item(pm, IMPROVE, text)
    assert pm.reflection.could_improve == []


def test_clean_text_joins_lines() -> None:
    assert clean_text(" a\n b  c ") == "a b c"


def test_edit_changes_text_but_not_to_empty_or_same(pm: PostMortem) -> None:
    item = add_item(pm, LUCKY, "Quiet Wednesday")
    assert edit_item(item, "It was a quiet Wednesday morning")
    assert item.text == "It was a quiet Wednesday morning"
    assert not edit_item(item, "   ")
    assert not edit_item(item, "It was a quiet Wednesday morning")
    assert item.text == "It was a quiet Wednesday morning"


def test_delete_then_restore_puts_it_back_in_place(pm: PostMortem) -> None:
    a, b, c = (add_item(pm, IMPROVE, t) for t in ("a", "b", "c"))
    removal = delete_item(pm, b)
    assert pm.reflection.could_improve == [a, c]
    assert "could be improved" in removal.label and "b" in removal.label
    removal.restore()
    assert pm.reflection.could_improve == [a, b, c]


def test_move_to_another_list(pm: PostMortem) -> None:
    item = add_item(pm, WELL, "No runbook for certificates")
    other = add_item(pm, IMPROVE, "Alert routing")
    assert move_item(pm, item, IMPROVE)
    assert pm.reflection.went_well == []
    assert pm.reflection.could_improve == [other, item]
    assert list_of(pm, item) is IMPROVE
    assert not move_item(pm, item, IMPROVE)
    assert pm.reflection.could_improve == [other, item]


def test_list_of_unknown_item_raises(pm: PostMortem) -> None:
    with pytest.raises(ValueError):
        list_of(pm, Item("i99", "stray"))


def test_find_item_by_id_in_any_list(pm: PostMortem) -> None:
    item = add_item(pm, LUCKY, "Low traffic")
    assert find_item(pm, item.id) is item
    assert find_item(pm, "i999") is None


def test_votes_go_up_and_down_but_not_below_zero(pm: PostMortem) -> None:
    item = add_item(pm, IMPROVE, "Alert routing")
    assert vote(item, 1) == 1
    assert vote(item, 1) == 2
    assert vote(item, -1) == 1
    assert vote(item, -1) == 0
    assert vote(item, -1) == 0
    assert item.votes == 0


def test_sort_by_votes_most_first_ties_keep_order(pm: PostMortem) -> None:
    items = pm.reflection.could_improve
    for text, votes in [("a", 1), ("b", 3), ("c", 1), ("d", 5), ("e", 0)]:
        vote(add_item(pm, IMPROVE, text), votes)
    assert sort_by_votes(items)
    assert texts(items) == ["d", "b", "a", "c", "e"]
    assert not sort_by_votes(items)


def test_sort_empty_list_is_a_no_op() -> None:
    assert not sort_by_votes([])


@pytest.mark.parametrize(("votes", "shown"), [(0, "▲ 0"), (3, "▲ 3"), (12, "▲12")])
def test_votes_shown_with_a_symbol(votes: int, shown: str) -> None:
    assert format_votes(votes) == shown


def test_make_action_remembers_what_it_addresses(pm: PostMortem) -> None:
    item = add_item(pm, IMPROVE, "The on-call role could not roll back")
    action, created = make_action(pm, item)
    assert created
    assert pm.actions == [action]
    assert action.text == item.text
    assert action.addresses == item.id
    assert action.id.startswith("a") and action.owner == "" and action.due is None
    assert actions_for(pm, item) == [action]


def test_make_action_twice_gives_back_the_first(pm: PostMortem) -> None:
    item = add_item(pm, IMPROVE, "No runbook")
    first, _ = make_action(pm, item)
    again, created = make_action(pm, item)
    assert again is first and not created
    assert len(pm.actions) == 1


def test_sample_reflection_round_trip(sample_pm: PostMortem) -> None:
    routing = sample_pm.reflection.could_improve[0]
    assert routing.votes == 5
    assert actions_for(sample_pm, routing) == []
    runbook = next(i for i in sample_pm.reflection.could_improve if "runbook" in i.text)
    assert [a.text for a in actions_for(sample_pm, runbook)] == [
        "Write a certificate-incident runbook"
    ]
