"""A standalone HTML page of the report, for rich-text paste.

Made with markdown-it-py from the ``plain`` Markdown, with its ``html``
option off, so no HTML typed into a post-mortem ever passes as HTML, and
links other than http(s)/mailto are never made. Deterministic: no dates,
no ids that change.
"""

from __future__ import annotations

from html import escape

STYLE = """\
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1f2328; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; }
code { background: #f6f8fa; padding: 0 0.2rem; }"""


def markdown_to_html(markdown: str) -> str:
    """The body HTML of Markdown, raw HTML off, tables and strikethrough on."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    html: str = md.render(markdown)
    return html


def html_page(title: str, markdown: str) -> str:
    """A whole page: doctype, charset, title (escaped), a little style."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f"{markdown_to_html(markdown)}</body>\n</html>\n"
    )
