"""A ticked checklist stored in a ``dict[str, bool]`` (the preparation checklist).

Space, Enter or a click ticks an item; the dict is changed in place and
``Edited`` goes up so the app saves it. A ticked box shows ✓, an open one is
blank (not colour alone), and a line below counts what is done.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.widgets import Checkbox, Static

from pmtui.messages import Edited


class TickBox(Checkbox):
    """A checkbox that shows ✓ when ticked and nothing when not: not colour alone.
    With ``text-wrap: wrap`` (the checklist's style) a long label wraps onto
    more lines; Textual's checkbox is always one line high."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, self.render().get_height(self.styles, width))


class Checklist(Vertical):
    def __init__(
        self,
        items: tuple[tuple[str, str], ...],
        ticks: dict[str, bool],
        *,
        read_only: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="checklist")
        self.items = items
        self.ticks = ticks
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        for key, text in self.items:
            yield TickBox(
                text,
                self.ticks.get(key, False),
                id=f"check-{key}",
                disabled=self.read_only,
                classes="checklist-item",
            )
        yield Static("", classes="checklist-count", markup=False)

    def on_mount(self) -> None:
        self._count()

    def _count(self) -> None:
        done = sum(1 for key, _ in self.items if self.ticks.get(key))
        total = len(self.items)
        mark = "✓" if done == total else "○"
        self.query_one(".checklist-count", Static).update(
            f"{mark} {done} of {total} done"
        )

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        key = (event.checkbox.id or "").removeprefix("check-")
        if self.read_only or self.ticks.get(key, False) == event.value:
            return
        self.ticks[key] = event.value
        self._count()
        self.post_message(Edited())

    def refresh_ticks(self) -> None:
        for key, _ in self.items:
            box = self.query_one(f"#check-{key}", Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = self.ticks.get(key, False)
        self._count()
