"""Archive-level settings: the team's own defaults, kept in the archive folder.

One small JSON file, ``.pmtui-settings.json``, beside the post-mortems. Its
name starts with a dot so it is never listed as a post-mortem, and it is not
in the archive's ``.gitignore``: an archive shared through git shares its
team defaults too. Written atomically, pretty-printed with sorted keys.

A missing or unreadable file reads as no settings: pmtui's own defaults apply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pmtui.store.atomic import atomic_write, ensure_dir

SETTINGS_NAME = ".pmtui-settings.json"
STATEMENT = "blameless_statement"


def settings_path(folder: Path) -> Path:
    return Path(folder) / SETTINGS_NAME


def read_settings(folder: Path) -> dict[str, Any]:
    """The archive's settings; ``{}`` when there are none or they are unreadable."""
    try:
        data = json.loads(settings_path(folder).read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings(folder: Path, settings: dict[str, Any]) -> Path:
    """Replace the archive's settings (atomically). Returns the file written."""
    ensure_dir(Path(folder))
    path = settings_path(folder)
    text = json.dumps(settings, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return path


def update_settings(folder: Path, **changes: Any) -> Path:
    """Change some settings, keeping the others. ``None`` removes a key."""
    settings = read_settings(folder)
    for key, value in changes.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    return write_settings(folder, settings)


def team_statement(folder: Path) -> str | None:
    """The team's own blameless statement, if it set one."""
    value = read_settings(folder).get(STATEMENT)
    return value if isinstance(value, str) and value.strip() else None


def set_team_statement(folder: Path, text: str) -> Path:
    """Make ``text`` the archive's default blameless statement."""
    return update_settings(folder, **{STATEMENT: text.strip() or None})
