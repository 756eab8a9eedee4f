"""Import parsing: CSV, JSON lines and logs; bad lines keep their reason."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pendulum
import pytest

from pmtui.model import EventKind
from pmtui.model.timeline_import import (
    ImportCancelled,
    ImportFormat,
    Reader,
    detect_format,
    parse_import,
    parse_kind,
)
from pmtui.store import StoreError
from pmtui.store.imports import read_text_file
from pmtui.timeparse import TimeParseError

TZ = "Europe/Berlin"
READER = Reader(
    TZ, datetime(2026, 11, 20, 10, tzinfo=UTC), date(2026, 11, 18), "app.log"
)


def berlin(hh_mm: str, day: int = 18) -> datetime:
    hour, minute = hh_mm.split(":")[:2]
    second = int(hh_mm.split(":")[2]) if hh_mm.count(":") == 2 else 0
    return pendulum.datetime(2026, 11, day, int(hour), int(minute), second, tz=TZ)


class TestLogs:
    def test_iso_syslog_bracketed_and_bare_times(self) -> None:
        text = (
            "2026-11-18T08:04:12.123Z checkout-api TLS handshake failed\n"
            "2026-11-18 09:05:00,250 ERROR payments timeout\n"
            "Nov 18 09:06:07 web-1 nginx[42]: upstream reset\n"
            "[2026-11-18 09:07:00] deploy started\n"
            "09:08 bare clock line\n"
        )
        result = parse_import(text, READER, name="app.log")
        assert result.format is ImportFormat.LOG
        assert result.bad == []
        assert [(d.at, d.text) for d in result.drafts] == [
            (berlin("09:04:12"), "checkout-api TLS handshake failed"),
            (berlin("09:05"), "ERROR payments timeout"),
            (berlin("09:06:07"), "web-1 nginx[42]: upstream reset"),
            (berlin("09:07"), "deploy started"),
            (berlin("09:08"), "bare clock line"),
        ]
        assert {d.source for d in result.drafts} == {"app.log"}

    def test_bad_lines_keep_number_text_and_reason(self) -> None:
        text = (
            "2026-11-18T09:04:00Z ok\n"
            "  at java.lang.Thread.run\n"
            "\n"
            "now restarting\n"
            "2026-11-18T09:05:00Z\n"
            "25:00 impossible\n"
        )
        result = parse_import(text, READER, name="app.log")
        assert len(result.drafts) == 1
        assert result.blank == 1
        bad = {b.number: b for b in result.bad}
        assert sorted(bad) == [2, 4, 5, 6]
        assert bad[2].text == "  at java.lang.Thread.run"
        assert bad[2].reason.startswith("no time at the start")
        assert bad[4].reason.startswith("no time at the start")
        assert bad[5].reason == "no description after the time"
        assert "00-23" in bad[6].reason

    def test_syslog_year_is_the_one_nearest_the_incident(self) -> None:
        reader = Reader(TZ, READER.now, date(2027, 1, 2))
        result = parse_import("Dec 31 23:59:00 host x\n", reader, name="sys.log")
        assert result.drafts[0].at.year == 2026


class TestCsv:
    def test_header_in_any_order_and_quoted_commas(self) -> None:
        text = (
            "source,kind,when,description\n"
            'logs,customer impact,09:04,"impact, begins"\n'
            "Alertmanager,ALERT,09:11,alert fired\n"
        )
        result = parse_import(text, READER, name="events.csv")
        assert result.bad == []
        first, second = result.drafts
        assert (first.at, first.text, first.kind, first.source) == (
            berlin("09:04"),
            "impact, begins",
            EventKind.CUSTOMER_IMPACT,
            "logs",
        )
        assert (second.kind, second.source) == (EventKind.ALERT, "Alertmanager")

    def test_without_header_columns_are_positional(self) -> None:
        result = parse_import("09:04,began\n09:05,next,fix\n", READER, name="e.csv")
        assert [(d.text, d.kind) for d in result.drafts] == [
            ("began", EventKind.OTHER),
            ("next", EventKind.FIX),
        ]
        assert result.drafts[0].source == "app.log"

    def test_bad_rows(self) -> None:
        text = (
            "time,description,kind,source\n"
            "09:12,unquoted, commas, here, too\n"
            "09:13,unknown kind,bogus\n"
            ",no time\n"
            "9am,bad time\n"
            '09:14,"a quoted\nnewline"\n'
            "09:15,fine\n"
        )
        result = parse_import(text, READER, name="e.csv")
        bad = {b.number: b.reason for b in result.bad}
        assert sorted(bad) == [2, 3, 4, 5]
        assert "quote a description" in bad[2]
        assert "unknown kind 'bogus'" in bad[3]
        assert bad[4] == "needs a time and a description"
        assert "could not read '9am'" in bad[5]
        assert [d.text for d in result.drafts] == ["a quoted newline", "fine"]

    def test_header_without_description_column(self) -> None:
        result = parse_import("time,kind\n09:00,alert\n", READER, name="e.csv")
        assert result.drafts == []
        assert (
            result.bad[0].reason == "the header needs a time and a description column"
        )


class TestJsonLines:
    def test_objects_with_aliases_and_epoch_seconds(self) -> None:
        epoch = int(berlin("09:06").timestamp())
        text = (
            '{"time": "2026-11-18T08:04:00Z", "message": "a", "kind": "alert"}\n'
            f'{{"ts": {epoch}, "msg": "b", "source": "pager"}}\n'
        )
        result = parse_import(text, READER, name="events.jsonl")
        assert result.bad == []
        assert [(d.at, d.text, d.kind, d.source) for d in result.drafts] == [
            (berlin("09:04"), "a", EventKind.ALERT, "app.log"),
            (berlin("09:06"), "b", EventKind.OTHER, "pager"),
        ]

    def test_bad_json_lines(self) -> None:
        text = (
            "[1, 2]\n"
            '{"time": "x", "text": "c"}\n'
            "{broken\n"
            '{"text": "no time"}\n'
            '{"time": true, "text": "bool"}\n'
            '{"time": 1e300, "text": "far"}\n'
        )
        result = parse_import(text, READER, fmt=ImportFormat.JSONL)
        reasons = [b.reason for b in result.bad]
        assert len(reasons) == 6 and result.drafts == []
        assert reasons[0].startswith("not a JSON object")
        assert reasons[1].startswith("could not read 'x'")
        assert reasons[2].startswith("not valid JSON")
        assert reasons[3].startswith('needs a "time"')
        assert "not text or a number" in reasons[4]
        assert "not Unix seconds" in reasons[5]


class TestDetection:
    @pytest.mark.parametrize(
        ("name", "text", "fmt"),
        [
            ("a.csv", "x", ImportFormat.CSV),
            ("a.ndjson", "x", ImportFormat.JSONL),
            ("dump", '\n{"time": 1}', ImportFormat.JSONL),
            ("export.txt", "time,description\n", ImportFormat.CSV),
            ("syslog", "Nov 18 09:04:00 h x", ImportFormat.LOG),
        ],
    )
    def test_formats(self, name: str, text: str, fmt: ImportFormat) -> None:
        assert detect_format(name, text) is fmt

    def test_kind_by_label_or_value(self) -> None:
        assert parse_kind("Customer_Impact") is EventKind.CUSTOMER_IMPACT
        assert parse_kind("customer-impact") is EventKind.CUSTOMER_IMPACT
        assert parse_kind("") is EventKind.OTHER
        with pytest.raises(TimeParseError, match="use one of alert"):
            parse_kind("pager")


class TestLargeFiles:
    def test_progress_is_reported_and_cancel_stops(self) -> None:
        text = "".join(
            f"2026-11-18T09:00:{i % 60:02d}Z line {i}\n" for i in range(5000)
        )
        seen: list[tuple[int, int]] = []
        result = parse_import(
            text, READER, name="big.log", progress=lambda d, t: seen.append((d, t))
        )
        assert len(result.drafts) == 5000
        assert seen == [(2000, 5000), (4000, 5000)]
        with pytest.raises(ImportCancelled):
            parse_import(text, READER, name="big.log", cancelled=lambda: True)


class TestReadingFiles:
    def test_reads_utf8_and_drops_bom(self, tmp_path: Path) -> None:
        path = tmp_path / "a.log"
        path.write_bytes("\ufeff09:00 café\n".encode())
        assert read_text_file(path) == "09:00 café\n"

    def test_problems_are_store_errors(self, tmp_path: Path) -> None:
        with pytest.raises(StoreError, match="does not exist"):
            read_text_file(tmp_path / "missing.log")
        with pytest.raises(StoreError, match="is a folder"):
            read_text_file(tmp_path)
        binary = tmp_path / "b.bin"
        binary.write_bytes(b"\x00\x01\x02")
        with pytest.raises(StoreError, match="not a text file"):
            read_text_file(binary)
        latin = tmp_path / "l.log"
        latin.write_bytes("café".encode("latin-1"))
        with pytest.raises(StoreError, match="not UTF-8"):
            read_text_file(latin)


def test_colour_codes_and_controls_of_a_log_never_reach_the_timeline() -> None:
    import pendulum

    from pmtui.model.timeline_import import ImportFormat, Reader, parse_import

    now = pendulum.datetime(2026, 11, 20, 10, 0, tz="UTC")
    reader = Reader(tz="UTC", now=now, ref_date=now.date(), source="app.log")
    log = (
        "2026-11-18T09:11:00Z \x1b[31mERROR\x1b[0m handshake\x07 failed\n"
        '{"time": "2026-11-18T09:12:00Z",'
        ' "description": "bell\\u0007 \\u001b[1mbold"}\n'
    )
    result = parse_import(log, reader, fmt=ImportFormat.LOG)
    assert [d.text for d in result.drafts] == ["ERROR handshake failed"]
    assert all("\x1b" not in b.text and "\x07" not in b.text for b in result.bad)
    jsonl = parse_import(log.splitlines()[1], reader, fmt=ImportFormat.JSONL)
    assert [d.text for d in jsonl.drafts] == ["bell bold"]
