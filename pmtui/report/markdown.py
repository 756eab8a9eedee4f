"""Markdown flavours of a report: ``gfm`` for GitHub and GitLab (``<br>`` in
table cells, Mermaid diagrams) and ``plain`` for Confluence and Notion (no
HTML at all, no Mermaid). User text is made inert through
:mod:`pmtui.report.escape`; see :class:`pmtui.report.flavour.Flavour`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pmtui.report.escape import (
    GFM_BREAK,
    NEWLINE_PLAIN,
    md_cell,
    md_cells,
    md_inline,
    md_line,
    md_paragraphs,
    md_text,
    one_line,
)
from pmtui.report.flavour import Flavour


class MarkdownFlavour(Flavour):
    def __init__(self, name: str, *, mermaid: bool, cell_break: str) -> None:
        self.name = name
        self.mermaid = mermaid
        self._break = cell_break  # a line break inside a table cell

    def __repr__(self) -> str:
        return f"MarkdownFlavour({self.name!r})"

    def text(self, text: str, indent: int = 0) -> str:
        return md_text(text, indent)

    def inline(self, text: str) -> str:
        return md_inline(text)

    def line(self, line: str) -> str:
        return md_line(line)

    def cell(self, text: str) -> str:
        return md_cell(text, self._break)

    def cells(self, texts: Sequence[str]) -> list[str]:
        return md_cells(texts, self._break)

    def strong(self, markup: str) -> str:
        return f"**{markup}**"

    def em(self, markup: str) -> str:
        return f"_{markup}_"

    def link(self, label: str, url: str) -> str:
        """``[label](<url>)`` for a safe URL; else the label and URL as text."""
        from pmtui.report.links import link_target  # only reports with links

        target = link_target(url)
        shown = md_line(one_line(label) or one_line(url))
        if target is None:
            if one_line(label) and one_line(url):
                return f"{shown} ({md_line(one_line(url))})"
            return shown
        return f"[{shown}](<{target}>)"

    def paragraph(self, markup: str) -> str:
        return markup

    def paragraphs(self, text: str) -> list[str]:
        return md_paragraphs(text)

    def heading(self, level: int, title: str) -> str:
        return f"{'#' * level} {md_line(title)}"

    def bullets(self, items: Iterable[str]) -> str:
        return "\n".join([f"- {item}" for item in items])

    def tree(self, items: Iterable[tuple[int, str]]) -> str:
        return "\n".join([f"{'  ' * depth}- {item}" for depth, item in items])

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
        """A GFM table (an empty cell is a space: ``|  |`` reads as a cell)."""
        head = "| " + " | ".join([md_line(h) for h in header]) + " |"
        rule = "|" + "---|" * len(header)
        body = ["| " + " | ".join([c or " " for c in row]) + " |" for row in rows]
        return "\n".join([head, rule, *body])

    def document(self, blocks: Iterable[str]) -> str:
        """Blocks joined by blank lines, one final newline."""
        return "\n\n".join([b.strip("\n") for b in blocks if b.strip()]) + "\n"


GFM = MarkdownFlavour("gfm", mermaid=True, cell_break=GFM_BREAK)
PLAIN = MarkdownFlavour("plain", mermaid=False, cell_break=NEWLINE_PLAIN)


def fence(language: str, source: str) -> str:
    """A fenced code block (Mermaid diagrams: the gfm flavour only)."""
    return f"```{language}\n{source}\n```"
