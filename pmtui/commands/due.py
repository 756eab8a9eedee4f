"""`pmtui due`: post-mortems whose follow-up or "truly solved?" date has come,
and overdue actions by owner. Reads the lean cache; no textual."""

from __future__ import annotations

import argparse

from pmtui.cli import add_dir_option
from pmtui.commands._archive import (
    add_today_option,
    load_archive,
    table,
    today,
    write,
)
from pmtui.model.tracker import overdue_by_owner, reviews_due, tracked_actions


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_dir_option(parser)
    add_today_option(parser)


def _ago(days: int) -> str:
    return "today" if days == 0 else f"{days}d ago"


def run(args: argparse.Namespace) -> int:
    lean = load_archive(args)
    day = today(args)
    reviews = reviews_due(lean.records, day)
    out = [f"Reviews due ({len(reviews)})\n"]
    if reviews:
        rows = [
            (
                r.on.isoformat(),
                _ago(r.days),
                r.label,
                r.owner or "(no owner)",
                str(r.open_actions),
                r.title,
            )
            for r in reviews
        ]
        headers = ("Date", "Came", "Review", "Owner", "Open", "Post-mortem")
        out.append(table(headers, rows, flexible=5))
    else:
        out.append("  none: no review date has come\n")
    groups = overdue_by_owner(tracked_actions(lean.records, day))
    total = sum(len(items) for _, items in groups)
    out.append(f"\nOverdue actions by owner ({total})\n")
    if not groups:
        out.append("  none\n")
    for owner, items in groups:
        out.append(f"\n{owner} ({len(items)})\n")
        late = [
            (
                i.due.isoformat() if i.due else "",
                f"⚠ {i.days_late}d late",
                i.text,
                i.title,
            )
            for i in items
        ]
        block = table(("Due", "Late", "Action", "Post-mortem"), late, flexible=2)
        out.append("".join(f"  {line}\n" for line in block.splitlines()[1:]))
    write("".join(out))
    return 0
