"""The pre-read (ctrl+r on the incident step): a Markdown file for the
participants, written to the archive's exports folder, never over an earlier
one without asking."""

from __future__ import annotations

from pathlib import Path

from pmtui.screens.base import StepScreen

PREREAD_HELP = (
    "ctrl+r writes a Markdown pre-read for participants: facts, the draft "
    "timeline, the agenda and the questions to come prepared with."
)


def preread_path(exports: Path, source: Path) -> Path:
    return exports / f"{source.stem}.pre-read.md"


def write_preread(screen: StepScreen, *, force: bool = False) -> None:
    """Write the pre-read of ``screen``'s post-mortem and say where; a file
    already there is replaced only after a yes."""
    from pmtui.report import render_preread
    from pmtui.screens.dialogs import ConfirmDialog
    from pmtui.store.exports import ExportError, ExportExistsError, write_export

    path = preread_path(screen.ctx.archive.exports, screen.ctx.path)
    try:
        write_export(path, render_preread(screen.pm), force=force, make_folder=True)
    except ExportExistsError:
        screen.app.push_screen(
            ConfirmDialog(f"{path} exists. Replace it?", yes="Replace"),
            lambda yes: write_preread(screen, force=True) if yes else None,
        )
        return
    except ExportError as error:
        screen.notify(str(error), title="Pre-read not written", severity="error")
        return
    screen.notify(f"Pre-read written: {path}", title="Pre-read", timeout=8)
