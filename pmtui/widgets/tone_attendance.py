"""Attendance: who is present, from the incident's participants.

Each participant is a box (space, Enter or a click ticks it: ✓ present);
someone who joined on the spot is added with their name and Enter, already
marked present, with the role "other" (the incident screen can change it).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Static

from pmtui.messages import Edited
from pmtui.model.enums import Role
from pmtui.model.session import Participant
from pmtui.widgets.checklist import TickBox
from pmtui.widgets.field import Field


def person_label(person: Participant) -> str:
    return f"{person.name} ({person.role.label})"


class Attendance(Vertical):
    def __init__(
        self, people: list[Participant], *, read_only: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="attendance")
        self.people = people
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with Vertical(id="attendance-list"):
            for n, person in enumerate(self.people):
                yield self._box(n, person)
        yield Static("", id="attendance-count", markup=False)
        yield Field(
            "Add someone present (enter adds)",
            Input(placeholder="name", id="attendee-name", disabled=self.read_only),
            id="attendee-field",
        )

    def _box(self, n: int, person: Participant) -> TickBox:
        return TickBox(
            person_label(person),
            person.present,
            id=f"present-{n}",
            disabled=self.read_only,
        )

    def on_mount(self) -> None:
        self._count()

    def _count(self) -> None:
        here = sum(1 for p in self.people if p.present)
        text = f"{here} of {len(self.people)} present"
        if not self.people:
            text = "No participants yet: add whoever is here below."
        self.query_one("#attendance-count", Static).update(text)

    async def refresh_people(self) -> None:
        """Re-render after the list changed elsewhere (undo)."""
        box_list = self.query_one("#attendance-list", Vertical)
        await box_list.remove_children()
        await box_list.mount_all(self._box(n, p) for n, p in enumerate(self.people))
        self._count()

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        index = int((event.checkbox.id or "present-0").removeprefix("present-"))
        if self.read_only or index >= len(self.people):
            return
        person = self.people[index]
        if person.present != event.value:
            person.present = event.value
            self._count()
            self.post_message(Edited())

    @on(Input.Submitted, "#attendee-name")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        if self.read_only:
            return
        name = " ".join(event.value.split())
        field = self.query_one("#attendee-field", Field)
        if not name:
            field.set_error("Type a name first.")
            return
        if any(p.name.casefold() == name.casefold() for p in self.people):
            field.set_error(f"{name} is already on the list: tick them above.")
            return
        field.set_error(None)
        person = Participant(name=name, role=Role.OTHER, present=True)
        self.people.append(person)
        box_list = self.query_one("#attendance-list", Vertical)
        box_list.mount(self._box(len(self.people) - 1, person))
        event.input.value = ""
        self._count()
        self.post_message(Edited())
