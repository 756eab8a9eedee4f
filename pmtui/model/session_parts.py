"""The parts of a post-mortem: the incident, the meeting, the timeline, the
causes and the reflection (:mod:`pmtui.model.session` has the rest and
re-exports these; import them from there)."""

from __future__ import annotations

from datetime import datetime

from pmtui.model.enums import EventKind, FactorCategory, KeyMoment, Role, Severity
from pmtui.model.record import Record

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


class Participant(Record):
    name: str
    role: Role
    present: bool

    def __init__(
        self, name: str, role: Role = Role.OTHER, present: bool = False
    ) -> None:
        self.name = name
        self.role = role
        self.present = present


class Link(Record):
    label: str
    url: str

    def __init__(self, label: str, url: str) -> None:
        self.label = label
        self.url = url


class Impact(Record):
    """Customer impact: free text plus optional figures."""

    description: str
    users_affected: int | None
    failed_requests_pct: float | None
    duration_minutes: int | None
    support_tickets: int | None
    data_loss: bool
    data_loss_details: str

    def __init__(
        self,
        description: str = "",
        users_affected: int | None = None,
        failed_requests_pct: float | None = None,
        duration_minutes: int | None = None,
        support_tickets: int | None = None,
        data_loss: bool = False,
        data_loss_details: str = "",
    ) -> None:
        self.description = description
        self.users_affected = users_affected
        self.failed_requests_pct = failed_requests_pct
        self.duration_minutes = duration_minutes
        self.support_tickets = support_tickets
        self.data_loss = data_loss
        self.data_loss_details = data_loss_details


class Incident(Record):
    """Step 0's facts. The key times live on the timeline (one fact)."""

    title: str
    severity: Severity
    services: list[str]
    summary: str
    impact: Impact
    links: list[Link]
    participants: list[Participant]
    tags: list[str]

    def __init__(
        self,
        title: str = "",
        severity: Severity = Severity.P2,
        services: list[str] | None = None,
        summary: str = "",
        impact: Impact | None = None,
        links: list[Link] | None = None,
        participants: list[Participant] | None = None,
        tags: list[str] | None = None,
    ) -> None:
        self.title = title
        self.severity = severity
        self.services = [] if services is None else services
        self.summary = summary
        self.impact = Impact() if impact is None else impact
        self.links = [] if links is None else links
        self.participants = [] if participants is None else participants
        self.tags = [] if tags is None else tags


class Prep(Record):
    """Meeting preparation (step 0)."""

    checklist: dict[str, bool]
    meeting_at: datetime | None

    def __init__(
        self,
        checklist: dict[str, bool] | None = None,
        meeting_at: datetime | None = None,
    ) -> None:
        self.checklist = {} if checklist is None else checklist
        self.meeting_at = meeting_at


class AgendaItem(Record):
    step: str  # a Step value
    minutes: int

    def __init__(self, step: str, minutes: int) -> None:
        self.step = step
        self.minutes = minutes


def default_agenda() -> list[AgendaItem]:
    return [
        AgendaItem("tone", 5),
        AgendaItem("timeline", 15),
        AgendaItem("causes", 15),
        AgendaItem("reflect", 10),
        AgendaItem("actions", 10),
        AgendaItem("next", 5),
    ]


class Tone(Record):
    """Step 1: setting the tone."""

    statement: str
    purpose: str
    outcomes: str
    agenda: list[AgendaItem]
    meeting_minutes: int

    def __init__(
        self,
        statement: str = DEFAULT_BLAMELESS_STATEMENT,
        purpose: str = DEFAULT_PURPOSE,
        outcomes: str = DEFAULT_OUTCOMES,
        agenda: list[AgendaItem] | None = None,
        meeting_minutes: int = 60,
    ) -> None:
        self.statement = statement
        self.purpose = purpose
        self.outcomes = outcomes
        self.agenda = default_agenda() if agenda is None else agenda
        self.meeting_minutes = meeting_minutes


class Event(Record):
    """One timeline event. ``key`` marks at most one event per key moment."""

    id: str
    at: datetime
    text: str
    kind: EventKind
    source: str
    key: KeyMoment | None

    def __init__(
        self,
        id: str,
        at: datetime,
        text: str,
        kind: EventKind = EventKind.OTHER,
        source: str = "",
        key: KeyMoment | None = None,
    ) -> None:
        self.id = id
        self.at = at
        self.text = text
        self.kind = kind
        self.source = source
        self.key = key


class WhyNode(Record):
    """A node of the 5 Whys tree. The tree's root is the problem statement."""

    id: str
    text: str
    root_cause: bool
    children: list[WhyNode]

    def __init__(
        self,
        id: str,
        text: str,
        root_cause: bool = False,
        children: list[WhyNode] | None = None,
    ) -> None:
        self.id = id
        self.text = text
        self.root_cause = root_cause
        self.children = [] if children is None else children


class Factor(Record):
    id: str
    text: str
    category: FactorCategory
    why_id: str | None

    def __init__(
        self,
        id: str,
        text: str,
        category: FactorCategory = FactorCategory.PROCESS,
        why_id: str | None = None,
    ) -> None:
        self.id = id
        self.text = text
        self.category = category
        self.why_id = why_id


class Causes(Record):
    """Step 3: the 5 Whys tree, contributing factors, trigger."""

    whys: WhyNode
    factors: list[Factor]
    trigger: str
    resolution: str
    detection: str

    def __init__(
        self,
        whys: WhyNode | None = None,
        factors: list[Factor] | None = None,
        trigger: str = "",
        resolution: str = "",
        detection: str = "",
    ) -> None:
        self.whys = WhyNode(id="w0", text="") if whys is None else whys
        self.factors = [] if factors is None else factors
        self.trigger = trigger
        self.resolution = resolution
        self.detection = detection


class Item(Record):
    """An entry of went well / could improve / lucky."""

    id: str
    text: str
    votes: int

    def __init__(self, id: str, text: str, votes: int = 0) -> None:
        self.id = id
        self.text = text
        self.votes = votes


class Reflection(Record):
    went_well: list[Item]
    could_improve: list[Item]
    lucky: list[Item]

    def __init__(
        self,
        went_well: list[Item] | None = None,
        could_improve: list[Item] | None = None,
        lucky: list[Item] | None = None,
    ) -> None:
        self.went_well = [] if went_well is None else went_well
        self.could_improve = [] if could_improve is None else could_improve
        self.lucky = [] if lucky is None else lucky
