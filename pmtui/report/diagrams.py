"""Mermaid diagrams for GitHub and GitLab, always written beside a list or
table that says the same thing (Confluence and Notion do not draw them).

Flowchart labels are quoted and entity-escaped (:func:`mermaid_label`); node
ids are ours (``n0``, ``n1``...), never typed text. The gantt chart of the
incident's phases has labels of our own only: a gantt or timeline label may
not hold ``:`` or ``#``.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from pmtui.model.enums import KeyMoment
from pmtui.model.lookup import iter_whys
from pmtui.model.session import PostMortem, WhyNode
from pmtui.model.timeline import key_time
from pmtui.report.escape import mermaid_label
from pmtui.report.markdown import fence

ROOT_PREFIX = "Root cause: "
PROBLEM_PREFIX = "Problem: "
# What a gantt title keeps of the zone's name (no regex: see escape.py).
_TITLE_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+- "
)

# (label, from, to): each phase of the incident, named by what it waits for.
_PHASES = (
    ("Until detected", KeyMoment.IMPACT_BEGAN, KeyMoment.DETECTED),
    ("Until mitigated", KeyMoment.DETECTED, KeyMoment.MITIGATED),
    ("Until resolved", KeyMoment.MITIGATED, KeyMoment.RESOLVED),
)


def whys_flowchart(root: WhyNode) -> str | None:
    """The 5 Whys tree as a top-down flowchart; ``None`` for an empty tree."""
    nodes = [(n, d) for n, d in iter_whys(root)]
    if not root.children and not root.text.strip():
        return None
    ids = {id(node): f"n{i}" for i, (node, _) in enumerate(nodes)}
    lines = ["flowchart TD"]
    for node, depth in nodes:
        prefix = PROBLEM_PREFIX if depth == 0 else ""
        if node.root_cause and depth > 0:
            prefix = ROOT_PREFIX
        label = mermaid_label(node.text) or "(not written yet)"
        lines.append(f'    {ids[id(node)]}["{prefix}{label}"]')
    for node, _ in nodes:
        for child in node.children:
            lines.append(f"    {ids[id(node)]} --> {ids[id(child)]}")
    roots = [ids[id(n)] for n, d in nodes if n.root_cause and d > 0]
    if roots:
        lines.append("    classDef rootCause stroke-width:4px")
        lines.append(f"    class {','.join(roots)} rootCause")
    return fence("mermaid", "\n".join(lines))


def phases_gantt(pm: PostMortem, zone: tzinfo, zone_name: str) -> str | None:
    """The incident's phases between key moments; ``None`` when none is known.

    A phase is drawn only when both its ends are marked and in order.
    """
    rows = []
    for label, start_moment, end_moment in _PHASES:
        start, end = key_time(pm, start_moment), key_time(pm, end_moment)
        if start is None or end is None or end < start:
            continue
        rows.append(f"    {label} :{_stamp(start, zone)}, {_stamp(end, zone)}")
    if not rows:
        return None
    title = "".join([c for c in f"Incident phases {zone_name}" if c in _TITLE_CHARS])
    lines = [
        "gantt",
        f"    title {title}",
        "    dateFormat YYYY-MM-DD HH:mm:ss",
        "    axisFormat %H:%M",
        "    section Incident",
        *rows,
    ]
    return fence("mermaid", "\n".join(lines))


def _stamp(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S}"
