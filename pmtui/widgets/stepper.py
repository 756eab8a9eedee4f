"""The stepper across the top: every meeting step, the current one marked.

The current step is reversed, bold and wrapped in ▸ ◂ so it shows without
colour. Narrow terminals get short labels; wide ones show each step's F-key.
Clicking a step posts :class:`GoToStep`.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from pmtui.messages import GoToStep
from pmtui.model.enums import Step

SHORT = {
    Step.INCIDENT: "Incident",
    Step.TONE: "Tone",
    Step.TIMELINE: "Timeline",
    Step.CAUSES: "Causes",
    Step.REFLECT: "Reflect",
    Step.ACTIONS: "Actions",
    Step.NEXT: "Next",
    Step.REPORT: "Report",
}
WIDE_AT = 140  # "F2 Incident › F3 Tone › …": the keys shown
FULL_AT = 112  # full labels, no keys


def step_key(step: Step) -> str:
    """The F-key that jumps to ``step``: F2 for the incident … F9 the report."""
    return f"f{step.number + 2}"


class Stepper(Widget):
    DEFAULT_CSS = "Stepper { height: 1; width: 100%; }"

    current: reactive[Step | None] = reactive(None)

    def __init__(self, current: Step | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current
        self._spans: list[tuple[int, int, Step]] = []

    def _label(self, step: Step, width: int) -> str:
        if width >= WIDE_AT:
            return f"{step_key(step).upper()} {step.label}"
        if width >= FULL_AT:
            return step.label
        return SHORT[step]

    def render(self) -> Text:
        width = self.size.width
        wide = width >= FULL_AT
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for n, step in enumerate(Step):
            if n:
                text.append(" › " if wide else "›", style="dim")
            label = self._label(step, width)
            start = len(text)
            if step is self.current:
                text.append(f"▸{label}◂", style="bold reverse")
            else:
                text.append(f" {label} ", style="" if self.current else "dim")
            self._spans.append((start, len(text), step))
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, step in self._spans:
            if start <= event.x < end:
                self.post_message(GoToStep(step))
                return
