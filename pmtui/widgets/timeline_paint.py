"""Work that waits until a widget's next paint is on screen.

An import changes the whole table, the metrics beside it and the detail line
under it. Drawn in one frame, that frame costs what three do; so the screen
draws the table, and only once the table is painted asks for the next part
(:meth:`PaintWaiters.add`). Textual's ``call_after_refresh`` cannot tell:
it may run before the widget has even told the screen it needs a repaint.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget


class PaintWaiters:
    """Callbacks for after ``widget``'s next paint; the widget calls
    :meth:`painted` from its ``render_lines``."""

    def __init__(self, widget: Widget) -> None:
        self._widget = widget
        self._waiting: list[Callable[[], object]] = []

    def add(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the widget's next paint is done (the
        caller has asked for that paint); at once after the next refresh if
        the widget is not on screen (hidden: no paint would come)."""
        if self._widget.is_on_screen:
            self._waiting.append(callback)
        else:
            self._widget.call_after_refresh(callback)

    def painted(self) -> None:
        """The widget is being painted: its waiters run after this frame."""
        if self._waiting:
            waiting, self._waiting = self._waiting, []
            for callback in waiting:
                self._widget.call_later(callback)
