"""The report's first sections: header, summary, impact, key metrics, timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from pmtui.model.enums import EventKind, KeyMoment
from pmtui.model.session import PostMortem
from pmtui.model.timeline import incident_date, key_time, metrics, sorted_events
from pmtui.report import values
from pmtui.report.escape import one_line
from pmtui.report.flavour import Flavour, Section

UNTITLED = "Untitled post-mortem"


class Ctx:
    """What every section needs: the post-mortem, the flavour, the zone."""

    __slots__ = ("flavour", "pm", "show_utc", "zone", "zone_name")

    def __init__(self, pm: PostMortem, flavour: Flavour) -> None:
        self.pm = pm
        self.flavour = flavour
        zone, self.zone_name = values.zone_of(pm.timezone)
        self.zone: tzinfo = zone
        self.show_utc = not values.is_utc(zone)

    def when(self, moment: datetime, *, with_date: bool) -> list[str]:
        """Cells for a moment: local time, and UTC beside it when it differs."""
        local = values.clock_time(moment, self.zone, with_date=with_date)
        if not self.show_utc:
            return [local]
        return [local, values.clock_time(moment, UTC, with_date=with_date)]

    def time_header(self) -> list[str]:
        return [f"Time ({self.zone_name})", "UTC"] if self.show_utc else ["Time (UTC)"]

    def note(self, line: str) -> str:
        """A paragraph of our own, in emphasis (``None recorded.``)."""
        out = self.flavour
        return out.paragraph(out.em(out.line(line)))


def not_recorded(ctx: Ctx) -> str:
    return ctx.note("None recorded.")


def title(pm: PostMortem) -> str:
    return one_line(pm.incident.title) or UNTITLED


def header(ctx: Ctx) -> list[str]:
    """The facts under the title: status, severity, date, people."""
    out, pm, inc = ctx.flavour, ctx.pm, ctx.pm.incident
    began = incident_date(pm)
    date = (
        f"{values.local_date(began, ctx.zone)} ({out.line(ctx.zone_name)})"
        if began
        else "not known"
    )
    items = [
        out.fact("Status", out.line(pm.status.label)),
        out.fact("Severity", out.line(inc.severity.label)),
        out.fact("Date", date),
    ]
    if inc.services:
        services = ", ".join([out.inline(s) for s in inc.services])
        items.append(out.fact("Services", services))
    people = [
        f"{out.inline(p.name)} ({out.line(p.role.label)})"
        for p in inc.participants
        if p.name
    ]
    if people:
        items.append(out.fact("Participants", ", ".join(people)))
    if pm.next_steps.owner.strip():
        items.append(out.fact("Post-mortem owner", out.inline(pm.next_steps.owner)))
    return [out.bullets(items)]


def summary(ctx: Ctx) -> Section:
    text = ctx.pm.incident.summary
    return Section("Summary", ctx.flavour.paragraphs(text) or [not_recorded(ctx)])


def impact(ctx: Ctx) -> Section:
    out, imp = ctx.flavour, ctx.pm.incident.impact
    blocks = out.paragraphs(imp.description)
    figures = []
    if imp.users_affected is not None:
        figures.append(out.fact("Users affected", values.number(imp.users_affected)))
    if imp.failed_requests_pct is not None:
        pct = values.number(imp.failed_requests_pct)
        figures.append(out.fact("Failed requests", f"{pct}%"))
    if imp.duration_minutes is not None:
        minutes = values.duration(timedelta(minutes=imp.duration_minutes))
        figures.append(out.fact("Duration of impact", minutes))
    if imp.support_tickets is not None:
        tickets = values.number(imp.support_tickets)
        figures.append(out.fact("Support tickets", tickets))
    if imp.data_loss:
        details = out.text(imp.data_loss_details, indent=2)
        loss = "yes" + (f": {details}" if details else "")
        figures.append(out.fact("Data loss", loss))
    elif blocks or figures:
        figures.append(out.fact("Data loss", "none"))
    if figures:
        blocks.append(out.bullets(figures))
    return Section("Impact", blocks or [not_recorded(ctx)])


_METRICS = (
    ("Time to detect", "time_to_detect", "impact began → detected"),
    ("Time to mitigate", "time_to_mitigate", "impact began → mitigated"),
    ("Time to resolve", "time_to_resolve", "impact began → resolved"),
)


def key_metrics(ctx: Ctx) -> Section:
    out, pm = ctx.flavour, ctx.pm
    moments = [(m, key_time(pm, m)) for m in KeyMoment]
    known = [(m, t) for m, t in moments if t is not None]
    if not known:
        return Section(
            "Key metrics", [ctx.note("No key moments are marked on the timeline yet.")]
        )
    found = metrics(pm)
    rows = [
        [out.line(name), values.duration(getattr(found, attr)), out.line(span)]
        for name, attr, span in _METRICS
    ]
    blocks = [out.table(["Metric", "Duration", "Measured"], rows)]
    with_date = values.spans_days((t for _, t in known), ctx.zone)
    key_rows = [
        [out.line(m.label.capitalize()), *ctx.when(t, with_date=with_date)]
        for m, t in known
    ]
    if not with_date:
        day = values.local_date(known[0][1], ctx.zone)
        blocks.append(out.paragraph(f"Key moments on {day}:"))
    blocks.append(out.table(["Key moment", *ctx.time_header()], key_rows))
    if out.mermaid:
        from pmtui.report.diagrams import phases_gantt  # gfm only

        gantt = phases_gantt(pm, ctx.zone, ctx.zone_name)
        if gantt:
            blocks.append(gantt)
    return Section("Key metrics", blocks)


def timeline(ctx: Ctx) -> Section:
    out = ctx.flavour
    events = sorted_events(ctx.pm)
    if not events:
        return Section("Timeline", [not_recorded(ctx)])
    local = [e.at.astimezone(ctx.zone) for e in events]  # once: zone rules cost
    with_date = values.spans_days(local)
    blocks = []
    if not with_date:
        day = values.local_date(events[0].at, ctx.zone)
        blocks.append(out.paragraph(f"All times on {day} ({out.line(ctx.zone_name)})."))
    none, clock = values.NONE, values.clock_text
    kinds = {k: out.line(k.label) for k in EventKind}
    keys = {m: out.strong(out.line(m.label)) for m in KeyMoment}
    texts = out.cells([e.text for e in events])
    sources = out.cells([e.source for e in events])
    rows = [
        [
            clock(at, with_date=with_date),
            text or none,
            kinds[e.kind],
            source or none,
            keys[e.key] if e.key else "",
        ]
        for e, at, text, source in zip(events, local, texts, sources, strict=True)
    ]
    if ctx.show_utc:  # the UTC column after the local one
        for row, e in zip(rows, events, strict=True):
            row.insert(1, clock(e.at.astimezone(UTC), with_date=with_date))
    header = [*ctx.time_header(), "What happened", "Kind", "Source", "Key moment"]
    blocks.append(out.table(header, rows))
    return Section("Timeline", blocks)
