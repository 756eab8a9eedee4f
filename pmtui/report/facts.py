"""The report's first sections: header, summary, impact, key metrics, timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from pmtui.model.enums import KeyMoment
from pmtui.model.session import PostMortem
from pmtui.model.timeline import incident_date, key_time, metrics, sorted_events
from pmtui.report import values
from pmtui.report.diagrams import phases_gantt
from pmtui.report.escape import md_inline, md_line, md_paragraphs, md_text, one_line
from pmtui.report.markdown import Flavour, Section, bullets, fact, table

NOT_RECORDED = "_None recorded._"
UNTITLED = "Untitled post-mortem"


@dataclass(frozen=True)
class Ctx:
    """What every section needs: the post-mortem, the flavour, the zone."""

    pm: PostMortem
    flavour: Flavour
    zone: tzinfo
    zone_name: str

    @classmethod
    def of(cls, pm: PostMortem, flavour: Flavour) -> Ctx:
        zone, name = values.zone_of(pm.timezone)
        return cls(pm, flavour, zone, name)

    @property
    def show_utc(self) -> bool:
        return not values.is_utc(self.zone)

    def when(self, moment: datetime, *, with_date: bool) -> list[str]:
        """Cells for a moment: local time, and UTC beside it when it differs."""
        local = values.clock_time(moment, self.zone, with_date=with_date)
        if not self.show_utc:
            return [local]
        return [local, values.clock_time(moment, UTC, with_date=with_date)]

    def time_header(self) -> list[str]:
        return [f"Time ({self.zone_name})", "UTC"] if self.show_utc else ["Time (UTC)"]


def title(pm: PostMortem) -> str:
    return one_line(pm.incident.title) or UNTITLED


def header(ctx: Ctx) -> list[str]:
    """The facts under the title: status, severity, date, people."""
    pm, inc = ctx.pm, ctx.pm.incident
    began = incident_date(pm)
    date = (
        f"{values.local_date(began, ctx.zone)} ({md_line(ctx.zone_name)})"
        if began
        else "not known"
    )
    items = [
        fact("Status", pm.status.label),
        fact("Severity", inc.severity.label),
        fact("Date", date),
    ]
    if inc.services:
        items.append(fact("Services", ", ".join(md_inline(s) for s in inc.services)))
    people = [
        f"{md_inline(p.name)} ({p.role.label})" for p in inc.participants if p.name
    ]
    if people:
        items.append(fact("Participants", ", ".join(people)))
    if ctx.pm.next_steps.owner.strip():
        items.append(fact("Post-mortem owner", md_inline(ctx.pm.next_steps.owner)))
    return [bullets(items)]


def summary(ctx: Ctx) -> Section:
    return Section("Summary", md_paragraphs(ctx.pm.incident.summary) or [NOT_RECORDED])


def impact(ctx: Ctx) -> Section:
    imp = ctx.pm.incident.impact
    blocks = md_paragraphs(imp.description)
    figures = []
    if imp.users_affected is not None:
        figures.append(fact("Users affected", values.number(imp.users_affected)))
    if imp.failed_requests_pct is not None:
        pct = values.number(imp.failed_requests_pct)
        figures.append(fact("Failed requests", f"{pct}%"))
    if imp.duration_minutes is not None:
        minutes = values.duration(timedelta(minutes=imp.duration_minutes))
        figures.append(fact("Duration of impact", minutes))
    if imp.support_tickets is not None:
        figures.append(fact("Support tickets", values.number(imp.support_tickets)))
    if imp.data_loss:
        details = md_text(imp.data_loss_details, indent=2)
        figures.append(fact("Data loss", "yes" + (f": {details}" if details else "")))
    elif blocks or figures:
        figures.append(fact("Data loss", "none"))
    if figures:
        blocks.append(bullets(figures))
    return Section("Impact", blocks or [NOT_RECORDED])


_METRICS = (
    ("Time to detect", "time_to_detect", "impact began → detected"),
    ("Time to mitigate", "time_to_mitigate", "impact began → mitigated"),
    ("Time to resolve", "time_to_resolve", "impact began → resolved"),
)


def key_metrics(ctx: Ctx) -> Section:
    pm = ctx.pm
    found = metrics(pm)
    moments = [(m, key_time(pm, m)) for m in KeyMoment]
    known = [(m, t) for m, t in moments if t is not None]
    if not known:
        return Section(
            "Key metrics", ["_No key moments are marked on the timeline yet._"]
        )
    rows = [
        [md_line(name), values.duration(getattr(found, attr)), md_line(span)]
        for name, attr, span in _METRICS
    ]
    blocks = [table(["Metric", "Duration", "Measured"], rows)]
    with_date = values.spans_days((t for _, t in known), ctx.zone)
    key_rows = [
        [md_line(m.label.capitalize()), *ctx.when(t, with_date=with_date)]
        for m, t in known
    ]
    if not with_date:
        blocks.append(f"Key moments on {values.local_date(known[0][1], ctx.zone)}:")
    blocks.append(table(["Key moment", *ctx.time_header()], key_rows))
    if ctx.flavour.mermaid:
        gantt = phases_gantt(pm, ctx.zone, ctx.zone_name)
        if gantt:
            blocks.append(gantt)
    return Section("Key metrics", blocks)


def timeline(ctx: Ctx) -> Section:
    events = sorted_events(ctx.pm)
    if not events:
        return Section("Timeline", [NOT_RECORDED])
    with_date = values.spans_days((e.at for e in events), ctx.zone)
    blocks = []
    if not with_date:
        when = values.local_date(events[0].at, ctx.zone)
        blocks.append(f"All times on {when} ({md_line(ctx.zone_name)}).")
    rows = [
        [
            *ctx.when(e.at, with_date=with_date),
            ctx.flavour.cell(e.text) or values.NONE,
            e.kind.label,
            ctx.flavour.cell(e.source) or values.NONE,
            f"**{e.key.label}**" if e.key else "",
        ]
        for e in events
    ]
    header = [*ctx.time_header(), "What happened", "Kind", "Source", "Key moment"]
    blocks.append(table(header, rows))
    return Section("Timeline", blocks)
