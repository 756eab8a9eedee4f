"""Editable lists of the incident screen: links and participants.

Each is a table and a form below it. Enter (or a click) on a row loads it
into the form; Enter in the form's last input saves (adds a new row, or
saves the row being edited); Delete on a row removes it (ctrl+z brings it
back); escape leaves editing. The lists are changed in place; ``Edited`` and
``Deleted`` go up to the app, which saves and keeps the undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Select, Static

from pmtui.messages import Deleted, Edited
from pmtui.model.enums import Role
from pmtui.model.incident_input import InputError, check_url
from pmtui.model.session import Link, Participant
from pmtui.model.undo import remove
from pmtui.widgets.field import Field

T = TypeVar("T")


class RowTable(DataTable[str]):
    """A table whose rows are edited with Enter and removed with Delete."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Edit row"),
        Binding("delete", "delete_row", "Delete row"),
    ]

    class DeleteRow(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_delete_row(self) -> None:
        if self.row_count:
            self.post_message(self.DeleteRow(self.cursor_row))


class ListEditor(Vertical, Generic[T]):
    """A table of ``items`` and a form to add or edit one."""

    NOUN: ClassVar[str] = "item"
    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, items: list[T], *, read_only: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="list-editor")
        self.items = items
        self.read_only = read_only
        self.editing: T | None = None

    # -- what subclasses say -------------------------------------------------

    if TYPE_CHECKING:  # each list defines these

        def cells(self, item: T) -> tuple[str, ...]: ...

        def compose_form(self) -> ComposeResult: ...

        def fill_form(self, item: T | None) -> None: ...

        def read_form(self) -> T | None:
            """A new item from the form, or None (errors shown under fields)."""

    def label(self, item: T) -> str:
        return self.NOUN

    # -- the shared machinery ------------------------------------------------

    def compose(self) -> ComposeResult:
        table = RowTable(cursor_type="row", zebra_stripes=True, classes="list-table")
        table.add_columns(*self.COLUMNS)
        yield table
        yield Static("", classes="list-empty", markup=False)
        with Horizontal(classes="list-form"):
            yield from self.compose_form()
            with Vertical(classes="list-buttons"):
                yield Button("Add", id="save", classes="list-save", compact=True)
                yield Button("Delete", id="delete", classes="list-delete", compact=True)
        yield Static("", classes="list-status", markup=False)

    def on_mount(self) -> None:
        for widget in self.query("Input, Select, Button"):
            widget.disabled = self.read_only
        self.refresh_rows()
        self._show_mode()

    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)

    def refresh_rows(self) -> None:
        table = self.table
        row = table.cursor_row
        table.clear()
        for n, item in enumerate(self.items):
            table.add_row(*map(Text, self.cells(item)), key=str(n))
        table.display = bool(self.items)
        empty = self.query_one(".list-empty", Static)
        empty.display = not self.items
        empty.update(f"No {self.NOUN}s yet: add one below.")
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        if self.editing is not None and self.editing not in self.items:
            self.editing = None
            self._show_mode()

    def _show_mode(self) -> None:
        editing = self.editing is not None
        self.query_one("#save", Button).label = "Save" if editing else "Add"
        self.query_one("#delete", Button).display = editing
        status = self.query_one(".list-status", Static)
        if editing:
            assert self.editing is not None
            status.update(
                f"Editing {self.label(self.editing)}: enter saves, escape cancels."
            )
        else:
            status.update(
                f"enter adds a {self.NOUN} · on a row: enter edits, delete removes"
            )

    @on(DataTable.RowSelected)
    def _edit_row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.read_only or not 0 <= event.cursor_row < len(self.items):
            return
        self.editing = self.items[event.cursor_row]
        self.fill_form(self.editing)
        self._show_mode()
        self.query(Input).first().focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self, event: Message) -> None:
        event.stop()
        if self.read_only:
            return
        item = self.read_form()
        if item is None:
            return
        if self.editing is not None and self.editing in self.items:
            index = self.items.index(self.editing)
            self.items[index] = item
        else:
            self.items.append(item)
            index = len(self.items) - 1
        self.editing = None
        self.fill_form(None)
        self.refresh_rows()
        self.table.move_cursor(row=index)
        self._show_mode()
        self.post_message(Edited())
        self.query(Input).first().focus()

    @on(RowTable.DeleteRow)
    def _delete_at(self, event: RowTable.DeleteRow) -> None:
        event.stop()
        if 0 <= event.index < len(self.items):
            self._delete(self.items[event.index])

    @on(Button.Pressed, "#delete")
    def _delete_editing(self, event: Button.Pressed) -> None:
        event.stop()
        if self.editing is not None and self.editing in self.items:
            self._delete(self.editing)
            self.table.focus()

    def _delete(self, item: T) -> None:
        if self.read_only:
            return
        removal = remove(self.items, item, self.label(item))
        if self.editing is item:
            self.editing = None
            self.fill_form(None)
        self.refresh_rows()
        self._show_mode()
        self.post_message(Deleted(removal))  # type: ignore[arg-type]
        self.post_message(Edited())

    def key_escape(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.fill_form(None)
            self._show_mode()
            self.table.focus()


class LinksEditor(ListEditor[Link]):
    NOUN = "link"
    COLUMNS = ("Label", "URL")

    def cells(self, item: Link) -> tuple[str, ...]:
        return (item.label, item.url)

    def label(self, item: Link) -> str:
        return f"link '{item.label}'"

    def compose_form(self) -> ComposeResult:
        yield Field("Label", Input(placeholder="Checkout dashboard", id="link-label"))
        yield Field(
            "URL",
            Input(placeholder="https://grafana.example.com/d/…", id="link-url"),
            id="link-url-field",
        )

    def fill_form(self, item: Link | None) -> None:
        self.query_one("#link-label", Input).value = item.label if item else ""
        self.query_one("#link-url", Input).value = item.url if item else ""
        self.query_one("#link-url-field", Field).set_error(None)

    def read_form(self) -> Link | None:
        field = self.query_one("#link-url-field", Field)
        typed = self.query_one("#link-url", Input).value
        try:
            url = check_url(typed)
        except InputError as error:
            field.set_error(str(error))
            return None
        field.set_error(None)
        label = self.query_one("#link-label", Input).value.strip()
        return Link(label=label or url, url=url)


class ParticipantsEditor(ListEditor[Participant]):
    NOUN = "participant"
    COLUMNS = ("Name", "Role")

    def cells(self, item: Participant) -> tuple[str, ...]:
        return (item.name, item.role.label)

    def label(self, item: Participant) -> str:
        return f"participant {item.name}"

    def compose_form(self) -> ComposeResult:
        yield Field(
            "Name",
            Input(placeholder="Priya Raman", id="person-name"),
            id="person-name-field",
        )
        yield Field(
            "Role",
            Select[Role](
                [(r.label, r) for r in Role],
                value=Role.RESPONDER,
                allow_blank=False,
                id="person-role",
            ),
        )

    def fill_form(self, item: Participant | None) -> None:
        self.query_one("#person-name", Input).value = item.name if item else ""
        if item is not None:
            self.query_one("#person-role", Select).value = item.role
        self.query_one("#person-name-field", Field).set_error(None)

    def read_form(self) -> Participant | None:
        name = " ".join(self.query_one("#person-name", Input).value.split())
        if not name:
            self.query_one("#person-name-field", Field).set_error("Type a name first.")
            return None
        role: Any = self.query_one("#person-role", Select).value
        present = self.editing.present if self.editing is not None else False
        return Participant(name=name, role=Role(role), present=present)
