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


# What the app loads at start: the shell, home, and what every step shares.
APP_SHEETS = ("app", "blameless", "focus", "timebox", "home", "search")
# What each step screen adds when it is first shown (by ``Step`` value).
STEP_SHEETS: dict[str, tuple[str, ...]] = {
    "incident": ("incident", "similar"),
    "tone": ("tone",),
    "timeline": ("timeline",),
    "causes": ("causes", "similar"),
    "reflect": ("reflect",),
    "actions": ("actions",),
    "next": ("next_steps",),
    "report": ("report",),
}


def stylesheets(*names: str) -> list[Path]:
    """The named stylesheets (``styles/<name>.tcss``), or every one.

    The app parses only :data:`APP_SHEETS` at start; a screen names the rest
    in its ``CSS_PATH`` and Textual reads them when it is first shown, so
    start-up does not parse and match rules for screens not yet open.
    Every one (``app.tcss`` first) is for tests that mount widgets alone.
    """
    folder = styles_dir()
    if names:
        return [folder / f"{name}.tcss" for name in names]
    sheets = sorted(folder.glob("*.tcss"))
    sheets.sort(key=lambda p: p.name != "app.tcss")
    return sheets
