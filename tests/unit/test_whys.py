"""The 5 Whys tree operations and factor helpers, without a screen."""

from __future__ import annotations

import pytest

from pmtui.model import FactorCategory, PostMortem, new_postmortem
from pmtui.model.factors import (
    FactorError,
    actions_addressing,
    add_factor,
    empty_categories,
    group_by_category,
    make_action,
    next_category,
    update_factor,
    why_choices,
    why_link_label,
)
from pmtui.model.session import Causes, WhyNode
from pmtui.model.undo import remove
from pmtui.model.whys import (
    WhyTreeError,
    add_child,
    add_sibling,
    count_below,
    delete,
    depth,
    edit,
    find,
    find_parent,
    max_depth,
    move_down,
    move_in,
    move_out,
    move_up,
    needs_deeper_why,
    root_cause_hint,
    root_causes,
    seed_problem,
    set_root_cause,
    walk,
)


def shape(root: WhyNode) -> list[tuple[str, int]]:
    """The tree as (id, depth) pairs in display order."""
    return [(node.id, level) for node, level in walk(root)]


@pytest.fixture
def tree() -> WhyNode:
    """Three branches under the problem:

    w0
      a
        a1
        a2
          a21
      b
      c
        c1
    """
    root = WhyNode("w0", "problem")
    add_child(root, "w0", "a", "A")
    add_child(root, "w0", "b", "B")
    add_child(root, "w0", "c", "C")
    add_child(root, "a", "a1", "A1")
    add_child(root, "a", "a2", "A2")
    add_child(root, "a2", "a21", "A21")
    add_child(root, "c", "c1", "C1")
    return root


class TestAdd:
    def test_children_are_appended_in_order(self, tree: WhyNode) -> None:
        assert shape(tree) == [
            ("w0", 0),
            ("a", 1),
            ("a1", 2),
            ("a2", 2),
            ("a21", 3),
            ("b", 1),
            ("c", 1),
            ("c1", 2),
        ]

    def test_sibling_goes_right_after_the_node(self, tree: WhyNode) -> None:
        node = add_sibling(tree, "a1", "new", "beside A1")
        assert [c.id for c in tree.children[0].children] == ["a1", "new", "a2"]
        assert node.text == "beside A1"
        assert depth(tree, "new") == 2

    def test_the_problem_has_no_sibling(self, tree: WhyNode) -> None:
        with pytest.raises(WhyTreeError, match="no siblings"):
            add_sibling(tree, "w0", "x")

    def test_unknown_parent_is_told(self, tree: WhyNode) -> None:
        with pytest.raises(WhyTreeError, match="no why 'zz'"):
            add_child(tree, "zz", "x")

    def test_beyond_five_whys_is_allowed(self) -> None:
        root = WhyNode("w0", "p")
        parent = "w0"
        for n in range(1, 8):
            add_child(root, parent, f"n{n}", f"why {n}")
            parent = f"n{n}"
        assert depth(root, "n7") == 7
        assert max_depth(root) == 7

    def test_edit_changes_only_that_node(self, tree: WhyNode) -> None:
        edit(tree, "a21", "deeper")
        assert find(tree, "a21") is not None
        assert [n.text for n, _ in walk(tree)][4] == "deeper"
        assert find(tree, "a2").text == "A2"  # type: ignore[union-attr]


class TestFind:
    def test_parent_and_depth(self, tree: WhyNode) -> None:
        assert find_parent(tree, "a21").id == "a2"  # type: ignore[union-attr]
        assert find_parent(tree, "w0") is None
        assert find_parent(tree, "nope") is None
        assert [depth(tree, i) for i in ("w0", "b", "c1", "a21")] == [0, 1, 2, 3]

    def test_count_below(self, tree: WhyNode) -> None:
        assert count_below(tree) == 7
        assert count_below(tree.children[0]) == 3
        assert count_below(tree.children[1]) == 0


class TestDelete:
    def test_delete_takes_the_branch_and_undo_puts_it_back(self, tree: WhyNode) -> None:
        before = shape(tree)
        removal = delete(tree, "a2")
        assert shape(tree) == [
            ("w0", 0),
            ("a", 1),
            ("a1", 2),
            ("b", 1),
            ("c", 1),
            ("c1", 2),
        ]
        assert removal.label == 'why 2 "A2" and 1 below it'
        removal.restore()
        assert shape(tree) == before

    def test_undo_in_reverse_order_rebuilds_nested_deletes(self, tree: WhyNode) -> None:
        before = shape(tree)
        first = delete(tree, "a21")
        second = delete(tree, "a")
        assert shape(tree) == [("w0", 0), ("b", 1), ("c", 1), ("c1", 2)]
        second.restore()
        first.restore()
        assert shape(tree) == before

    def test_undo_after_the_siblings_changed_stays_in_range(
        self, tree: WhyNode
    ) -> None:
        removal = delete(tree, "c")
        delete(tree, "b")
        removal.restore()
        assert [c.id for c in tree.children] == ["a", "c"]

    def test_the_problem_cannot_be_deleted(self, tree: WhyNode) -> None:
        with pytest.raises(WhyTreeError, match="cannot be deleted"):
            delete(tree, "w0")

    def test_label_of_a_leaf(self, tree: WhyNode) -> None:
        assert delete(tree, "b").label == 'why 1 "B"'


class TestMove:
    def test_up_and_down_swap_siblings(self, tree: WhyNode) -> None:
        assert move_down(tree, "a")
        assert [c.id for c in tree.children] == ["b", "a", "c"]
        assert move_up(tree, "c")
        assert [c.id for c in tree.children] == ["b", "c", "a"]
        # the branch travels with its node
        assert [c.id for c in find(tree, "a").children] == ["a1", "a2"]  # type: ignore[union-attr]

    def test_no_move_past_the_ends(self, tree: WhyNode) -> None:
        before = shape(tree)
        assert not move_up(tree, "a")
        assert not move_down(tree, "c")
        assert not move_up(tree, "a1")
        assert shape(tree) == before

    def test_in_becomes_last_child_of_previous_sibling(self, tree: WhyNode) -> None:
        assert move_in(tree, "c")
        assert [c.id for c in find(tree, "b").children] == ["c"]  # type: ignore[union-attr]
        assert depth(tree, "c1") == 3
        assert not move_in(tree, "a")  # first child: no previous sibling

    def test_in_appends_after_existing_children(self, tree: WhyNode) -> None:
        move_in(tree, "b")
        assert [c.id for c in find(tree, "a").children] == ["a1", "a2", "b"]  # type: ignore[union-attr]

    def test_out_becomes_next_sibling_of_parent(self, tree: WhyNode) -> None:
        assert move_out(tree, "a1")
        assert [c.id for c in tree.children] == ["a", "a1", "b", "c"]
        assert move_out(tree, "a21")
        assert [c.id for c in find(tree, "a").children] == ["a2", "a21"]  # type: ignore[union-attr]

    def test_first_whys_cannot_go_out(self, tree: WhyNode) -> None:
        assert not move_out(tree, "b")

    def test_moving_the_problem_is_refused(self, tree: WhyNode) -> None:
        for move in (move_up, move_down, move_in, move_out):
            with pytest.raises(WhyTreeError, match="top of the tree"):
                move(tree, "w0")

    def test_in_then_out_is_a_round_trip(self, tree: WhyNode) -> None:
        before = shape(tree)
        move_in(tree, "b")
        move_out(tree, "b")
        assert shape(tree) == before


class TestRootCause:
    def test_toggle_and_set(self, tree: WhyNode) -> None:
        assert set_root_cause(tree, "a21") is True
        assert set_root_cause(tree, "c1") is True
        assert [(n.id, d) for n, d in root_causes(tree)] == [("a21", 3), ("c1", 2)]
        assert set_root_cause(tree, "a21") is False
        assert set_root_cause(tree, "c1", marked=True) is True
        assert [n.id for n, _ in root_causes(tree)] == ["c1"]

    def test_the_problem_is_not_a_cause(self, tree: WhyNode) -> None:
        with pytest.raises(WhyTreeError, match="not a cause"):
            set_root_cause(tree, "w0")

    def test_shallow_leaf_root_cause_gets_the_hint(self, tree: WhyNode) -> None:
        set_root_cause(tree, "b")  # why 1, leaf
        set_root_cause(tree, "c1")  # why 2, leaf
        set_root_cause(tree, "a21")  # why 3
        set_root_cause(tree, "a")  # why 1 with whys below
        b, c1, a21, a = (find(tree, i) for i in ("b", "c1", "a21", "a"))
        assert b is not None and c1 is not None and a21 is not None and a is not None
        assert needs_deeper_why(b, 1)
        assert needs_deeper_why(c1, 2)
        assert not needs_deeper_why(a21, 3)
        assert not needs_deeper_why(a, 1)
        hint = root_cause_hint(b, 1)
        assert hint is not None and "why 1" in hint and "once more" in hint
        assert root_cause_hint(a21, 3) is None

    def test_unmarked_node_gets_no_hint(self, tree: WhyNode) -> None:
        b = find(tree, "b")
        assert b is not None
        assert root_cause_hint(b, 1) is None


class TestProblemStatement:
    def test_seeded_from_the_summary_once(self) -> None:
        causes = Causes()
        assert seed_problem(causes, "  Checkout failed  ")
        assert causes.whys.text == "Checkout failed"
        assert not seed_problem(causes, "Another summary")
        assert causes.whys.text == "Checkout failed"

    def test_no_summary_leaves_it_empty(self) -> None:
        causes = Causes()
        assert not seed_problem(causes, "  ")
        assert causes.whys.text == ""


@pytest.fixture
def pm() -> PostMortem:
    from pmtui.clock import FixedClock

    pm = new_postmortem("Checkout down", FixedClock("2026-11-20T10:00:00+00:00"))
    add_child(pm.causes.whys, "w0", pm.new_id("w"), "TLS failed")
    return pm


class TestFactors:
    def test_add_update_and_group(self, pm: PostMortem) -> None:
        tooling = add_factor(pm, " no  rollback permission ", FactorCategory.TOOLING)
        process = add_factor(pm, "no canary", FactorCategory.PROCESS, "w1")
        assert tooling.text == "no rollback permission"
        assert process.why_id == "w1" and tooling.why_id is None
        assert [
            (c, [f.id for f in fs]) for c, fs in group_by_category(pm.causes.factors)
        ] == [
            (FactorCategory.PROCESS, [process.id]),
            (FactorCategory.TOOLING, [tooling.id]),
        ]
        update_factor(tooling, "stale routing", FactorCategory.MONITORING, "")
        assert (tooling.text, tooling.category, tooling.why_id) == (
            "stale routing",
            FactorCategory.MONITORING,
            None,
        )
        assert FactorCategory.TOOLING in empty_categories(pm.causes.factors)
        assert FactorCategory.PROCESS not in empty_categories(pm.causes.factors)

    def test_empty_text_is_refused(self, pm: PostMortem) -> None:
        with pytest.raises(FactorError):
            add_factor(pm, "   ")
        assert pm.causes.factors == []

    def test_category_cycle_wraps(self) -> None:
        seen = [FactorCategory.PROCESS]
        for _ in FactorCategory:
            seen.append(next_category(seen[-1]))
        assert seen[-1] is FactorCategory.PROCESS
        assert set(seen) == set(FactorCategory)

    def test_why_link_labels_follow_the_tree(self, pm: PostMortem) -> None:
        assert why_choices(pm.causes.whys) == [("why 1: TLS failed", "w1")]
        assert why_link_label(pm.causes.whys, "w1") == "why 1: TLS failed"
        assert why_link_label(pm.causes.whys, None) == ""
        removal = delete(pm.causes.whys, "w1")
        assert why_link_label(pm.causes.whys, "w1") == ""
        removal.restore()
        assert why_link_label(pm.causes.whys, "w1") == "why 1: TLS failed"

    def test_factor_delete_and_undo(self, pm: PostMortem) -> None:
        one = add_factor(pm, "one")
        two = add_factor(pm, "two")
        removal = remove(pm.causes.factors, one, "factor")
        assert pm.causes.factors == [two]
        removal.restore()
        assert pm.causes.factors == [one, two]


class TestActions:
    def test_an_action_remembers_what_it_addresses(self, pm: PostMortem) -> None:
        action = make_action(pm, "TLS  failed", "w1")
        assert action.addresses == "w1"
        assert action.text == "TLS failed"
        assert action.id.startswith("a")
        assert pm.actions == [action]
        assert actions_addressing(pm, "w1") == [action]
        assert actions_addressing(pm, "w0") == []

    def test_nothing_to_act_on(self, pm: PostMortem) -> None:
        with pytest.raises(FactorError):
            make_action(pm, " ", "w1")
        assert pm.actions == []


class TestMoveByName:
    def test_moves_and_refusals_are_explained(self, tree: WhyNode) -> None:
        from pmtui.model.whys import move

        move(tree, "b", "in")
        assert find_parent(tree, "b").id == "a"  # type: ignore[union-attr]
        with pytest.raises(WhyTreeError, match="already first"):
            move(tree, "a", "up")
        with pytest.raises(WhyTreeError, match="already last"):
            move(tree, "c", "down")
        with pytest.raises(WhyTreeError, match="Indent needs"):
            move(tree, "a1", "in")
        with pytest.raises(WhyTreeError, match="right under the problem"):
            move(tree, "c", "out")
