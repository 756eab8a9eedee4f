"""“Similar earlier incidents”: has this happened before?

A side panel for the incident and root-cause screens: earlier post-mortems
that share tags, services or root-cause words with the open one, with their
open actions. Computed in a thread worker from the archive's summaries
(:mod:`pmtui.model.similar`), never including the open post-mortem itself.
The panel hides its side column when nothing is similar or the screen is
narrower than ``MIN_WIDTH``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from pmtui.model.incident_day import incident_day
from pmtui.model.lean import lean_record
from pmtui.model.similar import Similar, similar_incidents
from pmtui.model.summary import summarize

if TYPE_CHECKING:
    from pmtui.screens.base import SessionContext

MIN_WIDTH = 110
MAX_SHOWN = 5
MAX_ACTIONS = 3


class SimilarPanel(VerticalScroll):
    """Reads the archive once when mounted; ``refresh_similar()`` again."""

    def __init__(self, ctx: SessionContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="similar")
        self.ctx = ctx
        self.found: list[Similar] | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "Similar earlier incidents", classes="similar--title", markup=False
        )
        yield Static(
            "Looking through the archive…", classes="similar--body", markup=False
        )

    def on_mount(self) -> None:
        self._place()
        self.refresh_similar()

    def on_resize(self) -> None:
        self._place()

    def _place(self) -> None:
        """Show the side column only when wide enough and something is found."""
        wide = self.screen.size.width >= MIN_WIDTH
        holder = self.parent
        show = wide and bool(self.found)
        if holder is not None and hasattr(holder, "display"):
            holder.display = show

    def refresh_similar(self) -> None:
        self._compute(summarize(self.ctx.pm))

    @work(thread=True, exclusive=True, group="similar")
    def _compute(self, mine: dict[str, object]) -> None:
        try:
            entries = self.ctx.archive.entries()
        except OSError:
            entries = []
        records = [(e.path.name, lean_record(e.summary)) for e in entries if e.summary]
        found = similar_incidents(
            lean_record(mine), records, exclude=self.ctx.path.name, limit=MAX_SHOWN
        )
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[Similar]) -> None:
        self.found = found
        body = self.query_one(".similar--body", Static)
        body.update(describe(found))
        self._place()


def describe(found: list[Similar]) -> str:
    """The panel's text: each earlier incident, why it is alike, its open
    actions (status in words, not colour)."""
    if not found:
        return "None found: no earlier post-mortem shares tags, services or causes."
    blocks = []
    for s in found:
        lines = [f"▸ {s.title}", f"  {incident_day(s.record)} · {s.reason}"]
        actions = s.open_actions
        for a in actions[:MAX_ACTIONS]:
            owner = a.get("owner") or "no owner"
            due = f", due {a['due']}" if a.get("due") else ""
            lines.append(f"  ○ open: {a.get('text')} ({owner}{due})")
        if len(actions) > MAX_ACTIONS:
            lines.append(f"  … {len(actions) - MAX_ACTIONS} more open")
        if not actions:
            lines.append("  ✓ no open actions")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
