"""Blameless-language hints for a field: the glue between a text widget, the
open post-mortem (its participants' names) and the phrase book.

The phrase book is pmtui's own plus the team's file in the archive folder; it
is read again only when that file changes. A broken team file is said once.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.dom import NoScreen
from textual.widget import Widget

from pmtui.model.blameless import PhraseBook, find_hint
from pmtui.store.team_phrases import phrase_book, team_phrases_path

BLAMELESS_TIP = "Blameless-language hint (never blocks, never saved):\n"
# Controls whose text is a cause: why nodes, contributing factors, the trigger.
CAUSE_IDS = re.compile(r"why|factor|trigger")

_books: dict[tuple[Path | None, int | None], PhraseBook] = {}
_told: set[str] = set()


def is_cause_field(control: Widget) -> bool:
    """True for the text of a why node, a factor or the trigger (by id)."""
    return bool(control.id and CAUSE_IDS.search(control.id))


def _context(widget: Widget) -> object | None:
    try:
        ctx = getattr(widget.screen, "ctx", None)
    except NoScreen:  # pragma: no cover - not mounted
        ctx = None
    return ctx if ctx is not None else getattr(widget.app, "ctx", None)


def _book(widget: Widget, folder: Path | None) -> PhraseBook:
    stamp: int | None = None
    if folder is not None:
        try:
            stamp = team_phrases_path(folder).stat().st_mtime_ns
        except OSError:
            stamp = None
    key = (folder if stamp is not None else None, stamp)
    if key not in _books:
        book, problem = phrase_book(key[0])
        _books[key] = book
        if problem and problem not in _told:
            _told.add(problem)
            widget.notify(problem, title="Team phrases not used", severity="warning")
    return _books[key]


def hint_for(widget: Widget, text: str, *, cause: bool) -> str | None:
    """The one-line hint for ``text`` typed in ``widget``, or None."""
    if not text.strip():
        return None
    ctx = _context(widget)
    pm = getattr(ctx, "pm", None)
    archive = getattr(ctx, "archive", None) or getattr(widget.app, "archive", None)
    folder = getattr(archive, "folder", None)
    names = [p.name for p in pm.incident.participants] if pm is not None else []
    hint = find_hint(text, _book(widget, folder), names=names, cause=cause)
    return hint.message if hint else None
