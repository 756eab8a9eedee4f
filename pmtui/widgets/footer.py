"""The footer: every key of the moment on one line, Help always.

One widget that draws its keys as one line of text. Textual's ``Footer``
makes a widget per key and composes them again whenever the bindings change
(each focus change), which cost more than all the rest of the home screen's
first paint; this one only draws again. It reads the same bindings: those of
the focused widget and its ancestors, shown once per action, the disabled
ones dimmed, each one's tooltip on hover; a click presses the key.

Below :data:`NARROW` columns it is compact and leaves out the command-palette
key (ctrl+p is in F1's list), and every step screen lists F1 Help first, so
the key that shows all the others is never the one cut off.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

NARROW = 100


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    tooltip: str
    enabled: bool


def _width(key: _Key, compact: bool) -> int:
    """The cells ``key`` takes in the footer (without the gap after it)."""
    described = len(key.description) + 1 if key.description else 0
    return len(key.display) + (0 if compact else 2) + described


class PmtuiFooter(Widget):
    """The keys that work now; the command palette's key at the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key",
        "footer--description",
        "footer--hover",
        "footer--palette-border",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, _Key]] = []
        self._hover: int | None = None  # the number of the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    @property
    def compact(self) -> bool:
        return self.size.width < NARROW

    def _keys(self) -> tuple[list[_Key], _Key | None]:
        """The keys to show, and the command palette's (None: not shown)."""
        app = self.app
        shown: dict[str, _Key] = {}
        palette: _Key | None = None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            key = _Key(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                tooltip or binding.tooltip,
                enabled,
            )
            if binding.key == app.COMMAND_PALETTE_BINDING:
                palette = key
            elif binding.show:
                shown.setdefault(binding.action, key)
        if self.compact or not app.ENABLE_COMMAND_PALETTE:
            palette = None
        return list(shown.values()), palette

    def render(self) -> Text:
        keys, palette = self._keys()
        compact = self.compact
        key_style = self.get_component_rich_style("footer--key")
        text_style = self.get_component_rich_style("footer--description")
        hover = self.get_component_rich_style("footer--hover")
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []

        def add(key: _Key, compact: bool) -> None:
            start = len(line)
            pad = "" if compact else " "
            line.append(f"{pad}{key.display}{pad}", key_style)
            if key.description:
                desc = f" {key.description}" if compact else f"{key.description} "
                line.append(desc, text_style)
            end = len(line)
            if self._hover == len(self._spans):
                line.stylize(hover, start, end)
            if not key.enabled:
                line.stylize(dim, start, end)
            self._spans.append((start, end, key))

        gap = 1 if compact else 0
        more = "…"  # some keys left out: F1 lists them all
        for n, key in enumerate(keys):
            room = self.size.width - len(line)
            last = n == len(keys) - 1
            if _width(key, compact) + (0 if last else gap + len(more)) > room:
                line.append(more, text_style)  # never half a key
                palette = None  # the keys first: ctrl+p works all the same
                break
            add(key, compact)
            line.append(" " * gap)
        if palette is not None:  # at the right, when the keys leave room
            width = len(palette.display) + len(palette.description) + 3
            room = self.size.width - len(line) - width
            if room >= 1:
                line.append(" " * room)
                border = self.get_component_rich_style("footer--palette-border")
                line.append("▏", border)
                add(palette, compact=True)
                line.append(" ")
        return line

    # -- the mouse ----------------------------------------------------------

    def _at(self, x: int) -> int | None:
        """The number of the key at ``x``, if any."""
        for n, (start, end, _key) in enumerate(self._spans):
            if start <= x < end:
                return n
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._at(event.x)
        if hover != self._hover:
            self._hover = hover
            tooltip = self._spans[hover][2].tooltip if hover is not None else ""
            self.tooltip = tooltip or None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        n = self._at(event.x)
        if n is None:
            return
        key = self._spans[n][2]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
