"""The quick-add line: a time, then what happened; Enter adds.

``09:11 error-rate alert fired``, ``+7m rollback started``, ``now status page
updated``. A bad or missing time shows under the line and the text stays.
Typing here changes nothing else on screen (the table is not touched until
Enter), so it keeps up with a room talking however long the timeline is.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from pmtui.widgets.field import Field

LABEL = "New event: a time, then what happened · Enter adds"
PLACEHOLDER = "09:11 error-rate alert fired · +7m rollback started · now …"
FIRST_PLACEHOLDER = "the first event with its day: 18 Nov 09:04 checkouts start failing"


class QuickAddInput(Input):
    """The line itself; down goes to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_table", "To the table", show=False),
    ]
    # Input sets its virtual size on every keystroke, and a virtual size asks
    # the whole screen for a new layout (and a repaint of the table beside).
    # This line has a fixed size and no scrollbars: a keystroke repaints the
    # line alone, however long the timeline is.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class TableRequested(Message):
        """Move the focus to the table."""

    def action_to_table(self) -> None:
        self.post_message(self.TableRequested())


class QuickAdd(Field):
    """Label, the line, and the error line under it."""

    def __init__(self, *, disabled: bool = False) -> None:
        super().__init__(
            LABEL,
            QuickAddInput(placeholder=PLACEHOLDER, id="tl-add", disabled=disabled),
            id="tl-add-field",
        )
        self.has_error = False

    @property
    def input(self) -> QuickAddInput:
        assert isinstance(self.control, QuickAddInput)
        return self.control

    def set_first(self, first: bool) -> None:
        """An empty timeline: suggest typing the day with the first time."""
        self.input.placeholder = FIRST_PLACEHOLDER if first else PLACEHOLDER

    def show_error(self, message: str | None) -> None:
        """Set or clear the message; clearing an empty one costs nothing."""
        if message is None and not self.has_error:
            return
        self.has_error = message is not None
        self.set_error(message)
