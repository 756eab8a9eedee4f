"""The row table on its own: keys, the mouse, rows that change under the
cursor, columns fitted to the width, and text shown as typed."""

from __future__ import annotations

from textual.app import App, ComposeResult

from pmtui.paths import stylesheets
from pmtui.widgets.row_table import Column, RowTable, fit, widths

COLUMNS = (Column("Name", 6, grow=1), Column("N", 3))


class TableApp(App[None]):
    CSS_PATH = stylesheets("app")

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.selected: list[str | None] = []
        self.highlighted: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield RowTable(COLUMNS, id="t")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.show(self.rows, [f"k{n}" for n in range(len(self.rows))])
        table.focus()

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        self.selected.append(event.key)

    def on_row_table_highlighted(self, event: RowTable.Highlighted) -> None:
        self.highlighted.append(event.key)


def rows(count: int) -> list[tuple[str, str]]:
    return [(f"row {n}", str(n)) for n in range(count)]


def line(table: RowTable, y: int) -> str:
    return table.render_line(y).text


async def test_keys_move_the_cursor_and_enter_selects() -> None:
    app = TableApp(rows(100))
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down", "enter")
        assert table.cursor_row == 2 and app.selected == ["k2"]
        await pilot.press("end")
        assert table.current_key == "k99"
        assert table.scroll_offset.y > 0  # the last row is in view
        assert "row 99" in line(table, table.size.height - 1)
        await pilot.press("home", "pagedown")
        assert table.cursor_row == table.size.height - 2  # a page: rows in view - 1
        await pilot.press("up")
        await pilot.pause()
        assert app.highlighted[-1] == table.current_key


async def test_a_click_highlights_then_selects() -> None:
    app = TableApp(rows(5))
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(2, 3))  # the header is line 0
        assert table.cursor_row == 2 and app.selected == []
        await pilot.click(RowTable, offset=(2, 3))
        assert app.selected == ["k2"]
        await pilot.click(RowTable, offset=(2, 0))  # the header: nothing
        assert table.cursor_row == 2


async def test_the_cursor_stays_on_its_row_when_rows_change() -> None:
    app = TableApp(rows(5))
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down")
        assert table.current_key == "k2"
        # a row above goes away: the cursor follows its row
        table.show(rows(5)[1:], ["k1", "k2", "k3", "k4"])
        assert table.current_key == "k2" and table.cursor_row == 1
        # its row goes away: the same line, within the rows left
        table.show([("x", "1")], ["other"])
        assert table.current_key == "other" and table.cursor_row == 0
        table.show([], [])
        assert table.current_key is None and table.row_count == 0


async def test_text_is_shown_as_typed_and_cut_to_its_column() -> None:
    typed = "[bold]not bold[/] [/x] and\ta tab"
    app = TableApp([(typed, "1"), ("日本語のタイトル", "22")])
    async with app.run_test(size=(24, 8)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        first = line(table, 1)
        assert first.startswith(" [bold]not bold[/")
        assert "…" in first and len(first) == 24
        assert "日本" in line(table, 2)


def test_columns_share_the_width_left_over() -> None:
    columns = [Column("a", 4), Column("b", 5, grow=3), Column("c", 5, grow=2)]
    assert widths(columns, 40) == [4, 17, 13]  # 40 - 6 padding = 34 cells
    assert widths(columns, 10) == [4, 5, 5]  # too narrow: least widths
    assert fit("abcdef", 4) == "abc…" and fit("ab", 4) == "ab  "
