"""Reading the incident screen's typed fields: pure, no I/O, no UI.

Each reader returns the value to store, or raises :class:`InputError` whose
message says what would be understood instead (shown under the field).

- Tags are lower-case words joined by hyphens (``config-change``). Typed text
  is normalised: case folded, spaces and underscores become hyphens, repeated
  hyphens collapse. Anything else (``tls!``, ``é``) is refused.
- Services: a comma-separated list; spaces trimmed, duplicates dropped, the
  order and spelling kept.
- URLs: ``http`` or ``https`` with a host.
- Time zones: IANA names known to pendulum (``Europe/Berlin``, ``UTC``).
- Figures: whole numbers >= 0, a percentage 0-100, a duration in minutes
  (``47``, ``47m``, ``1h10m``). Empty means "not known".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pendulum

from pmtui.timeparse import TimeParseError, parse_duration

_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class InputError(ValueError):
    """Typed text that cannot be read; the message says what to type."""


def split_list(text: str) -> list[str]:
    """Comma-separated items, trimmed, empty ones and duplicates dropped."""
    items: list[str] = []
    for part in text.split(","):
        item = " ".join(part.split())
        if item and item not in items:
            items.append(item)
    return items


def normalize_tag(text: str) -> str:
    tag = re.sub(r"[\s_]+", "-", text.strip().lower())
    tag = re.sub(r"-{2,}", "-", tag).strip("-")
    if not _TAG.fullmatch(tag):
        raise InputError(
            f"'{text.strip()}' is not a tag: use lower-case letters, digits and "
            "hyphens, e.g. config-change."
        )
    return tag


def parse_tags(text: str) -> list[str]:
    """``"TLS, config change"`` -> ``["tls", "config-change"]``."""
    tags: list[str] = []
    for item in split_list(text):
        tag = normalize_tag(item)
        if tag not in tags:
            tags.append(tag)
    return tags


def parse_services(text: str) -> list[str]:
    return split_list(text)


def check_url(url: str) -> str:
    """The URL trimmed, or InputError when it is not http(s) with a host."""
    text = url.strip()
    if not text:
        raise InputError(
            "Type the link's address, e.g. https://grafana.example.com/d/checkout."
        )
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise InputError(
            f"'{text}' is not a web address: start with http:// or https:// and "
            "a host, e.g. https://grafana.example.com/d/checkout."
        )
    return text


def check_timezone(name: str) -> str:
    """The zone's IANA name (``utc`` -> ``UTC``), or InputError."""
    text = name.strip()
    if not text:
        raise InputError("A time zone is needed, e.g. Europe/Berlin or UTC.")
    try:
        zone = pendulum.timezone(text)
    except Exception as exc:  # pendulum raises several kinds
        raise InputError(
            f"Unknown time zone '{text}': use an IANA name such as "
            "Europe/Berlin, America/New_York or UTC."
        ) from exc
    return str(zone.name)


def parse_count(text: str, what: str) -> int | None:
    """A whole number >= 0, or None for empty text. ``12,400`` is accepted."""
    typed = text.strip().replace(",", "").replace("_", "")
    if not typed:
        return None
    if not typed.isdigit():
        raise InputError(f"{what}: type a whole number such as 12400, or leave empty.")
    return int(typed)


def parse_percent(text: str) -> float | None:
    typed = text.strip().removesuffix("%").strip()
    if not typed:
        return None
    try:
        value = float(typed)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise InputError("Type a percentage from 0 to 100, such as 38 or 2.5.")
    return value


def parse_minutes(text: str) -> int | None:
    """A duration in whole minutes (``47``, ``47m``, ``1h10m``), or None."""
    if not text.strip():
        return None
    try:
        span = parse_duration(text)
    except TimeParseError as exc:
        raise InputError(str(exc)) from exc
    seconds = int(span.total_seconds())
    if seconds % 60:
        raise InputError("Type whole minutes, such as 47, 47m or 1h10m.")
    return seconds // 60


def format_figure(value: float | None) -> str:
    """A stored figure back as text: ``38`` not ``38.0``; empty for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return str(value)
