"""A standalone HTML page of the report, for rich-text paste.

Written directly (no Markdown parser at export time): the page shows what the
``plain`` Markdown shows, in the HTML markdown-it-py makes of it, byte for
byte (tests/unit/test_report_html.py keeps markdown-it-py as the oracle).
User text is HTML-escaped through :mod:`pmtui.report.escape`, so nothing typed
ever passes as HTML, and links are made for http(s) and mailto URLs only.
Deterministic: no dates, no ids that change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pmtui.report.escape import (
    html_cell,
    html_cells,
    html_inline,
    html_line,
    html_paragraphs,
    html_text,
    one_line,
)
from pmtui.report.flavour import Flavour

STYLE = """\
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1f2328; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; }
code { background: #f6f8fa; padding: 0 0.2rem; }"""
_TH = "</th>\n<th>"
_TD = "</td>\n<td>"


class HtmlFlavour(Flavour):
    """HTML elements as markdown-it-py writes them: one block per line, list
    items and table cells each on their own line, ``<br />`` line breaks."""

    name = "html"
    mermaid = False

    def __repr__(self) -> str:
        return "HtmlFlavour()"

    def text(self, text: str, indent: int = 0) -> str:
        return html_text(text)

    def inline(self, text: str) -> str:
        return html_inline(text)

    def line(self, line: str) -> str:
        return html_line(line)

    def cell(self, text: str) -> str:
        return html_cell(text)

    def cells(self, texts: Sequence[str]) -> list[str]:
        return html_cells(texts)

    def strong(self, markup: str) -> str:
        return f"<strong>{markup}</strong>"

    def em(self, markup: str) -> str:
        return f"<em>{markup}</em>"

    def link(self, label: str, url: str) -> str:
        from pmtui.report.links import link_target  # only reports with links

        target = link_target(url)
        shown = html_line(one_line(label) or one_line(url))
        if target is None:
            if one_line(label) and one_line(url):
                return f"{shown} ({html_line(one_line(url))})"
            return shown
        return f'<a href="{html_line(target)}">{shown}</a>'

    def paragraph(self, markup: str) -> str:
        return f"<p>{markup}</p>"

    def paragraphs(self, text: str) -> list[str]:
        return html_paragraphs(text)

    def heading(self, level: int, title: str) -> str:
        return f"<h{level}>{html_line(title)}</h{level}>"

    def bullets(self, items: Iterable[str]) -> str:
        listed = "".join([f"<li>{item}</li>\n" for item in items])
        return f"<ul>\n{listed}</ul>" if listed else ""

    def tree(self, items: Iterable[tuple[int, str]]) -> str:
        out = ["<ul>"]
        previous = -1
        for depth, item in items:
            if depth < 0 or depth > previous + 1 or (previous < 0 and depth):
                raise ValueError(f"tree item at depth {depth} after {previous}")
            if depth == previous + 1:
                if previous >= 0:
                    out.append("<ul>")
            else:
                out[-1] += "</li>"
                out.extend(["</ul>", "</li>"] * (previous - depth))
            out.append(f"<li>{item}")
            previous = depth
        if previous < 0:
            return ""
        out[-1] += "</li>"
        out.extend(["</ul>", "</li>"] * previous)
        out.append("</ul>")
        return "\n".join(out)

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
        head = _TH.join([html_line(h) for h in header])
        body = [f"<tr>\n<td>{_TD.join(row)}</td>\n</tr>\n" for row in rows]
        return (
            f"<table>\n<thead>\n<tr>\n<th>{head}</th>\n</tr>\n</thead>\n"
            + (f"<tbody>\n{''.join(body)}</tbody>\n" if body else "")
            + "</table>"
        )

    def document(self, blocks: Iterable[str]) -> str:
        return "".join([f"{block}\n" for block in blocks if block])


HTML = HtmlFlavour()


def html_page(title: str, body: str) -> str:
    """A whole page around ``body``: doctype, charset, title, a little style.

    ``title`` is one line of text (escaped here); ``body`` is HTML.
    """
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_line(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


__all__ = ["HTML", "HtmlFlavour", "html_page"]
