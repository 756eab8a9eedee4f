"""What can go wrong with an archive, each with a message fit for a person."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class StoreError(Exception):
    """A problem with the archive; ``str(error)`` is one clear sentence."""


class BrokenFileError(StoreError):
    """A post-mortem file that cannot be read. It is never overwritten."""

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.backup = backup
        offer = f" A backup from an earlier save is at {backup}." if backup else ""
        super().__init__(f"{path} cannot be read: {reason}.{offer}")


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user} (process {self.pid} on {self.host}, since {self.since})"


class LockedError(StoreError):
    """Another pmtui is writing this post-mortem."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "another pmtui"
        super().__init__(f"{path} is open for writing by {who}")


class SaveError(StoreError):
    """A save did not reach the disk; the previous file is unchanged."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"could not save {path}: {reason}. The previous version is unchanged; "
            "your edits are kept in memory and saving will be retried."
        )
