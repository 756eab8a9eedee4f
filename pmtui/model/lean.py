"""Lean records: what search, the tracker and similar incidents need from a
post-mortem's summary, without its long texts. Pure, standard library only.

A lean record keeps the summary's facts and actions, and for each long text
(summary, causes, factors, actions, timeline) its distinct words as one line
`` a b c `` (a whole word is found with `` w ``, the start of one with
`` w``), plus the telling words of its root causes (``root_words``) and
everyone named as its owner or an action's owner (``owners``: search's
``owner:`` filter needs no actions).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

# The summary shape these lean records are built from (pmtui.model.summary);
# tests check they agree, so bumping SUMMARY_VERSION reminds to bump this.
BUILT_FOR_SUMMARY = 2
LEAN_VERSION = f"{BUILT_FOR_SUMMARY}.3"

WORD_FIELDS = ("summary", "causes", "factors", "actions", "timeline")
_KEEP = (
    "title",
    "severity",
    "status",
    "created",
    "incident_date",
    "timezone",
    "services",
    "tags",
    "follow_up",
    "solved_check",
    "owner",
    "actions",
)
_TOKEN = r"[^\W_]+"  # compiled on first use: the command line may need none


class QueryError(ValueError):
    """A query or filter that cannot be understood; the message says how to
    fix it (search's queries, the tracker's filter line)."""


def owner_matches(name: str, wanted: str) -> bool:
    """``priya`` matches ``Priya Raman``: the start of the name or of a word."""
    low = " ".join(name.lower().split())
    return bool(low) and (
        low.startswith(wanted) or any(w.startswith(wanted) for w in low.split())
    )


def tokens(text: str) -> list[str]:
    """Lower-case words: letters and digits, split at anything else."""
    return re.findall(_TOKEN, text.lower())


def word_line(text: str) -> str:
    """The distinct words of ``text`` as `` a b c ``: whole words are found
    with `` w ``, starts of words with `` w``."""
    words = dict.fromkeys(tokens(text))
    return f" {' '.join(words)} " if words else ""


def lean_record(summary: dict[str, Any]) -> dict[str, Any]:
    """What search, the tracker and similar incidents need from a summary."""
    from pmtui.model.incident_day import incident_day

    record = {key: summary.get(key) for key in _KEEP}
    # the day people call the incident's, in its own zone: worked out here,
    # where the cache is made, so reading it needs no datetime or zoneinfo
    record["day"] = incident_day(summary) or None
    texts = summary.get("search") or {}
    record["words"] = {name: word_line(texts.get(name) or "") for name in WORD_FIELDS}
    record["root_words"] = sorted(
        cause_words(" ".join(summary.get("root_causes") or []))
    )
    record["owners"] = owners(record)
    return record


def owners(record: dict[str, Any]) -> list[str]:
    """The post-mortem's owner, then its actions' owners, each once."""
    named = [str(record.get("owner") or "")]
    named += [str(a.get("owner") or "") for a in record.get("actions") or []]
    return list(dict.fromkeys(named))


_STOP_WORDS = """the and for was were with that this from into not but are had has
have its our out all any too only when then than why because after before over
under about their there they them been being did does doing each which while who
whom what where how also very just more most some such can could would should
will may might must one two three layer"""
_STOP = frozenset(_STOP_WORDS.split())


def cause_words(text: str) -> set[str]:
    """The telling words of a root cause (no small or common words, no numbers)."""
    return {
        w for w in tokens(text) if len(w) >= 3 and not w.isdigit() and w not in _STOP
    }
