"""Action items as CSV with the columns Jira's CSV import expects.

Only actions still to do (open or in progress) are written: closed ones need
no ticket. Priorities map to Jira's default scheme (P1 High, P2 Medium,
P3 Low); the due date is ISO (``yyyy-MM-dd`` in Jira's import settings).
A cell that a spreadsheet would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from pmtui.model.enums import ActionPriority
from pmtui.model.lookup import describe_target
from pmtui.model.session import Action, PostMortem
from pmtui.model.timeline import incident_date
from pmtui.report.escape import clean, one_line
from pmtui.report.facts import title

COLUMNS = ("Summary", "Assignee", "Due date", "Priority", "Labels", "Description")
JIRA_PRIORITY = {
    ActionPriority.P1: "High",
    ActionPriority.P2: "Medium",
    ActionPriority.P3: "Low",
}
SUMMARY_LIMIT = 255  # Jira refuses longer summaries
_FORMULA_START = ("=", "+", "-", "@")


def render_actions_csv(pm: PostMortem) -> str:
    """The open actions as CSV text (``\\r\\n`` line ends, as CSV wants)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for action in pm.actions:
        if action.status.is_closed or not one_line(action.text):
            continue
        writer.writerow([_safe(cell) for cell in _row(pm, action)])
    return out.getvalue()


def _row(pm: PostMortem, action: Action) -> list[str]:
    summary = one_line(action.text)
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1].rstrip() + "…"
    return [
        summary,
        one_line(action.owner),
        action.due.isoformat() if action.due else "",
        JIRA_PRIORITY[action.priority],
        f"postmortem-{action.type.value}",
        _description(pm, action),
    ]


def _description(pm: PostMortem, action: Action) -> str:
    began = incident_date(pm)
    source = title(pm) + (f" ({began:%Y-%m-%d})" if began else "")
    parts = [clean(action.text).strip()]
    target = describe_target(pm, action.addresses)
    if target:
        parts.append(f"Addresses {clean(target).strip()}")
    parts.append(f"Type: {action.type.label}. Status: {action.status.label}.")
    if action.link.strip():
        parts.append(f"Link: {one_line(action.link)}")
    parts.append(f"From the post-mortem: {source}")
    return "\n\n".join(parts)


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
