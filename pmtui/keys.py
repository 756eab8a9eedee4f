"""Key bindings that work the same in every terminal.

Most terminals (xterm, tmux, GNOME, Windows Terminal without the kitty key
protocol) send alt+1 as ESC then "1", and Textual reads that pair the way
macOS types option+1: the key ``inverted_exclamation_mark`` ("¡"), never
``alt+1``. A binding made with :func:`alt_digit` answers to both; only the
``alt+N`` one has a description, so F1 and the footer name it once.
"""

from __future__ import annotations

from textual.binding import Binding

# What Textual calls the key it reads for ESC + digit (macOS option+digit).
OPTION_DIGIT_KEYS: dict[int, str] = {
    1: "inverted_exclamation_mark",
    2: "trade_mark_sign",
    3: "pound_sign",
    4: "cent_sign",
    5: "infinity",
    6: "section_sign",
    7: "pilcrow_sign",
    8: "bullet",
}


def alt_digit(digit: int, action: str, description: str) -> list[Binding]:
    """alt+``digit`` for ``action``, also as the key terminals really send."""
    return [
        Binding(f"alt+{digit}", action, description, show=False),
        Binding(OPTION_DIGIT_KEYS[digit], action, "", show=False),
    ]
