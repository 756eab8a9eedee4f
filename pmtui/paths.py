"""Where the installed package keeps its styles and samples.

A wheel carries them inside the package (``pmtui/styles``); a source checkout
(editable install) has them at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def styles_dir() -> Path:
    return _find("styles")


def samples_dir() -> Path:
    return _find("sample_sessions")


def stylesheets() -> list[Path]:
    """Every stylesheet, app.tcss first so screens can refine it."""
    folder = styles_dir()
    sheets = sorted(folder.glob("*.tcss"))
    sheets.sort(key=lambda p: p.name != "app.tcss")
    return sheets
