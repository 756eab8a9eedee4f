"""A compact fishbone (Ishikawa) view of the contributing factors.

Categories that have factors become bones, alternating above and below a
spine that ends at the problem. ``fishbone_lines`` is plain Python, so the
layout is tested without a screen; ``Fishbone`` paints it and redraws on
resize.
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from pmtui.model.enums import FactorCategory
from pmtui.model.factors import empty_categories, group_by_category, why_depth
from pmtui.model.session import Causes, Factor

HEAD = " ▶ PROBLEM"
NBSP = "\u00a0"  # keeps "(why 3)" on one line
EMPTY_TEXT = "No contributing factors yet: add them in the list view (v)."

Segment = tuple[str, str]  # (text, kind)
Line = list[Segment]
Bone = tuple[list[Line], list[Line]]  # (title lines, factor lines)

STYLES: dict[str, str] = {
    "title": "bold $accent",
    "bone": "$primary",
    "head": "bold $primary",
    "text": "",
    "link": "dim",
    "muted": "italic dim",
}


def _block(
    factors: list[Factor], causes: Causes, title: str, width: int
) -> tuple[list[Line], list[Line]]:
    """A bone's title lines and its factors as wrapped bullets."""
    titles: list[Line] = [
        [(piece, "title")] for piece in textwrap.wrap(title, max(width, 4))
    ]
    lines: list[Line] = []
    for factor in factors:
        level = why_depth(causes.whys, factor.why_id)
        link = f"(why{NBSP}{level})" if level else ""
        text = f"{factor.text}{NBSP}{link}" if link else factor.text
        wrapped = textwrap.wrap(text, max(width - 2, 4), break_on_hyphens=False)
        for number, piece in enumerate(wrapped):
            bullet = "• " if number == 0 else "  "
            if link and number == len(wrapped) - 1 and piece.endswith(link):
                body = piece[: -len(link)].replace(NBSP, " ")
                shown = link.replace(NBSP, " ")
                lines.append([(bullet + body, "text"), (shown, "link")])
            else:
                lines.append([(bullet + piece.replace(NBSP, " "), "text")])
    return titles, lines


def _place(row: dict[int, Segment], x: int, line: Line) -> None:
    for text, kind in line:
        row[x] = (text, kind)
        x += len(text)


def _join(row: dict[int, Segment]) -> Line:
    out: Line = []
    cursor = 0
    for x in sorted(row):
        text, kind = row[x]
        if x > cursor:
            out.append((" " * (x - cursor), "text"))
        elif x < cursor:  # overlap: cut what does not fit
            text = text[cursor - x :]
        if text:
            out.append((text, kind))
        cursor = max(cursor, x + len(text))
    return out


def fishbone_lines(causes: Causes, width: int) -> list[Line]:
    """The fishbone of ``causes.factors`` in at most ``width`` cells."""
    groups = group_by_category(causes.factors)
    if not groups:
        return [[(EMPTY_TEXT, "muted")]]
    top, bottom = groups[0::2], groups[1::2]
    columns = len(top)
    spine = max(width - len(HEAD), columns * 12)
    col_w = spine // columns
    text_w = col_w - 2

    def blocks(side: list[tuple[FactorCategory, list[Factor]]]) -> list[Bone]:
        return [
            _block(fs, causes, f"{c.label.upper()} ({len(fs)})", text_w)
            for c, fs in side
        ]

    def height(bone: Bone) -> int:
        return len(bone[0]) + len(bone[1])

    top_blocks, bottom_blocks = blocks(top), blocks(bottom)
    top_h = max(height(b) for b in top_blocks)
    bottom_h = max((height(b) for b in bottom_blocks), default=0)
    joints = [i * col_w + col_w - 2 for i in range(columns)]

    # above the spine: titles at the top, factors down against the spine
    rows: list[dict[int, Segment]] = [{} for _ in range(top_h)]
    for i, (titles, factors) in enumerate(top_blocks):
        for offset, line in enumerate(titles):
            _place(rows[offset], i * col_w, line)
        for offset, line in enumerate(factors):
            _place(rows[top_h - len(factors) + offset], i * col_w, line)
    above: dict[int, Segment] = {}
    for x in joints:
        above[x - 1] = ("╲", "bone")
    spine_chars = list("━" * (columns * col_w))
    for i, x in enumerate(joints):
        spine_chars[x] = "╋" if i < len(bottom_blocks) else "┳"
    spine_row: dict[int, Segment] = {0: ("".join(spine_chars), "bone")}
    spine_row[columns * col_w] = (HEAD, "head")
    below: dict[int, Segment] = {}
    for i in range(len(bottom_blocks)):
        below[joints[i] - 1] = ("╱", "bone")
    rows += [above, spine_row]
    if bottom_blocks:
        rows.append(below)
        lower: list[dict[int, Segment]] = [{} for _ in range(bottom_h)]
        for i, (titles, factors) in enumerate(bottom_blocks):  # mirrored
            for offset, line in enumerate(factors):
                _place(lower[offset], i * col_w, line)
            for offset, line in enumerate(titles):
                _place(lower[bottom_h - len(titles) + offset], i * col_w, line)
        rows += lower
    lines = [_join(row) for row in rows]
    missing = empty_categories(causes.factors)
    if missing:
        names = " · ".join(c.label for c in missing)
        lines += [[], [(f"No factors yet for: {names}", "muted")]]
    return lines


def to_content(lines: list[Line]) -> Content:
    parts: list[str | tuple[str, str]] = []
    for number, line in enumerate(lines):
        if number:
            parts.append("\n")
        parts.extend((t, STYLES[k]) if STYLES[k] else t for t, k in line)
    return Content.assemble(*parts)


class Fishbone(VerticalScroll, can_focus=True):
    """The fishbone view; ``show(causes)`` redraws it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "screen.toggle_factor_view", "List view"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._causes: Causes | None = None
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="fishbone-drawing")

    def show(self, causes: Causes) -> None:
        self._causes = causes
        width = self.scrollable_content_region.width or 76
        self._drawn_width = width
        drawing = self.query_one("#fishbone-drawing", Static)
        drawing.update(to_content(fishbone_lines(causes, width)))

    def on_resize(self, event: events.Resize) -> None:
        if self._causes is not None and self.scrollable_content_region.width != (
            self._drawn_width
        ):
            self.show(self._causes)
