"""What a facilitator might type or paste that means something to some renderer
or to the terminal. (Not a test module: pytest collects only ``test_*.py``.)"""

from __future__ import annotations

import unicodedata

INPUTS: tuple[str, ...] = (
    "a | b || c",
    "| col | col |\n|---|---|\n| x | y |",
    "line one\nline two\r\nline three\rline four",
    "`code` ``double`` ```fence```",
    "```\nfenced block\n```",
    "<b>bold</b> <i>it</i> </div>",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; &#x41; &nbsp;",
    "# heading\n## sub heading",
    "- item\n* star\n+ plus\n1. one\n2) two",
    "> quote\n>> nested",
    "---\n===\n***",
    "[link](javascript:alert(1)) ![img](x.png) <http://x.y>",
    "*em* _u_ **strong** ~~strike~~ \\*escaped\\*",
    "graph TD; A-->B; B-- text -->C",
    '%%{init: {"theme": "dark"}}%%\nsequenceDiagram\nA->>B: hi',
    'node["quoted" label] --> end; click A "javascript:alert(1)"',
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared",
    "\x1b]0;evil title\x07 \x1b]52;c;ZXZpbA==\x07 clipboard",
    "\x1bP+q\x1b\\ \x1b[?1049h \x1bc reset",
    "bell\x07 backspace\x08 formfeed\x0c vtab\x0b del\x7f",
    "nul\x00byte",
    "\x9b31m C1 CSI \x85 NEL",
    "\u202eevil\u202c \u200b zero width \ufeff BOM",
    "🚀🔥👩‍👩‍👧‍👦 🇩🇪 emoji",
    "漢字かなカナ 한국어 中文全角文字",
    "مرحبا بالعالم שלום עולם",
    "Z̷̢̛a̴l̸g̵o̶ e\u0301 combining",
    "${jndi:ldap://x} {{7*7}} %s %n $(rm -rf /) '; DROP TABLE x;--",
    "trailing backslash\\",
    "   leading and trailing spaces   ",
    "\t\ttabs\tinside",
    "lone \udc80 surrogate",
    "[bold red]rich markup[/] [link=x]l[/link] :smile:",
)

LONG_PASTE = ("0123456789" * 1000)[:9990] + " end-paste"
assert len(LONG_PASTE) == 10_000

ALLOWED_CONTROLS = frozenset("\n\t")


def raw_controls(text: str) -> list[str]:
    """Control characters (C0, DEL, C1) in ``text`` other than newline and tab."""
    return sorted(
        {
            repr(ch)
            for ch in text
            if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS
        }
    )


def one_line(text: str) -> str:
    """``text`` as an Input holds it after a paste: line breaks as spaces."""
    return " ".join(text.splitlines())
