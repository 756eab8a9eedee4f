"""Reports from a post-mortem: pure functions, no I/O, no UI, no clock.

- :func:`render` - the report as ``gfm`` (GitHub/GitLab wikis: tables,
  Mermaid), ``plain`` (Confluence/Notion: tables and lists only) or ``html``
  (a standalone page for rich-text paste, showing what ``plain`` shows);
- :func:`render_preread` - what participants read before the meeting;
- :func:`render_actions_csv` - open action items for Jira's CSV import.

Sections are written once, through a :class:`~pmtui.report.flavour.Flavour`
(:mod:`.markdown` or :mod:`.html`). The same post-mortem always gives the
same text, byte for byte.
"""

from __future__ import annotations

from pmtui.model.session import PostMortem
from pmtui.report.document import preread, report
from pmtui.report.facts import title
from pmtui.report.flavour import Flavour

FORMATS = ("gfm", "plain", "html")
EXTENSIONS = {"gfm": ".md", "plain": ".md", "html": ".html"}


def render_actions_csv(pm: PostMortem) -> str:
    """The open action items as CSV for Jira's import (see :mod:`.jira`)."""
    from pmtui.report.jira import render_actions_csv as actions_csv

    return actions_csv(pm)


def render(pm: PostMortem, fmt: str = "gfm") -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    text = report(pm, flavour(fmt))
    return _page(fmt, title(pm), text)


def render_preread(pm: PostMortem, fmt: str = "gfm") -> str:
    """The pre-read in ``fmt``: facts, draft timeline, agenda, questions."""
    text = preread(pm, flavour(fmt))
    return _page(fmt, "Pre-read: " + title(pm), text)


def flavour(fmt: str) -> Flavour:
    """The flavour that writes ``fmt``; ValueError for an unknown format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "html":
        from pmtui.report.html import HTML  # only this format needs it

        return HTML
    from pmtui.report.markdown import GFM, PLAIN

    return GFM if fmt == "gfm" else PLAIN


def _page(fmt: str, page_title: str, body: str) -> str:
    if fmt != "html":
        return body
    from pmtui.report.html import html_page

    return html_page(page_title, body)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "flavour",
    "render",
    "render_actions_csv",
    "render_preread",
]
