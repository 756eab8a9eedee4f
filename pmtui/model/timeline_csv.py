"""CSV files for the timeline import (see :mod:`pmtui.model.timeline_import`):
``time, description[, kind[, source]]``, or any order under a header row."""

from __future__ import annotations

import csv
import io

from pmtui.model.timeline_import import (
    KIND_KEYS,
    PROGRESS_EVERY,
    SOURCE_KEYS,
    TEXT_KEYS,
    TIME_KEYS,
    BadLine,
    Cancelled,
    ImportResult,
    Progress,
    Reader,
    check_progress,
    error_reason,
    make_draft,
)
from pmtui.model.timeline_rules import Draft
from pmtui.timeparse import TimeParseError

_CSV_COLUMNS = {
    "time": TIME_KEYS,
    "text": TEXT_KEYS,
    "kind": KIND_KEYS,
    "source": SOURCE_KEYS,
}


def _header(row: list[str]) -> dict[str, int] | None:
    names = [cell.strip().casefold() for cell in row]
    if not any(name in TIME_KEYS for name in names):
        return None
    return {
        column: next((i for i, n in enumerate(names) if n in keys), -1)
        for column, keys in _CSV_COLUMNS.items()
    }


def read_csv(
    text: str,
    reader: Reader,
    result: ImportResult,
    progress: Progress | None,
    stop: Cancelled | None,
) -> None:
    """Every row of ``text`` into ``result``: a draft, or a bad line and why."""
    lines = text.splitlines()
    rows = csv.reader(io.StringIO(text))
    columns = {"time": 0, "text": 1, "kind": 2, "source": 3}
    width = 4
    number = 1  # the line the next row starts on
    for count, row in enumerate(rows, start=1):
        start, number = number, rows.line_num + 1
        if count % PROGRESS_EVERY == 0:
            check_progress(start, len(lines), progress, stop)
        raw = "\n".join(lines[start - 1 : rows.line_num])
        if not any(cell.strip() for cell in row):
            result.blank += 1
            continue
        if start == 1 and (header := _header(row)) is not None:
            if header["time"] < 0 or header["text"] < 0:
                reason = "the header needs a time and a description column"
                result.bad.append(BadLine(1, raw, reason))
                return
            columns, width = header, len(row)
            continue
        try:
            result.drafts.append(_csv_row(row, columns, width, reader))
        except (TimeParseError, ValueError) as error:
            result.bad.append(BadLine(start, raw, error_reason(error)))


def _csv_row(
    row: list[str], columns: dict[str, int], width: int, reader: Reader
) -> Draft:
    if len(row) > width:
        raise ValueError(
            f"{len(row)} cells, at most {width} expected: "
            "quote a description that has commas"
        )
    cells = {
        name: row[index] if 0 <= index < len(row) else ""
        for name, index in columns.items()
    }
    if not cells["time"].strip() or not cells["text"].strip():
        raise ValueError("needs a time and a description")
    at = reader.time(cells["time"])
    return make_draft(reader, at, cells["text"], cells["kind"], cells["source"])
