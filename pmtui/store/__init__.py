"""The only package that touches disk. No UI imports here."""

from pmtui.store.archive import Archive, Entry, default_dir, slugify
from pmtui.store.document import PostMortemFile, load
from pmtui.store.errors import (
    BrokenFileError,
    LockedError,
    LockHolder,
    SaveError,
    StoreError,
)

__all__ = [
    "Archive",
    "BrokenFileError",
    "Entry",
    "LockHolder",
    "LockedError",
    "PostMortemFile",
    "SaveError",
    "StoreError",
    "default_dir",
    "load",
    "slugify",
]
