"""The footer, fitted to the width: every key of the moment, Help always.

At 80 columns the stock footer cut its last keys (Quit, Help). Below
:data:`NARROW` columns this one is compact and leaves out the command-palette
key (ctrl+p is in F1's list), and every step screen lists F1 Help first, so
the key that shows all the others is never the one cut off.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100


class PmtuiFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.compact = narrow
        self.show_command_palette = not narrow
