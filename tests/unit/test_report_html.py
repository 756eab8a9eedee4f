"""The HTML page is written directly; markdown-it-py is its oracle here.

For every post-mortem below, the page's body must be exactly the HTML
markdown-it-py makes of the ``plain`` Markdown (the page used to be made that
way). The oracle is configured as the export once was, with one change: a
nesting limit of 100 instead of 20. At 20, markdown-it stops reading a deep
5 Whys tree and drops the rest of the document (the big post-mortem lost 92
of its 100 whys and every section after them); the direct page keeps it all.
No normalisation of either side: byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from markdown_it import MarkdownIt

from bench.generate import big_postmortem
from pmtui.clock import FixedClock
from pmtui.model import Action, Link, PostMortem, WhyNode, new_postmortem
from pmtui.report import render, render_preread
from pmtui.report.links import link_target
from tests.unit.test_report_helpers import HtmlReader, hostile_pm

URLS = [
    "https://example.com/a?b=1&c=2#frag",
    "HTTPS://Example.COM/Upper/Case",
    "https://example.com/?a=1&amp;b=2&#35;x&#x41;&nbsp;",
    "https://grafana.example/d?var-x=[a]&from=now-1h",
    "https://[2001:db8::1]:9090/graph?g0.expr=[5m]",
    "https://user:pw@host.example:8443/p;matrix=1",
    "https://example.com/100%/done%2",
    "https://example.com/%7Euser/%zz",
    "https://bücher.example/straße?q=é",
    "https://example.com/a b<c>\"d'|e)\\f{g}^`",
    "mailto:sre+oncall@example.com?subject=Post-mortem%20review&body=a b",
    "javascript:alert(1)",
    "ftp://example.com/file",
    "",
]


def oracle() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "maxNesting": 100}).enable(
        ["table", "strikethrough"]
    )


def body(page: str) -> str:
    start = page.index("<body>\n") + len("<body>\n")
    return page[start : page.rindex("</body>\n</html>\n")]


def sample(sample_pm: PostMortem) -> PostMortem:
    return sample_pm


def links_pm() -> PostMortem:
    pm = new_postmortem("Links & <odd> URLs", FixedClock("2026-11-20T10:00:00+00:00"))
    pm.incident.links = [Link(f"label {i}", url) for i, url in enumerate(URLS)]
    pm.incident.links.append(Link("", "https://example.com/no-label"))
    pm.actions = [
        Action(f"a{i}", f"action {i}", link=url, due=date(2026, 12, 1))
        for i, url in enumerate(URLS)
    ]
    return pm


def deep_pm() -> PostMortem:
    """A single chain of 40 whys, some blank, some multi-line."""
    pm = new_postmortem("Deep", FixedClock("2026-11-20T10:00:00+00:00"))
    node = pm.causes.whys
    node.text = "the problem\nover two lines"
    for n in range(40):
        child = WhyNode(f"w{n}", "" if n % 7 == 3 else f"why {n}\n\n- and more")
        child.root_cause = n % 5 == 4
        node.children.append(child)
        node = child
    return pm


def empty_pm() -> PostMortem:
    return new_postmortem("", FixedClock("2026-11-20T10:00:00+00:00"))


CASES: dict[str, Callable[[PostMortem], PostMortem]] = {
    "sample": sample,
    "hostile": lambda _: hostile_pm(),
    "big": lambda _: big_postmortem(),
    "links": lambda _: links_pm(),
    "deep": lambda _: deep_pm(),
    "empty": lambda _: empty_pm(),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_page_is_what_markdown_it_makes_of_plain(
    sample_pm: PostMortem, case: str
) -> None:
    pm = CASES[case](sample_pm)
    md = oracle()
    assert body(render(pm, "html")) == md.render(render(pm, "plain"))
    preread = render_preread(pm, "html")
    assert body(preread) == md.render(render_preread(pm, "plain"))


def test_big_page_keeps_every_why_and_section() -> None:
    text = render(big_postmortem(), "html")
    assert text.count("<li>Why? because of layer") == 100
    assert [h for h in HtmlReader(text).headings if h[0] == 2][-3:] == [
        (2, "Action items"),
        (2, "Next steps"),
        (2, "Tags and links"),
    ]


@pytest.mark.parametrize("url", URLS)
def test_link_targets_are_left_as_they_are_by_markdown_renderers(url: str) -> None:
    target = link_target(url)
    if target is None:
        return
    tokens = oracle().parseInline(f"[x](<{target}>)")
    (link,) = [t for t in tokens[0].children or [] if t.type == "link_open"]
    assert link.attrs["href"] == target


def test_page_title_is_escaped(sample_pm: PostMortem) -> None:
    sample_pm.incident.title = 'A <b>"bold"</b> & \x1b[31mred\x1b[0m title'
    page = render(sample_pm, "html")
    assert (
        "<title>A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; red title</title>" in page
    )
    assert page.startswith("<!DOCTYPE html>\n")
