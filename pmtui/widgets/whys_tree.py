"""The 5 Whys tree as a list of wrapped rows with tree guides.

Each node is one option of an :class:`OptionList` (keyboard and mouse come
with it); its text wraps under itself so long answers stay readable when the
screen is shared. ``layout_tree`` is plain Python (tested without a screen);
``WhysTree`` only turns its segments into styled content. The keys call the
screen's actions (``screen.ask_why`` ...), so they show in the footer and F1.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from pmtui.model.session import WhyNode
from pmtui.model.whys import ROOT_CAUSE_MARK, needs_deeper_why

PROBLEM_LABEL = "PROBLEM"
HINT_MARK = "⚑ ask why once more?"
PLACEHOLDER = "(not written yet)"
MIN_TEXT_WIDTH = 16

# segment kinds -> styles (theme variables resolve at render time)
STYLES: dict[str, str] = {
    "guide": "dim",
    "label": "bold $text-primary",
    "problem": "bold underline",
    "text": "",
    "empty": "italic dim",
    "mark": "bold reverse $warning",
    "hint": "italic $text-warning",
    "action": "bold $text-success",
}


@dataclass
class NodeRows:
    """One node's lines, each a list of (text, kind) segments."""

    node_id: str
    depth: int
    lines: list[list[tuple[str, str]]] = field(default_factory=list)


def layout_tree(
    root: WhyNode, width: int, acted: Mapping[str, str] | None = None
) -> list[NodeRows]:
    """Every node in display order, wrapped to ``width`` cells with guides;
    a node an action addresses ends with that action's id (``acted``)."""
    rows: list[NodeRows] = []
    _layout(root, 0, "", True, width, rows, acted or {})
    return rows


def _layout(
    node: WhyNode,
    depth: int,
    prefix: str,
    last: bool,
    width: int,
    rows: list[NodeRows],
    acted: Mapping[str, str],
) -> None:
    if depth == 0:
        head, label, kind, child_prefix = "", PROBLEM_LABEL, "problem", ""
    else:
        head = prefix + ("└─ " if last else "├─ ")
        label, kind = f"why {depth}", "label"
        child_prefix = prefix + ("   " if last else "│  ")
    below = child_prefix + ("│" if node.children else "")
    text_col = len(head) + len(label) + 2
    text_width = max(width - text_col, MIN_TEXT_WIDTH)
    words = " ".join(node.text.split())
    pieces = _wrap(words, text_width) if words else []
    text_kind = "text" if pieces else "empty"
    pieces = pieces or [PLACEHOLDER]
    tails: list[tuple[str, str]] = []
    if node.root_cause:
        tails.append((ROOT_CAUSE_MARK, "mark"))
    if needs_deeper_why(node, depth):
        tails.append((HINT_MARK, "hint"))
    if node.id in acted:
        tails.append((f"→ {acted[node.id]}", "action"))
    lines: list[list[tuple[str, str]]] = [
        [(head, "guide"), (label, kind), ("  ", "text"), (pieces[0], text_kind)]
    ]
    for piece in pieces[1:]:
        lines.append([(below.ljust(text_col), "guide"), (piece, text_kind)])
    for tail, tail_kind in tails:
        last_line = lines[-1]
        used = sum(len(text) for text, _ in last_line)
        if used + 1 + len(tail) <= max(width, text_col + text_width):
            last_line.extend([(" ", "text"), (tail, tail_kind)])
        else:
            lines.append([(below.ljust(text_col), "guide"), (tail, tail_kind)])
    rows.append(NodeRows(node.id, depth, lines))
    for index, child in enumerate(node.children):
        is_last = index == len(node.children) - 1
        _layout(child, depth + 1, child_prefix, is_last, width, rows, acted)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False)


def to_content(rows: NodeRows) -> Content:
    parts: list[str | tuple[str, str]] = []
    for number, line in enumerate(rows.lines):
        if number:
            parts.append("\n")
        parts.extend(
            (text, STYLES[kind]) if STYLES[kind] else text for text, kind in line
        )
    return Content.assemble(*parts)


class WhysTree(OptionList):
    """The tree. ``show(root, highlight=id)`` re-renders it from the model."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "screen.ask_why", "Why?"),
        Binding("s", "screen.add_sibling", "Sibling"),
        Binding("enter,e", "screen.edit_why", "Edit"),
        Binding("r", "screen.toggle_root_cause", "Root cause"),
        Binding("a", "screen.why_action", "Make action"),
        Binding("delete", "screen.delete_why", "Delete"),
        # The moves are the buttons ↑ ↓ → In ← Out (their tooltips and F1 give
        # the keys): out of the footer, so Help still fits at 80 columns.
        Binding("alt+up", "screen.move_why('up')", "Move up", show=False),
        Binding("alt+down", "screen.move_why('down')", "Move down", show=False),
        Binding("alt+right", "screen.move_why('in')", "Indent", show=False),
        Binding("alt+left", "screen.move_why('out')", "Outdent", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._root: WhyNode | None = None
        self._acted: Mapping[str, str] = {}
        self._width = 0

    @property
    def selected_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def show(
        self,
        root: WhyNode,
        highlight: str | None = None,
        acted: Mapping[str, str] | None = None,
    ) -> None:
        """Render ``root``; keep (or move) the highlight by node id. ``acted``:
        the action that addresses a node, by node id."""
        keep = highlight or self.selected_id
        self._root = root
        if acted is not None:
            self._acted = acted
        self._width = self._render_width()
        self.set_options(
            Option(to_content(rows), id=rows.node_id)
            for rows in layout_tree(root, self._width, self._acted)
        )
        index = 0
        if keep is not None:
            try:
                index = self.get_option_index(keep)
            except (
                OptionDoesNotExist
            ):  # the node is gone (deleted): fall back to the top
                index = 0
        self.highlighted = index
        self.scroll_to_highlight()

    def refresh_node(self, node_id: str) -> None:
        """Redraw one node after its text changed (cheaper than ``show``)."""
        if self._root is None:
            return
        for rows in layout_tree(self._root, self._width, self._acted):
            if rows.node_id == node_id:
                self.replace_option_prompt(node_id, to_content(rows))
                return

    def _render_width(self) -> int:
        width = self.scrollable_content_region.width
        return max(width - 1, MIN_TEXT_WIDTH * 2) if width else 76

    def on_resize(self, event: events.Resize) -> None:
        if self._root is not None and self._render_width() != self._width:
            self.show(self._root)
