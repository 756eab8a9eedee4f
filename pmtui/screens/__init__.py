"""Screens. Step screens are imported only when first shown (fast start)."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from pmtui.model.enums import Step

if TYPE_CHECKING:
    from textual.screen import Screen

    from pmtui.screens.base import StepScreen

STEP_SCREENS: dict[Step, str] = {
    Step.INCIDENT: "pmtui.screens.incident:IncidentScreen",
    Step.TONE: "pmtui.screens.tone:ToneScreen",
    Step.TIMELINE: "pmtui.screens.timeline:TimelineScreen",
    Step.CAUSES: "pmtui.screens.causes:CausesScreen",
    Step.REFLECT: "pmtui.screens.reflect:ReflectScreen",
    Step.ACTIONS: "pmtui.screens.actions:ActionsScreen",
    Step.NEXT: "pmtui.screens.next_steps:NextStepsScreen",
    Step.REPORT: "pmtui.screens.report:ReportScreen",
}


def step_screen_class(step: Step) -> type[StepScreen]:
    module_name, _, class_name = STEP_SCREENS[step].partition(":")
    module = importlib.import_module(module_name)
    cls: type[StepScreen] = getattr(module, class_name)
    return cls


def step_screen(screen: Screen[object]) -> StepScreen | None:
    """``screen`` if it is a step screen.

    No step screen exists before their module is imported, and the home
    screen paints without importing it; so it is not imported here.
    """
    base = sys.modules.get("pmtui.screens.base")
    if base is not None and isinstance(screen, base.StepScreen):
        return screen
    return None
