"""Table cells of user text for ``DataTable`` columns of a fixed width.

A ``str`` cell is read as Rich markup by ``DataTable`` (a title such as
``[/x] retry storm`` would raise, ``[urgent] db`` would lose a word), and a
``Text`` cell is measured on every ``add_row``, which costs most of the time
of filling a table of a thousand rows. A :class:`Cell` is plain text with no
measure: right for columns given a ``width``, whose size never depends on
their content. (An auto-width column would be one cell wide.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console, ConsoleOptions
from rich.text import Text


class Cell:
    """Plain text (never markup), cut with an ellipsis at the column's width."""

    __slots__ = ("plain", "style")

    def __init__(self, plain: str, style: str = "") -> None:
        self.plain = plain
        self.style = style

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[Text]:
        # Made when drawn: a table of a thousand rows draws only what shows.
        yield Text(
            self.plain, style=self.style, no_wrap=True, overflow="ellipsis", end=""
        )

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"Cell({self.plain!r})"

    @classmethod
    def row(cls, values: Iterable[str]) -> tuple[Cell, ...]:
        """A row of plain cells."""
        return tuple(cls(value) for value in values)
