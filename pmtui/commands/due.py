"""`pmtui due`: post-mortems whose follow-up or "truly solved?" date has come,
and overdue actions by owner. Reads the lean cache's columns; no textual."""

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
from pmtui.model.action_columns import listing
from pmtui.model.tracker import by_owner
from pmtui.store.lean_views import lean_reviews


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_dir_option(parser)
    add_today_option(parser)


def _ago(days: int) -> str:
    return "today" if days == 0 else f"{days}d ago"


def run(args: argparse.Namespace) -> int:
    lean = load_archive(
        args,
        posts=("title", "follow_up", "solved_check", "owner"),
        actions=("post", "status", "due", "owner", "text"),
    )
    day = today(args)
    reviews = lean_reviews(lean, day)
    out = [f"Reviews due ({len(reviews):,})\n"]
    if reviews:
        columns = [
            [r.on for r in reviews],
            [_ago(r.days) for r in reviews],
            [r.label for r in reviews],
            [r.owner or "(no owner)" for r in reviews],
            [str(r.open_actions) for r in reviews],
            [r.title for r in reviews],
        ]
        headers = ("Date", "Came", "Review", "Owner", "Open", "Post-mortem")
        out.append(table(headers, columns, flexible=5).decode())
    else:
        out.append("  none: no review date has come\n")
    assert lean.actions is not None
    c = lean.actions
    order, late = listing(c, day)
    groups = by_owner(
        (c.owner[i], (i, days)) for i, days in zip(order, late, strict=False)
    )
    total = sum(len(items) for _, items in groups)
    out.append(f"\nOverdue actions by owner ({total:,})\n")
    if not groups:
        out.append("  none\n")
    titles = lean.posts["title"]
    for owner, items in groups:
        out.append(f"\n{owner} ({len(items):,})\n")
        columns = [
            [c.due[i] for i, _ in items],
            [f"⚠ {days}d late" for _, days in items],
            [c.text[i] for i, _ in items],
            [titles[int(c.post[i])] or "(untitled)" for i, _ in items],
        ]
        block = table(("Due", "Late", "Action", "Post-mortem"), columns, flexible=2)
        out.append("".join(f"  {line}\n" for line in block.decode().splitlines()[1:]))
    write("".join(out))
    return 0
