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
- :func:`link_target` - a URL fit for ``[label](<url>)`` and ``href="url"``
  that Markdown renderers leave as it is, or ``None``.

Regular expressions are compiled on first use (``re``'s own cache): most
text has nothing they look for, and ``pmtui export`` must start fast.
"""

from __future__ import annotations

import re

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
_MD_SPECIAL = "\\`*_[]<>|~$&#"
_MD_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _MD_SPECIAL})
# What may begin a block at the start of a line: list markers, headings
# (already escaped), setext underlines, ordered list numbers.
_LINE_START = r"^([-+=])|^(\d{1,9})([.)])"
_MERMAID_ENTITIES = {
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
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# Kept as they are in a link target: RFC 3986's unreserved and reserved
# characters, but the brackets (renderers percent-encode them outside an
# IPv6 host) and ``%`` (kept only where it starts an escape).
_URL_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;="
)
_HEX = frozenset("0123456789ABCDEFabcdef")
_IPV6_AUTHORITY = r"(?:[^/?#@]*@)?\[[0-9A-Fa-f:.]+\](?::[0-9]*)?"
# ``&name;`` or ``&#35;`` in a link target would be read as an HTML entity.
_ENTITY_LIKE = r"(&#?[A-Za-z0-9]+);"
NEWLINE_PLAIN = " / "
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
    return _lines(clean(text))


def _lines(text: str) -> list[str]:
    if "\n" not in text:
        text = text.strip()
        return [text] if text else []
    return [line.strip() for line in text.split("\n") if line and not line.isspace()]


def one_line(text: str) -> str:
    """Cleaned text on one line (headings, summaries): lines joined by spaces."""
    return " ".join(lines(text))


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
    escaped = line.strip().translate(_MD_ESCAPES)
    first = escaped[:1]
    if first not in "-+=" and not first.isdecimal():  # \d: any decimal digit
        return escaped
    return re.sub(_LINE_START, _escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def md_text(text: str, indent: int = 0) -> str:
    """Markdown for user text in a paragraph or a list item.

    Lines are joined with hard line breaks (a trailing backslash); blank
    lines collapse. ``indent`` spaces start each continuation line, so the
    text stays inside a list item whose content starts that far in.
    """
    return _md_lines(lines(text), indent)


def _md_lines(found: list[str], indent: int) -> str:
    if len(found) == 1:
        return md_line(found[0])
    return ("\\\n" + " " * indent).join([md_line(line) for line in found])


def md_paragraphs(text: str) -> list[str]:
    """User text as Markdown paragraphs (split at blank lines)."""
    return [_md_lines(_lines(block), 0) for block in paragraphs(text)]


def gfm_cell(text: str) -> str:
    """A GFM table cell for GitHub/GitLab: newlines become ``<br>``."""
    found = lines(text)
    if len(found) == 1:
        return md_line(found[0])
    return "<br>".join([md_line(line) for line in found])


def plain_cell(text: str) -> str:
    """A table cell with no HTML at all (Confluence, Notion, the HTML page)."""
    found = lines(text)
    if len(found) == 1:
        return md_line(found[0])
    return NEWLINE_PLAIN.join([md_line(line) for line in found])


# -- HTML ------------------------------------------------------------------------


def html_line(line: str) -> str:
    """One line of text as HTML text: ``& < > "`` as entities, ends stripped."""
    return (
        line.strip()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def html_inline(text: str) -> str:
    """User text as HTML text on one line."""
    return html_line(one_line(text))


def html_text(text: str) -> str:
    """User text as HTML text, its lines joined with ``<br />`` line breaks."""
    return HTML_BREAK.join([html_line(line) for line in lines(text)])


def html_paragraphs(text: str) -> list[str]:
    """User text as HTML paragraphs (split at blank lines)."""
    return [
        f"<p>{HTML_BREAK.join([html_line(line) for line in _lines(block)])}</p>"
        for block in paragraphs(text)
    ]


def html_cell(text: str) -> str:
    """A table cell's HTML text: lines joined by `` / `` as in plain Markdown."""
    return NEWLINE_PLAIN.join([html_line(line) for line in lines(text)])


# -- Mermaid and links -----------------------------------------------------------


def mermaid_label(text: str, limit: int = 60) -> str:
    """The inside of a quoted Mermaid label: ``A["<this>"]``.

    Long text is cut at ``limit`` characters (the list beside the diagram
    keeps it whole). Quotes, ``#`` and HTML-like characters become Mermaid
    entity codes, so nothing typed can end the label or add markup.
    """
    flat = one_line(text)
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in flat)


def link_target(url: str) -> str | None:
    """A URL safe to put in ``(<...>)`` or ``href="..."``, or ``None`` (shown
    as text instead).

    Only http(s) and mailto links are made links. Anything outside the URL
    character set is percent-encoded, so the target cannot end early; so are
    what CommonMark renderers would change (brackets outside an IPv6 host, a
    ``%`` that starts no escape, the ``;`` of ``&amp;``-like text they would
    read as an entity): Markdown and HTML pages link to the same address.
    """
    flat = "".join(lines(url))
    lowered = flat.lower()
    if not lowered.startswith(_SAFE_SCHEMES):
        return None
    import unicodedata  # links only

    flat = unicodedata.normalize("NFC", flat)
    keep_until = 0  # the brackets of an IPv6 host stay
    if not lowered.startswith("mailto:"):
        start = flat.index("//") + 2
        host = re.match(_IPV6_AUTHORITY, flat[start:])
        keep_until = start + host.end() if host else 0
    out = []
    for i, ch in enumerate(flat):
        if ch in _URL_SAFE or (i < keep_until and ch in "[]") or _escapes(flat, i):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return re.sub(_ENTITY_LIKE, r"\1%3B", "".join(out))


def _escapes(url: str, i: int) -> bool:
    """Whether ``url[i]`` is the ``%`` of a percent-escape (``%`` and two hex)."""
    return (
        url[i] == "%"
        and len(url[i + 1 : i + 3]) == 2
        and _HEX.issuperset(url[i + 1 : i + 3])
    )
