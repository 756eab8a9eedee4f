"""pmtui's own themes, beside Textual's: high contrast and colour-blind safe.

Pick one with ctrl+p → "Theme" (Textual's theme picker lists these too).
Status never depends on colour alone anywhere in pmtui (symbols and words go
with it), and ``NO_COLOR`` turns colour off entirely: Textual honours it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme

HIGH_CONTRAST = "pmtui-high-contrast"
OKABE_ITO = "pmtui-okabe-ito"

# Okabe & Ito (2008), "Color Universal Design": eight colours that stay
# distinct for the common forms of colour blindness.
OKABE_ITO_COLOURS = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

_OKABE = OKABE_ITO_COLOURS

THEMES: tuple[Theme, ...] = (
    Theme(
        name=HIGH_CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FF00FF",
        warning="#FFFF00",
        error="#FF5050",
        success="#00FF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#202020",
        boost="#303030",
        dark=True,
        luminosity_spread=0.0,
        text_alpha=1.0,
        variables={
            "text-muted": "#FFFFFF",
            "text-disabled": "#C8C8C8",  # placeholders stay readable
            "border": "#FFFFFF",
            "border-blurred": "#C0C0C0",
            "block-cursor-background": "#FFFF00",
            "block-cursor-foreground": "#000000",
            "block-cursor-text-style": "bold",
            "block-cursor-blurred-background": "#FFFFFF",
            "block-cursor-blurred-foreground": "#000000",
            "input-cursor-background": "#FFFF00",
            "input-cursor-foreground": "#000000",
            "input-selection-background": "#00FFFF 60%",
            "footer-key-foreground": "#FFFF00",
            "footer-description-foreground": "#FFFFFF",
            "footer-background": "#000000",
            "button-foreground": "#000000",
            "link-color": "#00FFFF",
            "scrollbar": "#FFFFFF",
        },
    ),
    Theme(
        name=OKABE_ITO,
        primary=_OKABE["blue"],
        secondary=_OKABE["sky_blue"],
        accent=_OKABE["orange"],
        warning=_OKABE["yellow"],
        error=_OKABE["vermillion"],
        success=_OKABE["bluish_green"],
        foreground="#F2F2F2",
        background="#121212",
        surface="#1C1C1C",
        panel="#2A2A2A",
        dark=True,
        variables={
            "footer-key-foreground": _OKABE["sky_blue"],
            "link-color": _OKABE["sky_blue"],
            "block-cursor-background": _OKABE["blue"],
            "input-selection-background": f"{_OKABE['sky_blue']} 40%",
        },
    ),
)


def register_themes(app: App[Any]) -> None:
    """Make pmtui's themes available on ``app`` (Textual's stay too)."""
    for theme in THEMES:
        app.register_theme(theme)


def restore_theme(app: App[Any]) -> None:
    """The theme chosen last time (ctrl+p → Theme) is the theme now. Called
    before the first screen is styled, so it is styled once."""
    from pmtui.store.prefs import read_prefs

    name = read_prefs().get("theme")
    if isinstance(name, str) and name in app.available_themes:
        app.theme = name


def remember_theme(app: App[Any]) -> None:
    """A new choice of theme is kept in the user's preferences for next
    time (once the app runs)."""

    def keep(theme: Theme) -> None:
        from pmtui.store.prefs import read_prefs, update_prefs

        if read_prefs().get("theme") == theme.name:
            return
        try:
            update_prefs(theme=theme.name)
        except OSError as error:
            app.notify(
                f"The theme is used now but not remembered: {error}",
                severity="warning",
            )

    app.theme_changed_signal.subscribe(app, keep)


def theme_names() -> tuple[str, ...]:
    return tuple(theme.name for theme in THEMES)


def presentation_commands(
    app: App[Any], screen: Screen[Any], toggle_focus_mode: Callable[[], None]
) -> Iterator[SystemCommand]:
    """Palette commands: the timer, focus mode on/off, one per pmtui theme."""
    toggle_timer = getattr(screen, "action_toggle_timer", None)
    if toggle_timer is not None:
        yield SystemCommand(
            "Timer: start or pause",
            "The meeting clock and this step's time box (ctrl+t)",
            toggle_timer,
        )
    focus = bool(getattr(app, "focus_mode", False))
    yield SystemCommand(
        f"Focus mode: {'off' if focus else 'on'}",
        "Hide the footer and side panels for screen-sharing (ctrl+f)",
        toggle_focus_mode,
    )
    labels = {HIGH_CONTRAST: "high contrast", OKABE_ITO: "colour-blind safe"}
    for name in theme_names():
        yield SystemCommand(
            f"Theme: {labels[name]}",
            f"{name} (every theme: the Theme command)",
            lambda n=name: setattr(app, "theme", n),
        )
