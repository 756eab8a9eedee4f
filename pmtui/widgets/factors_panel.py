"""Contributing factors: a list (or a fishbone) and a form to add or edit one.

The panel changes ``causes.factors`` through :mod:`pmtui.model.factors` and
posts :class:`Edited` / :class:`Deleted` up to the app, like a screen does.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, DataTable, Input, Select, Static

from pmtui.messages import Deleted, Edited
from pmtui.model.enums import FactorCategory
from pmtui.model.factors import (
    FactorError,
    actions_addressing,
    add_factor,
    make_action,
    next_category,
    update_factor,
    why_choices,
)
from pmtui.model.session import Factor, PostMortem
from pmtui.model.undo import remove
from pmtui.model.whys import short_label
from pmtui.widgets.factors_table import FactorsTable
from pmtui.widgets.field import Field
from pmtui.widgets.fishbone import Fishbone

NARROW_AT = 100


class FactorsPanel(Vertical):
    """List/fishbone of ``pm.causes.factors`` plus the add/edit form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_edit", "Cancel edit", show=False),
    ]

    def __init__(
        self, pm: PostMortem, *, read_only: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.pm = pm
        self.read_only = read_only
        self.editing: Factor | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="factor-bar"):
            yield Static("", id="factor-count", markup=False)
            yield Button("Fishbone view (v)", id="factor-view", compact=True)
        with ContentSwitcher(initial="factors-table", id="factor-views"):
            table = FactorsTable(id="factors-table", cursor_type="row")
            table.zebra_stripes = True
            yield table
            yield Fishbone(id="fishbone")
        with Horizontal(id="factor-form"):
            yield Field(
                "New factor (enter: add)",
                Input(
                    placeholder="e.g. no canary for secret rotations",
                    id="factor-text",
                    disabled=self.read_only,
                    select_on_focus=False,
                ),
                id="factor-text-field",
            )
            yield Field(
                "Category",
                Select(
                    [(c.label, c) for c in FactorCategory],
                    value=FactorCategory.PROCESS,
                    allow_blank=False,
                    id="factor-category",
                    disabled=self.read_only,
                ),
                id="factor-category-field",
            )
            yield Field(
                "Linked why",
                Select[str]([], prompt="none", id="factor-why"),
                id="factor-why-field",
            )
            yield Button("Add", id="factor-add", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#factor-why", Select).disabled = self.read_only
        self.query_one("#factor-add", Button).disabled = self.read_only
        self.refresh_view()

    # -- rendering ------------------------------------------------------------

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_AT, "-narrow")
        table = self.query_one(FactorsTable)
        if table.size.width != table.drawn_width:
            self.refresh_view()

    @on(FactorsTable.Act)
    def _act(self, message: FactorsTable.Act) -> None:
        getattr(self, message.name)()

    @property
    def showing_fishbone(self) -> bool:
        return self.query_one(ContentSwitcher).current == "fishbone"

    def refresh_view(self, cursor: str | None = None) -> None:
        """Re-render list, fishbone and the why choices from the model."""
        causes = self.pm.causes
        table = self.query_one(FactorsTable)
        table.show(self.pm, cursor or table.selected_id)
        count = len(causes.factors)
        self.query_one("#factor-count", Static).update(
            f"{count} contributing factor{'s' if count != 1 else ''}"
        )
        self.query_one(Fishbone).show(causes)
        why = self.query_one("#factor-why", Select)
        current = why.value
        why.set_options(why_choices(causes.whys))
        if isinstance(current, str) and current in {
            i for _, i in why_choices(causes.whys)
        }:
            why.value = current

    def selected(self) -> Factor | None:
        ident = self.query_one(FactorsTable).selected_id
        return next((f for f in self.pm.causes.factors if f.id == ident), None)

    def toggle_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        fishbone = not self.showing_fishbone
        switcher.current = "fishbone" if fishbone else "factors-table"
        self.query_one("#factor-view", Button).label = (
            "List view (v)" if fishbone else "Fishbone view (v)"
        )
        self.focus_view()

    def focus_view(self) -> None:
        self.query_one(Fishbone if self.showing_fishbone else FactorsTable).focus()

    # -- the form ---------------------------------------------------------------

    def _allowed(self) -> bool:
        if self.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
        return not self.read_only

    @on(Input.Submitted, "#factor-text")
    @on(Button.Pressed, "#factor-add")
    def submit(self) -> None:
        if not self._allowed():
            return
        text = self.query_one("#factor-text", Input).value
        category = self.query_one("#factor-category", Select).value
        why = self.query_one("#factor-why", Select).value
        why_id = why if isinstance(why, str) else None
        assert isinstance(category, FactorCategory)
        field = self.query_one("#factor-text-field", Field)
        try:
            if self.editing is not None:
                factor = update_factor(self.editing, text, category, why_id)
            else:
                factor = add_factor(self.pm, text, category, why_id)
        except FactorError as error:
            field.set_error(str(error))
            return
        field.set_error(None)
        self._end_edit()
        self.post_message(Edited())
        self.refresh_view(cursor=factor.id)

    @on(Input.Changed, "#factor-text")
    def _typing(self) -> None:
        self.query_one("#factor-text-field", Field).set_error(None)

    @on(DataTable.RowSelected, "#factors-table")
    def _start_edit(self) -> None:
        factor = self.selected()
        if factor is None or not self._allowed():
            return
        self.editing = factor
        self.query_one("#factor-text", Input).value = factor.text
        self.query_one("#factor-category", Select).value = factor.category
        why = self.query_one("#factor-why", Select)
        if factor.why_id in {i for _, i in why_choices(self.pm.causes.whys)}:
            why.value = factor.why_id
        else:
            why.clear()
        self.query_one("#factor-add", Button).label = "Save"
        self.query_one("#factor-text-field .field--label", Static).update(
            "Edit factor (enter: save · esc: cancel)"
        )
        self.query_one("#factor-text", Input).focus()

    def _end_edit(self) -> None:
        """Back to adding: empty text, no linked why (the category stays)."""
        self.editing = None
        self.query_one("#factor-text", Input).value = ""
        self.query_one("#factor-why", Select).clear()
        self.query_one("#factor-add", Button).label = "Add"
        self.query_one("#factor-text-field .field--label", Static).update(
            "New factor (enter: add)"
        )

    def action_cancel_edit(self) -> None:
        if self.editing is not None:
            self._end_edit()
            self.query_one(FactorsTable).focus()

    @on(Button.Pressed, "#factor-view")
    def _toggle_pressed(self) -> None:
        self.toggle_view()

    # -- actions on the selected factor --------------------------------------------

    def cycle_category(self) -> None:
        factor = self.selected()
        if factor is None or not self._allowed():
            return
        factor.category = next_category(factor.category)
        self.post_message(Edited())
        self.refresh_view()

    def delete_factor(self) -> None:
        factor = self.selected()
        if factor is None or not self._allowed():
            return
        if self.editing is factor:
            self._end_edit()
        label = f'factor "{short_label(factor.text)}"'
        self.post_message(Deleted(remove(self.pm.causes.factors, factor, label)))
        self.post_message(Edited())
        self.refresh_view()

    def make_action(self) -> None:
        factor = self.selected()
        if factor is None or not self._allowed():
            return
        existing = actions_addressing(self.pm, factor.id)
        if existing:
            self.notify(
                f"Action {existing[0].id} already addresses this factor; "
                "add more at the Actions step.",
                severity="warning",
            )
            return
        action = make_action(self.pm, factor.text, factor.id)
        self.post_message(Edited())
        self.refresh_view()
        self.notify(
            f'Action {action.id} added for factor "{short_label(factor.text)}". '
            "Give it an owner and a due date at the Actions step.",
            title="Action added",
        )
