"""Customer impact: free text, optional figures, data loss yes/no with details.

Text is stored as it is typed. A figure is read when Enter is pressed or
focus leaves it; bad text gets a message under it and stays typed, the
stored figure is untouched. Empty means "not known".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Checkbox, Input, TextArea

from pmtui.messages import Edited
from pmtui.model.incident_input import (
    InputError,
    format_figure,
    parse_count,
    parse_minutes,
    parse_percent,
)
from pmtui.model.session import Impact
from pmtui.widgets.checklist import TickBox
from pmtui.widgets.field import Field

Reader = Callable[[str], Any]

# attribute, label, placeholder, reader
FIGURES: tuple[tuple[str, str, str, Reader], ...] = (
    (
        "users_affected",
        "Users affected",
        "12400",
        lambda t: parse_count(t, "Users affected"),
    ),
    ("failed_requests_pct", "Failed requests %", "38", parse_percent),
    ("duration_minutes", "Impact duration", "47m or 1h10m", parse_minutes),
    (
        "support_tickets",
        "Support tickets",
        "212",
        lambda t: parse_count(t, "Support tickets"),
    ),
)
READERS = {name: reader for name, _, _, reader in FIGURES}


def figure_text(impact: Impact, name: str) -> str:
    value = getattr(impact, name)
    if name == "duration_minutes" and value is not None:
        return f"{value}m"
    return format_figure(value)


class ImpactForm(Vertical):
    def __init__(
        self, impact: Impact, *, read_only: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="impact-form")
        self.impact = impact
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        impact, ro = self.impact, self.read_only
        yield Field(
            "What customers saw (free text)",
            TextArea(
                impact.description,
                id="impact-description",
                soft_wrap=True,
                disabled=ro,
                classes="short-text",
            ),
        )
        with Grid(classes="figures"):
            for name, label, placeholder, _ in FIGURES:
                yield Field(
                    label,
                    Input(
                        figure_text(impact, name),
                        placeholder=placeholder,
                        id=f"fig-{name}",
                        disabled=ro,
                    ),
                    id=f"fig-{name}-field",
                )
        yield TickBox("Data was lost", impact.data_loss, id="data-loss", disabled=ro)
        yield Field(
            "Data loss details",
            Input(
                impact.data_loss_details,
                placeholder="what was lost, or why nothing was",
                id="data-loss-details",
                disabled=ro,
            ),
        )

    def refresh_values(self) -> None:
        for name, *_ in FIGURES:
            self.query_one(f"#fig-{name}", Input).value = figure_text(self.impact, name)
            self.query_one(f"#fig-{name}-field", Field).set_error(None)

    def _changed(self) -> None:
        if not self.read_only:
            self.post_message(Edited())

    @on(TextArea.Changed, "#impact-description")
    def _description(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.impact.description:
            self.impact.description = event.text_area.text
            self._changed()

    @on(Input.Changed, "#data-loss-details")
    def _details(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.impact.data_loss_details:
            self.impact.data_loss_details = event.value
            self._changed()

    @on(Checkbox.Changed, "#data-loss")
    def _data_loss(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value != self.impact.data_loss:
            self.impact.data_loss = event.value
            self._changed()

    @on(Input.Submitted, ".figures Input")
    @on(Input.Blurred, ".figures Input")
    def _figure(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        if self.read_only or not self.is_attached:
            return
        name = (event.input.id or "").removeprefix("fig-")
        field = self.query_one(f"#fig-{name}-field", Field)
        try:
            value = READERS[name](event.value)
        except InputError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        if value != getattr(self.impact, name):
            setattr(self.impact, name, value)
            self._changed()
        if isinstance(event, Input.Submitted):
            event.input.value = figure_text(self.impact, name)
