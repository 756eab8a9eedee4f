"""The parking lot at Next steps: each parked idea kept, dropped or an action.

Keys are bound on the list (never on an input): k keep, x drop, a make an
action, o back to open. The list posts :class:`ParkList.Decide` up.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pmtui.model.enums import ParkedState, Step
from pmtui.model.next_steps import PARKED_MARKS
from pmtui.model.session import ParkedItem

EMPTY = "(nothing parked: ctrl+l parks an idea at any step)"


class ParkList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "decide('kept')", "Keep"),
        Binding("x", "decide('dropped')", "Drop"),
        Binding("a", "decide('action')", "Make action"),
        Binding("o", "decide('open')", "Reopen"),
    ]

    class Decide(Message):
        """Set the parked item at ``index`` to ``state``."""

        def __init__(self, index: int, state: ParkedState) -> None:
            super().__init__()
            self.index = index
            self.state = state

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = 0
        self.read_only = False

    def show(self, items: list[ParkedItem]) -> None:
        keep = self.highlighted
        self.clear_options()
        self.count = len(items)
        if not items:
            self.add_option(Option(Text(EMPTY), disabled=True))
            return
        self.add_options(Option(_prompt(item)) for item in items)
        if keep is not None:
            self.highlighted = min(keep, len(items) - 1)

    def on_focus(self) -> None:
        if self.highlighted is None and self.count:
            self.highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "decide":
            if self.read_only:
                return False
            highlighted = self.highlighted
            return (
                True if highlighted is not None and highlighted < self.count else None
            )
        return True

    def action_decide(self, state: str) -> None:
        index = self.highlighted
        if self.read_only or index is None or not 0 <= index < self.count:
            return
        self.post_message(self.Decide(index, ParkedState(state)))


def _prompt(item: ParkedItem) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, min_width=9)
    grid.add_column(ratio=1)
    mark = PARKED_MARKS[item.state]
    text = Text(item.text)
    if item.step:
        try:
            where = Step(item.step).label
        except ValueError:
            where = item.step
        text.append(f"  (from {where})", style="dim")
    grid.add_row(Text(mark, style="bold"), text)
    return grid
