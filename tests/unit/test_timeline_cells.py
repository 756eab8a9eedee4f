"""The timeline table's cells: times as format_time words them, columns that
fit the width, and text cut to its column."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest
from rich.cells import cell_len

from pmtui.model.session import Event
from pmtui.timeparse import format_time
from pmtui.widgets.timeline_cells import (
    PAD,
    SCROLLBAR,
    columns,
    fit,
    time_style,
    time_width,
)

ZONES = ["Europe/Berlin", "UTC", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham"]


def worded(at: pendulum.DateTime, tz: str, day: date | None, zone: str) -> str:
    """What the table showed before: format_time, the header's zone left out."""
    text = format_time(at, tz, with_utc=False, ref_date=day)
    head, _, name = text.rpartition(" ")
    return head if name == zone else text


@pytest.mark.parametrize("tz", ZONES)
def test_time_cells_read_as_format_time(tz: str) -> None:
    start = pendulum.datetime(2026, 3, 27, 22, 0, tz="UTC")  # Berlin's DST week
    for day in (date(2026, 3, 28), date(2026, 3, 30), None):
        style = time_style(tz, day)
        for n in range(0, 96 * 60, 37):  # four days, odd minutes and seconds
            at = start + timedelta(minutes=n, seconds=n % 3 * 17)
            event = Event("e1", at, "x")
            assert style.cell(event) == worded(at, tz, style.day, style.zone)
    later = time_style(tz, date(2026, 12, 31))
    event = Event("e2", pendulum.datetime(2027, 1, 2, 9, 4, tz=tz), "x")
    assert later.cell(event).endswith("2027 09:04")  # another year: the year


def test_the_time_column_fits_dated_times() -> None:
    style = time_style("Europe/Berlin", date(2026, 11, 18))
    same_day = [Event("e1", pendulum.datetime(2026, 11, 18, 9, 4, tz="UTC"), "x")]
    assert time_width(style, same_day) == len("Time (CET)")
    later = [*same_day, Event("e2", pendulum.datetime(2026, 11, 20, 10, 0), "x")]
    assert time_width(style, later) == len("Fri 20 Nov 11:00")
    early = [Event("e0", pendulum.datetime(2026, 11, 2, 10, 0), "x"), *same_day]
    assert time_width(style, early) == len("Mon 2 Nov 11:00") + 1  # 12 Nov


@pytest.mark.parametrize("width", [60, 80, 100, 120, 250])
def test_columns_fill_the_width(width: int) -> None:
    layout = columns(width, 10, "Time (CET)")
    used = sum(size + 2 * PAD for _, _, size in layout)
    assert used == max(width - SCROLLBAR, used)  # "what happened" takes the rest
    assert ("source" in [k for k, _, _ in layout]) == (width >= 110)


def test_text_is_cut_to_its_column_by_cells() -> None:
    assert fit("checkout", 10) == "checkout  "
    assert fit("checkout-api returned 502", 10) == "checkout-…"
    assert fit("09:04:30 CEST", 8, ellipsis=False) == "09:04:30"
    wide = fit("決済が失敗した決済が失敗した", 9)
    assert cell_len(wide) == 9 and wide.endswith("…")
    assert fit("a\nb\tc", 6) == "a b c "  # controls take no cell: spaces
