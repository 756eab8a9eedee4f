"""Root causes (the 5 Whys tree, contributing factors), trigger, resolution,
detection."""

from __future__ import annotations

from pmtui.model.enums import FactorCategory
from pmtui.model.lookup import describe_target, iter_whys
from pmtui.model.session import WhyNode
from pmtui.report import values
from pmtui.report.diagrams import whys_flowchart
from pmtui.report.escape import md_paragraphs, md_text
from pmtui.report.facts import NOT_RECORDED, Ctx
from pmtui.report.markdown import Section, table

ROOT_CAUSE_MARK = "**(root cause)**"


def whys_list(root: WhyNode) -> str | None:
    """The tree as a nested list: the problem first, each why one level in."""
    if not root.children and not root.text.strip():
        return None
    out = []
    for node, depth in iter_whys(root):
        pad = "  " * depth
        text = md_text(node.text, indent=len(pad) + 2) or "_(not written yet)_"
        if depth == 0:
            out.append(f"- **Problem:** {text}")
            continue
        mark = f" {ROOT_CAUSE_MARK}" if node.root_cause else ""
        out.append(f"{pad}- Why? {text}{mark}")
    return "\n".join(out)


def root_causes(ctx: Ctx) -> Section:
    causes = ctx.pm.causes
    section = Section("Root causes")
    whys = whys_list(causes.whys)
    if whys is not None:
        marked = sum(1 for n, d in iter_whys(causes.whys) if d and n.root_cause)
        blocks = [whys]
        if not marked:
            blocks.append("_No root cause is marked yet._")
        if ctx.flavour.mermaid:
            chart = whys_flowchart(causes.whys)
            if chart:
                blocks.append(chart)
        section.subsections.append(Section("5 Whys", blocks))
    if causes.factors:
        rows = [
            [
                f.category.label,
                ctx.flavour.cell(f.text) or values.NONE,
                ctx.flavour.cell(describe_target(ctx.pm, f.why_id)) or values.NONE,
            ]
            for f in sorted(causes.factors, key=lambda f: _category_order(f.category))
        ]
        section.subsections.append(
            Section(
                "Contributing factors",
                [table(["Category", "Factor", "Related why"], rows)],
            )
        )
    if section.empty:
        section.blocks.append(NOT_RECORDED)
    return section


def _category_order(category: FactorCategory) -> int:
    return list(FactorCategory).index(category)


def text_section(title: str, text: str) -> Section:
    """A section of free text; empty (so left out) when nothing was written."""
    return Section(title, md_paragraphs(text))


def trigger(ctx: Ctx) -> Section:
    return text_section("Trigger", ctx.pm.causes.trigger)


def resolution(ctx: Ctx) -> Section:
    return text_section("Resolution", ctx.pm.causes.resolution)


def detection(ctx: Ctx) -> Section:
    return text_section("Detection", ctx.pm.causes.detection)
