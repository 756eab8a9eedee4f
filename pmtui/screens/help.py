"""F1: every key that works where you are, and the global ones."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GLOBAL_KEYS: tuple[tuple[str, str], ...] = (
    ("F1", "this help"),
    ("ctrl+p", "command palette: every step and command by name"),
    ("ctrl+q", "save and quit"),
    ("ctrl+n / ctrl+pagedown", "next step"),
    ("ctrl+b / ctrl+pageup", "previous step"),
    ("F2 … F9", "jump to a step: F2 Incident … F9 Report"),
    ("ctrl+s", "save now (every edit is saved anyway within a second)"),
    ("ctrl+z", "bring back the last thing deleted"),
    ("ctrl+l", "park an idea for later (it comes back at Next steps)"),
    ("ctrl+t", "start or pause the meeting clock and this step's time box"),
    ("ctrl+f", "focus mode for screen-sharing: no footer, no side panels"),
    ("tab / shift+tab", "next / previous field"),
)


def _key_name(key: str) -> str:
    return " / ".join(k.replace("ctrl+", "ctrl+") for k in key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close help"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog")
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box", id="help-box"):
            yield Static("Keys", classes="dialog-title")
            yield Static(self._screen_keys(), id="help-screen-keys")
            yield Static(self._global_keys(), id="help-global-keys")
            yield Static("escape closes this help", classes="dialog-keys")

    def _screen_keys(self) -> Table:
        title = getattr(self.under, "HELP_TITLE", None) or type(self.under).__name__
        table = Table(title=f"On this screen ({title})", show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        seen: set[str] = set()
        for binding in _bindings(self.under):
            if binding.description and binding.key not in seen:
                seen.add(binding.key)
                table.add_row(_key_name(binding.key), binding.description)
        if not seen:
            table.add_row("", "(no keys of its own)")
        return table

    def _global_keys(self) -> Table:
        table = Table(title="Everywhere", show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, what in GLOBAL_KEYS:
            table.add_row(key, what)
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def _bindings(screen: Screen[object]) -> list[Binding]:
    """The focused widget's own shown keys (and its parents'), then the screen's."""
    found: list[Binding] = []
    node: DOMNode | None = screen.focused
    while node is not None and node is not screen:
        found += [b for b in _class_bindings(type(node)) if b.show]
        node = node.parent
    return found + _class_bindings(type(screen))


def _class_bindings(kind: type[object]) -> list[Binding]:
    found: list[Binding] = []
    for cls in kind.__mro__:
        for item in getattr(cls, "BINDINGS", []) or []:
            if isinstance(item, Binding):
                found.append(item)
            elif isinstance(item, tuple):
                found.append(Binding(*item))
    return found
