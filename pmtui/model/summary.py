"""A post-mortem's summary: what lists, the tracker and search need.

Summaries are what the archive's index caches, so they are plain JSON-ready
dicts built by one pure function. Bump ``SUMMARY_VERSION`` when their shape
changes: every cached summary is then rebuilt from the files.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reading summaries (the home screen) needs no model
    from pmtui.model.session import PostMortem

SUMMARY_VERSION = 2


def summarize(pm: PostMortem) -> dict[str, Any]:
    from pmtui.model.timeline import incident_date

    began = incident_date(pm)
    return {
        "title": pm.incident.title,
        "severity": pm.incident.severity.value,
        "status": pm.status.value,
        "created": _utc(pm.created),
        "incident_date": _utc(began),
        "timezone": pm.timezone,
        "services": list(pm.incident.services),
        "tags": list(pm.incident.tags),
        "summary": pm.incident.summary,
        "follow_up": _iso(pm.next_steps.follow_up),
        "solved_check": _iso(pm.next_steps.solved_check),
        "owner": pm.next_steps.owner,
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": a.owner,
                "due": _iso(a.due),
                "priority": a.priority.value,
                "type": a.type.value,
                "status": a.status.value,
                "link": a.link,
            }
            for a in pm.actions
        ],
        "root_causes": _root_causes(pm),
        "search": _search_fields(pm),
    }


def _utc(value: datetime | None) -> str | None:
    """UTC ISO text: sorts correctly as a string."""
    return value.astimezone(UTC).isoformat() if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _root_causes(pm: PostMortem) -> list[str]:
    """The why nodes marked as root causes (else the deepest answers) and the
    trigger: what "has this happened before?" compares."""
    from pmtui.model.lookup import iter_whys

    whys = [(n, d) for n, d in iter_whys(pm.causes.whys) if d and n.text.strip()]
    marked = [n.text for n, _ in whys if n.root_cause]
    if not marked and whys:
        deepest = max(d for _, d in whys)
        marked = [n.text for n, d in whys if d == deepest]
    return [t for t in [*marked, pm.causes.trigger] if t.strip()]


def _search_fields(pm: PostMortem) -> dict[str, str]:
    """The searchable text by where it comes from (search says why it matched)."""
    from pmtui.model.lookup import iter_whys

    fields = {
        "title": [pm.incident.title],
        "summary": [pm.incident.summary, pm.incident.impact.description],
        "timeline": [e.text for e in pm.timeline],
        "causes": [n.text for n, _ in iter_whys(pm.causes.whys)]
        + [pm.causes.trigger, pm.causes.resolution, pm.causes.detection],
        "factors": [f.text for f in pm.causes.factors],
        "actions": [a.text for a in pm.actions],
    }
    return {name: "\n".join(p for p in parts if p) for name, parts in fields.items()}


def open_actions(summary: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in summary["actions"] if a["status"] in ("open", "in_progress")]


def overdue_actions(summary: dict[str, Any], today: date) -> list[dict[str, Any]]:
    return [
        a
        for a in open_actions(summary)
        if a["due"] and date.fromisoformat(a["due"]) < today
    ]
