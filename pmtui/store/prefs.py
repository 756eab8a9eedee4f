"""The user's own preferences, such as the theme: not the team's.

Team defaults live in the archive (:mod:`pmtui.store.settings`) and travel
with it through git; how pmtui looks on this screen is personal, so it is kept
in the platform's user config folder (``PMTUI_CONFIG`` chooses another).
A missing or unreadable file reads as no preferences.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pmtui.store.atomic import atomic_write, ensure_dir

PREFS_NAME = "prefs.json"


def prefs_path() -> Path:
    env = os.environ.get("PMTUI_CONFIG")
    if env:
        return Path(env).expanduser() / PREFS_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir("pmtui", appauthor=False)) / PREFS_NAME


def read_prefs() -> dict[str, Any]:
    try:
        data = json.loads(prefs_path().read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update_prefs(**changes: Any) -> None:
    """Change some preferences, keeping the others. Raises OSError."""
    path = prefs_path()
    prefs = {**read_prefs(), **changes}
    ensure_dir(path.parent)
    text = json.dumps(prefs, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
