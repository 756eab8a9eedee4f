"""Action items: add, edit, delete, status changes and quality hints. Pure.

Quality, as the guide asks: an action is specific, measurable, assigned and
dated. :func:`action_hints` names what an open action lacks; hints never block
anything. The vague-wording rule (:func:`is_vague`):

- vague wording is one of the hedging or open-ended verbs people reach for in a
  meeting: "look into", "investigate", "improve", "consider", "try to", "maybe",
  "explore", "review", "evaluate", "assess", "revisit", "discuss", "think
  about", "figure out", "better", "more robust", "if possible", "as needed" ...
- it is fine when the action still names a measurable outcome: a quantity (a
  percentage, a number with a unit such as ``300ms`` or ``5 minutes``, or a
  number after "under", "below", "to", "within", "at least" ...) or a concrete
  artefact ("alert", "check", "test", "runbook", "dashboard", "canary", ...).
  A bare number inside a word or an id (``5xx``, ``p99``, ``PAY-1423``) is not
  a quantity.

Closed actions (done, won't do) get no hints: there is nothing left to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit

import pendulum

from pmtui.model.enums import ActionPriority, ActionStatus, ActionType
from pmtui.model.lookup import describe_target, iter_whys
from pmtui.model.session import Action, PostMortem
from pmtui.model.undo import Removal, remove


class ActionError(ValueError):
    """Input that cannot become (part of) an action; the message says why."""


class Hint(StrEnum):
    """What an open action lacks. ``label`` is the short word shown beside it."""

    NO_OWNER = "no_owner"
    NO_DUE = "no_due"
    OVERDUE = "overdue"
    VAGUE = "vague"

    @property
    def label(self) -> str:
        return _HINT_LABELS[self]

    @property
    def advice(self) -> str:
        return _HINT_ADVICE[self]


_HINT_LABELS = {
    Hint.NO_OWNER: "no owner",
    Hint.NO_DUE: "no due date",
    Hint.OVERDUE: "overdue",
    Hint.VAGUE: "vague",
}
_HINT_ADVICE = {
    Hint.NO_OWNER: "name one person who owns it",
    Hint.NO_DUE: "give it a due date",
    Hint.OVERDUE: "the due date has passed: a new date, or close it",
    Hint.VAGUE: "say what will exist or be true when it is done",
}

_FLAGS = re.IGNORECASE
_VAGUE = re.compile(
    r"\b(?:look(?:s|ing)?\s+(?:into|at)|investigat\w*|improv\w*|consider\w*"
    r"|tr(?:y|ies|ying)\s+to|maybe|perhaps|possibly|explor\w*|review\w*"
    r"|revisit\w*|evaluat\w*|assess\w*|discuss\w*|think(?:ing)?\s+about"
    r"|figure\s+out|better|more\s+robust|if\s+possible|where\s+possible"
    r"|as\s+needed|somehow)\b",
    _FLAGS,
)
_ARTEFACT = re.compile(
    r"\b(?:alerts?|alarms?|checks?|tests?|runbooks?|playbooks?|dashboards?"
    r"|canar(?:y|ies)|checklists?|scripts?|probes?|slos?|proposal|rfc"
    r"|design\s+doc)\b",
    _FLAGS,
)
_NUMBER = r"(?<![\w-])\d+(?:[.,]\d+)?"
_QUANTITY = re.compile(
    rf"{_NUMBER}\s?(?:%|percent\b|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b"
    r"|h\b|hours?\b|days?\b|weeks?\b|x\b|times\b)"
    r"|(?:\b(?:under|below|above|over|within|to|by|from|less\s+than|more\s+than"
    rf"|fewer\s+than|at\s+least|at\s+most)|[<>≤≥]=?)\s?{_NUMBER}(?![\w-])",
    _FLAGS,
)

PRIORITY_HELP = "Priority is P1, P2 or P3 (or just 1, 2, 3)."
TYPE_HELP = "Type is prevent, mitigate, detect or process (a few letters do)."


def today_in(pm: PostMortem, now: datetime) -> date:
    """The calendar date of ``now`` in the post-mortem's time zone."""
    here = pendulum.instance(now).in_timezone(pm.timezone)
    return date(here.year, here.month, here.day)


# -- what people type -----------------------------------------------------------


def participant_names(pm: PostMortem) -> list[str]:
    """Owners to suggest: the participants' names, in their order, no blanks."""
    names: list[str] = []
    for person in pm.incident.participants:
        name = person.name.strip()
        if name and name not in names:
            names.append(name)
    return names


def resolve_owner(typed: str, names: Sequence[str]) -> str:
    """``priya`` -> ``Priya Raman`` when exactly one name starts so (or one of
    its words does); otherwise the typed text as it is (tidied)."""
    text = " ".join(typed.split())
    lowered = text.lower()
    if not lowered:
        return ""
    for name in names:
        if name.lower() == lowered:
            return name
    matches = [
        name
        for name in names
        if name.lower().startswith(lowered)
        or any(word.startswith(lowered) for word in name.lower().split())
    ]
    return matches[0] if len(matches) == 1 else text


def parse_priority(
    text: str, default: ActionPriority = ActionPriority.P2
) -> ActionPriority:
    """``P1``, ``p1`` or ``1``; empty text gives ``default``."""
    word = text.strip().upper()
    if not word:
        return default
    if not word.startswith("P"):
        word = f"P{word}"
    try:
        return ActionPriority(word)
    except ValueError:
        raise ActionError(
            f"'{text.strip()}' is not a priority. {PRIORITY_HELP}"
        ) from None


def parse_type(text: str, default: ActionType = ActionType.PREVENT) -> ActionType:
    """A type by its name or an unambiguous start (``det``, ``m``, ``pre``)."""
    word = text.strip().lower()
    if not word:
        return default
    matches = [kind for kind in ActionType if kind.value.startswith(word)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = " or ".join(kind.value for kind in matches)
        raise ActionError(f"'{text.strip()}' could be {names}: type a little more.")
    raise ActionError(f"'{text.strip()}' is not a type. {TYPE_HELP}")


def check_text(text: str) -> str:
    """The action's wording, tidied; refused when empty."""
    tidy = " ".join(text.split())
    if not tidy:
        raise ActionError("Type what will be done first.")
    return tidy


def check_link(text: str) -> str:
    """A tracker link: empty, or an http(s) URL with a dotted host, no spaces."""
    url = text.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host, scheme = parts.hostname or "", parts.scheme.lower()
    except ValueError:
        host = scheme = ""
    if scheme not in ("http", "https") or "." not in host or re.search(r"\s", url):
        raise ActionError(
            "A tracker link is a web address such as "
            "https://tracker.example.com/browse/PAY-1423 (or leave it empty)."
        )
    return url


# -- changes --------------------------------------------------------------------


def add_action(
    pm: PostMortem,
    text: str,
    *,
    owner: str = "",
    due: date | None = None,
    priority: ActionPriority = ActionPriority.P2,
    type: ActionType = ActionType.PREVENT,
    addresses: str | None = None,
    link: str = "",
) -> Action:
    """A new open action at the end of the list."""
    action = Action(
        id=pm.new_id("a"),
        text=check_text(text),
        owner=owner.strip(),
        due=due,
        priority=priority,
        type=type,
        link=check_link(link),
        addresses=addresses or None,
    )
    pm.actions.append(action)
    return action


def set_status(
    action: Action, status: ActionStatus, *, today: date, reason: str = ""
) -> None:
    """Change the status. Won't do needs a reason; closing records ``today``."""
    reason = " ".join(reason.split())
    if status is ActionStatus.WONT_DO and not reason:
        raise ActionError("Say why it won't be done: the reason stays with the action.")
    if status.is_closed:
        if status is not action.status or action.closed_on is None:
            action.closed_on = today
    else:
        action.closed_on = None
    action.reason = reason if status is ActionStatus.WONT_DO else ""
    action.status = status


def delete_action(pm: PostMortem, action: Action) -> Removal[Action]:
    """Take the action out; the removal can put it back (undo)."""
    short = action.text if len(action.text) <= 40 else action.text[:39] + "…"
    return remove(pm.actions, action, f"action “{short}”")


def address_choices(pm: PostMortem) -> list[tuple[str, str]]:
    """What an action can address: why nodes, factors, then could-improve and
    lucky items, as ``(id, description)``."""
    ids = [node.id for node, depth in iter_whys(pm.causes.whys) if node.text.strip()]
    ids += [factor.id for factor in pm.causes.factors]
    ids += [item.id for item in pm.reflection.could_improve]
    ids += [item.id for item in pm.reflection.lucky]
    return [(ident, describe_target(pm, ident)) for ident in ids]


# -- quality --------------------------------------------------------------------


def is_vague(text: str) -> bool:
    """Vague wording with no measurable outcome (see the module doc)."""
    if not _VAGUE.search(text):
        return False
    return not (_ARTEFACT.search(text) or _QUANTITY.search(text))


def action_hints(action: Action, *, today: date) -> list[Hint]:
    """What this action lacks, in a fixed order; none for closed actions."""
    if action.status.is_closed:
        return []
    hints: list[Hint] = []
    if not action.owner.strip():
        hints.append(Hint.NO_OWNER)
    if action.due is None:
        hints.append(Hint.NO_DUE)
    elif action.due < today:
        hints.append(Hint.OVERDUE)
    if is_vague(action.text):
        hints.append(Hint.VAGUE)
    return hints


def count_with_hints(actions: Iterable[Action], *, today: date) -> int:
    """How many actions have at least one hint."""
    return sum(1 for action in actions if action_hints(action, today=today))
