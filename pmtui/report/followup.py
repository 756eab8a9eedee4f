"""The report's last sections: went well, could improve, lucky, action items,
next steps, tags and links."""

from __future__ import annotations

from pmtui.model.enums import ReflectionList
from pmtui.model.lookup import describe_target, reflection_list
from pmtui.model.session import Action, Item
from pmtui.report import values
from pmtui.report.escape import md_inline, md_text, one_line
from pmtui.report.facts import NOT_RECORDED, Ctx
from pmtui.report.markdown import Section, bullets, fact, table

_REFLECTION_TITLES = {
    ReflectionList.WENT_WELL: "What went well",
    ReflectionList.COULD_IMPROVE: "What could be improved",
    ReflectionList.LUCKY: "Where we got lucky",
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
        [bullets([_item(i) for i in ranked])] if items else [],
    )


def _item(item: Item) -> str:
    votes = f" ({values.plural(item.votes, 'vote')})" if item.votes else ""
    return md_text(item.text, indent=2) + votes


def actions(ctx: Ctx) -> Section:
    acts = [a for a in ctx.pm.actions if one_line(a.text)]
    if not acts:
        return Section("Action items", [NOT_RECORDED])
    rows = [_action_row(ctx, a) for a in acts]
    blocks = [table(ACTION_HEADER, rows)]
    addressed = [
        f"{md_text(a.text, indent=2)}: addresses {md_text(target, indent=2)}"
        for a in acts
        if (target := describe_target(ctx.pm, a.addresses))
    ]
    if addressed:
        blocks.append("What each action addresses:")
        blocks.append(bullets(addressed))
    return Section("Action items", blocks)


def _action_row(ctx: Ctx, action: Action) -> list[str]:
    status = action.status.label
    if action.reason.strip():
        status += f": {ctx.flavour.cell(action.reason)}"
    if action.closed_on is not None:
        status += f" ({action.closed_on:%Y-%m-%d})"
    return [
        ctx.flavour.cell(action.text),
        action.type.label,
        ctx.flavour.cell(action.owner) or "**no owner**",
        values.day(action.due) if action.due else "**no due date**",
        action.priority.label,
        status,
        ctx.flavour.link(action.link, action.link) if action.link.strip() else "",
    ]


def next_steps(ctx: Ctx) -> Section:
    nxt = ctx.pm.next_steps
    items = [
        fact("Post-mortem owner", md_inline(nxt.owner) or values.NONE),
        fact("Follow-up meeting", values.day(nxt.follow_up)),
        fact("Review date (is it really solved?)", values.day(nxt.solved_check)),
    ]
    recipients = [md_inline(r) for r in nxt.recipients if one_line(r)]
    if recipients:
        items.append(fact("Report sent to", ", ".join(recipients)))
    blocks = [bullets(items)]
    runbooks = [md_text(r, indent=2) for r in nxt.runbooks if one_line(r)]
    if runbooks:
        blocks.append("Runbooks to update:")
        blocks.append(bullets(runbooks))
    return Section("Next steps", blocks)


def tags_and_links(ctx: Ctx) -> Section:
    inc = ctx.pm.incident
    blocks = []
    tags = [md_inline(t) for t in inc.tags if one_line(t)]
    if tags:
        blocks.append(fact("Tags", ", ".join(tags)))
    links = [
        ctx.flavour.link(link.label, link.url)
        for link in inc.links
        if one_line(link.url) or one_line(link.label)
    ]
    if links:
        blocks.append(bullets(links))
    return Section("Tags and links", blocks)
