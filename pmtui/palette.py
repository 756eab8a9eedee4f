"""The command palette's (ctrl+p) own commands, beside Textual's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from pmtui.model.enums import Step
from pmtui.themes import presentation_commands
from pmtui.widgets.stepper import step_key

if TYPE_CHECKING:
    from textual.screen import Screen

    from pmtui.app import PmtuiApp


def pmtui_commands(app: PmtuiApp, screen: Screen[object]) -> Iterator[SystemCommand]:
    """Each step, save, undo and home while a post-mortem is open; the
    timer, focus mode and themes; help."""
    if app.ctx is not None:
        for step in Step:
            yield SystemCommand(
                f"Step: {step.label}",
                f"Go to the {step.label} step ({step_key(step).upper()})",
                lambda s=step: app.goto(s.value),
            )
        yield SystemCommand(
            "Save now", "Write the post-mortem to disk", app.action_save
        )
        yield SystemCommand(
            "Undo delete", "Bring back the last deletion", app.action_undo
        )
        yield SystemCommand("Home", "Close this post-mortem, list all", app.action_home)
    yield from presentation_commands(app, screen, app.action_toggle_focus_mode)
    yield SystemCommand("Help", "Every key (F1)", app.action_help)
