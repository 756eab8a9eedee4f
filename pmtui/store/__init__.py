"""The only package that touches disk. No UI imports here.

Names are imported on first use (PEP 562), so a module such as
``pmtui.store.lean_index`` can be used without loading the whole package: the
command line starts fast.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    from pmtui.store.archive import (
        Archive,
        Entry,
        slugify,
    )
    from pmtui.store.document import (
        PostMortemFile,
        load,
    )
    from pmtui.store.errors import (
        BrokenFileError,
        LockedError,
        LockHolder,
        SaveError,
        StoreError,
    )
    from pmtui.store.home import default_dir

_LAZY: dict[str, str] = {
    "Archive": "pmtui.store.archive",
    "Entry": "pmtui.store.archive",
    "default_dir": "pmtui.store.home",
    "slugify": "pmtui.store.archive",
    "PostMortemFile": "pmtui.store.document",
    "load": "pmtui.store.document",
    "BrokenFileError": "pmtui.store.errors",
    "LockedError": "pmtui.store.errors",
    "LockHolder": "pmtui.store.errors",
    "SaveError": "pmtui.store.errors",
    "StoreError": "pmtui.store.errors",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
