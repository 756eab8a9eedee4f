"""A progress bar made only when there is progress to show.

Home and the tracker show one while a stale cache is rebuilt; with a fresh
cache (the usual start) no bar is composed, styled or laid out at all.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widget import Widget


def show_progress(
    parent: Widget, bar_id: str, done: int, total: int, *, after: str
) -> None:
    """Show ``done`` of ``total`` in the bar ``bar_id``, made in ``parent``
    after the child ``after`` when it is not there yet."""
    from textual.widgets import ProgressBar

    bar = next(parent.query(f"#{bar_id}").results(ProgressBar), None)
    if bar is None:
        bar = ProgressBar(id=bar_id, show_eta=False)
        parent.mount(bar, after=after)
    bar.display = True
    bar.update(total=total, progress=done)


def hide_progress(node: DOMNode, bar_id: str) -> None:
    for bar in node.query(f"#{bar_id}"):
        bar.display = False
