"""Text that is safe to keep and to show: no terminal control sequences.

Logs and pasted text carry ANSI colour codes and other control characters;
shown again on a screen they would reach the terminal raw.
"""

from __future__ import annotations

import re

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without ANSI escape sequences or control characters.

    Newlines stay; a tab becomes a space; everything else below U+0020 (and
    DEL and the C1 range) is dropped.
    """
    text = _ANSI.sub("", text).replace("\t", " ")
    return _CONTROLS.sub("", text)
