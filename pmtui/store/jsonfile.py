"""Reading and writing the JSON of a post-mortem file, without TinyDB.

Readers that never write (the command line's export, search, actions) parse
files with :func:`read_json` and so never import TinyDB; the writable handle
(:mod:`pmtui.store.storage`) uses the same functions.
"""

from __future__ import annotations

import json
from pathlib import Path

from pmtui.store.errors import BrokenFileError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def encode(data: dict[str, Any]) -> bytes:
    """Pretty, sorted, stable JSON: an archive in git diffs and merges well.

    A lone surrogate (pasted from a terminal) is written as an escape
    (``\\udc80``), so the file stays UTF-8 and reads back the same text.

    orjson writes exactly what ``json.dumps(indent=2, sort_keys=True,
    ensure_ascii=False)`` writes, about fifty times faster: autosave runs it on
    every edit (tests/unit/test_store_atomic.py checks the bytes are the same).
    """
    import orjson  # writers only: readers start faster without it

    try:
        options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        return orjson.dumps(data, option=options) + b"\n"
    except (TypeError, orjson.JSONEncodeError):
        pass  # a lone surrogate or an integer over 64 bits: the same bytes, slower
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return text.encode("utf-8", "backslashreplace")


def read_json(path: Path) -> dict[str, Any]:
    """Parse a post-mortem file strictly, or raise BrokenFileError.

    The errors name no backup: :mod:`pmtui.store.document` offers one only
    after checking that it holds a readable post-mortem.
    """
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise BrokenFileError(path, "it is a folder, not a file") from None
    except FileNotFoundError:
        raise BrokenFileError(path, "the file does not exist") from None
    except PermissionError:
        raise BrokenFileError(path, "permission denied") from None
    except OSError as error:
        raise BrokenFileError(path, error.strerror or str(error)) from None
    if not raw.strip():
        raise BrokenFileError(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BrokenFileError(path, "it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        reason = f"it is not valid JSON (line {error.lineno}, column {error.colno})"
        raise BrokenFileError(path, reason) from None
    except RecursionError:
        raise BrokenFileError(path, "it is nested too deeply") from None
    if not isinstance(data, dict):
        raise BrokenFileError(path, "it is not a pmtui file (not a JSON object)")
    return data
