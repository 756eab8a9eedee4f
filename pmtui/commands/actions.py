"""`pmtui actions`: every action of every post-mortem, overdue first.

Reads the archive's lean cache (rebuilt from the files when stale), never the
post-mortems' locks: it works while they are open in pmtui. No textual.
"""

from __future__ import annotations

import argparse
import json

from pmtui.cli import add_dir_option
from pmtui.commands._archive import (
    add_today_option,
    load_archive,
    table,
    today,
    write,
)
from pmtui.model.tracker import (
    STATUS_CHOICES,
    STATUS_WORDS,
    ActionFilter,
    TrackedAction,
    filter_actions,
    tracked_actions,
)

FORMATS = ("table", "csv", "json")
CSV_COLUMNS = (
    "file",
    "post_mortem",
    "action_id",
    "action",
    "owner",
    "due",
    "days_late",
    "priority",
    "type",
    "status",
    "link",
    "tags",
)


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_dir_option(parser)
    parser.add_argument(
        "--owner", metavar="NAME", help="only NAME's actions (a first name will do)"
    )
    parser.add_argument(
        "--status",
        choices=STATUS_CHOICES,
        help="only this status; active = open or in progress, closed = done or "
        "won't do (default: every status)",
    )
    parser.add_argument(
        "--overdue", action="store_true", help="only open actions past their due date"
    )
    parser.add_argument("--tag", metavar="T", help="only post-mortems tagged T")
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (default), csv, json"
    )
    add_today_option(parser)


def run(args: argparse.Namespace) -> int:
    lean = load_archive(args)
    day = today(args)
    items = filter_actions(
        tracked_actions(lean.records, day),
        ActionFilter(
            owner=args.owner or "",
            status=args.status or "",
            overdue=args.overdue,
            tag=args.tag or "",
        ),
    )
    if args.format == "json":
        write(json.dumps([_as_dict(i) for i in items], indent=2, ensure_ascii=False))
        write("\n")
    elif args.format == "csv":
        write(_csv(items))
    elif items:
        write(_table(items))
    else:
        write("No actions match.\n")
    return 0


def _as_dict(item: TrackedAction) -> dict[str, object]:
    return {
        "file": item.key,
        "post_mortem": item.title,
        "action_id": item.id,
        "action": item.text,
        "owner": item.owner,
        "due": item.due.isoformat() if item.due else None,
        "days_late": item.days_late,
        "priority": item.priority,
        "type": item.type,
        "status": item.status,
        "link": item.link,
        "tags": list(item.tags),
    }


def _csv(items: list[TrackedAction]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        row = _as_dict(item)
        row["tags"] = " ".join(item.tags)
        row["due"] = row["due"] or ""
        writer.writerow([_safe(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def _safe(value: object) -> object:
    """No formulas when the CSV is opened in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _table(items: list[TrackedAction]) -> str:
    rows = [
        (
            item.due.isoformat() if item.due else "—",
            f"⚠ {item.days_late}d late" if item.days_late else "",
            STATUS_WORDS.get(item.status, item.status),
            item.owner or "(no owner)",
            item.text,
            item.title,
        )
        for item in items
    ]
    headers = ("Due", "Late", "Status", "Owner", "Action", "Post-mortem")
    overdue = sum(1 for i in items if i.overdue)
    summary = f"{len(items)} actions, {overdue} overdue\n"
    return table(headers, rows, flexible=4) + summary
