"""The classes of a whole post-mortem.

Plain data, no I/O. Times are timezone-aware ``datetime`` values (pendulum's
``DateTime`` is one); dates without a time (due dates, review dates) are
``date``. Ids are short strings made by :meth:`PostMortem.new_id`, unique
within one post-mortem and deterministic, so the same edits give the same file.

The classes are :class:`~pmtui.model.record.Record` subclasses with their
``__init__`` spelled out, not dataclasses: the command line (``pmtui export``)
starts faster. Each field is an annotation, in the order of ``__init__``'s
parameters; a list or object default is made fresh for each instance (``None``
in the signature means "the default"). The parts of a post-mortem are in
:mod:`pmtui.model.session_parts`; every name is importable from here.
"""

from __future__ import annotations

from datetime import date, datetime

from pmtui.model.enums import (
    ActionPriority,
    ActionStatus,
    ActionType,
    ParkedState,
    Status,
)
from pmtui.model.record import Record
from pmtui.model.session_parts import (
    DEFAULT_BLAMELESS_STATEMENT,
    DEFAULT_OUTCOMES,
    DEFAULT_PURPOSE,
    AgendaItem,
    Causes,
    Event,
    Factor,
    Impact,
    Incident,
    Item,
    Link,
    Participant,
    Prep,
    Reflection,
    Tone,
    WhyNode,
    default_agenda,
)

SCHEMA_VERSION = 2

PREP_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("gather", "Gather logs, metrics, a clear timeline and user-impact reports"),
    ("template", "Use the standard post-mortem template"),
    (
        "answers",
        "Prepare answers: what happened, why, what went well, what went wrong, "
        "how to prevent it",
    ),
    ("notify", "Notify participants early"),
    ("share", "Share materials (the pre-read) before the meeting"),
)


class Action(Record):
    id: str
    text: str
    owner: str
    due: date | None
    priority: ActionPriority
    type: ActionType
    status: ActionStatus
    reason: str  # why "won't do"
    link: str
    addresses: str | None  # id of a why node, factor or item
    closed_on: date | None

    def __init__(
        self,
        id: str,
        text: str,
        owner: str = "",
        due: date | None = None,
        priority: ActionPriority = ActionPriority.P2,
        type: ActionType = ActionType.PREVENT,
        status: ActionStatus = ActionStatus.OPEN,
        reason: str = "",
        link: str = "",
        addresses: str | None = None,
        closed_on: date | None = None,
    ) -> None:
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.priority = priority
        self.type = type
        self.status = status
        self.reason = reason
        self.link = link
        self.addresses = addresses
        self.closed_on = closed_on


class ParkedItem(Record):
    """An off-topic remark or fix idea filed for later (the parking lot)."""

    id: str
    text: str
    step: str
    at: datetime | None
    state: ParkedState

    def __init__(
        self,
        id: str,
        text: str,
        step: str = "",
        at: datetime | None = None,
        state: ParkedState = ParkedState.OPEN,
    ) -> None:
        self.id = id
        self.text = text
        self.step = step
        self.at = at
        self.state = state


class NextSteps(Record):
    owner: str
    follow_up: date | None
    solved_check: date | None
    recipients: list[str]
    runbooks: list[str]

    def __init__(
        self,
        owner: str = "",
        follow_up: date | None = None,
        solved_check: date | None = None,
        recipients: list[str] | None = None,
        runbooks: list[str] | None = None,
    ) -> None:
        self.owner = owner
        self.follow_up = follow_up
        self.solved_check = solved_check
        self.recipients = [] if recipients is None else recipients
        self.runbooks = [] if runbooks is None else runbooks


class StepTimer(Record):
    """Time spent on one step; running while ``started`` is set."""

    elapsed_seconds: float
    started: datetime | None

    def __init__(
        self, elapsed_seconds: float = 0.0, started: datetime | None = None
    ) -> None:
        self.elapsed_seconds = elapsed_seconds
        self.started = started


class PostMortem(Record):
    """A whole post-mortem: what one archive file holds."""

    created: datetime
    timezone: str
    status: Status
    schema_version: int
    incident: Incident
    prep: Prep
    tone: Tone
    timeline: list[Event]
    gap_threshold_minutes: int
    causes: Causes
    reflection: Reflection
    actions: list[Action]
    next_steps: NextSteps
    parking_lot: list[ParkedItem]
    timers: dict[str, StepTimer]
    next_serial: int

    def __init__(
        self,
        created: datetime,
        timezone: str = "UTC",
        status: Status = Status.DRAFT,
        schema_version: int = SCHEMA_VERSION,
        incident: Incident | None = None,
        prep: Prep | None = None,
        tone: Tone | None = None,
        timeline: list[Event] | None = None,
        gap_threshold_minutes: int = 10,
        causes: Causes | None = None,
        reflection: Reflection | None = None,
        actions: list[Action] | None = None,
        next_steps: NextSteps | None = None,
        parking_lot: list[ParkedItem] | None = None,
        timers: dict[str, StepTimer] | None = None,
        next_serial: int = 1,
    ) -> None:
        self.created = created
        self.timezone = timezone
        self.status = status
        self.schema_version = schema_version
        self.incident = Incident() if incident is None else incident
        self.prep = Prep() if prep is None else prep
        self.tone = Tone() if tone is None else tone
        self.timeline = [] if timeline is None else timeline
        self.gap_threshold_minutes = gap_threshold_minutes
        self.causes = Causes() if causes is None else causes
        self.reflection = Reflection() if reflection is None else reflection
        self.actions = [] if actions is None else actions
        self.next_steps = NextSteps() if next_steps is None else next_steps
        self.parking_lot = [] if parking_lot is None else parking_lot
        self.timers = {} if timers is None else timers
        self.next_serial = next_serial

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``e12``; deterministic for the same edits."""
        ident = f"{prefix}{self.next_serial}"
        self.next_serial += 1
        return ident

    @property
    def title(self) -> str:
        return self.incident.title


__all__ = [
    "DEFAULT_BLAMELESS_STATEMENT",
    "DEFAULT_OUTCOMES",
    "DEFAULT_PURPOSE",
    "PREP_CHECKLIST",
    "SCHEMA_VERSION",
    "Action",
    "AgendaItem",
    "Causes",
    "Event",
    "Factor",
    "Impact",
    "Incident",
    "Item",
    "Link",
    "NextSteps",
    "ParkedItem",
    "Participant",
    "PostMortem",
    "Prep",
    "Reflection",
    "StepTimer",
    "Tone",
    "WhyNode",
    "default_agenda",
]
