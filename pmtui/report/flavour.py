"""What a report is made of, whatever language it is written in.

Sections say *what* they hold (paragraphs, facts, lists, tables) by calling a
:class:`Flavour`; the flavour says *how*: Markdown for GitHub and GitLab
(:data:`pmtui.report.markdown.GFM`) or for Confluence and Notion
(:data:`pmtui.report.markdown.PLAIN`), or HTML (:data:`pmtui.report.html.HTML`,
which shows what the plain Markdown shows, written directly as HTML).

Every method returns *markup* in the flavour's language. Arguments named
``text`` are user text, cleaned and escaped here (through
:mod:`pmtui.report.escape`); ``line`` and ``title`` are one line of our own
text (labels, headers), escaped too; ``markup`` is what another method of the
same flavour returned, so it is safe already.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence


class Flavour(ABC):
    """One output language; see the module's docstring."""

    name: str
    mermaid: bool  # add Mermaid diagrams beside their lists and tables

    # -- inline: parts of a paragraph, a list item or a table cell ---------------

    @abstractmethod
    def text(self, text: str, indent: int = 0) -> str:
        """User text with its line breaks kept (blank lines collapse).

        ``indent``: in Markdown, the spaces that start each continuation line
        so the text stays inside a list item (2 per level of :meth:`bullets`
        or :meth:`tree`); ignored by HTML.
        """

    @abstractmethod
    def inline(self, text: str) -> str:
        """User text on one line (names, tags, services)."""

    @abstractmethod
    def line(self, line: str) -> str:
        """One line of text (our labels, or user text already on one line)."""

    @abstractmethod
    def cell(self, text: str) -> str:
        """User text in a table cell: it keeps to one row."""

    @abstractmethod
    def cells(self, texts: Sequence[str]) -> list[str]:
        """:meth:`cell` of each text (a table column), made in one pass."""

    @abstractmethod
    def strong(self, markup: str) -> str:
        """Strong emphasis."""

    @abstractmethod
    def em(self, markup: str) -> str:
        """Emphasis."""

    @abstractmethod
    def link(self, label: str, url: str) -> str:
        """A link for a safe (http, https, mailto) URL; else label and URL as text."""

    def fact(self, label: str, value: str) -> str:
        """``Label: value`` with the label strong; ``value`` is markup."""
        return f"{self.strong(self.line(label + ':'))} {value}"

    # -- blocks --------------------------------------------------------------------

    @abstractmethod
    def paragraph(self, markup: str) -> str:
        """A paragraph of markup."""

    @abstractmethod
    def paragraphs(self, text: str) -> list[str]:
        """User text as paragraphs (split at blank lines); none if it is blank."""

    @abstractmethod
    def heading(self, level: int, title: str) -> str:
        """A heading (``level`` 1 is the document's title)."""

    @abstractmethod
    def bullets(self, items: Iterable[str]) -> str:
        """A bulleted list of markup items."""

    @abstractmethod
    def tree(self, items: Iterable[tuple[int, str]]) -> str:
        """Nested bulleted lists from ``(depth, markup)`` in document order.

        The first item has depth 0; each item is at most one level deeper than
        the one before it (a tree walked depth first).
        """

    @abstractmethod
    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
        """A table: ``header`` names are ours, each row's cells are markup."""

    @abstractmethod
    def document(self, blocks: Iterable[str]) -> str:
        """The blocks as one document (empty blocks left out)."""


class Section:
    """A titled part of a document: its blocks, then its subsections.

    A section with nothing in it (nor in any subsection) is left out, title
    and all, so no heading dangles over nothing.
    """

    __slots__ = ("blocks", "subsections", "title")

    def __init__(
        self,
        title: str,
        blocks: list[str] | None = None,
        subsections: list[Section] | None = None,
    ) -> None:
        self.title = title
        self.blocks = blocks if blocks is not None else []
        self.subsections = subsections if subsections is not None else []

    def __repr__(self) -> str:
        return f"Section({self.title!r}, {len(self.blocks)} blocks, {self.subsections})"

    @property
    def empty(self) -> bool:
        return not self.blocks and all(s.empty for s in self.subsections)


def render_sections(
    flavour: Flavour, level: int, sections: Iterable[Section]
) -> list[str]:
    """Blocks of the non-empty sections, each under its heading at ``level``."""
    out: list[str] = []
    for section in sections:
        if section.empty:
            continue
        out.append(flavour.heading(level, section.title))
        out.extend(section.blocks)
        out.extend(render_sections(flavour, level + 1, section.subsections))
    return out
