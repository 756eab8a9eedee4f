"""What the home screen shows: a row per post-mortem and the line of what
needs attention (reviews due, overdue actions). Pure.

Home paints this for a thousand post-mortems before anything else can be
done, so it works on the columns of the lean cache as they are read (the
post-mortems' fields, and their actions' post, status, due and owner; days
as ``YYYY-MM-DD`` text, which compare as strings) and builds no object per
action. The tracker screen lists the same overdue actions
(:func:`pmtui.model.tracker.overdue_by_owner`) and reviews
(:func:`pmtui.model.reviews.reviews_due`); the tests hold them to the same
counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import compress

from pmtui.model.action_columns import ActionColumns
from pmtui.model.reviews import due_review
from pmtui.model.words import plural

#: The post-mortem fields home reads.
POST_FIELDS = (
    "title",
    "severity",
    "status",
    "created",
    "incident_date",
    "day",
    "follow_up",
    "solved_check",
)
#: The action fields home reads.
ACTION_FIELDS = ("post", "status", "due", "owner")

#: Title, severity, incident day, status, open actions, overdue actions.
HomeRow = tuple[str, str, str, str, str, str]


class HomeView:
    """The rows and their files' names (broken files first, then the newest
    incident first), and the counts of the attention line."""

    __slots__ = ("keys", "late_owners", "overdue", "readable", "reviews", "rows")

    def __init__(self) -> None:
        self.rows: list[HomeRow] = []
        self.keys: list[str] = []
        self.reviews = 0
        self.overdue = 0
        self.late_owners = 0
        self.readable = 0  # post-mortems that can be read (not broken)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def due_line(self) -> str:
        """Home's one line: reviews due and overdue actions, and where to see them."""
        reviews, overdue, owners = self.reviews, self.overdue, self.late_owners
        parts = [
            f"{plural(reviews, 'review')} due" if reviews else "✓ no review due",
            f"⚠ {plural(overdue, 'overdue action')} ({plural(owners, 'owner')})"
            if overdue
            else "✓ no overdue action",
        ]
        return " · ".join(parts) + "  — t: tracker · /: search"


BROKEN = "⚠ broken"


def home_view(
    keys: Sequence[str],
    posts: Mapping[str, Sequence[str]],
    actions: ActionColumns | None,
    broken: Sequence[tuple[str, str]],
    today: date,
) -> HomeView:
    """``keys`` are the post-mortems' file names; ``posts`` their
    :data:`POST_FIELDS` as columns beside ``keys`` ("" when not set);
    ``actions`` their actions' :data:`ACTION_FIELDS`; ``broken`` the files
    that cannot be read, as ``(file name, why)``."""
    view = HomeView()
    day = today.isoformat()
    count = view.readable = len(keys)
    still_open, late = [0] * count, [0] * count
    owners: set[str] = set()
    if actions is not None:
        post, due, owner = actions.post, actions.due, actions.owner
        for i in compress(range(len(actions)), actions.open_flags()):
            n = int(post[i])
            still_open[n] += 1
            if due[i] and due[i] < day:
                late[n] += 1
                # nobody's actions are one group, as on the tracker
                owners.add(owner[i].strip())
    view.overdue, view.late_owners = sum(late), len(owners)

    for name, why in sorted(broken):
        view.rows.append((f"⚠ {name}: {why}", "", "", BROKEN, "", ""))
        view.keys.append(name)
    title, severity, status = posts["title"], posts["severity"], posts["status"]
    follow_up, solved = posts["follow_up"], posts["solved_check"]
    began, created = posts["incident_date"], posts["created"]
    moment = [a or b for a, b in zip(began, created, strict=True)]
    for n in sorted(range(count), key=moment.__getitem__, reverse=True):
        if due_review(follow_up[n], solved[n], still_open[n], day) is not None:
            view.reviews += 1
        view.rows.append(
            (
                title[n] or "(untitled)",
                severity[n],
                posts["day"][n],
                status[n],
                str(still_open[n]),
                f"⚠ {late[n]}" if late[n] else "0",
            )
        )
        view.keys.append(keys[n])
    return view
