"""`pmtui actions`: the actions still to do across the archive, overdue first;
``--all`` adds the done and won't do ones.

Reads the archive's lean cache (rebuilt from the files when stale), never the
post-mortems' locks: it works while they are open in pmtui. Works on the
cache's columns of actions: no object per action, no datetime or json unless
``--today`` or ``--format json`` asks for them. No textual.
"""

from __future__ import annotations

import argparse
from itertools import repeat

from pmtui.cli import add_dir_option
from pmtui.commands._archive import (
    Coded,
    add_today_option,
    load_archive,
    table_parts,
    today,
    write,
)
from pmtui.model.action_columns import gather, listing, where
from pmtui.model.tracker import STATUS_CHOICES, STATUS_WORDS, ActionFilter
from pmtui.model.words import plural

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from pmtui.model.action_columns import ActionColumns
    from pmtui.store.lean_index import LeanArchive

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
    parser.description = (
        "The actions still to do (open or in progress) across the archive, "
        "overdue first; --all lists done and won't do ones too."
    )
    add_dir_option(parser)
    parser.add_argument(
        "--owner", metavar="NAME", help="only NAME's actions (a first name will do)"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--status",
        choices=STATUS_CHOICES,
        help="only this status; active = open or in progress, closed = done or "
        "won't do (default: active)",
    )
    which.add_argument(
        "--all", action="store_true", help="every status, done and won't do too"
    )
    parser.add_argument(
        "--overdue", action="store_true", help="only open actions past their due date"
    )
    parser.add_argument("--tag", metavar="T", help="only post-mortems tagged T")
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (default), csv, json"
    )
    add_today_option(parser)


class _Listed:
    """The listed actions: ``rows`` of the cache's columns, in order, with
    their days late (``late``: overdue rows only) and what their
    post-mortems say (titles, tags)."""

    def __init__(self, lean: LeanArchive, args: argparse.Namespace) -> None:
        assert lean.actions is not None
        self.lean = lean
        self.columns: ActionColumns = lean.actions
        self.titles = lean.posts["title"]
        wanted = ActionFilter(
            args.owner or "", args.status or "", args.overdue, args.tag or ""
        )
        default = not (args.all or args.status)  # the open ones only
        order, late = listing(self.columns, today(args), open_only=default)
        self.late = dict(zip(order, late, strict=False))
        self.rows = wanted.select(self.columns, order, len(late), self.tags)
        self.closed_hidden = 0
        if default:  # how many the default leaves out
            flags = self.columns.open_flags(closed=True)
            if wanted == ActionFilter():
                self.closed_hidden = flags.count(1)
            else:
                closed = where(range(len(flags)), flags)
                self.closed_hidden = len(
                    wanted.select(self.columns, closed, 0, self.tags)
                )

    def tags(self, post: int) -> list[str]:
        return self.lean.items("tags", post)


# the fields each output shows (the cache is read for those only)
TABLE_FIELDS = ("post", "status", "due", "owner", "text")


def run(args: argparse.Namespace) -> int:
    table_only = args.format == "table"
    lean = load_archive(
        args,
        posts=("title",) if table_only and not args.tag else ("title", "tags"),
        actions=TABLE_FIELDS if table_only else True,
    )
    listed = _Listed(lean, args)
    if args.format == "json":
        import json

        write(json.dumps(_dicts(listed), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        write(_csv(listed))
    elif listed.rows:
        write(*_table(listed))
    else:
        write("No actions match.\n" + _hidden(listed))
    return 0


def _dicts(listed: _Listed) -> list[dict[str, object]]:
    c, late, titles, keys = listed.columns, listed.late, listed.titles, listed.lean.keys
    return [
        {
            "file": keys[int(c.post[i])],
            "post_mortem": titles[int(c.post[i])] or "(untitled)",
            "action_id": c.id[i],
            "action": c.text[i],
            "owner": c.owner[i],
            "due": c.due[i] or None,
            "days_late": late.get(i, 0),
            "priority": c.priority[i],
            "type": c.type[i],
            "status": c.status[i],
            "link": c.link[i],
            "tags": listed.tags(int(c.post[i])),
        }
        for i in listed.rows
    ]


def _csv(listed: _Listed) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in _dicts(listed):
        row["tags"] = " ".join(row["tags"])  # type: ignore[arg-type]
        row["due"] = row["due"] or ""
        writer.writerow([_safe(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def _safe(value: object) -> object:
    """No formulas when the CSV is opened in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _table(listed: _Listed) -> list[bytes]:
    c, rows, late = listed.columns, listed.rows, listed.late
    titles = [title or "(untitled)" for title in listed.titles]
    title_of = dict(zip(map(str, range(len(titles))), titles, strict=True))
    columns: list[Sequence[str] | Coded] = [
        Coded(gather(c.due, rows), blank="—"),
        Coded(list(map(late.get, rows, repeat(0))), _late),
        Coded(gather(c.status, rows), lambda status: STATUS_WORDS.get(status, status)),
        Coded(gather(c.owner, rows), blank="(no owner)"),
        gather(c.text, rows),
        Coded(gather(c.post, rows), title_of),
    ]
    headers = ("Due", "Late", "Status", "Owner", "Action", "Post-mortem")
    overdue = sum(map(late.__contains__, rows))
    summary = f"{plural(len(rows), 'action')}, {overdue:,} overdue\n"
    parts = table_parts(headers, columns, flexible=4)
    return [*parts, (summary + _hidden(listed)).encode()]


def _late(days: int) -> str:
    return f"⚠ {days}d late" if days else ""


def _hidden(listed: _Listed) -> str:
    n = listed.closed_hidden
    if not n:
        return ""
    return f"({n:,} done or won't do not listed: --all lists them)\n"
