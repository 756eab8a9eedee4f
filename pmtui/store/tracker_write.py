"""The tracker's one write: close an action in its own post-mortem file.

The file is opened through :meth:`PostMortemFile.open`, so it is written only
while this process holds its lock: a post-mortem open in another pmtui is
reported (:class:`LockedError`) and left untouched, as is a broken one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pmtui.model.actions import set_status, today_in
from pmtui.model.enums import ActionStatus
from pmtui.model.session import Action
from pmtui.store.document import PostMortemFile
from pmtui.store.errors import LockedError, StoreError


class ActionNotFoundError(StoreError):
    """The action is no longer in its post-mortem (deleted since listed)."""

    def __init__(self, path: Path, action_id: str) -> None:
        self.path = path
        self.action_id = action_id
        super().__init__(f"{path} has no action {action_id} any more")


def set_action_status(
    path: Path,
    action_id: str,
    status: ActionStatus,
    *,
    now: datetime,
    reason: str = "",
) -> Action:
    """Set one action's status in ``path`` and save; returns the action.

    Closing dates it with ``now``'s day in the post-mortem's time zone. Won't
    do needs a reason (:class:`pmtui.model.actions.ActionError` otherwise,
    nothing written). Raises :class:`LockedError` when another pmtui has the
    file open, :class:`BrokenFileError` when it cannot be read,
    :class:`ActionNotFoundError` when the action is gone.
    """
    with PostMortemFile.open(path) as handle:
        if handle.read_only:
            raise LockedError(path, handle.holder)
        pm = handle.pm
        action = next((a for a in pm.actions if a.id == action_id), None)
        if action is None:
            raise ActionNotFoundError(path, action_id)
        set_status(action, status, today=today_in(pm, now), reason=reason)
        handle.save()
        return action
