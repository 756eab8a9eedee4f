"""The post-mortem domain model: dataclasses and pure rules. No I/O, no UI.

Names are imported on first use (PEP 562), so a module such as
``pmtui.model.search`` can be used without loading the whole package: the
command line starts fast.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    from pmtui.model.codec import (
        SchemaError,
        from_dict,
        postmortem_from_dict,
        to_dict,
    )
    from pmtui.model.enums import (
        ActionPriority,
        ActionStatus,
        ActionType,
        EventKind,
        FactorCategory,
        KeyMoment,
        ParkedState,
        ReflectionList,
        Role,
        Severity,
        Status,
        Step,
    )
    from pmtui.model.lookup import (
        describe_target,
        find_target,
        iter_whys,
        new_postmortem,
        reflection_list,
    )
    from pmtui.model.session import (
        PREP_CHECKLIST,
        SCHEMA_VERSION,
        Action,
        AgendaItem,
        Causes,
        Event,
        Factor,
        Impact,
        Incident,
        Item,
        Link,
        NextSteps,
        ParkedItem,
        Participant,
        PostMortem,
        Prep,
        Reflection,
        StepTimer,
        Tone,
        WhyNode,
    )

_LAZY: dict[str, str] = {
    "SchemaError": "pmtui.model.codec",
    "from_dict": "pmtui.model.codec",
    "postmortem_from_dict": "pmtui.model.codec",
    "to_dict": "pmtui.model.codec",
    "ActionPriority": "pmtui.model.enums",
    "ActionStatus": "pmtui.model.enums",
    "ActionType": "pmtui.model.enums",
    "EventKind": "pmtui.model.enums",
    "FactorCategory": "pmtui.model.enums",
    "KeyMoment": "pmtui.model.enums",
    "ParkedState": "pmtui.model.enums",
    "ReflectionList": "pmtui.model.enums",
    "Role": "pmtui.model.enums",
    "Severity": "pmtui.model.enums",
    "Status": "pmtui.model.enums",
    "Step": "pmtui.model.enums",
    "describe_target": "pmtui.model.lookup",
    "find_target": "pmtui.model.lookup",
    "iter_whys": "pmtui.model.lookup",
    "new_postmortem": "pmtui.model.lookup",
    "reflection_list": "pmtui.model.lookup",
    "PREP_CHECKLIST": "pmtui.model.session",
    "SCHEMA_VERSION": "pmtui.model.session",
    "Action": "pmtui.model.session",
    "AgendaItem": "pmtui.model.session",
    "Causes": "pmtui.model.session",
    "Event": "pmtui.model.session",
    "Factor": "pmtui.model.session",
    "Impact": "pmtui.model.session",
    "Incident": "pmtui.model.session",
    "Item": "pmtui.model.session",
    "Link": "pmtui.model.session",
    "NextSteps": "pmtui.model.session",
    "ParkedItem": "pmtui.model.session",
    "Participant": "pmtui.model.session",
    "PostMortem": "pmtui.model.session",
    "Prep": "pmtui.model.session",
    "Reflection": "pmtui.model.session",
    "StepTimer": "pmtui.model.session",
    "Tone": "pmtui.model.session",
    "WhyNode": "pmtui.model.session",
}

__all__ = [
    "PREP_CHECKLIST",
    "SCHEMA_VERSION",
    "Action",
    "ActionPriority",
    "ActionStatus",
    "ActionType",
    "AgendaItem",
    "Causes",
    "Event",
    "EventKind",
    "Factor",
    "FactorCategory",
    "Impact",
    "Incident",
    "Item",
    "KeyMoment",
    "Link",
    "NextSteps",
    "ParkedItem",
    "ParkedState",
    "Participant",
    "PostMortem",
    "Prep",
    "Reflection",
    "ReflectionList",
    "Role",
    "SchemaError",
    "Severity",
    "Status",
    "Step",
    "StepTimer",
    "Tone",
    "WhyNode",
    "describe_target",
    "find_target",
    "from_dict",
    "iter_whys",
    "new_postmortem",
    "postmortem_from_dict",
    "reflection_list",
    "to_dict",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
