"""Counts as people read them: ``1 action``, ``2 actions``, ``1,961 actions``."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """``count`` and ``word``, with an s unless there is exactly one."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"
