"""The one escaping layer: every piece of user text goes through here.

One function per output context, all starting from :func:`clean` (control
characters and terminal escape sequences removed, line ends unified):

- :func:`clean` - plain text (CSV);
- :func:`md_text` - Markdown paragraph or list text: every character with a
  Markdown meaning is backslash-escaped, so a line starting with ``#``, ``>``
  or ``-`` stays text, raw HTML shows as text, and newlines become hard line
  breaks (indented to stay inside a list item);
- :func:`gfm_cell` / :func:`plain_cell` - a GFM table cell (``|`` escaped, a
  newline becomes ``<br>`` for GitHub/GitLab, `` / `` for Confluence/Notion);
- :func:`html_text` / :func:`html_cell` / :func:`html_line` - HTML text:
  ``& < > "`` become entities (as markdown-it writes them), newlines become
  ``<br />`` (`` / `` in a table cell, as the plain Markdown has it);
- :func:`mermaid_label` - a quoted Mermaid label, with Mermaid's entity codes
  for quotes, ``#`` and anything HTML-like;
- :func:`pmtui.report.links.link_target` - a URL fit for ``[label](<url>)``
  and ``href="url"`` that Markdown renderers leave as it is, or ``None``.

Regular expressions are compiled on first use (``re``'s own cache): most
text has nothing they look for, and ``pmtui export`` must start fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC
# sequences, and the 8-bit CSI/OSC introducers.
_ANSI = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other Fe escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
)
_SURROGATE = "[\ud800-\udfff]"
_LINE_BREAKS = r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]"
# What clean() drops: C0 and C1 controls but the newline (tabs are spaces by
# then), DEL, and the bidi embedding/override/isolate controls.
_CONTROL = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_BLANK_LINE = r"\n\s*\n"
# ASCII punctuation that means something somewhere in (GitHub-flavoured)
# Markdown; CommonMark lets every one of them be backslash-escaped.
_MD_SPECIAL = "`*_[]<>|~$&#"  # and the backslash itself
# What may begin a block at the start of a line: list markers, headings
# (already escaped), setext underlines, ordered list numbers: a line that
# starts with one of "-+=" or with 1 to 9 decimal digits (Unicode Nd, as
# the regex \d) then "." or ")" gets a backslash before that character.
_MERMAID_ENTITIES = str.maketrans(
    {
        '"': "#quot;",
        "#": "#35;",
        "&": "#amp;",
        "<": "#lt;",
        ">": "#gt;",
        "`": "#96;",
        "%": "#37;",
        "|": "#124;",
        ";": "#59;",
        "\\": "#92;",
    }
)
NEWLINE_PLAIN = " / "
GFM_BREAK = "<br>"
# Joins the cells of a column to escape them in one pass: clean() drops NUL,
# so no cleaned text holds it.
_SEP = "\x00"
HTML_BREAK = "<br />\n"


def clean(text: str) -> str:
    """Text without control characters or ANSI escapes; ``\\n`` line ends.

    Tabs become spaces; every other C0/C1 control character (NUL included)
    and DEL are dropped, as are bidi embedding/override controls that could
    reorder what follows them. Right-to-left letters are kept as they are.
    """
    if text.isprintable() or ("\n" in text and text.replace("\n", "").isprintable()):
        # Everything below acts on non-printable characters other than the
        # newline (controls, escapes, surrogates, line and paragraph
        # separators, bidi controls): most text has none, and a report
        # cleans thousands of strings.
        return text
    text = re.sub(_ANSI, "", text)
    text = re.sub(_SURROGATE, "\ufffd", text)  # lone: no encoding can write it
    text = re.sub(_LINE_BREAKS, "\n", text).replace("\t", " ")
    return re.sub(_CONTROL, "", text)


def lines(text: str) -> list[str]:
    """The non-blank lines of cleaned text, each stripped."""
    if text.isprintable():  # one line, nothing to clean: most text
        text = text.strip()
        return [text] if text else []
    return _lines(clean(text))


def _lines(text: str) -> list[str]:
    if "\n" not in text:
        text = text.strip()
        return [text] if text else []
    return [line.strip() for line in text.split("\n") if line and not line.isspace()]


def one_line(text: str) -> str:
    """Cleaned text on one line (headings, summaries): lines joined by spaces."""
    if text.isprintable():
        return text.strip()
    return " ".join(_lines(clean(text)))


def paragraphs(text: str) -> list[str]:
    """Cleaned text split at blank lines; paragraphs with no text left out."""
    text = clean(text)
    if "\n" not in text:
        return [text] if text and not text.isspace() else []
    return [b for b in re.split(_BLANK_LINE, text) if b and not b.isspace()]


# -- Markdown --------------------------------------------------------------------


def md_inline(text: str) -> str:
    """User text made inert in Markdown, on one line (names, tags, lists)."""
    return md_line(one_line(text))


def md_line(line: str) -> str:
    """One line of text made inert in Markdown (no newline inside)."""
    return _md_line_start(_md_escape(line.strip()))


def _md_escape(text: str) -> str:
    if "\\" in text:  # first: the other escapes add backslashes
        text = text.replace("\\", "\\\\")
    for ch in _MD_SPECIAL:  # each a C-speed pass: faster than str.translate
        if ch in text:
            text = text.replace(ch, "\\" + ch)
    return text


def _md_line_start(escaped: str) -> str:
    """A backslash where a line would start a list or an underline. String
    tests, not a regex: compiling one cost more than a report's every use."""
    first = escaped[:1]
    if not first:
        return escaped
    if first in "-+=":
        return "\\" + escaped
    digits = 0
    while digits < 10 and escaped[digits : digits + 1].isdecimal():  # \d: Nd
        digits += 1
    if 1 <= digits <= 9 and escaped[digits : digits + 1] in (".", ")"):
        return f"{escaped[:digits]}\\{escaped[digits:]}"
    return escaped


def md_text(text: str, indent: int = 0) -> str:
    """Markdown for user text in a paragraph or a list item.

    Lines are joined with hard line breaks (a trailing backslash); blank
    lines collapse. ``indent`` spaces start each continuation line, so the
    text stays inside a list item whose content starts that far in.
    """
    if text.isprintable():
        return md_line(text)
    return ("\\\n" + " " * indent).join([md_line(s) for s in _lines(clean(text))])


def md_paragraphs(text: str) -> list[str]:
    """User text as Markdown paragraphs (split at blank lines)."""
    return [md_text(block) for block in paragraphs(text)]


def md_cell(text: str, newline: str) -> str:
    """A GFM table cell: escaped lines joined by ``newline``."""
    if text.isprintable():
        return md_line(text)
    return newline.join([md_line(line) for line in _lines(clean(text))])


def md_cells(texts: Sequence[str], newline: str) -> list[str]:
    """:func:`md_cell` of each text, escaped in one pass over them all (a big
    report has thousands of cells: per-cell calls cost more than the work)."""
    if not texts:
        return []
    cells = _md_escape(_column(texts)).split(_SEP)
    for i, cell in enumerate(cells):
        if "\n" in cell:
            cells[i] = newline.join([_md_line_start(s) for s in cell.split("\n")])
        elif cell and (cell[0] in "-+=" or cell[0].isdecimal()):
            cells[i] = _md_line_start(cell)
    return cells


def _column(texts: Sequence[str]) -> str:
    """Cleaned texts, lines joined by ``\\n``, joined by :data:`_SEP`."""
    return _SEP.join(
        [t.strip() if t.isprintable() else "\n".join(_lines(clean(t))) for t in texts]
    )


def gfm_cell(text: str) -> str:
    """A GFM table cell for GitHub/GitLab: newlines become ``<br>``."""
    return md_cell(text, GFM_BREAK)


def plain_cell(text: str) -> str:
    """A table cell with no HTML at all (Confluence, Notion, the HTML page)."""
    return md_cell(text, NEWLINE_PLAIN)


# -- HTML ------------------------------------------------------------------------


def html_line(line: str) -> str:
    """One line of text as HTML text: ``& < > "`` as entities, ends stripped."""
    return _html_escape(line.strip())


def _html_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def html_inline(text: str) -> str:
    """User text as HTML text on one line."""
    return html_line(one_line(text))


def html_text(text: str) -> str:
    """User text as HTML text, its lines joined with ``<br />`` line breaks."""
    if text.isprintable():
        return html_line(text)
    return HTML_BREAK.join([html_line(line) for line in _lines(clean(text))])


def html_paragraphs(text: str) -> list[str]:
    """User text as HTML paragraphs (split at blank lines)."""
    return [f"<p>{html_text(block)}</p>" for block in paragraphs(text)]


def html_cell(text: str) -> str:
    """A table cell's HTML text: lines joined by `` / `` as in plain Markdown."""
    if text.isprintable():
        return html_line(text)
    return NEWLINE_PLAIN.join([html_line(line) for line in _lines(clean(text))])


def html_cells(texts: Sequence[str]) -> list[str]:
    """:func:`html_cell` of each text, escaped in one pass over them all."""
    if not texts:
        return []
    return _html_escape(_column(texts)).replace("\n", NEWLINE_PLAIN).split(_SEP)


# -- Mermaid ---------------------------------------------------------------------


def mermaid_label(text: str, limit: int = 60) -> str:
    """The inside of a quoted Mermaid label: ``A["<this>"]``.

    Long text is cut at ``limit`` characters (the list beside the diagram
    keeps it whole). Quotes, ``#`` and HTML-like characters become Mermaid
    entity codes, so nothing typed can end the label or add markup.
    """
    flat = one_line(text)
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.translate(_MERMAID_ENTITIES)
