"""The one escaping layer: every piece of user text goes through here.

One function per output context, all starting from :func:`clean` (control
characters and terminal escape sequences removed, line ends unified):

- :func:`clean` - plain text (CSV, page titles before HTML escaping);
- :func:`md_text` - Markdown paragraph or list text: every character with a
  Markdown meaning is backslash-escaped, so a line starting with ``#``, ``>``
  or ``-`` stays text, raw HTML shows as text, and newlines become hard line
  breaks (indented to stay inside a list item);
- :func:`gfm_cell` / :func:`plain_cell` - a GFM table cell (``|`` escaped, a
  newline becomes ``<br>`` for GitHub/GitLab, `` / `` for Confluence/Notion);
- :func:`mermaid_label` - a quoted Mermaid label, with Mermaid's entity codes
  for quotes, ``#`` and anything HTML-like;
- :func:`link_target` - a URL fit for ``[label](<url>)``, or ``None``.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC
# sequences, and the 8-bit CSI/OSC introducers.
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?  # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                  # other Fe escapes
    | \x9b[0-?]*[ -/]*[@-~]          # 8-bit CSI
    | \x9d[^\x07\x9c]*[\x07\x9c]?    # 8-bit OSC
    """,
    re.VERBOSE,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# ASCII punctuation that means something somewhere in (GitHub-flavoured)
# Markdown; CommonMark lets every one of them be backslash-escaped.
_MD_SPECIAL = "\\`*_[]<>|~$&#"
_MD_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _MD_SPECIAL})
# What may begin a block at the start of a line: list markers, headings
# (already escaped), setext underlines, ordered list numbers.
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
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
_URL_KEEP = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]")
NEWLINE_PLAIN = " / "
# What clean() drops: C0 and C1 controls but the newline (tabs are spaces by
# then), DEL, and the bidi embedding/override/isolate controls.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text without control characters or ANSI escapes; ``\\n`` line ends.

    Tabs become spaces; every other C0/C1 control character (NUL included)
    and DEL are dropped, as are bidi embedding/override controls that could
    reorder what follows them. Right-to-left letters are kept as they are.
    """
    if text.isprintable():
        # Everything below acts on non-printable characters only (controls,
        # escapes, surrogates, line and paragraph separators, bidi controls):
        # most text has none, and a report cleans thousands of strings.
        return text
    text = _ANSI.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)  # lone: no encoding can write it
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    return _CONTROL.sub("", text)


def lines(text: str) -> list[str]:
    """The non-blank lines of cleaned text, each stripped."""
    text = clean(text)
    if "\n" not in text:
        text = text.strip()
        return [text] if text else []
    return [line.strip() for line in text.split("\n") if line.strip()]


def one_line(text: str) -> str:
    """Cleaned text on one line (headings, summaries): lines joined by spaces."""
    return " ".join(lines(text))


def md_inline(text: str) -> str:
    """User text made inert in Markdown, on one line (names, tags, lists)."""
    return md_line(one_line(text))


def md_line(line: str) -> str:
    """One line of text made inert in Markdown (no newline inside)."""
    escaped = line.strip().translate(_MD_ESCAPES)
    first = escaped[:1]
    if first not in "-+=" and not first.isdecimal():  # \d: any decimal digit
        return escaped
    return _LINE_START.sub(_escape_line_start, escaped)


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
    pad = " " * indent
    return ("\\\n" + pad).join(md_line(line) for line in lines(text))


def md_paragraphs(text: str) -> list[str]:
    """User text as Markdown paragraphs (split at blank lines)."""
    blocks = re.split(r"\n\s*\n", clean(text))
    return [md_text(block) for block in blocks if block.strip()]


def gfm_cell(text: str) -> str:
    """A GFM table cell for GitHub/GitLab: newlines become ``<br>``."""
    return "<br>".join(md_line(line) for line in lines(text))


def plain_cell(text: str) -> str:
    """A table cell with no HTML at all (Confluence, Notion, the HTML page)."""
    return NEWLINE_PLAIN.join(md_line(line) for line in lines(text))


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
    """A URL safe to put in ``(<...>)``, or ``None`` (shown as text instead).

    Only http(s) and mailto links are made links; anything outside the URL
    character set is percent-encoded, so the target cannot end early.
    """
    flat = "".join(lines(url))
    if not flat.lower().startswith(_SAFE_SCHEMES):
        return None
    out = []
    for ch in unicodedata.normalize("NFC", flat):
        if _URL_KEEP.fullmatch(ch):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)
