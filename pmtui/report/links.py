"""Which URLs become links, and the target written for them.

Part of the escaping layer (:mod:`pmtui.report.escape`): a URL is user text.
"""

from __future__ import annotations

import re

from pmtui.report.escape import lines

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
