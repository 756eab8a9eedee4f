"""The escaping layer and value formatting, one context at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pmtui.report import flavour
from pmtui.report.escape import (
    clean,
    gfm_cell,
    html_cell,
    html_line,
    html_paragraphs,
    html_text,
    md_line,
    md_text,
    mermaid_label,
    plain_cell,
)
from pmtui.report.links import link_target
from pmtui.report.values import clock_time, day, duration, number, zone_of


def test_clean_drops_controls_and_terminal_escapes() -> None:
    typed = "\x1b[1;31mred\x1b[0m\x00 a\tb\x07\x1b]8;;http://x\x1b\\link\x9b2J\u202eZ\r\nc\rd"
    assert clean(typed) == "red a blinkZ\nc\nd"


def test_clean_keeps_right_to_left_text_and_emoji() -> None:
    assert clean("שלום 🚀 مرحبا") == "שלום 🚀 مرحبا"


@pytest.mark.parametrize(
    ("typed", "markdown"),
    [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("+ nor this", "\\+ nor this"),
        ("12. not ordered", "12\\. not ordered"),
        ("3) nor this", "3\\) nor this"),
        ("=====", "\\====="),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("`a|b`", "\\`a\\|b\\`"),
        ("*a* _b_ ~c~ $d$", "\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$"),
        ("[x](y) &amp;", "\\[x\\](y) \\&amp;"),
        ("back\\slash", "back\\\\slash"),
        ("   indented", "indented"),
        ("plain words, 10:02 - ok.", "plain words, 10:02 - ok."),
    ],
)
def test_md_line_makes_markdown_inert(typed: str, markdown: str) -> None:
    assert md_line(typed) == markdown


def test_md_text_breaks_lines_inside_a_list_item() -> None:
    assert md_text("one\n\n  - two\n", indent=2) == "one\\\n  \\- two"


def test_cells_keep_to_one_row() -> None:
    assert gfm_cell("a|b\nc") == "a\\|b<br>c"
    assert plain_cell("a|b\nc") == "a\\|b / c"
    assert gfm_cell("\n \n") == ""


CELL_TEXTS = [
    "",
    "   ",
    "plain words",
    "- dash",
    "+ plus",
    "= eq",
    "12. twelve",
    "3) three",
    "٣. arabic-indic three",
    ' a|b \\| `c` <d> & "e" *f* _g_ [h] ~i~ $j$ #k ',
    "one\n\n- two\n3. three\n",
    "tab\tand \x1b[31mred\x1b[0m and nul\x00",
    "line\u2028sep\r\nwindows",
    "\n \n",
]


@pytest.mark.parametrize("fmt", ["gfm", "plain", "html"])
def test_a_column_of_cells_is_each_cell(fmt: str) -> None:
    out = flavour(fmt)
    assert out.cells(CELL_TEXTS) == [out.cell(t) for t in CELL_TEXTS]
    assert out.cells(CELL_TEXTS[::-1]) == [out.cell(t) for t in CELL_TEXTS[::-1]]
    assert out.cells([]) == []
    assert out.cells([""]) == [""]


def test_html_text_is_inert_and_keeps_its_lines() -> None:
    assert (
        html_line(' <b>"x"</b> & it\'s ')
        == "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; it's"
    )
    assert html_text("one\n\n  <two>\n") == "one<br />\n&lt;two&gt;"
    assert html_cell("a|b\nc") == "a|b / c"
    assert html_paragraphs("a\nb\n \n\x1b[1mc\x1b[0m\n\n") == [
        "<p>a<br />\nb</p>",
        "<p>c</p>",
    ]
    assert html_text("\n \n") == ""


def test_mermaid_label_cannot_end_the_label() -> None:
    label = mermaid_label('say "hi" #1 <b>&</b> `x` 50% a;b|c\\')
    assert label == (
        "say #quot;hi#quot; #35;1 #lt;b#gt;#amp;#lt;/b#gt; #96;x#96; 50#37; "
        "a#59;b#124;c#92;"
    )
    assert '"' not in label and "<" not in label


def test_mermaid_label_is_cut_to_its_limit() -> None:
    assert mermaid_label("word " * 30, limit=12) == "word word w…"


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://x.example/a b?q=<1>", "https://x.example/a%20b?q=%3C1%3E"),
        ("mailto:sre@example.com", "mailto:sre@example.com"),
        ("HTTP://X/é", "HTTP://X/%C3%A9"),
        ("https://g.example/d?x=[a]", "https://g.example/d?x=%5Ba%5D"),
        ("https://[::1]:8080/[x]", "https://[::1]:8080/%5Bx%5D"),
        ("https://x.example/100%/a%2Fb%4", "https://x.example/100%25/a%2Fb%254"),
        (
            "https://x.example/?a=1&amp;b=&#35;",
            "https://x.example/?a=1&amp%3Bb=&#35%3B",
        ),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("/relative/path", None),
    ],
)
def test_link_target_only_for_safe_schemes(url: str, target: str | None) -> None:
    assert link_target(url) == target


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(0), "0 minutes"),
        (timedelta(seconds=45), "45 seconds"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(hours=1, minutes=16), "1 hour 16 minutes"),
        (timedelta(days=2, seconds=61), "2 days 1 minute 1 second"),
        (timedelta(minutes=-5), "minus 5 minutes"),
        (None, "not known"),
    ],
)
def test_duration_in_words_exactly(delta: timedelta | None, words: str) -> None:
    assert duration(delta) == words


def test_numbers_are_grouped_never_rounded() -> None:
    assert number(12400) == "12,400"
    assert number(38.0) == "38"
    assert number(0.125) == "0.125"


def test_unknown_zone_falls_back_to_utc() -> None:
    assert zone_of("Mars/Olympus")[1] == "UTC"
    assert zone_of("../../etc/passwd")[1] == "UTC"
    assert zone_of("Europe/Berlin")[1] == "Europe/Berlin"


def test_dates_and_clock_times_are_padded_and_in_english() -> None:
    assert day(date(2026, 4, 3)) == "2026-04-03 (Fri)"
    assert day(date(2026, 11, 29)) == "2026-11-29 (Sun)"
    assert day(None) == "—"
    moment = datetime(2026, 3, 29, 0, 5, 7, tzinfo=UTC)
    berlin, _ = zone_of("Europe/Berlin")
    assert clock_time(moment, berlin, with_date=False) == "01:05:07"
    assert clock_time(moment.replace(second=0), UTC, with_date=True) == (
        "2026-03-29 00:05"
    )
    assert clock_time(moment.replace(hour=1), berlin, with_date=True) == (
        "2026-03-29 03:05:07"  # summer time began at 02:00 that night
    )


def test_line_starts_are_escaped_as_the_regex_did() -> None:
    """String tests replaced ``re.sub(r"^([-+=])|^(\\d{1,9})([.)])", ...)``."""
    import itertools
    import re

    from pmtui.report.escape import _md_line_start

    def by_regex(line: str) -> str:
        def escape(match: re.Match[str]) -> str:
            if match.group(1):
                return "\\" + match.group(1)
            return f"{match.group(2)}\\{match.group(3)}"

        return re.sub(r"^([-+=])|^(\d{1,9})([.)])", escape, line)

    pieces = ["", "-", "+", "=", "1", "9", "\u0663", "²", "x", ".", ")", " ", "-1."]
    lines = ["".join(p) for n in range(4) for p in itertools.product(pieces, repeat=n)]
    lines += [
        d * n + end for d in ("7", "\u0663") for n in range(8, 12) for end in ".)"
    ]
    lines += ["123456789.", "1234567890.", "12345678901)", "١٢.", "1.2.", "=="]
    assert len(lines) > 2000
    for line in lines:
        assert _md_line_start(line) == by_regex(line), repr(line)


def test_gantt_title_keeps_what_the_regex_kept() -> None:
    import re

    from pmtui.report.diagrams import _TITLE_CHARS

    every = "".join(chr(c) for c in range(0x250)) + "Europe/Berlin Etc/GMT+5 ünï"
    kept = "".join([c for c in every if c in _TITLE_CHARS])
    assert kept == re.sub(r"[^A-Za-z0-9/_+\- ]", "", every)
