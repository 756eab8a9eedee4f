"""Home's line of what needs attention: reviews due and overdue actions.

Pure, and light to import: home shows it on a 1,000-post-mortem archive
before the tracker screen (and what it imports) is ever needed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmtui.model.tracker import overdue_by_owner, reviews_due, tracked_actions


def due_line(records: list[tuple[str, dict[str, Any]]], today: date) -> str:
    """Home's one line: reviews due and overdue actions, and where to see them."""
    reviews = reviews_due(records, today)
    groups = overdue_by_owner(tracked_actions(records, today))
    overdue = sum(len(items) for _, items in groups)
    parts = [
        f"{len(reviews)} review{'s' * (len(reviews) != 1)} due"
        if reviews
        else "✓ no review due",
        f"⚠ {overdue} overdue action{'s' * (overdue != 1)} ({len(groups)} owners)"
        if overdue
        else "✓ no overdue action",
    ]
    return " · ".join(parts) + "  — t: tracker · /: search"
