"""Every format read back: outline, tables, no HTML leaks, same bytes twice.

The hostile post-mortem holds, in every text field, text that means something
to Markdown, HTML, Mermaid or a terminal; what a reader sees must be what was
typed (control characters and escape sequences aside).
"""

from __future__ import annotations

import copy
import re

import pytest

from pmtui.clock import FixedClock
from pmtui.model import PostMortem, new_postmortem
from pmtui.model.codec import postmortem_from_dict, to_dict
from pmtui.report import FORMATS, render, render_preread
from tests.unit.test_report_helpers import (
    HtmlReader,
    dangling_headings,
    hostile,
    hostile_pm,
    outline,
    parser,
    table_with,
    tables,
)

# What a reader must see of HOSTILE (control characters and escapes dropped,
# each line stripped, blank lines gone), written out by hand.
SEEN = [
    "a|b \\| `co|de` <script>alert(1)</script> <b>bold</b> &amp; &lt;x",
    "# heading",
    "> quote",
    "- list",
    "+ plus",
    "1. one",
    "2) two",
    "---",
    "===",
    'indented code A-->B["x"] %% c ; #35; n0 --> n1 ~~s~~ *e* _u_ **s**',
    "[l](javascript:alert(1)) ![i](x.png) $x$ :tada: @all <http://x.y>",
    "red  nul bell del evil 🚀🔥 emoji مرحبا بالعالم שלום עולם ```fence``` \\ end\\",
    "last line",
]
SECTIONS = [
    (2, "Summary"),
    (2, "Impact"),
    (2, "Key metrics"),
    (2, "Timeline"),
    (2, "Root causes"),
    (3, "5 Whys"),
    (3, "Contributing factors"),
    (2, "Trigger"),
    (2, "Resolution"),
    (2, "Detection"),
    (2, "What went well"),
    (2, "What could be improved"),
    (2, "Where we got lucky"),
    (2, "Action items"),
    (2, "Next steps"),
    (2, "Tags and links"),
]
MD_FORMATS = ("gfm", "plain")


def seen(tag: str, joiner: str = "\n") -> str:
    lines = [f"{tag} {SEEN[0]}", *SEEN[1:]]
    return joiner.join(lines)


def cell(tag: str, fmt: str) -> str:
    return seen(tag, "\n" if fmt == "gfm" else " / ")


@pytest.fixture(scope="module")
def pm() -> PostMortem:
    return hostile_pm()


def test_seen_is_what_was_typed_minus_controls() -> None:
    assert hostile("x").count("\n") == len(SEEN) - 1


@pytest.mark.parametrize("fmt", MD_FORMATS)
def test_sample_outline_and_tables(sample_pm: PostMortem, fmt: str) -> None:
    tokens = parser().parse(render(sample_pm, fmt))
    assert outline(tokens) == [(1, sample_pm.incident.title), *SECTIONS]
    assert dangling_headings(tokens) == []
    timeline = table_with(tokens, "Time (Europe/Berlin)")
    assert timeline.header[1:] == [
        "UTC",
        "What happened",
        "Kind",
        "Source",
        "Key moment",
    ]
    assert len(timeline.rows) == len(sample_pm.timeline)
    assert [r[2] for r in timeline.rows] == [e.text for e in sample_pm.timeline]
    actions = table_with(tokens, "Action")
    assert [r[0] for r in actions.rows] == [a.text for a in sample_pm.actions]
    assert table_with(tokens, "Metric").rows[0][:2] == ["Time to detect", "17 minutes"]
    for table in tables(tokens):
        assert all(len(row) == len(table.header) for row in table.rows), table


@pytest.mark.parametrize("fmt", MD_FORMATS)
def test_hostile_text_reads_as_typed(pm: PostMortem, fmt: str) -> None:
    tokens = parser().parse(render(pm, fmt))
    title = seen("title", " ")
    assert outline(tokens) == [(1, title), *SECTIONS]
    assert dangling_headings(tokens) == []
    assert [t.type for t in tokens if t.type.startswith("html")] == []
    for table in tables(tokens):
        assert all(len(row) == len(table.header) for row in table.rows), table.header

    timeline = table_with(tokens, "Time (Asia/Jerusalem)")
    assert len(timeline.rows) == 5
    assert [r[2] for r in timeline.rows] == [
        *(cell(f"event{i}", fmt) for i in range(4)),
        cell("late", fmt),
    ]
    assert timeline.rows[0][:2] == ["2026-03-29 03:05", "2026-03-29 00:05"]
    assert timeline.rows[0][4] == cell("s", fmt)
    assert [r[5] for r in timeline.rows] == [
        "impact began", "detected", "", "mitigated", "resolved"
    ]  # fmt: skip
    factors = table_with(tokens, "Category")
    assert [r[:2] for r in factors.rows] == [
        ["tooling", cell("factor", fmt)],
        ["external dependency", cell("factor2", fmt)],
    ]
    assert factors.rows[0][2] == cell("why 2: " + "why2", fmt)
    actions = table_with(tokens, "Action")
    assert len(actions.rows) == 3
    assert actions.rows[0][0] == cell("action", fmt)
    assert actions.rows[0][2] == cell("owner", fmt)
    assert actions.rows[1][5] == "won't do: " + cell("reason", fmt)
    assert table_with(tokens, "Key moment").rows[3][0] == "Resolved"
    assert len(table_with(tokens, "Metric").rows) == 3


@pytest.mark.parametrize("fmt", MD_FORMATS)
def test_hostile_paragraphs_and_lists_read_as_typed(pm: PostMortem, fmt: str) -> None:
    tokens = parser().parse(render(pm, fmt))
    paragraphs = [
        inline
        for i, tok in enumerate(tokens)
        if tok.type == "paragraph_open"
        for inline in [tokens[i + 1]]
    ]
    from tests.unit.test_report_helpers import inline_text

    texts = [inline_text(p) for p in paragraphs]
    for tag in ("summary", "summary2", "impact", "trigger", "resolution", "detection"):
        assert seen(tag) in texts, tag
    assert f"{seen('well')} (2 votes)" in texts
    assert seen("lucky") + " (1 vote)" in texts
    assert seen("improve") in texts
    assert "Why? " + seen("why2") + " (root cause)" in texts


def test_only_safe_links_are_links(pm: PostMortem) -> None:
    tokens = parser().parse(render(pm, "gfm"))
    hrefs = [
        child.attrs["href"]
        for tok in tokens
        if tok.type == "inline"
        for child in tok.children or []
        if child.type == "link_open"
    ]
    assert hrefs == [
        "https://tracker.example.com/X-1",
        "https://example.com/a%20b%3Cc%3E%22d'%7Ce%29",
    ]


def test_mermaid_blocks_hold_only_our_syntax(pm: PostMortem) -> None:
    fences = [t for t in parser().parse(render(pm, "gfm")) if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid", "mermaid"]
    gantt, flow = fences[0].content.splitlines(), fences[1].content.splitlines()
    assert gantt[0] == "gantt"
    tasks = [line for line in gantt if line.startswith("    Until")]
    assert len(tasks) == 3  # detected, mitigated, resolved
    for line in gantt[1:]:
        assert "#" not in line and ";" not in line
    node = re.compile(r'^    n\d+\["[^"\n]*"\]$')
    edge = re.compile(r"^    n\d+ --> n\d+$")
    body = flow[1:]
    assert flow[0] == "flowchart TD"
    assert sum(bool(node.match(x)) for x in body) == 4
    assert sum(bool(edge.match(x)) for x in body) == 3
    assert body[-1] == "    class n2,n3 rootCause"
    for line in body:
        assert node.match(line) or edge.match(line) or line.startswith("    class")
        assert "<" not in line and "`" not in line and "%%" not in line


def test_plain_has_no_html_and_no_mermaid(pm: PostMortem) -> None:
    text = render(pm, "plain")
    assert "```" not in text
    assert "<br>" not in text
    assert "mermaid" not in text


def test_html_lets_no_typed_html_through(pm: PostMortem) -> None:
    page = render(pm, "html")
    reader = HtmlReader(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3"}
    allowed |= {"p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
    allowed |= {"strong", "em", "a", "br"}
    assert reader.tags <= allowed
    assert all(h.startswith("https://") for h in reader.hrefs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert reader.headings == [(1, seen("title", " ")), *SECTIONS]
    timeline = next(t for t in reader.tables if t.header[0].startswith("Time"))
    assert timeline.rows[0][2] == cell("event0", "plain")
    actions = next(t for t in reader.tables if t.header[0] == "Action")
    assert [len(r) for r in actions.rows] == [7, 7, 7]


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_post_mortem_same_bytes(pm: PostMortem, fmt: str) -> None:
    first = render(pm, fmt)
    again = render(postmortem_from_dict(to_dict(copy.deepcopy(pm))), fmt)
    assert first == again
    assert render_preread(pm, fmt) == render_preread(copy.deepcopy(pm), fmt)


@pytest.mark.parametrize("fmt", MD_FORMATS)
def test_empty_post_mortem_has_no_dangling_heading(fmt: str) -> None:
    pm = new_postmortem("", FixedClock("2026-11-20T10:00:00+00:00"))
    tokens = parser().parse(render(pm, fmt))
    assert dangling_headings(tokens) == []
    assert outline(tokens) == [
        (1, "Untitled post-mortem"),
        (2, "Summary"),
        (2, "Impact"),
        (2, "Key metrics"),
        (2, "Timeline"),
        (2, "Root causes"),
        (2, "Action items"),
        (2, "Next steps"),
    ]
    assert tables(tokens) == []


def test_preread_outline_and_agenda(pm: PostMortem) -> None:
    tokens = parser().parse(render_preread(pm, "gfm"))
    assert outline(tokens) == [
        (1, "Pre-read: " + seen("title", " ")),
        (2, "Why we meet"),
        (2, "Facts so far"),
        (3, "Summary"),
        (3, "Impact"),
        (3, "Key metrics"),
        (2, "Draft timeline"),
        (2, "Agenda"),
        (2, "Come prepared with"),
    ]
    agenda = table_with(tokens, "Step")
    assert agenda.rows == [["Timeline", "15 minutes"], [seen("step", " "), "5 minutes"]]
    assert dangling_headings(tokens) == []


def test_unknown_format_is_refused(pm: PostMortem) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(pm, "docx")
