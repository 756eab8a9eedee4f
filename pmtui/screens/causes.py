"""Step 3: root causes. A 5 Whys tree, contributing factors, the trigger.

Three tabs: the tree (problem statement at the top, "why?" children under
it), the factors (a list or a fishbone) and the trigger / resolution /
detection texts. The tree's keys live on the tree widget and call this
screen's actions; the tree operations are pure functions in
:mod:`pmtui.model.whys`. A side column (``#similar-slot``) shows
"similar earlier incidents".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import (
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from pmtui.keys import alt_digit
from pmtui.messages import Edited
from pmtui.model import whys
from pmtui.model.enums import Step
from pmtui.model.factors import FactorError, actions_addressing, make_action
from pmtui.model.session import WhyNode
from pmtui.screens.base import StepScreen
from pmtui.widgets.factors_panel import FactorsPanel
from pmtui.widgets.field import Field
from pmtui.widgets.similar import SimilarPanel
from pmtui.widgets.stepper import step_key
from pmtui.widgets.whys_panel import WhysPanel

TEXTS = (
    ("trigger", "Trigger: what set it off (not the root cause)"),
    ("resolution", "Resolution: how it was mitigated and fixed"),
    ("detection", "Detection: how and when we found out"),
)


class CausesScreen(StepScreen):
    STEP = Step.CAUSES
    HELP_TITLE = "Root causes"
    BINDINGS: ClassVar[list[BindingType]] = [
        *alt_digit(1, "tab('tab-whys')", "5 Whys tab"),
        *alt_digit(2, "tab('tab-factors')", "Factors tab"),
        *alt_digit(3, "tab('tab-texts')", "Trigger tab"),
    ]

    # -- layout -----------------------------------------------------------------

    def compose_header_extras(self) -> Iterable[Widget]:
        yield Static("", id="causes-counts", markup=False)

    def compose_body(self) -> ComposeResult:
        read_only = self.ctx.read_only
        with Horizontal(id="causes-body"):
            with TabbedContent(id="causes-tabs", initial="tab-whys"):
                with TabPane("5 Whys", id="tab-whys"):
                    yield WhysPanel(
                        self.pm.causes,
                        actions=lambda: self.pm.actions,
                        read_only=read_only,
                        id="why-panel",
                    )
                with TabPane("Contributing factors", id="tab-factors"):
                    yield FactorsPanel(self.pm, read_only=read_only, id="factors")
                with (
                    TabPane("Trigger · resolution · detection", id="tab-texts"),
                    VerticalScroll(id="causes-texts"),
                ):
                    for name, label in TEXTS:
                        yield Field(
                            label,
                            TextArea(
                                getattr(self.pm.causes, name),
                                id=f"causes-{name}",
                                soft_wrap=True,
                                read_only=read_only,
                            ),
                        )
            with Vertical(id="similar-slot", classes="side-panel"):
                yield SimilarPanel(self.ctx, id="causes-similar")

    def on_mount(self) -> None:
        if not self.ctx.read_only and whys.seed_problem(
            self.pm.causes, self.pm.incident.summary
        ):
            self.edited()
        self._render_tree()
        self.panel.tree.focus()

    @property
    def panel(self) -> WhysPanel:
        return self.query_one(WhysPanel)

    @property
    def root(self) -> WhyNode:
        return self.pm.causes.whys

    def _render_tree(self, highlight: str | None = None) -> None:
        self.panel.show(highlight)
        self._update_counts()

    def _update_counts(self) -> None:
        marked = len(whys.root_causes(self.root))
        factors = len(self.pm.causes.factors)
        self.query_one("#causes-counts", Static).update(
            f"◆ {marked} root cause{'s' if marked != 1 else ''} · "
            f"{factors} factor{'s' if factors != 1 else ''}"
        )

    def refresh_from_model(self) -> None:
        """After undo: redraw everything from the model, keeping focus."""
        self.panel.editing = None
        self._render_tree()
        self.query_one(FactorsPanel).refresh_view()
        for name, _ in TEXTS:
            area = self.query_one(f"#causes-{name}", TextArea)
            if area.text != getattr(self.pm.causes, name):
                area.load_text(getattr(self.pm.causes, name))

    def _allowed(self) -> bool:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
        return not self.ctx.read_only

    # -- tree actions (keys on the tree, buttons below it) ----------------------

    def _change(self, op: Callable[[WhyNode, int], str | None]) -> None:
        """Run ``op`` on the selected node; it returns the node to show."""
        if not self._allowed():
            return
        node, level = self.panel.selected()
        try:
            show = op(node, level)
        except (whys.WhyTreeError, FactorError) as error:
            self.notify(str(error), severity="warning")
            return
        self.edited()
        self._render_tree(show)

    def _start_typing(self, ident: str) -> None:
        self.panel.start_typing(ident, fresh=True)

    def action_ask_why(self) -> None:
        def ask(node: WhyNode, level: int) -> str:
            new_id = self.pm.new_id("w")
            self.call_after_refresh(self._start_typing, new_id)
            return whys.add_child(self.root, node.id, new_id).id

        self._change(ask)

    def action_add_sibling(self) -> None:
        def add(node: WhyNode, level: int) -> str:
            sibling = whys.add_sibling(self.root, node.id, self.pm.new_id("w"))
            self.call_after_refresh(self._start_typing, sibling.id)
            return sibling.id

        self._change(add)

    def action_edit_why(self) -> None:
        if self._allowed():
            node, _ = self.panel.selected()
            self.panel.start_typing(node.id, fresh=False)

    def action_delete_why(self) -> None:
        def delete(node: WhyNode, level: int) -> str:
            order = [n.id for n, _ in whys.walk(self.root)]
            self.deleted(whys.delete(self.root, node.id))  # type: ignore[arg-type]
            return order[order.index(node.id) - 1]

        self._change(delete)

    def action_move_why(self, direction: str) -> None:
        self._change(lambda node, _: whys.move(self.root, node.id, direction))

    def action_toggle_root_cause(self) -> None:
        def toggle(node: WhyNode, level: int) -> str:
            whys.set_root_cause(self.root, node.id)
            hint = whys.root_cause_hint(node, level)
            if hint:
                self.notify(hint, title="Ask why once more?")
            return node.id

        self._change(toggle)

    def action_why_action(self) -> None:
        def act(node: WhyNode, level: int) -> str:
            name = "the problem" if level == 0 else f"why {level}"
            key = step_key(Step.ACTIONS).upper()
            existing = actions_addressing(self.pm, node.id)
            if existing:
                raise FactorError(
                    f"Action {existing[0].id} already addresses {name}; "
                    f"add more at Actions ({key})."
                )
            action = make_action(self.pm, node.text, node.id)
            self.notify(
                f'Action {action.id} added for {name}: "{whys.short_label(node.text)}".'
                f" Give it an owner and a due date at Actions ({key}).",
                title="Action added",
            )
            return node.id

        self._change(act)

    # -- factors and texts -----------------------------------------------------

    def action_toggle_factor_view(self) -> None:
        self.query_one(FactorsPanel).toggle_view()

    def action_tab(self, tab_id: str) -> None:
        """alt+1/2/3: show a tab and put the cursor in it."""
        self.query_one(TabbedContent).active = tab_id
        if tab_id == "tab-whys":
            self.panel.tree.focus()
        elif tab_id == "tab-factors":
            self.query_one(FactorsPanel).focus_view()
        else:
            self.query_one("#causes-trigger", TextArea).focus()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-factors":
            self.query_one(FactorsPanel).refresh_view()
        self._update_counts()

    @on(Edited)
    def _count_again(self) -> None:
        """A factor added or deleted in the panel: the header counts follow
        (the message goes on up to the app, which saves)."""
        self._update_counts()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        name = (event.text_area.id or "").removeprefix("causes-")
        if (
            name in dict(TEXTS)
            and getattr(self.pm.causes, name) != event.text_area.text
        ):
            setattr(self.pm.causes, name, event.text_area.text)
            self.edited()
