"""The report's last sections: went well, could improve, lucky, action items,
next steps, tags and links."""

from __future__ import annotations

from pmtui.model.enums import (
    ActionPriority,
    ActionStatus,
    ActionType,
    ParkedState,
    ReflectionList,
)
from pmtui.model.lookup import describe_target, reflection_list
from pmtui.model.session import Action, Item
from pmtui.report import values
from pmtui.report.escape import one_line
from pmtui.report.facts import Ctx, not_recorded
from pmtui.report.flavour import Flavour, Section

_REFLECTION_TITLES = {
    ReflectionList.WENT_WELL: "What went well",
    ReflectionList.COULD_IMPROVE: "What could be improved",
    ReflectionList.LUCKY: "Where we got lucky",
}
# What became of a parked idea, as the report says it.
PARKED_DECISIONS = {
    ParkedState.OPEN: "not decided",
    ParkedState.KEPT: "kept for later",
    ParkedState.DROPPED: "dropped",
    ParkedState.ACTION: "made an action",
}
ACTION_HEADER = (
    "Action",
    "Type",
    "Owner",
    "Due",
    "Priority",
    "Status",
    "Link",
)


def reflection(ctx: Ctx, which: ReflectionList) -> Section:
    """A list, most votes first (ties keep their order); left out when empty."""
    items = [i for i in reflection_list(ctx.pm, which) if one_line(i.text)]
    ranked = sorted(items, key=lambda i: -i.votes)
    return Section(
        _REFLECTION_TITLES[which],
        [ctx.flavour.bullets([_item(ctx.flavour, i) for i in ranked])] if items else [],
    )


def _item(out: Flavour, item: Item) -> str:
    votes = f" ({values.plural(item.votes, 'vote')})" if item.votes else ""
    return out.text(item.text, indent=2) + votes


def actions(ctx: Ctx) -> Section:
    out = ctx.flavour
    acts = [a for a in ctx.pm.actions if one_line(a.text)]
    if not acts:
        return Section("Action items", [not_recorded(ctx)])
    blocks = [out.table(ACTION_HEADER, _action_rows(ctx, acts))]
    addressed = [
        f"{out.text(a.text, indent=2)}: addresses {out.text(target, indent=2)}"
        for a in acts
        if (target := describe_target(ctx.pm, a.addresses))
    ]
    if addressed:
        blocks.append(out.paragraph("What each action addresses:"))
        blocks.append(out.bullets(addressed))
    return Section("Action items", blocks)


def _action_rows(ctx: Ctx, acts: list[Action]) -> list[list[str]]:
    out = ctx.flavour
    cell, day = out.cell, values.day
    no_owner = out.strong(out.line("no owner"))
    no_due = out.strong(out.line("no due date"))
    # labels once per value, not per row (separate tables: StrEnum members of
    # different vocabularies with the same value would be equal keys)
    types = {t: out.line(t.label) for t in ActionType}
    priorities = {p: out.line(p.label) for p in ActionPriority}
    statuses = {s: out.line(s.label) for s in ActionStatus}
    texts = out.cells([a.text for a in acts])
    owners = out.cells([a.owner for a in acts])
    rows = []
    for action, text, owner in zip(acts, texts, owners, strict=True):
        status = statuses[action.status]
        if action.reason.strip():
            status += f": {cell(action.reason)}"
        if action.closed_on is not None:
            status += f" ({action.closed_on:%Y-%m-%d})"
        link = action.link
        rows.append(
            [
                text,
                types[action.type],
                owner or no_owner,
                day(action.due) if action.due else no_due,
                priorities[action.priority],
                status,
                out.link(link, link) if link.strip() else "",
            ]
        )
    return rows


def next_steps(ctx: Ctx) -> Section:
    out, nxt = ctx.flavour, ctx.pm.next_steps
    items = [
        out.fact("Post-mortem owner", out.inline(nxt.owner) or values.NONE),
        out.fact("Follow-up meeting", values.day(nxt.follow_up)),
        out.fact("Review date (is it really solved?)", values.day(nxt.solved_check)),
    ]
    recipients = [out.inline(r) for r in nxt.recipients if one_line(r)]
    if recipients:
        items.append(out.fact("Report sent to", ", ".join(recipients)))
    blocks = [out.bullets(items)]
    runbooks = [out.text(r, indent=2) for r in nxt.runbooks if one_line(r)]
    if runbooks:
        blocks.append(out.paragraph("Runbooks to update:"))
        blocks.append(out.bullets(runbooks))
    parked = [
        f"{out.text(p.text, indent=2)} ({PARKED_DECISIONS[p.state]})"
        for p in ctx.pm.parking_lot
        if one_line(p.text)
    ]
    if parked:
        blocks.append(out.paragraph("Parking lot (ideas parked during the meeting):"))
        blocks.append(out.bullets(parked))
    return Section("Next steps", blocks)


def tags_and_links(ctx: Ctx) -> Section:
    out, inc = ctx.flavour, ctx.pm.incident
    blocks = []
    tags = [out.inline(t) for t in inc.tags if one_line(t)]
    if tags:
        blocks.append(out.paragraph(out.fact("Tags", ", ".join(tags))))
    links = [
        out.link(link.label, link.url)
        for link in inc.links
        if one_line(link.url) or one_line(link.label)
    ]
    if links:
        blocks.append(out.bullets(links))
    return Section("Tags and links", blocks)
