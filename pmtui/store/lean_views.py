"""What the tracker and ``pmtui due`` show, straight from the lean cache's
columns: no record (a dict per post-mortem and per action) is built, and the
actions are not sorted again (the cache keeps them in the tracker's order).
"""

from __future__ import annotations

from pmtui.model.action_columns import OPEN_STATUSES
from pmtui.model.reviews import ReviewDue, review_rows

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from datetime import date

    from pmtui.model.tracked_list import TrackedList
    from pmtui.store.lean_index import LeanArchive

#: The post-mortem fields the tracker reads (with every action field).
TRACKER_POSTS = ("title", "tags", "follow_up", "solved_check", "owner")


def lean_tracked(lean: LeanArchive, today: date) -> TrackedList:
    """Every action, as :func:`pmtui.model.tracker.tracked_actions` lists
    the records' (read every action field and the titles and tags); each
    made when first read."""
    from pmtui.model.tracked_list import TrackedList

    assert lean.actions is not None, "read with every action field"
    titles, tags = lean.posts["title"], lean.posts["tags"]
    posts = [
        (key, titles[i], lean.items("tags", i) if tags[i] else [])
        for i, key in enumerate(lean.keys)
    ]
    return TrackedList(lean.actions, posts, today)


def lean_reviews(lean: LeanArchive, day: str) -> list[ReviewDue]:
    """Reviews due on the ISO ``day``, open actions counted once (read the
    action fields post and status, and the post fields the reviews show)."""
    assert lean.actions is not None, "read with the actions' post and status"
    still_open = [0] * len(lean.keys)
    for post, status in zip(lean.actions.post, lean.actions.status, strict=True):
        if status in OPEN_STATUSES:
            still_open[int(post)] += 1
    p = lean.posts
    rows = zip(
        p["key"],
        p["title"],
        p["follow_up"],
        p["solved_check"],
        p["owner"],
        still_open,
        strict=True,
    )
    return review_rows(rows, day)
