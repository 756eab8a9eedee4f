"""Closed vocabularies of a post-mortem.

Every enum value is what is stored on disk; ``label`` is what people read.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Status(_Labelled):
    DRAFT = "draft"
    MEETING = "meeting"
    REVIEW = "review"
    PUBLISHED = "published"


class Severity(_Labelled):
    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Role(_Labelled):
    FACILITATOR = "facilitator"
    SCRIBE = "scribe"
    INCIDENT_COMMANDER = "incident_commander"
    RESPONDER = "responder"
    STAKEHOLDER = "stakeholder"
    OTHER = "other"


class EventKind(_Labelled):
    ALERT = "alert"
    DETECTION = "detection"
    ESCALATION = "escalation"
    COMMUNICATION = "communication"
    ACTION = "action"
    FIX = "fix"
    CUSTOMER_IMPACT = "customer_impact"
    OTHER = "other"


class KeyMoment(_Labelled):
    """The four moments that give time-to-detect/mitigate/resolve."""

    IMPACT_BEGAN = "impact_began"
    DETECTED = "detected"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"


class FactorCategory(_Labelled):
    PROCESS = "process"
    TOOLING = "tooling"
    CODE_OR_CHANGE = "code_or_change"
    INFRASTRUCTURE = "infrastructure"
    MONITORING = "monitoring"
    COMMUNICATION = "communication"
    EXTERNAL = "external"
    KNOWLEDGE = "knowledge"

    @property
    def label(self) -> str:
        return _FACTOR_LABELS[self]


_FACTOR_LABELS = {
    FactorCategory.PROCESS: "process",
    FactorCategory.TOOLING: "tooling",
    FactorCategory.CODE_OR_CHANGE: "code or change",
    FactorCategory.INFRASTRUCTURE: "infrastructure or environment",
    FactorCategory.MONITORING: "monitoring and detection",
    FactorCategory.COMMUNICATION: "communication",
    FactorCategory.EXTERNAL: "external dependency",
    FactorCategory.KNOWLEDGE: "knowledge and training",
}


class ReflectionList(_Labelled):
    """The three lists of steps 4 and 5."""

    WENT_WELL = "went_well"
    COULD_IMPROVE = "could_improve"
    LUCKY = "lucky"

    @property
    def label(self) -> str:
        return {
            ReflectionList.WENT_WELL: "went well",
            ReflectionList.COULD_IMPROVE: "could be improved",
            ReflectionList.LUCKY: "where we got lucky",
        }[self]


class ActionPriority(_Labelled):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class ActionType(_Labelled):
    PREVENT = "prevent"
    MITIGATE = "mitigate"
    DETECT = "detect"
    PROCESS = "process"


class ActionStatus(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    WONT_DO = "wont_do"

    @property
    def label(self) -> str:
        return "won't do" if self is ActionStatus.WONT_DO else super().label

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.WONT_DO)


class ParkedState(_Labelled):
    OPEN = "open"
    KEPT = "kept"
    DROPPED = "dropped"
    ACTION = "action"


class Step(_Labelled):
    """The meeting's steps, in order. The value is the stable id."""

    INCIDENT = "incident"
    TONE = "tone"
    TIMELINE = "timeline"
    CAUSES = "causes"
    REFLECT = "reflect"
    ACTIONS = "actions"
    NEXT = "next"
    REPORT = "report"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]

    @property
    def meeting_number(self) -> str:
        """The number in the meeting guide: 0-3, "4-5", 6, 7; "" for the report."""
        return _MEETING_NUMBERS[self]

    @property
    def number(self) -> int:
        """0 for the incident step ... 7 for the report."""
        return list(Step).index(self)


_STEP_LABELS = {
    Step.INCIDENT: "Incident",
    Step.TONE: "Tone",
    Step.TIMELINE: "Timeline",
    Step.CAUSES: "Root causes",
    Step.REFLECT: "Went well / Improve",
    Step.ACTIONS: "Actions",
    Step.NEXT: "Next steps",
    Step.REPORT: "Report",
}

_MEETING_NUMBERS = {
    Step.INCIDENT: "0",
    Step.TONE: "1",
    Step.TIMELINE: "2",
    Step.CAUSES: "3",
    Step.REFLECT: "4-5",
    Step.ACTIONS: "6",
    Step.NEXT: "7",
    Step.REPORT: "",
}
