"""The command line's plain-text tables: the same text as a plain row-by-row
table (every cell on one line, lines without trailing white space), however
the columns are given, and the flexible column cut to a terminal's width."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from pmtui.commands import _archive
from pmtui.commands._archive import Coded, one_line, table, table_parts

HEADERS = ("Due", "Who", "What", "Where")


def plain(headers: Sequence[str], rows: list[tuple[str, ...]]) -> bytes:
    """The rule, row by row: one-line cells, padded, lines right-stripped."""
    rows = [tuple(one_line(c) for c in row) for row in rows]
    widths = [max(map(len, column)) for column in zip(headers, *rows, strict=True)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        for row in [headers, *rows]
    ]
    return "".join(f"{line.rstrip()}\n" for line in lines).encode("utf-8", "replace")


ROWS = [
    ("2026-11-01", "Priya Raman", "Alert on expiry", "TLS outage"),
    ("", "", "Two  spaces\tand a tab", "DNS outage"),
    ("2026-11-01", "Sam", "Line\nbreak", "TLS outage"),
    ("2026-12-24", "Priya Raman", "Émoji 🔥 text", "ends in a space "),
    ("2026-12-24", "Mei", "A lone \ud800 surrogate", ""),
]


@pytest.mark.parametrize("count", [0, 1, 2, 4, 5])
def test_columns_plain_or_coded_make_the_plain_table(count: int) -> None:
    rows = ROWS[:count]
    cells = list(zip(*rows, strict=True)) or [() for _ in HEADERS]
    columns = [
        Coded(cells[0], blank="—"),
        Coded(cells[1], {name: name or "(no owner)" for name in cells[1]}),
        list(cells[2]),
        Coded(cells[3], lambda title: title),
    ]
    shown = [
        (due or "—", who or "(no owner)", what, where) for due, who, what, where in rows
    ]
    assert table(HEADERS, columns, flexible=2) == plain(HEADERS, shown)
    assert table(
        HEADERS, [list(c) for c in zip(*shown, strict=True)] or cells, flexible=2
    ) == (plain(HEADERS, shown))


def test_the_flexible_column_is_cut_to_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_archive, "width", lambda: 40)
    rows = [("2026-11-01", "Priya", "x" * 60, "TLS")]
    lines = table(
        HEADERS, [list(c) for c in zip(*rows, strict=True)], flexible=2
    ).decode()
    assert lines.splitlines()[1] == f"2026-11-01  Priya  {'x' * 13}…  TLS"
    coded = [Coded([r[n] for r in rows]) for n in range(4)]
    assert table(HEADERS, coded, flexible=2).decode() == lines


def test_many_rows_come_in_parts_that_join_to_the_table() -> None:
    rows = [
        (f"2026-11-{n % 28 + 1:02d}", f"owner {n % 7}", "x" * (n % 50), f"pm {n}")
        for n in range(700)
    ]
    columns: list[Sequence[str] | Coded] = [Coded([r[0] for r in rows])]
    columns += [Coded([r[1] for r in rows]), [r[2] for r in rows]]
    columns.append(Coded([r[3] for r in rows]))
    parts = table_parts(HEADERS, columns, flexible=2)
    assert len(parts) > 3  # the header, then some hundred lines a part
    assert b"".join(parts) == plain(HEADERS, rows)
