"""The dataclasses of a whole post-mortem.

Plain data, no I/O. Times are timezone-aware ``datetime`` values (pendulum's
``DateTime`` is one); dates without a time (due dates, review dates) are
``date``. Ids are short strings made by :meth:`PostMortem.new_id`, unique
within one post-mortem and deterministic, so the same edits give the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pmtui.model.enums import (
    ActionPriority,
    ActionStatus,
    ActionType,
    EventKind,
    FactorCategory,
    KeyMoment,
    ParkedState,
    Role,
    Severity,
    Status,
)

SCHEMA_VERSION = 2

DEFAULT_BLAMELESS_STATEMENT = (
    "We are here to learn how our systems and processes let this happen, "
    "not to find someone to blame. Everyone acted in good faith with the "
    "information, tools and time they had. We talk about what happened and "
    "why it made sense at the time, and we fix systems, not people."
)
DEFAULT_PURPOSE = (
    "Understand what happened, why it happened, and what we change so it "
    "does not happen again."
)
DEFAULT_OUTCOMES = (
    "Clear action items, each with an owner and a due date; a shared timeline; "
    "agreed root causes and contributing factors."
)


@dataclass
class Participant:
    name: str
    role: Role = Role.OTHER
    present: bool = False


@dataclass
class Link:
    label: str
    url: str


@dataclass
class Impact:
    """Customer impact: free text plus optional figures."""

    description: str = ""
    users_affected: int | None = None
    failed_requests_pct: float | None = None
    duration_minutes: int | None = None
    support_tickets: int | None = None
    data_loss: bool = False
    data_loss_details: str = ""


@dataclass
class Incident:
    """Step 0's facts. The key times live on the timeline (one fact)."""

    title: str = ""
    severity: Severity = Severity.P2
    services: list[str] = field(default_factory=list)
    summary: str = ""
    impact: Impact = field(default_factory=Impact)
    links: list[Link] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


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


@dataclass
class Prep:
    """Meeting preparation (step 0)."""

    checklist: dict[str, bool] = field(default_factory=dict)
    meeting_at: datetime | None = None


@dataclass
class AgendaItem:
    step: str  # a Step value
    minutes: int


def default_agenda() -> list[AgendaItem]:
    return [
        AgendaItem("tone", 5),
        AgendaItem("timeline", 15),
        AgendaItem("causes", 15),
        AgendaItem("reflect", 10),
        AgendaItem("actions", 10),
        AgendaItem("next", 5),
    ]


@dataclass
class Tone:
    """Step 1: setting the tone."""

    statement: str = DEFAULT_BLAMELESS_STATEMENT
    purpose: str = DEFAULT_PURPOSE
    outcomes: str = DEFAULT_OUTCOMES
    agenda: list[AgendaItem] = field(default_factory=default_agenda)
    meeting_minutes: int = 60


@dataclass
class Event:
    """One timeline event. ``key`` marks at most one event per key moment."""

    id: str
    at: datetime
    text: str
    kind: EventKind = EventKind.OTHER
    source: str = ""
    key: KeyMoment | None = None


@dataclass
class WhyNode:
    """A node of the 5 Whys tree. The tree's root is the problem statement."""

    id: str
    text: str
    root_cause: bool = False
    children: list[WhyNode] = field(default_factory=list)


@dataclass
class Factor:
    id: str
    text: str
    category: FactorCategory = FactorCategory.PROCESS
    why_id: str | None = None


@dataclass
class Causes:
    """Step 3: the 5 Whys tree, contributing factors, trigger."""

    whys: WhyNode = field(default_factory=lambda: WhyNode(id="w0", text=""))
    factors: list[Factor] = field(default_factory=list)
    trigger: str = ""
    resolution: str = ""
    detection: str = ""


@dataclass
class Item:
    """An entry of went well / could improve / lucky."""

    id: str
    text: str
    votes: int = 0


@dataclass
class Reflection:
    went_well: list[Item] = field(default_factory=list)
    could_improve: list[Item] = field(default_factory=list)
    lucky: list[Item] = field(default_factory=list)


@dataclass
class Action:
    id: str
    text: str
    owner: str = ""
    due: date | None = None
    priority: ActionPriority = ActionPriority.P2
    type: ActionType = ActionType.PREVENT
    status: ActionStatus = ActionStatus.OPEN
    reason: str = ""  # why "won't do"
    link: str = ""
    addresses: str | None = None  # id of a why node, factor or item
    closed_on: date | None = None


@dataclass
class ParkedItem:
    """An off-topic remark or fix idea filed for later (the parking lot)."""

    id: str
    text: str
    step: str = ""
    at: datetime | None = None
    state: ParkedState = ParkedState.OPEN


@dataclass
class NextSteps:
    owner: str = ""
    follow_up: date | None = None
    solved_check: date | None = None
    recipients: list[str] = field(default_factory=list)
    runbooks: list[str] = field(default_factory=list)


@dataclass
class StepTimer:
    """Time spent on one step; running while ``started`` is set."""

    elapsed_seconds: float = 0.0
    started: datetime | None = None


@dataclass
class PostMortem:
    """A whole post-mortem: what one archive file holds."""

    created: datetime
    timezone: str = "UTC"
    status: Status = Status.DRAFT
    schema_version: int = SCHEMA_VERSION
    incident: Incident = field(default_factory=Incident)
    prep: Prep = field(default_factory=Prep)
    tone: Tone = field(default_factory=Tone)
    timeline: list[Event] = field(default_factory=list)
    gap_threshold_minutes: int = 10
    causes: Causes = field(default_factory=Causes)
    reflection: Reflection = field(default_factory=Reflection)
    actions: list[Action] = field(default_factory=list)
    next_steps: NextSteps = field(default_factory=NextSteps)
    parking_lot: list[ParkedItem] = field(default_factory=list)
    timers: dict[str, StepTimer] = field(default_factory=dict)
    next_serial: int = 1

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``e12``; deterministic for the same edits."""
        ident = f"{prefix}{self.next_serial}"
        self.next_serial += 1
        return ident

    @property
    def title(self) -> str:
        return self.incident.title
