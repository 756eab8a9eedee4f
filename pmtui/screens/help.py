"""F1: every key that works where you are, and the global ones."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
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


_GLOBAL_NAMES = frozenset(
    name.lower() for key, _ in GLOBAL_KEYS for name in key.split(" / ")
)
_WORDS = frozenset({"enter", "escape", "delete", "tab", "space", "backspace"})


def _key_name(key: str) -> str:
    """``slash,question_mark`` as ``/ / ?``: a symbol key by its symbol."""
    names = []
    for k in key.split(","):
        shown = format_key(k)
        names.append(shown if len(shown) == 1 and k not in _WORDS else k)
    return " / ".join(names)


def _key_table(title: str, rows: list[tuple[str, str]], key_width: int) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold underline",
        show_header=False,
        box=None,
        padding=(0, 1),
        expand=True,
    )
    table.add_column(style="bold", no_wrap=True, width=key_width)
    table.add_column(ratio=1)  # the room left goes to the descriptions
    for key, what in rows:
        table.add_row(key, what)
    return table


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
            yield Static(self._keys(), id="help-keys")
            yield Static("escape closes this help", classes="dialog-keys")

    def _keys(self) -> Group:
        """This screen's keys (one row per action, its keys together), then
        the ones that work everywhere, their key columns equally wide."""
        title = getattr(self.under, "HELP_TITLE", None) or type(self.under).__name__
        keys: dict[str, list[str]] = {}  # description -> keys, in order
        for binding in _bindings(self.under):
            if set(binding.key.split(",")) <= _GLOBAL_NAMES:
                continue  # told under "Everywhere"
            names = keys.setdefault(binding.description, [])
            if binding.description and binding.key not in names:
                names.append(binding.key)
        here = [(_key_name(",".join(n)), what) for what, n in keys.items() if what]
        width = max(len(key) for key, _ in [*here, *GLOBAL_KEYS])
        return Group(
            _key_table(
                f"On this screen ({title})",
                here or [("", "(no keys of its own)")],
                width,
            ),
            Text(""),
            _key_table("Everywhere", list(GLOBAL_KEYS), width),
        )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def _bindings(screen: Screen[object]) -> list[Binding]:
    """The focused widget's own shown keys (and its parents'), then the
    screen's own: Textual's focus and copy keys are in "Everywhere"."""
    found: list[Binding] = []
    node: DOMNode | None = screen.focused
    while node is not None and node is not screen:
        found += [b for b in _class_bindings(type(node)) if b.show]
        node = node.parent
    own = [
        b
        for cls in type(screen).__mro__
        if cls.__module__.startswith("pmtui.")
        for b in _class_bindings(cls, inherited=False)
    ]
    return found + own


def _class_bindings(kind: type[object], *, inherited: bool = True) -> list[Binding]:
    found: list[Binding] = []
    for cls in kind.__mro__ if inherited else (kind,):
        for item in vars(cls).get("BINDINGS", []) or []:
            if isinstance(item, Binding):
                found.append(item)
            elif isinstance(item, tuple):
                found.append(Binding(*item))
    return found
