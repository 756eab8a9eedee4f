"""The 5 Whys tab: the tree, a line about the selected why, its text field and
the buttons (the mouse way to the same actions as the tree's keys)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static

from pmtui.messages import Edited
from pmtui.model import whys
from pmtui.model.session import Action, Causes, WhyNode
from pmtui.model.whys import ROOT_CAUSE_MARK
from pmtui.widgets.field import Field
from pmtui.widgets.whys_tree import WhysTree

# label, action, its key on the tree (the button's tooltip)
BUTTONS = (
    ("Why?", "ask_why", "w"),
    ("Sibling", "add_sibling", "s"),
    ("Edit", "edit_why", "enter or e"),
    ("◆ Root", "toggle_root_cause", "r"),
    ("→ Action", "why_action", "a"),
    ("Delete", "delete_why", "delete"),
    ("↑", "move_why('up')", "alt+↑: move up"),
    ("↓", "move_why('down')", "alt+↓: move down"),
    ("→ In", "move_why('in')", "alt+→: indent under the why above"),
    ("← Out", "move_why('out')", "alt+←: outdent"),
)


class WhysPanel(Vertical):
    """The tree, a line about the selected why, its text field and buttons.

    The field always shows the highlighted node's text; typing there edits it
    live, enter goes back to the tree, escape puts the old text back (and
    drops a just-asked why left empty). The buttons run the screen's actions.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_edit", "Cancel edit", show=False),
    ]

    def __init__(
        self,
        causes: Causes,
        *,
        actions: Callable[[], list[Action]],
        read_only: bool,
        id: str | None = None,
    ) -> None:
        """``actions``: the post-mortem's actions now (a node an action
        addresses shows that action's id)."""
        super().__init__(id=id)
        self.causes = causes
        self.actions = actions
        self.read_only = read_only
        self.editing: tuple[str, str, bool] | None = None  # id, old text, new?

    def compose(self) -> ComposeResult:
        yield WhysTree(id="whys")
        yield Static("", id="why-hint", markup=False)
        yield Field(
            "Selected why (type to edit · enter: done · escape: undo)",
            Input(id="why-text", disabled=self.read_only, select_on_focus=False),
            id="why-field",
        )
        with Horizontal(id="why-buttons"):
            for label, action, key in BUTTONS:
                button = Button(
                    label,
                    action=f"screen.{action}",
                    compact=True,
                    disabled=self.read_only,
                    classes="why-button",
                    tooltip=f"Key: {key}",
                )
                button.can_focus = False  # the same keys work on the tree
                yield button

    @property
    def tree(self) -> WhysTree:
        return self.query_one(WhysTree)

    @property
    def field(self) -> Field:
        return self.query_one("#why-field", Field)

    @property
    def box(self) -> Input:
        return self.query_one("#why-text", Input)

    def selected(self) -> tuple[WhyNode, int]:
        root = self.causes.whys
        node = whys.find(root, self.tree.selected_id or root.id) or root
        return node, whys.depth(root, node.id)

    def show(self, highlight: str | None = None) -> None:
        acted: dict[str, str] = {}
        for action in self.actions():
            if action.addresses:
                acted.setdefault(action.addresses, action.id)
        self.tree.show(self.causes.whys, highlight, acted)
        self._bind_input()

    def _bind_input(self) -> None:
        """Show the highlighted node's text in the field, and its hint."""
        node, level = self.selected()
        if self.box.value != node.text:
            with self.box.prevent(Input.Changed):
                self.box.value = node.text
        self.box.placeholder = (
            "The problem statement: what happened, in a sentence"
            if level == 0
            else f"Why {level}: why did the line above happen?"
        )
        name = "problem statement" if level == 0 else f"why {level}"
        mark = f" · {ROOT_CAUSE_MARK}" if node.root_cause else ""
        hint = whys.root_cause_hint(node, level)
        tip = ""
        if not self.causes.whys.children:
            tip = "  ·  enter: write it  ·  w: ask why it happened"
        line = self.query_one("#why-hint", Static)
        text = f"Selected: {name}{mark}{tip}" + (f"  ⚑ {hint}" if hint else "")
        line.update(text)
        line.set_class(bool(hint), "-hint")

    @on(OptionList.OptionHighlighted, "#whys")
    def _highlighted(self) -> None:
        self._bind_input()

    def start_typing(self, ident: str, *, fresh: bool) -> None:
        self.show(ident)
        node, _ = self.selected()
        self.editing = (node.id, node.text, fresh)
        self.box.focus()
        self.box.cursor_position = len(self.box.value)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.box and self.editing is None:
            node, _ = self.selected()
            self.editing = (node.id, node.text, False)

    @on(Input.Changed, "#why-text")
    def _typed(self, event: Input.Changed) -> None:
        node, _ = self.selected()
        if self.read_only or event.value == node.text:
            return
        node.text = event.value
        self.field.set_error(None)
        self.tree.refresh_node(node.id)
        self.post_message(Edited())

    @on(Input.Submitted, "#why-text")
    def _done(self, event: Input.Submitted) -> None:
        node, level = self.selected()
        fresh = self.editing is not None and self.editing[2]
        if event.value.strip():
            self.editing = None
            self.tree.focus()
        elif fresh and level > 0:
            self._drop(node)
        else:
            self.field.set_error(
                "Write a few words, or press Delete on the tree to remove it."
                if level
                else "The problem statement needs a sentence."
            )

    def action_cancel_edit(self) -> None:
        if self.editing is None or not self.box.has_focus:
            return
        ident, original, fresh = self.editing
        node = whys.find(self.causes.whys, ident)
        if node is not None and fresh and not node.text.strip():
            self._drop(node)
            return
        if node is not None and node.text != original:
            node.text = original
            self.post_message(Edited())
        self._finish(ident)

    def _drop(self, node: WhyNode) -> None:
        """A just-asked why left empty: take it away (nothing to undo)."""
        parent = whys.find_parent(self.causes.whys, node.id)
        whys.delete(self.causes.whys, node.id)
        self.post_message(Edited())
        self._finish(parent.id if parent else None)

    def _finish(self, ident: str | None) -> None:
        self.editing = None
        self.field.set_error(None)
        self.show(ident)
        self.tree.focus()
