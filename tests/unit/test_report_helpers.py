"""Helpers for the report tests: a hostile post-mortem and a Markdown reader.

(Not a test module: pytest collects only ``test_*.py``.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

import pendulum
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pmtui.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Event,
    Factor,
    FactorCategory,
    Impact,
    Incident,
    Item,
    KeyMoment,
    Link,
    NextSteps,
    Participant,
    PostMortem,
    Role,
    WhyNode,
)
from pmtui.model.session import Causes, Prep, Reflection, Tone

# Everything a facilitator might type that means something to some renderer.
HOSTILE = (
    "a|b \\| `co|de` <script>alert(1)</script> <b>bold</b> &amp; &lt;x\n"
    "# heading\n> quote\n- list\n+ plus\n1. one\n2) two\n---\n===\n"
    '    indented\tcode A-->B["x"] %% c ; #35; n0 --> n1 ~~s~~ *e* _u_ **s**\n'
    "[l](javascript:alert(1)) ![i](x.png) $x$ :tada: @all <http://x.y>\n"
    "\x1b[31mred\x1b[0m \x1b]0;title\x07 nul\x00 bell\x07 del\x7f \u202eevil\u202c "
    "🚀🔥 emoji مرحبا بالعالم שלום עולם ```fence``` \\ end\\\r\nlast line  "
)


def hostile(tag: str) -> str:
    """The hostile text, prefixed by a tag so each field can be told apart."""
    return f"{tag} {HOSTILE}"


def _at(minute: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, 29, 0, minute, tz="UTC")


def hostile_pm() -> PostMortem:
    """A post-mortem whose every text field holds hostile text."""
    whys = WhyNode(
        "w1",
        hostile("problem"),
        children=[
            WhyNode(
                "w2",
                hostile("why1"),
                children=[WhyNode("w3", hostile("why2"), root_cause=True)],
            ),
            WhyNode("w4", hostile("why1b"), root_cause=True),
        ],
    )
    moments = [KeyMoment.IMPACT_BEGAN, KeyMoment.DETECTED, None, KeyMoment.MITIGATED]
    events = [
        Event(
            f"e{i}", _at(10 * i + 5), hostile(f"event{i}"), source=hostile("s"), key=k
        )
        for i, k in enumerate(moments)
    ]
    late = _at(59).add(days=1)
    events.append(Event("e9", late, hostile("late"), key=KeyMoment.RESOLVED))
    return PostMortem(
        created=_at(0),
        timezone="Asia/Jerusalem",
        incident=Incident(
            title=hostile("title"),
            services=[hostile("svc")],
            summary=hostile("summary") + "\n\n" + hostile("summary2"),
            impact=Impact(
                description=hostile("impact"),
                users_affected=1234567,
                failed_requests_pct=12.5,
                duration_minutes=125,
                support_tickets=0,
                data_loss=True,
                data_loss_details=hostile("loss"),
            ),
            links=[
                Link(hostile("link"), "https://example.com/a b<c>\"d'|e)"),
                Link(hostile("badlink"), "javascript:alert(1)"),
            ],
            participants=[Participant(hostile("person"), Role.SCRIBE)],
            tags=[hostile("tag")],
        ),
        prep=Prep(meeting_at=_at(30).add(days=2)),
        tone=Tone(
            statement=hostile("statement"),
            agenda=[AgendaItem("timeline", 15), AgendaItem(hostile("step"), 5)],
        ),
        timeline=events,
        causes=Causes(
            whys=whys,
            factors=[
                Factor("f1", hostile("factor"), FactorCategory.TOOLING, why_id="w3"),
                Factor("f2", hostile("factor2"), FactorCategory.EXTERNAL),
            ],
            trigger=hostile("trigger"),
            resolution=hostile("resolution"),
            detection=hostile("detection"),
        ),
        reflection=Reflection(
            went_well=[Item("i1", hostile("well"), votes=2)],
            could_improve=[Item("i2", hostile("improve"))],
            lucky=[Item("i3", hostile("lucky"), votes=1)],
        ),
        actions=[
            Action(
                "a1",
                hostile("action"),
                owner=hostile("owner"),
                due=date(2026, 4, 3),
                link="https://tracker.example.com/X-1",
                addresses="w3",
            ),
            Action(
                "a2",
                '=HYPERLINK("http://evil")' + hostile("formula"),
                status=ActionStatus.WONT_DO,
                reason=hostile("reason"),
                link=hostile("notaurl"),
            ),
            Action("a3", "-2+3 " + hostile("minus"), owner="@boss"),
        ],
        next_steps=NextSteps(
            owner=hostile("pmowner"),
            follow_up=date(2026, 4, 10),
            recipients=[hostile("recipient")],
            runbooks=[hostile("runbook")],
        ),
    )


# -- reading Markdown back ----------------------------------------------------


def parser() -> MarkdownIt:
    """GFM-like, raw HTML ON: so any HTML that got through is seen as HTML."""
    return MarkdownIt("gfm-like", {"linkify": False})


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: text, with breaks as newlines."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "html_inline":
            assert child.content == "<br>", f"raw HTML got through: {child.content!r}"
            out.append("\n")
    return "".join(out)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


def outline(tokens: list[Token]) -> list[tuple[int, str]]:
    return [
        (int(tok.tag[1]), inline_text(tokens[i + 1]))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def tables(tokens: list[Token]) -> list[Table]:
    found: list[Table] = []
    row: list[str] | None = None
    in_head = False
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            found.append(Table([]))
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            assert row is not None
            row.append(inline_text(tokens[i + 1]))
        elif tok.type == "tr_close":
            assert row is not None
            if in_head:
                found[-1].header = row
            else:
                found[-1].rows.append(row)
    return found


def table_with(tokens: list[Token], first_header: str) -> Table:
    matches = [t for t in tables(tokens) if t.header and t.header[0] == first_header]
    assert len(matches) == 1, f"expected one table starting {first_header!r}"
    return matches[0]


def dangling_headings(tokens: list[Token]) -> list[str]:
    """Headings followed by nothing or at once by a heading as high or higher."""
    blocks = [
        t for t in tokens if t.nesting >= 0 and t.level == 0 and t.type != "inline"
    ]
    bad = []
    for i, tok in enumerate(blocks):
        if tok.type != "heading_open":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or (nxt.type == "heading_open" and nxt.tag <= tok.tag):
            bad.append(tok.tag)
    return bad


class HtmlReader(HTMLParser):
    """Headings, tables, every tag and every link target of an HTML page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.tables: list[Table] = []
        self._text: list[str] | None = None
        self._row: list[str] | None = None
        self._in_head = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]
        if tag in ("h1", "h2", "h3", "h4", "th", "td"):
            self._text = []
        elif tag == "table":
            self.tables.append(Table([]))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag == "br" and self._text is not None:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text or [])
        if tag in ("h1", "h2", "h3", "h4"):
            self.headings.append((int(tag[1]), text))
            self._text = None
        elif tag in ("th", "td") and self._row is not None:
            self._row.append(text.strip())
            self._text = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "tr" and self._row is not None:
            if self._in_head:
                self.tables[-1].header = self._row
            else:
                self.tables[-1].rows.append(self._row)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


# -- the checkers above must be able to fail ------------------------------------


def test_inline_text_refuses_raw_html() -> None:
    tokens = parser().parse("a <b>bold</b>\n")
    try:
        inline_text(tokens[1])
    except AssertionError:
        return
    raise AssertionError("raw <b> was not noticed")


def test_tables_reads_rows_and_escaped_pipes() -> None:
    tokens = parser().parse("| A | B |\n|---|---|\n| x \\| y | 1<br>2 |\n| | z |\n")
    (table,) = tables(tokens)
    assert table.header == ["A", "B"]
    assert table.rows == [["x | y", "1\n2"], ["", "z"]]


def test_dangling_headings_are_found() -> None:
    tokens = parser().parse("# T\n\n## A\n\n### A1\n\ntext\n\n## B\n\n## C\n\nx\n")
    assert dangling_headings(tokens) == ["h2"]
    assert dangling_headings(parser().parse("# T\n\nx\n\n## A\n")) == ["h2"]
    assert outline(tokens) == [(1, "T"), (2, "A"), (3, "A1"), (2, "B"), (2, "C")]


def test_html_reader_sees_tags_links_and_tables() -> None:
    page = (
        '<h1>T &amp; U</h1><script>x</script><a href="javascript:y">l</a>'
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1<br>2</td></tr>"
        "</tbody></table>"
    )
    reader = HtmlReader(page)
    assert reader.headings == [(1, "T & U")]
    assert "script" in reader.tags
    assert reader.hrefs == ["javascript:y"]
    assert reader.tables[0].header == ["A"]
    assert reader.tables[0].rows == [["1\n2"]]


def test_plural_counts_read_as_words() -> None:
    from pmtui.report.values import plural

    assert [plural(n, "owner") for n in (0, 1, 2, 1961)] == [
        "0 owners",
        "1 owner",
        "2 owners",
        "1,961 owners",
    ]
