"""Where the archive lives by default. Light: the command line imports it."""

from __future__ import annotations

import os
from pathlib import Path


def default_dir() -> Path:
    """``PMTUI_HOME`` if set, else the platform's user data folder."""
    env = os.environ.get("PMTUI_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("pmtui", appauthor=False))
