"""Step 0: the incident's facts and the meeting's preparation.

Facts, the four key times (marks on timeline events), impact, summary, links,
participants, the checklist, the meeting time against the 24-72 h window, the
warranted hint; ctrl+r writes the pre-read. ``#incident-side``: similar ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from pmtui.messages import Edited
from pmtui.model.enums import KeyMoment, Severity, Step
from pmtui.model.incident_input import InputError, check_timezone, parse_tags
from pmtui.model.incident_input import parse_services as read_services
from pmtui.model.prep import meeting_timing, related_summaries, warranted_hint
from pmtui.model.session import PREP_CHECKLIST
from pmtui.model.timeline import key_time, out_of_order
from pmtui.screens.base import StepScreen
from pmtui.screens.preread import PREREAD_HELP, write_preread
from pmtui.widgets.checklist import Checklist
from pmtui.widgets.field import Field
from pmtui.widgets.incident_fields import (
    TIME_HELP,
    ListSuggester,
    TimeField,
    key_time_field,
)
from pmtui.widgets.incident_impact import ImpactForm
from pmtui.widgets.incident_lists import LinksEditor, ListEditor, ParticipantsEditor
from pmtui.widgets.similar import SimilarPanel


class IncidentScreen(StepScreen):
    STEP = Step.INCIDENT
    HELP_TITLE = "Incident"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "preread", "Write pre-read", id="preread"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tag_suggester = ListSuggester()
        self.summaries: list[tuple[str, dict[str, Any]]] = []

    def compose_body(self) -> ComposeResult:
        pm, ro = self.pm, self.ctx.read_only
        incident = pm.incident
        with Horizontal(id="incident-columns"):
            with VerticalScroll(id="incident-body", can_focus=False):
                yield Static("Incident", classes="section-title")
                yield Field(
                    "Title",
                    Input(
                        incident.title, id="title", disabled=ro, select_on_focus=False
                    ),
                )
                with Grid(classes="pair"):
                    yield Field(
                        "Severity",
                        Select[Severity](
                            [(s.value, s) for s in Severity],
                            value=incident.severity,
                            allow_blank=False,
                            id="severity",
                            disabled=ro,
                        ),
                    )
                    yield Field(
                        "Time zone (IANA name)",
                        Input(pm.timezone, id="timezone", disabled=ro),
                        id="timezone-field",
                    )
                yield Field(
                    "Services (comma-separated)",
                    Input(
                        ", ".join(incident.services),
                        placeholder="checkout-api, payments-gateway",
                        id="services",
                        disabled=ro,
                    ),
                )
                yield Field(
                    "Tags (lower-case-hyphen, comma-separated; → accepts a suggestion)",
                    Input(
                        ", ".join(incident.tags),
                        placeholder="tls, config-change",
                        suggester=self.tag_suggester,
                        id="tags",
                        disabled=ro,
                    ),
                    id="tags-field",
                )
                yield Static("Key times", classes="section-title")
                yield Static(TIME_HELP, classes="section-help", markup=False)
                with Grid(id="key-times", classes="pair"):
                    for moment in KeyMoment:
                        yield key_time_field(self.ctx, moment)
                yield Static("", id="order-warnings", markup=False)
                yield Static("Customer impact", classes="section-title")
                yield ImpactForm(incident.impact, read_only=ro, id="impact")
                yield Field(
                    "Summary",
                    TextArea(
                        incident.summary,
                        id="summary",
                        soft_wrap=True,
                        disabled=ro,
                        classes="long-text",
                    ),
                )
                yield Static(
                    "Links (logs, metrics, dashboards, tickets)",
                    classes="section-title",
                )
                yield LinksEditor(incident.links, read_only=ro, id="links")
                yield Static("Participants", classes="section-title")
                yield ParticipantsEditor(
                    incident.participants, read_only=ro, id="people"
                )
                yield Static("Preparation", classes="section-title")
                yield Checklist(
                    PREP_CHECKLIST, pm.prep.checklist, read_only=ro, id="checklist"
                )
                yield TimeField(
                    "Meeting scheduled for",
                    self.ctx,
                    lambda: self.pm.prep.meeting_at,
                    self._set_meeting,
                    placeholder="2026-11-20 14:00",
                    id="meeting-at",
                )
                yield Static("", id="meeting-timing", markup=False)
                yield Static("", id="warranted", markup=False)
                yield Static(PREREAD_HELP, classes="section-help", markup=False)
            with Vertical(id="incident-side", classes="side-panel"):
                yield SimilarPanel(self.ctx, id="incident-similar")

    def _set_meeting(self, at: datetime | None) -> None:
        self.pm.prep.meeting_at = at

    def on_mount(self) -> None:
        self._refresh_checks()
        self._load_archive()

    # -- simple fields -------------------------------------------------------

    @on(Input.Changed, "#title")
    def _title(self, event: Input.Changed) -> None:
        if event.value != self.pm.incident.title and not self.ctx.read_only:
            self.pm.incident.title = event.value
            self.update_header()
            self.edited()

    @on(Input.Changed, "#services")
    def _services(self, event: Input.Changed) -> None:
        services = read_services(event.value)
        if services != self.pm.incident.services and not self.ctx.read_only:
            self.pm.incident.services = services
            self.edited()

    @on(TextArea.Changed, "#summary")
    def _summary(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != self.pm.incident.summary and not self.ctx.read_only:
            self.pm.incident.summary = text
            self.edited()

    @on(Select.Changed, "#severity")
    def _severity(self, event: Select.Changed) -> None:
        value = event.value
        if self.ctx.read_only or not isinstance(value, Severity):
            return
        if value is not self.pm.incident.severity:
            self.pm.incident.severity = value
            self.edited()

    @on(Input.Submitted, "#tags")
    @on(Input.Blurred, "#tags")
    def _tags(self, event: Input.Submitted | Input.Blurred) -> None:
        if self.ctx.read_only or not self.is_attached:
            return
        field = self.query_one("#tags-field", Field)
        try:
            tags = parse_tags(event.value)
        except InputError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        if isinstance(event, Input.Submitted):
            event.input.value = ", ".join(tags)
        if tags != self.pm.incident.tags:
            self.pm.incident.tags = tags
            self.edited()

    @on(Input.Submitted, "#timezone")
    @on(Input.Blurred, "#timezone")
    def _timezone(self, event: Input.Submitted | Input.Blurred) -> None:
        if self.ctx.read_only or not self.is_attached:
            return
        field = self.query_one("#timezone-field", Field)
        try:
            name = check_timezone(event.value)
        except InputError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        event.input.value = name
        if name != self.pm.timezone:
            self.pm.timezone = name
            self.edited()
            for time_field in self.query(TimeField):
                time_field.show(reset_text=True)

    # -- rules shown back ----------------------------------------------------

    @on(Edited)
    def _after_edit(self) -> None:
        self._refresh_checks()

    @on(events.DescendantFocus, "#meeting-at Input")
    def _show_meeting_checks(self) -> None:
        """The last field: scroll to the end, where the checks of the meeting
        time (24-72 h, warranted, the pre-read key) are read below it."""
        self.query_one("#incident-body", VerticalScroll).scroll_end(animate=False)

    def _refresh_checks(self) -> None:
        pm = self.pm
        warnings = out_of_order(pm)
        order = self.query_one("#order-warnings", Static)
        order.update("\n".join(f"⚠ {w} (a warning; it is saved)" for w in warnings))
        order.display = bool(warnings)
        check = meeting_timing(
            key_time(pm, KeyMoment.RESOLVED), pm.prep.meeting_at, self.ctx.clock.now()
        )
        timing = self.query_one("#meeting-timing", Static)
        timing.update(check.message)
        timing.set_class(check.warning, "-warning")
        me = str(self.ctx.path.resolve())
        repeats = len(related_summaries(pm, self.summaries, exclude=me))
        self.query_one("#warranted", Static).update(warranted_hint(pm, repeats).message)

    def refresh_from_model(self) -> None:
        for editor in self.query(ListEditor):
            editor.refresh_rows()
        self._refresh_checks()

    @work(thread=True, exclusive=True, group="incident-archive")
    def _load_archive(self) -> None:
        """Tags for suggestions and repeats, from the archive's summaries (slow)."""
        try:
            entries = self.ctx.archive.entries()
        except OSError:
            return
        summaries = [(str(e.path.resolve()), e.summary) for e in entries if e.summary]
        tags = {tag for _, s in summaries for tag in s.get("tags") or []}
        self.app.call_from_thread(self._archive_loaded, tags, summaries)

    def _archive_loaded(
        self, tags: set[str], summaries: list[tuple[str, dict[str, Any]]]
    ) -> None:
        self.tag_suggester.words = sorted(tags)
        self.summaries = summaries
        if self.is_attached:
            self._refresh_checks()

    # -- the pre-read --------------------------------------------------------

    def action_preread(self) -> None:
        write_preread(self)
