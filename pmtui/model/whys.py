"""Pure operations on the 5 Whys tree (``Causes.whys``).

The tree's root is the problem statement (depth 0); each child answers "why?"
for its parent, so a node's depth is its "why" number. Nodes are found by id.
Moves return ``False`` when there is nowhere to go; operations that make no
sense (a sibling of the problem, deleting the problem) raise
:class:`WhyTreeError` with a message to show as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pmtui.model.lookup import iter_whys
from pmtui.model.session import Causes, WhyNode

ROOT_CAUSE_MARK = "◆ ROOT CAUSE"
SHALLOW_DEPTHS = (1, 2)
LABEL_CHARS = 40


class WhyTreeError(ValueError):
    """An operation the tree cannot do; the message says why, in plain words."""


@dataclass
class WhyRemoval:
    """A why node (with everything below it) taken out of its parent.

    Duck-types :class:`pmtui.model.undo.Removal` for the app's undo stack:
    ``restore()`` puts it back where it was, ``label`` names it.
    """

    parent: WhyNode
    item: WhyNode
    index: int
    label: str

    def restore(self) -> None:
        index = min(self.index, len(self.parent.children))
        self.parent.children.insert(index, self.item)


def walk(root: WhyNode) -> Iterator[tuple[WhyNode, int]]:
    """Every node with its depth, in display order (depth first)."""
    return iter_whys(root)


def find(root: WhyNode, node_id: str) -> WhyNode | None:
    for node, _ in iter_whys(root):
        if node.id == node_id:
            return node
    return None


def _get(root: WhyNode, node_id: str) -> WhyNode:
    node = find(root, node_id)
    if node is None:
        raise WhyTreeError(f"There is no why {node_id!r} in this tree.")
    return node


def find_parent(root: WhyNode, node_id: str) -> WhyNode | None:
    """The parent of ``node_id``; None for the root or an unknown id."""
    for node, _ in iter_whys(root):
        for child in node.children:
            if child.id == node_id:
                return node
    return None


def _parent(root: WhyNode, node_id: str) -> WhyNode:
    parent = find_parent(root, node_id)
    if parent is None:
        _get(root, node_id)  # unknown ids get their own message
        raise WhyTreeError("The problem statement is the top of the tree.")
    return parent


def depth(root: WhyNode, node_id: str) -> int:
    """0 for the problem statement, 1 for a first "why", and so on."""
    for node, level in iter_whys(root):
        if node.id == node_id:
            return level
    raise WhyTreeError(f"There is no why {node_id!r} in this tree.")


def max_depth(root: WhyNode) -> int:
    return max(level for _, level in iter_whys(root))


def count_below(node: WhyNode) -> int:
    """How many nodes sit under ``node`` (not counting it)."""
    return sum(1 for _ in iter_whys(node)) - 1


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if not text:
        return "(empty)"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the problem statement ----------------------------------------------------


def seed_problem(causes: Causes, summary: str) -> bool:
    """Start an empty problem statement from the incident summary.

    Returns True when the statement changed (so the caller saves).
    """
    if causes.whys.text.strip() or not summary.strip():
        return False
    causes.whys.text = summary.strip()
    return True


# -- adding and editing ---------------------------------------------------------


def add_child(root: WhyNode, parent_id: str, new_id: str, text: str = "") -> WhyNode:
    """Ask "why?" of ``parent_id``: a new last child."""
    parent = _get(root, parent_id)
    node = WhyNode(id=new_id, text=text)
    parent.children.append(node)
    return node


def add_sibling(root: WhyNode, node_id: str, new_id: str, text: str = "") -> WhyNode:
    """Another cause at the same level, right after ``node_id``."""
    parent = find_parent(root, node_id)
    if parent is None:
        _get(root, node_id)
        raise WhyTreeError(
            "The problem statement has no siblings: ask why? to add a cause."
        )
    index = _index_in(parent, node_id)
    node = WhyNode(id=new_id, text=text)
    parent.children.insert(index + 1, node)
    return node


def edit(root: WhyNode, node_id: str, text: str) -> WhyNode:
    node = _get(root, node_id)
    node.text = text
    return node


def delete(root: WhyNode, node_id: str) -> WhyRemoval:
    """Remove a node and all below it; the removal can put them back."""
    parent = find_parent(root, node_id)
    if parent is None:
        _get(root, node_id)
        raise WhyTreeError("The problem statement cannot be deleted; edit it instead.")
    index = _index_in(parent, node_id)
    node = parent.children.pop(index)
    below = count_below(node)
    level = depth(root, parent.id) + 1
    label = f'why {level} "{short_label(node.text)}"'
    if below:
        label += f" and {below} below it"
    return WhyRemoval(parent, node, index, label)


def _index_in(parent: WhyNode, node_id: str) -> int:
    for index, child in enumerate(parent.children):
        if child.id == node_id:
            return index
    raise WhyTreeError(f"There is no why {node_id!r} under {parent.id!r}.")


# -- moving ---------------------------------------------------------------------


def move_up(root: WhyNode, node_id: str) -> bool:
    """Swap with the previous sibling."""
    parent = _parent(root, node_id)
    index = _index_in(parent, node_id)
    if index == 0:
        return False
    kids = parent.children
    kids[index - 1], kids[index] = kids[index], kids[index - 1]
    return True


def move_down(root: WhyNode, node_id: str) -> bool:
    """Swap with the next sibling."""
    parent = _parent(root, node_id)
    index = _index_in(parent, node_id)
    kids = parent.children
    if index == len(kids) - 1:
        return False
    kids[index + 1], kids[index] = kids[index], kids[index + 1]
    return True


def move_in(root: WhyNode, node_id: str) -> bool:
    """Indent: become the last child of the previous sibling."""
    parent = _parent(root, node_id)
    index = _index_in(parent, node_id)
    if index == 0:
        return False
    node = parent.children.pop(index)
    parent.children[index - 1].children.append(node)
    return True


def move_out(root: WhyNode, node_id: str) -> bool:
    """Outdent: become the next sibling of the parent."""
    parent = _parent(root, node_id)
    grandparent = find_parent(root, parent.id)
    if grandparent is None:
        return False  # already a first "why": nothing sits beside the problem
    node = parent.children.pop(_index_in(parent, node_id))
    grandparent.children.insert(_index_in(grandparent, parent.id) + 1, node)
    return True


CANNOT_MOVE = {
    "up": "It is already first at its level.",
    "down": "It is already last at its level.",
    "in": "Indent needs a cause above it at the same level.",
    "out": "A first why already sits right under the problem.",
}


def move(root: WhyNode, node_id: str, direction: str) -> None:
    """Move ``up``, ``down``, ``in`` or ``out``; say why when it cannot."""
    moves = {"up": move_up, "down": move_down, "in": move_in, "out": move_out}
    if not moves[direction](root, node_id):
        raise WhyTreeError(CANNOT_MOVE[direction])


# -- root causes ------------------------------------------------------------------


def set_root_cause(root: WhyNode, node_id: str, marked: bool | None = None) -> bool:
    """Mark (or unmark; None toggles) a root cause. Returns the new mark."""
    node = _get(root, node_id)
    if node is root:
        raise WhyTreeError(
            "The problem statement is what happened, not a cause: "
            "mark one of the whys below it."
        )
    node.root_cause = (not node.root_cause) if marked is None else marked
    return node.root_cause


def root_causes(root: WhyNode) -> list[tuple[WhyNode, int]]:
    return [(n, d) for n, d in iter_whys(root) if d and n.root_cause]


def needs_deeper_why(node: WhyNode, level: int) -> bool:
    """A root cause marked at why 1 or 2 with nothing asked below it yet."""
    return node.root_cause and level in SHALLOW_DEPTHS and not node.children


def root_cause_hint(node: WhyNode, level: int) -> str | None:
    """The gentle nudge for a shallow root cause, or None."""
    if not needs_deeper_why(node, level):
        return None
    return (
        f"Root cause at why {level}: causes this close to the problem often have "
        "a deeper one. Ask why once more?"
    )
