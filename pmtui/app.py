"""The Textual app: owns the open post-mortem, step navigation, autosave, undo.

Screens change ``ctx.pm`` and post :class:`Edited`; the app writes the file
within ``SAVE_DELAY`` seconds, and at once on a step change, on leaving a
screen and on exit. Only the store touches disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from pmtui.autosave import Autosave
from pmtui.clock import Clock, SystemClock
from pmtui.messages import Deleted, Edited, GoToStep
from pmtui.model.enums import Step
from pmtui.paths import APP_SHEETS, stylesheets
from pmtui.screens import step_screen, step_screen_class
from pmtui.signals import on_hangup_or_term
from pmtui.themes import register_themes, remember_theme, restore_theme
from pmtui.widgets.stepper import step_key

if TYPE_CHECKING:
    # Imported when first needed: the home screen paints without them.
    from pmtui.model.undo import Removal
    from pmtui.screens.base import SessionContext
    from pmtui.store import Archive, PostMortemFile


class PmtuiApp(App[None]):
    TITLE = "pmtui"
    CSS_PATH: ClassVar = stylesheets(*APP_SHEETS)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, id="quit_c"),
        Binding("ctrl+s", "save", "Save", show=False, id="save"),
        # priority: a focused TextArea would take ctrl+z (action_undo hands
        # it typing to undo first)
        Binding("ctrl+z", "undo", "Undo delete", show=False, id="undo", priority=True),
        Binding("ctrl+f", "toggle_focus_mode", "Focus mode", show=False, id="focus"),
        *[
            Binding(
                step_key(s), f"goto('{s.value}')", s.label, show=False, priority=True
            )
            for s in Step
        ],
    ]

    def __init__(
        self,
        archive: Archive,
        *,
        clock: Clock | None = None,
        open_path: Path | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        register_themes(self)
        restore_theme(self)  # before any screen is styled
        self.focus_mode = False
        self.archive = archive
        self.clock: Clock = clock or SystemClock()
        self._open_path = open_path
        self._force_read_only = read_only
        self.doc: PostMortemFile | None = None
        self.ctx: SessionContext | None = None
        self.undo_stack: list[Removal[object]] = []
        self.autosave = Autosave(self)

    # -- start and stop -----------------------------------------------------

    def get_default_screen(self) -> Screen[object]:
        """Home is the first screen: nothing lies under it."""
        from pmtui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        remember_theme(self)
        on_hangup_or_term(self._exit_on_signal)  # closing the terminal still saves
        if self._open_path is not None:
            self.open_file(self._open_path)

    def _exit_on_signal(self) -> None:
        self.flush()
        self.close_file()
        self.exit()

    async def action_quit(self) -> None:
        self.flush()
        self.close_file()
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        """A paste loses control characters and escape sequences before any
        widget sees it: they would reach the terminal raw when the text is
        shown again (a Static does not filter them), and mean nothing here."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            from pmtui.report.escape import clean  # only on a paste: fast start

            text = clean(event.text)
            if text != event.text:
                event = events.Paste(text)
        await super().on_event(event)

    # -- opening and closing post-mortems -------------------------------------

    def open_file(self, path: Path, step: Step = Step.INCIDENT) -> bool:
        """Open ``path`` and show ``step``. Problems are told, not raised."""
        from pmtui.screens.base import SessionContext
        from pmtui.screens.dialogs import BrokenFileDialog
        from pmtui.store import BrokenFileError, PostMortemFile, StoreError

        self.close_file()
        try:
            doc = PostMortemFile.open(path, read_only=self._force_read_only)
        except BrokenFileError as error:
            self.push_screen(BrokenFileDialog(error), self._after_broken_dialog)
            return False
        except (StoreError, OSError) as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=10)
            return False
        self.doc = doc
        note = ""
        if doc.read_only:
            note = f"open for writing by {doc.holder.describe()}" if doc.holder else ""
            note = note or "opened read-only"
            self.notify(
                f"{path.name} is {note}. You can read it here; changes are not saved.",
                title="Read-only",
                severity="warning",
                timeout=10,
            )
        if doc.migrated:
            self.notify(f"{path.name} was upgraded to the current file format.")
        self.ctx = SessionContext(
            pm=doc.pm,
            clock=self.clock,
            archive=self.archive,
            path=path,
            read_only=doc.read_only,
            lock_note=note,
        )
        self.undo_stack.clear()
        self.goto(step.value)
        return True

    def _after_broken_dialog(self, restored: Path | None) -> None:
        if restored is not None:
            self.open_file(restored)

    def close_file(self) -> None:
        from pmtui.model.timebox import pause_all

        ctx = self.ctx
        if (
            ctx is not None
            and not ctx.read_only
            and pause_all(ctx.pm, self.clock.now())
        ):
            self.autosave.dirty = True
        self.flush()
        if self.doc is not None:
            self.doc.close()
        self.doc = None
        self.ctx = None

    def action_home(self) -> None:
        from pmtui.screens.home import HomeScreen

        self.close_file()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.reload()

    # -- steps --------------------------------------------------------------

    @property
    def current_step(self) -> Step | None:
        return step.STEP if (step := step_screen(self.screen)) else None

    def action_goto(self, step_value: str) -> None:
        self.goto(step_value)

    def goto(self, step_value: str) -> None:
        if self.ctx is None:
            self.bell()
            return
        self.flush()
        screen = step_screen_class(Step(step_value))(self.ctx)
        if step_screen(self.screen) is not None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_next_step(self) -> None:
        step = self.current_step
        if step is not None and step is not Step.REPORT:
            self.goto(list(Step)[step.number + 1].value)

    def action_previous_step(self) -> None:
        step = self.current_step
        if step is not None and step.number > 0:
            self.goto(list(Step)[step.number - 1].value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self.current_step
        if action == "previous_step":
            return None if step is None or step.number == 0 else True
        if action == "next_step":
            return None if step is None or step is Step.REPORT else True
        if action == "undo":
            return self.ctx is not None and step_screen(self.screen) is not None
        if action in ("goto", "save"):
            return self.ctx is not None
        return True

    @on(GoToStep)
    def _on_go_to_step(self, message: GoToStep) -> None:
        self.goto(message.step.value)

    # -- saving -------------------------------------------------------------

    @on(Edited)
    def _on_edited(self) -> None:
        self.autosave.edited()

    def flush(self) -> bool:
        """Save now if anything changed. False if the save failed."""
        return self.autosave.flush()

    @property
    def save_error(self) -> str | None:
        return self.autosave.error

    def action_save(self) -> None:
        self.autosave.dirty = self.autosave.dirty or self.doc is not None
        if self.flush() and self.doc is not None and not self.doc.read_only:
            self.notify(f"Saved {self.doc.path.name}")

    # -- undo ---------------------------------------------------------------

    @on(Deleted)
    def _on_deleted(self, message: Deleted) -> None:
        self.undo_stack.append(message.removal)
        self.notify(f"Deleted {message.removal.label}. ctrl+z brings it back.")

    def action_undo(self) -> None:
        from textual.widgets import TextArea

        focused = self.focused
        if isinstance(focused, TextArea) and focused.history.undo_stack:
            focused.action_undo()  # typing in a text area is undone first
            return
        if not self.undo_stack:
            self.notify("Nothing to undo.")
            return
        removal = self.undo_stack.pop()
        removal.restore()
        self.autosave.edited()
        if (step := step_screen(self.screen)) is not None:
            step.refresh_from_model()
        self.notify(f"Restored {removal.label}.")

    # -- presentation -------------------------------------------------------

    def action_toggle_focus_mode(self) -> None:
        """Focus mode for screen-sharing: no footer or side panels."""
        self.focus_mode = not self.focus_mode
        self.set_class(self.focus_mode, "-focus-mode")
        if self.focus_mode:
            self.notify("Focus mode: ctrl+f brings the footer back.", timeout=3)

    # -- help and the command palette ----------------------------------------

    def action_help(self) -> None:
        from pmtui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from pmtui.palette import pmtui_commands

        yield from super().get_system_commands(screen)
        yield from pmtui_commands(self, screen)
