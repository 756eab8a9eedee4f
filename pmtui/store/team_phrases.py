"""The blameless phrase book: pmtui's own, plus a team's file in the archive.

pmtui's phrases ship in the package (``pmtui/data/blameless.toml``). A team
extends them with ``.pmtui-blameless.toml`` in the archive folder, in the same
format: shared through git like the rest of the archive. A team file that
cannot be read or parsed is left out (the built-in phrases still apply) and
the problem is returned so the app can say so once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pmtui.model.blameless import PhraseBook, PhraseBookError, parse_phrase_book

TEAM_PHRASES_NAME = ".pmtui-blameless.toml"
_BUILTIN = ("data", "blameless.toml")


def team_phrases_path(folder: Path) -> Path:
    return Path(folder) / TEAM_PHRASES_NAME


def builtin_phrase_book() -> PhraseBook:
    """pmtui's own phrases (the data file inside the package)."""
    folder, name = _BUILTIN
    text = resources.files("pmtui").joinpath(folder, name).read_text(encoding="utf-8")
    return parse_phrase_book(text, f"pmtui/data/{name}")


def phrase_book(folder: Path | None) -> tuple[PhraseBook, str | None]:
    """The built-in phrases extended by the team's file in ``folder``.

    Returns the book and a problem with the team file (``None`` if it is fine
    or absent).
    """
    book = builtin_phrase_book()
    if folder is None:
        return book, None
    path = team_phrases_path(folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return book, None
    except (OSError, UnicodeDecodeError) as error:
        return book, f"{path}: {error}"
    try:
        team = parse_phrase_book(text, str(path))
    except PhraseBookError as error:
        return book, str(error)
    return book.extended(team), None
