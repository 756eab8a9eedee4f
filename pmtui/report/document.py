"""Whole documents: the report and the pre-read, in one flavour."""

from __future__ import annotations

from pmtui.model.enums import ReflectionList, Step
from pmtui.model.session import PostMortem
from pmtui.report import values
from pmtui.report.causes import detection, resolution, root_causes, trigger
from pmtui.report.facts import (
    Ctx,
    header,
    impact,
    key_metrics,
    summary,
    timeline,
    title,
)
from pmtui.report.flavour import Flavour, Section, render_sections
from pmtui.report.followup import actions, next_steps, reflection, tags_and_links

PREREAD_QUESTIONS = (
    "What did you see, and when? Check the draft timeline: what is missing or wrong?",
    "What did you do, and why did it make sense at the time?",
    "What made it hard to notice, understand or fix?",
    "What went well? What could be improved? Where did we get lucky?",
    "What would stop it from happening again, or make it smaller next time?",
    "Which logs, graphs, alerts or tickets should everyone see?",
)


def report_sections(ctx: Ctx) -> list[Section]:
    """The report's sections in the order of the design (SRE book, PagerDuty,
    Atlassian)."""
    return [
        summary(ctx),
        impact(ctx),
        key_metrics(ctx),
        timeline(ctx),
        root_causes(ctx),
        trigger(ctx),
        resolution(ctx),
        detection(ctx),
        *(reflection(ctx, which) for which in ReflectionList),
        actions(ctx),
        next_steps(ctx),
        tags_and_links(ctx),
    ]


def report(pm: PostMortem, flavour: Flavour) -> str:
    """The report: title, header facts, then every section with content."""
    ctx = Ctx(pm, flavour)
    blocks = [flavour.heading(1, title(pm)), *header(ctx)]
    blocks += render_sections(flavour, 2, report_sections(ctx))
    return flavour.document(blocks)


def preread(pm: PostMortem, flavour: Flavour) -> str:
    """What participants read before the meeting: facts, the draft timeline,
    the agenda and the questions to come prepared with."""
    ctx, out = Ctx(pm, flavour), flavour
    blocks = [out.heading(1, f"Pre-read: {title(pm)}"), *header(ctx)]
    if pm.prep.meeting_at is not None:
        when = values.clock_time(pm.prep.meeting_at, ctx.zone, with_date=True)
        zone = out.inline(ctx.zone_name)
        blocks.append(out.paragraph(f"The post-mortem meeting is on {when} ({zone})."))
    tone = Section("Why we meet")
    tone.blocks = [
        *out.paragraphs(pm.tone.statement),
        *out.paragraphs(pm.tone.purpose),
        *out.paragraphs(pm.tone.outcomes),
    ]
    facts = Section("Facts so far")
    facts.subsections = [summary(ctx), impact(ctx), key_metrics(ctx)]
    draft = timeline(ctx)
    draft.title = "Draft timeline"
    sections = [tone, facts, draft, _agenda(ctx), _questions(out)]
    blocks += render_sections(out, 2, sections)
    return out.document(blocks)


def _agenda(ctx: Ctx) -> Section:
    out, tone = ctx.flavour, ctx.pm.tone
    if not tone.agenda:
        return Section("Agenda")
    rows = [
        [_step_label(out, item.step), values.plural(item.minutes, "minute")]
        for item in tone.agenda
    ]
    total = sum(item.minutes for item in tone.agenda)
    minutes = (
        f"{values.plural(total, 'minute')} of a {tone.meeting_minutes}-minute meeting"
    )
    return Section(
        "Agenda",
        [
            out.table(["Step", "Time box"], rows),
            out.paragraph(out.fact("Total", minutes)),
        ],
    )


def _step_label(out: Flavour, step: str) -> str:
    try:
        return out.inline(Step(step).label)
    except ValueError:
        return out.inline(step) or values.NONE


def _questions(out: Flavour) -> Section:
    return Section(
        "Come prepared with",
        [out.bullets([out.inline(q) for q in PREREAD_QUESTIONS])],
    )
