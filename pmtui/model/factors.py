"""Contributing factors, and turning a cause into an action item.

Pure functions on :class:`PostMortem` / :class:`Causes`; no I/O, no UI.
"""

from __future__ import annotations

from pmtui.model.enums import FactorCategory
from pmtui.model.lookup import iter_whys
from pmtui.model.session import Action, Factor, PostMortem, WhyNode
from pmtui.model.whys import short_label

CATEGORIES: tuple[FactorCategory, ...] = tuple(FactorCategory)


class FactorError(ValueError):
    """Bad factor input; the message is shown under the field."""


def clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise FactorError("Describe the factor in a few words.")
    return cleaned


def add_factor(
    pm: PostMortem,
    text: str,
    category: FactorCategory = FactorCategory.PROCESS,
    why_id: str | None = None,
) -> Factor:
    factor = Factor(pm.new_id("f"), clean_text(text), category, why_id or None)
    pm.causes.factors.append(factor)
    return factor


def update_factor(
    factor: Factor, text: str, category: FactorCategory, why_id: str | None
) -> Factor:
    factor.text = clean_text(text)
    factor.category = category
    factor.why_id = why_id or None
    return factor


def next_category(category: FactorCategory) -> FactorCategory:
    """The category after ``category``, wrapping round (for a one-key cycle)."""
    return CATEGORIES[(CATEGORIES.index(category) + 1) % len(CATEGORIES)]


def group_by_category(
    factors: list[Factor],
) -> list[tuple[FactorCategory, list[Factor]]]:
    """Factors grouped in the categories' fixed order; empty groups left out."""
    groups: list[tuple[FactorCategory, list[Factor]]] = []
    for category in CATEGORIES:
        members = [f for f in factors if f.category is category]
        if members:
            groups.append((category, members))
    return groups


def empty_categories(factors: list[Factor]) -> list[FactorCategory]:
    used = {f.category for f in factors}
    return [c for c in CATEGORIES if c not in used]


def why_depth(root: WhyNode, why_id: str | None) -> int | None:
    """The depth of the why a factor is linked to; None if unlinked or gone."""
    if why_id is None:
        return None
    for node, level in iter_whys(root):
        if node.id == why_id:
            return level
    return None


def why_link_label(root: WhyNode, why_id: str | None) -> str:
    """``why 3: text…`` for a linked why, "" when none (or deleted)."""
    level = why_depth(root, why_id)
    if level is None:
        return ""
    node = next(n for n, _ in iter_whys(root) if n.id == why_id)
    prefix = "problem" if level == 0 else f"why {level}"
    return f"{prefix}: {short_label(node.text, 30)}"


def why_choices(root: WhyNode) -> list[tuple[str, str]]:
    """(label, id) for every why below the problem, in tree order."""
    return [
        (f"why {level}: {short_label(node.text, 30)}", node.id)
        for node, level in iter_whys(root)
        if level > 0
    ]


def make_action(pm: PostMortem, text: str, addresses: str) -> Action:
    """A new open action that remembers the why or factor it addresses."""
    words = " ".join(text.split())
    if not words:
        raise FactorError("Write it first: an empty cause cannot become an action.")
    action = Action(id=pm.new_id("a"), text=words, addresses=addresses)
    pm.actions.append(action)
    return action


def actions_addressing(pm: PostMortem, ident: str) -> list[Action]:
    return [a for a in pm.actions if a.addresses == ident]
