"""Whole documents: the report and the pre-read, as Markdown of one flavour."""

from __future__ import annotations

from pmtui.model.enums import ReflectionList, Step
from pmtui.model.session import PostMortem
from pmtui.report import values
from pmtui.report.causes import detection, resolution, root_causes, trigger
from pmtui.report.escape import md_inline, md_paragraphs
from pmtui.report.facts import (
    Ctx,
    header,
    impact,
    key_metrics,
    summary,
    timeline,
    title,
)
from pmtui.report.followup import actions, next_steps, reflection, tags_and_links
from pmtui.report.markdown import (
    Flavour,
    Section,
    bullets,
    document,
    fact,
    heading,
    render_sections,
    table,
)

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


def report_markdown(pm: PostMortem, flavour: Flavour) -> str:
    ctx = Ctx.of(pm, flavour)
    blocks = [heading(1, title(pm)), *header(ctx)]
    blocks += render_sections(2, report_sections(ctx))
    return document(blocks)


def preread_markdown(pm: PostMortem, flavour: Flavour) -> str:
    """What participants read before the meeting: facts, the draft timeline,
    the agenda and the questions to come prepared with."""
    ctx = Ctx.of(pm, flavour)
    blocks = [heading(1, f"Pre-read: {title(pm)}"), *header(ctx)]
    if pm.prep.meeting_at is not None:
        when = values.clock_time(pm.prep.meeting_at, ctx.zone, with_date=True)
        blocks.append(
            f"The post-mortem meeting is on {when} ({md_inline(ctx.zone_name)})."
        )
    tone = Section("Why we meet")
    tone.blocks = [
        *md_paragraphs(pm.tone.statement),
        *md_paragraphs(pm.tone.purpose),
        *md_paragraphs(pm.tone.outcomes),
    ]
    facts = Section("Facts so far")
    facts.subsections = [summary(ctx), impact(ctx), key_metrics(ctx)]
    draft = timeline(ctx)
    draft.title = "Draft timeline"
    sections = [tone, facts, draft, _agenda(pm), _questions()]
    blocks += render_sections(2, sections)
    return document(blocks)


def _agenda(pm: PostMortem) -> Section:
    if not pm.tone.agenda:
        return Section("Agenda")
    rows = [
        [_step_label(item.step), values.plural(item.minutes, "minute")]
        for item in pm.tone.agenda
    ]
    total = sum(item.minutes for item in pm.tone.agenda)
    return Section(
        "Agenda",
        [
            table(["Step", "Time box"], rows),
            fact(
                "Total",
                f"{values.plural(total, 'minute')} of a "
                f"{pm.tone.meeting_minutes}-minute meeting",
            ),
        ],
    )


def _step_label(step: str) -> str:
    try:
        return md_inline(Step(step).label)
    except ValueError:
        return md_inline(step) or values.NONE


def _questions() -> Section:
    return Section(
        "Come prepared with",
        [bullets([md_inline(q) for q in PREREAD_QUESTIONS])],
    )
