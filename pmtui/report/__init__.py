"""Reports from a post-mortem: pure functions, no I/O, no UI, no clock.

- :func:`render` - the report as ``gfm`` (GitHub/GitLab wikis: tables,
  Mermaid), ``plain`` (Confluence/Notion: tables and lists only) or ``html``
  (a standalone page for rich-text paste);
- :func:`render_preread` - what participants read before the meeting;
- :func:`render_actions_csv` - open action items for Jira's CSV import.

The same post-mortem always gives the same text, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable

from pmtui.model.session import PostMortem
from pmtui.report.document import preread_markdown, report_markdown
from pmtui.report.facts import title
from pmtui.report.markdown import GFM, PLAIN, Flavour

_Builder = Callable[[PostMortem, Flavour], str]

FORMATS = ("gfm", "plain", "html")
EXTENSIONS = {"gfm": ".md", "plain": ".md", "html": ".html"}


def render_actions_csv(pm: PostMortem) -> str:
    """The open action items as CSV for Jira's import (see :mod:`.jira`)."""
    from pmtui.report.jira import render_actions_csv as actions_csv

    return actions_csv(pm)


def render(pm: PostMortem, fmt: str = "gfm") -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    return _render(pm, fmt, report_markdown, "")


def render_preread(pm: PostMortem, fmt: str = "gfm") -> str:
    """The pre-read in ``fmt``: facts, draft timeline, agenda, questions."""
    return _render(pm, fmt, preread_markdown, "Pre-read: ")


def _render(pm: PostMortem, fmt: str, build: _Builder, prefix: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "html":
        from pmtui.report.html import html_page  # only this format needs it

        return html_page(prefix + title(pm), build(pm, PLAIN))
    return build(pm, GFM if fmt == "gfm" else PLAIN)


__all__ = ["EXTENSIONS", "FORMATS", "render", "render_actions_csv", "render_preread"]
