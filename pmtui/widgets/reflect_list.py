"""One list of steps 4-5: a title, a quick-add input and the items.

The quick-add input sits in a :class:`~pmtui.widgets.field.Field` (its label
hidden), so what is typed gets the same live blameless-language hint under it
as every other text field. The item list's keys (votes, edit, delete, move,
make an action, sort) are bound on the list itself, so they never steal
letters from the input; any other character typed on the list goes to the
quick-add input. The list posts :class:`ItemList.Command` up; the screen
changes the model.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pmtui.model.enums import ReflectionList
from pmtui.model.reflect import format_votes
from pmtui.model.session import Item
from pmtui.widgets.field import Field

TITLES = {
    ReflectionList.WENT_WELL: "✓ Went well",
    ReflectionList.COULD_IMPROVE: "△ Could be improved",
    ReflectionList.LUCKY: "◇ Where we got lucky",
}

CommandName = Literal["vote", "edit", "delete", "move", "action", "sort"]
_CHANGES: tuple[str, ...] = ("vote", "edit", "delete", "move", "action", "sort")


PLACEHOLDER = "New item… (enter adds)"


class QuickAdd(Input):
    """Type an item and press enter; down goes to the list below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_list", "To the list", show=False),
    ]

    def action_to_list(self) -> None:
        self.query_ancestor(ReflectPanel).items.focus()


class ItemList(OptionList):
    """The items, each with its votes; keys act on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign", "vote(1)", "Vote", key_display="+"),
        Binding("minus", "vote(-1)", "Unvote", key_display="-"),
        Binding("enter,e", "command('edit')", "Edit", key_display="enter"),
        Binding("delete,d", "command('delete')", "Delete", key_display="del"),
        Binding("m", "command('move')", "Move"),
        Binding("a", "command('action')", "Action"),
        Binding("s", "command('sort')", "Sort"),
    ]

    class Command(Message):
        """Do ``command`` to the item at ``index`` of ``which``."""

        def __init__(
            self,
            which: ReflectionList,
            command: CommandName,
            index: int,
            delta: int = 0,
        ) -> None:
            super().__init__()
            self.which = which
            self.command = command
            self.index = index
            self.delta = delta

    def __init__(self, which: ReflectionList, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="reflect-items")
        self.which = which
        self.read_only = False
        self.count = 0

    def show(self, items: list[Item], with_action: set[str]) -> None:
        """Re-render ``items``; the highlight stays at the same place."""
        keep = self.highlighted
        self.clear_options()
        self.count = len(items)
        if not items:
            self.add_option(
                Option(Text("(nothing yet: type above, enter adds)"), disabled=True)
            )
            return
        self.add_options(Option(_prompt(i, i.id in with_action)) for i in items)
        if keep is not None:
            self.highlighted = min(keep, len(items) - 1)

    def on_focus(self) -> None:
        """Arriving on the list highlights an item, ready for a key."""
        if self.highlighted is None and self.count:
            self.highlighted = 0

    def on_key(self, event: events.Key) -> None:
        """A character no key of the list uses starts a new item: it goes to
        the quick-add input, and so does what is typed after it."""
        character = event.character
        if self.read_only or not event.is_printable or not character:
            return
        quick = self.query_ancestor(ReflectPanel).input
        # keys typed fast (or pasted by a terminal) may already be on their
        # way here after the first one moved the cursor: they follow it
        moved = self.app.focused is quick
        if not moved and (
            character == " " or event.key in self._bindings.key_to_bindings
        ):
            return
        self.screen.set_focus(quick)
        quick.insert_text_at_cursor(character)
        event.stop()
        event.prevent_default()

    def _index(self) -> int | None:
        index = self.highlighted
        if index is None or not 0 <= index < self.count:
            return None
        return index

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "vote" or (action == "command" and parameters[:1] != ("sort",)):
            if self.read_only:
                return False
            return True if self._index() is not None else None
        if action == "command":
            return None if self.read_only or self.count < 2 else True
        return True

    def action_vote(self, delta: int) -> None:
        self._post("vote", delta)

    def action_command(self, command: str) -> None:
        if command in _CHANGES:
            self._post(command, 0)  # type: ignore[arg-type]  # checked just above

    def _post(self, command: CommandName, delta: int) -> None:
        index = self._index()
        if self.read_only or (index is None and command != "sort"):
            return
        self.post_message(self.Command(self.which, command, index or 0, delta))

    def action_cursor_up(self) -> None:
        """Up from the first item goes back to the quick-add input."""
        if self.highlighted in (None, 0) and self.parent is not None:
            self.parent.query_one(QuickAdd).focus()
            return
        super().action_cursor_up()

    async def _on_click(self, event: events.Click) -> None:
        """A click highlights; a double click edits."""
        clicked = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self._post("edit", 0)


def _prompt(item: Item, has_action: bool) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    text = Text(item.text)
    if has_action:
        text.append("  → action", style="bold")
    grid.add_row(Text(format_votes(item.votes), style="bold"), text)
    return grid


class ReflectPanel(Vertical):
    """Title, quick-add input and items of one list."""

    def __init__(self, which: ReflectionList) -> None:
        super().__init__(id=f"panel-{which.value}", classes="reflect-panel")
        self.which = which

    def compose(self) -> ComposeResult:
        yield Static(TITLES[self.which], classes="reflect-title", markup=False)
        yield Field(
            f"Add to {self.which.label}",  # hidden: the title says it
            QuickAdd(
                placeholder=PLACEHOLDER,  # the title names the list
                id=f"add-{self.which.value}",
                classes="reflect-add",
                select_on_focus=False,  # a letter typed on the list is kept
            ),
            id=f"add-field-{self.which.value}",
            cause=False,
        )
        yield ItemList(self.which, id=f"items-{self.which.value}")

    @property
    def input(self) -> QuickAdd:
        return self.query_one(QuickAdd)

    @property
    def field(self) -> Field:
        return self.query_one(Field)

    @property
    def items(self) -> ItemList:
        return self.query_one(ItemList)

    def show(self, items: list[Item], with_action: set[str]) -> None:
        title = f"{TITLES[self.which]} ({len(items)})"
        self.query_one(".reflect-title", Static).update(title)
        self.items.show(items, with_action)

    def set_read_only(self, read_only: bool) -> None:
        self.input.disabled = read_only
        self.items.read_only = read_only
