"""Root causes (the 5 Whys tree, contributing factors), trigger, resolution,
detection."""

from __future__ import annotations

from pmtui.model.enums import FactorCategory
from pmtui.model.lookup import describe_target, iter_whys
from pmtui.model.session import WhyNode
from pmtui.report import values
from pmtui.report.facts import Ctx, not_recorded
from pmtui.report.flavour import Flavour, Section

ROOT_CAUSE = "(root cause)"
NOT_WRITTEN = "(not written yet)"


def whys_list(out: Flavour, root: WhyNode) -> str | None:
    """The tree as nested lists: the problem first, each why one level in."""
    if not root.children and not root.text.strip():
        return None
    mark = " " + out.strong(out.line(ROOT_CAUSE))
    not_written = out.em(out.line(NOT_WRITTEN))
    items = []
    for node, depth in iter_whys(root):
        text = out.text(node.text, indent=2 * depth + 2) or not_written
        if depth == 0:
            items.append((0, out.fact("Problem", text)))
        else:
            items.append((depth, f"Why? {text}{mark if node.root_cause else ''}"))
    return out.tree(items)


def root_causes(ctx: Ctx) -> Section:
    out, causes = ctx.flavour, ctx.pm.causes
    section = Section("Root causes")
    whys = whys_list(out, causes.whys)
    if whys is not None:
        marked = any(n.root_cause for n, d in iter_whys(causes.whys) if d)
        blocks = [whys]
        if not marked:
            blocks.append(ctx.note("No root cause is marked yet."))
        if out.mermaid:
            from pmtui.report.diagrams import whys_flowchart  # gfm only

            chart = whys_flowchart(causes.whys)
            if chart:
                blocks.append(chart)
        section.subsections.append(Section("5 Whys", blocks))
    if causes.factors:
        order = list(FactorCategory)
        rows = [
            [
                out.line(f.category.label),
                out.cell(f.text) or values.NONE,
                out.cell(describe_target(ctx.pm, f.why_id)) or values.NONE,
            ]
            for f in sorted(causes.factors, key=lambda f: order.index(f.category))
        ]
        header = ["Category", "Factor", "Related why"]
        section.subsections.append(
            Section("Contributing factors", [out.table(header, rows)])
        )
    if section.empty:
        section.blocks.append(not_recorded(ctx))
    return section


def text_section(ctx: Ctx, title: str, text: str) -> Section:
    """A section of free text; empty (so left out) when nothing was written."""
    return Section(title, ctx.flavour.paragraphs(text))


def trigger(ctx: Ctx) -> Section:
    return text_section(ctx, "Trigger", ctx.pm.causes.trigger)


def resolution(ctx: Ctx) -> Section:
    return text_section(ctx, "Resolution", ctx.pm.causes.resolution)


def detection(ctx: Ctx) -> Section:
    return text_section(ctx, "Detection", ctx.pm.causes.detection)
