"""Building blocks of a Markdown report, for one flavour at a time.

A :class:`Flavour` says what the target wiki accepts: ``gfm`` (GitHub and
GitLab: ``<br>`` in table cells, Mermaid diagrams) or ``plain`` (Confluence,
Notion, and the HTML page: no HTML at all, no Mermaid). Block helpers take
Markdown that is already escaped; user text is escaped by the caller through
:mod:`pmtui.report.escape`, headers and labels of our own by these helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pmtui.report.escape import gfm_cell, link_target, md_line, one_line, plain_cell


@dataclass(frozen=True)
class Flavour:
    name: str
    mermaid: bool

    def cell(self, text: str) -> str:
        """User text as a table cell."""
        return gfm_cell(text) if self.mermaid else plain_cell(text)

    def link(self, label: str, url: str) -> str:
        """``[label](<url>)`` for a safe URL; else the label and URL as text."""
        target = link_target(url)
        shown = md_line(one_line(label) or one_line(url))
        if target is None:
            if one_line(label) and one_line(url):
                return f"{shown} ({md_line(one_line(url))})"
            return shown
        return f"[{shown}](<{target}>)"


GFM = Flavour("gfm", mermaid=True)
PLAIN = Flavour("plain", mermaid=False)


@dataclass
class Section:
    """One ``##`` section: its title and its blocks (Markdown, escaped)."""

    title: str
    blocks: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.blocks and not any(not s.empty for s in self.subsections)


def heading(level: int, title: str) -> str:
    return f"{'#' * level} {md_line(title)}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table; header names are ours (escaped here), cells already Markdown."""
    head = "| " + " | ".join(md_line(h) for h in header) + " |"
    rule = "|" + "|".join("---" for _ in header) + "|"
    body = ["| " + " | ".join(c if c else " " for c in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


def bullets(items: Sequence[str], indent: int = 0) -> str:
    pad = " " * indent
    return "\n".join(f"{pad}- {item}" for item in items)


def fact(label: str, value: str) -> str:
    """``**Label:** value`` for a list of facts; ``value`` is Markdown."""
    return f"**{md_line(label)}:** {value}"


def fence(language: str, source: str) -> str:
    return f"```{language}\n{source}\n```"


def render_sections(level: int, sections: Sequence[Section]) -> list[str]:
    """Blocks of the non-empty sections; a section with no content is left out."""
    out: list[str] = []
    for section in sections:
        if section.empty:
            continue
        out.append(heading(level, section.title))
        out.extend(section.blocks)
        out.extend(render_sections(level + 1, section.subsections))
    return out


def document(blocks: Sequence[str]) -> str:
    """Blocks joined by blank lines, one final newline."""
    return "\n\n".join(b.strip("\n") for b in blocks if b.strip()) + "\n"
