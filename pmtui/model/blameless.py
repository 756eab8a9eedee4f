"""Blameless-language hints: phrasing that points at people, and a suggestion.

Pure: the phrase book is parsed from TOML text (``pmtui/data/blameless.toml``,
optionally extended by a team's file read by :mod:`pmtui.store.team_phrases`),
and :func:`find_hint` looks at one piece of text. Hints never block and are
never stored.

Three kinds of rule:

- plain phrases ("human error", "X's fault", "forgot to") are flagged anywhere;
- ``subject = "person"`` phrases ("failed to", "should have") only when a
  person is the subject of the clause: "Jonas failed to", "the on-call
  should have", but not "the health check failed to";
- in cause-like fields (why nodes, factors, the trigger) a participant's name
  as the subject at the start of a clause: "Jonas deployed the bad cert", but
  not "paged Jonas" nor "Jonas's script".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

NAME_SUGGESTION = "say what the system allowed, e.g. 'the deploy pipeline allowed …'."

# Where a clause starts: the text's start, after sentence punctuation, dashes,
# commas, line breaks and the conjunctions that begin a new clause.
_CLAUSE_BREAK = re.compile(
    r"[.!?;:]+(?:\s+|$)|\s+[-–—]+\s+|,\s*|\n+|\(|\)"
    r"|\b(?:and|but|so|because|since|as|when|while|after|before|until|then|"
    r"which|who|that|or|though|although|once|if)\b",
    re.IGNORECASE,
)
# Words that may come before a clause's subject without changing it.
_TIME = r"\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|utc|cet|cest|z)?"
_LEAD = (
    rf"(?:(?:(?:at|around|about|by|from|until)\s+)?{_TIME}\s*,?\s+)?"
    r"(?:(?:then|also|eventually|finally|later|first|next|again|just|only|"
    r"afterwards|meanwhile|unfortunately|initially|today|yesterday)\s*,?\s+)*"
)
# Words between a person and the phrase that keep the person the subject.
_BETWEEN = (
    r"(?:\s+(?:just|simply|also|then|clearly|obviously|again|probably|really|"
    r"completely|totally|never|still|apparently|had|has|have|did|was|is))*"
)
# A word after a name that makes the name not a subject ("Jonas at 09:12").
_NOT_A_VERB = frozenset(
    (
        *("at", "in", "on", "to", "from", "with", "for", "of", "by", "about"),
        *("via", "over", "into", "per", "and", "or", "nor", "himself", "herself"),
    )
)
_DETERMINERS = r"(?:(?:the|our|an?|that|this|my|your|one)\s+)?"
_APOSTROPHE = re.compile("['’]")


@dataclass(frozen=True)
class Phrase:
    """One entry of the phrase book."""

    label: str  # the first phrasing, as written in the file
    pattern: re.Pattern[str]
    suggestion: str
    person_subject: bool = False


@dataclass(frozen=True)
class PhraseBook:
    phrases: tuple[Phrase, ...] = ()
    person_words: tuple[str, ...] = ()
    name_suggestion: str = NAME_SUGGESTION

    def extended(self, other: PhraseBook) -> PhraseBook:
        """This book plus ``other``'s entries; same label replaces."""
        labels = {p.label.casefold() for p in other.phrases}
        kept = tuple(p for p in self.phrases if p.label.casefold() not in labels)
        words = tuple(dict.fromkeys((*self.person_words, *other.person_words)))
        suggestion = other.name_suggestion
        if suggestion == NAME_SUGGESTION:
            suggestion = self.name_suggestion
        return PhraseBook(kept + other.phrases, words, suggestion)


@dataclass(frozen=True)
class Hint:
    """What was found, where, and what to write instead."""

    matched: str
    suggestion: str
    start: int
    end: int
    name: bool = False  # a participant's name as the subject of a cause

    @property
    def message(self) -> str:
        return f"“{self.matched}”: {self.suggestion}"


class PhraseBookError(ValueError):
    """A phrase file that cannot be used; the message says where and why."""


# -- building the book ---------------------------------------------------------


def phrase_pattern(text: str) -> str:
    """A regular expression for one phrasing (see the data file's header)."""
    words = text.split()
    if not words:
        raise PhraseBookError("an empty phrase")
    parts = [_word_pattern(word) for word in words]
    return r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w-])"


def _word_pattern(word: str) -> str:
    if word == "*":
        return r"[\w-]+"
    out = []
    for n, piece in enumerate(word.split("*")):
        if n:
            out.append(r"[\w-]+" if n == 1 and word.startswith("*") else r"\w*")
        out.append(_APOSTROPHE.sub("['’]", re.escape(piece)))
    return "".join(out)


def parse_phrase_book(text: str, source: str = "phrase file") -> PhraseBook:
    """Parse TOML ``text`` into a phrase book; :class:`PhraseBookError` if bad."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PhraseBookError(f"{source}: {error}") from error
    phrases = tuple(
        _phrase(entry, f"{source}: phrase {n}")
        for n, entry in enumerate(_list(data, "phrase", source), start=1)
    )
    words = tuple(str(w) for w in _list(data, "person_words", source))
    name = data.get("name_subject", {})
    suggestion = name.get("suggestion") if isinstance(name, dict) else None
    return PhraseBook(phrases, words, str(suggestion or NAME_SUGGESTION))


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise PhraseBookError(f"{source}: {key} must be a list")
    return value


def _phrase(entry: Any, where: str) -> Phrase:
    if not isinstance(entry, dict):
        raise PhraseBookError(f"{where}: expected a table")
    match = entry.get("match")
    phrasings = [match] if isinstance(match, str) else match
    if not isinstance(phrasings, list) or not phrasings:
        raise PhraseBookError(f"{where}: match must be a phrase or a list of them")
    if not all(isinstance(p, str) for p in phrasings):
        raise PhraseBookError(f"{where}: match must be a phrase or a list of them")
    suggestion = entry.get("suggestion")
    if not isinstance(suggestion, str) or not suggestion.strip():
        raise PhraseBookError(f"{where}: a suggestion is needed")
    subject = entry.get("subject", "any")
    if subject not in ("any", "person"):
        raise PhraseBookError(f"{where}: subject is 'person' or 'any'")
    try:
        pattern = "|".join(f"(?:{phrase_pattern(p)})" for p in phrasings)
    except PhraseBookError as error:
        raise PhraseBookError(f"{where}: {error}") from error
    return Phrase(
        label=phrasings[0],
        pattern=re.compile(pattern, re.IGNORECASE),
        suggestion=suggestion.strip(),
        person_subject=subject == "person",
    )


# -- looking at text -------------------------------------------------------------


@dataclass
class _Context:
    book: PhraseBook
    names: tuple[str, ...]
    person: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        options = sorted({*self.book.person_words, *self.names}, key=len, reverse=True)
        alternatives = "|".join(phrase_pattern(o) for o in options if o.strip())
        self.person = re.compile(
            rf"^\s*{_LEAD}{_DETERMINERS}(?:{alternatives or '(?!)'}){_BETWEEN}\s*$",
            re.IGNORECASE,
        )


def name_variants(names: Iterable[str]) -> tuple[str, ...]:
    """Full names and first names, as people type them in a meeting."""
    found: dict[str, None] = {}
    for name in names:
        full = " ".join(name.split())
        if len(full) < 2:
            continue
        found[full] = None
        first = full.split()[0]
        if len(first) >= 2:
            found[first] = None
    return tuple(found)


def clause_starts(text: str) -> list[int]:
    """Offsets where a clause begins (after punctuation or a conjunction)."""
    starts = [0]
    starts.extend(m.end() for m in _CLAUSE_BREAK.finditer(text))
    return sorted(set(starts))


def find_hints(
    text: str,
    book: PhraseBook,
    *,
    names: Sequence[str] = (),
    cause: bool = False,
) -> list[Hint]:
    """Every hint for ``text``, in order of where it starts."""
    if not text.strip():
        return []
    ctx = _Context(book, name_variants(names))
    starts = clause_starts(text)
    hints = [h for p in book.phrases for h in _phrase_hints(text, p, starts, ctx)]
    if cause and ctx.names:
        hints.extend(_name_hints(text, starts, ctx))
    return sorted(hints, key=lambda h: (h.start, -h.end))


def find_hint(
    text: str,
    book: PhraseBook,
    *,
    names: Sequence[str] = (),
    cause: bool = False,
) -> Hint | None:
    """The first hint for ``text``, or None when it reads blameless."""
    hints = find_hints(text, book, names=names, cause=cause)
    return hints[0] if hints else None


def _phrase_hints(
    text: str, phrase: Phrase, starts: list[int], ctx: _Context
) -> Iterable[Hint]:
    for match in phrase.pattern.finditer(text):
        if phrase.person_subject:
            start = max(s for s in starts if s <= match.start())
            if not ctx.person.match(text[start : match.start()]):
                continue
        yield Hint(match.group(0), phrase.suggestion, match.start(), match.end())


def _name_hints(text: str, starts: list[int], ctx: _Context) -> Iterable[Hint]:
    names = "|".join(
        phrase_pattern(n) for n in sorted(ctx.names, key=len, reverse=True)
    )
    subject = re.compile(
        rf"\s*{_LEAD}(?P<name>{names})(?:['’]|\s+(?P<next>[A-Za-z][\w-]*))",
        re.IGNORECASE,
    )
    for start in starts:
        match = subject.match(text, start)
        if match is None or match.group("next") is None:
            continue  # a possessive ("Jonas's script") or nothing after the name
        if match.group("next").casefold() in _NOT_A_VERB:
            continue
        yield Hint(
            match.group("name"),
            ctx.book.name_suggestion,
            match.start("name"),
            match.end("name"),
            name=True,
        )
