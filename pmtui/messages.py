"""Messages screens post up to the app: events up, data down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from pmtui.model.enums import Step

if TYPE_CHECKING:
    from pmtui.model.undo import Removal


class Edited(Message):
    """The open post-mortem changed: the app saves it within half a second."""


class Deleted(Message):
    """Something was deleted; ctrl+z can bring it back."""

    def __init__(self, removal: Removal[object]) -> None:
        super().__init__()
        self.removal = removal


class GoToStep(Message):
    """Ask the app to show a step."""

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step
