"""Finding things in a post-mortem by id, and making new ones."""

from __future__ import annotations

from collections.abc import Iterator

from pmtui.model.enums import ReflectionList, Severity
from pmtui.model.session import Factor, Incident, Item, PostMortem, Prep, WhyNode

TYPE_CHECKING = False  # readers (the report) need no clock: pendulum stays unloaded
if TYPE_CHECKING:
    from pmtui.clock import Clock


def new_postmortem(
    title: str,
    clock: Clock,
    *,
    severity: Severity = Severity.P2,
    timezone: str = "UTC",
) -> PostMortem:
    """A fresh post-mortem, its problem statement ready to be written."""
    pm = PostMortem(
        created=clock.now(),
        timezone=timezone,
        incident=Incident(title=title, severity=severity),
        prep=Prep(),
    )
    return pm


def iter_whys(node: WhyNode, depth: int = 0) -> Iterator[tuple[WhyNode, int]]:
    """Every node of the tree with its depth (the root is depth 0)."""
    yield node, depth
    for child in node.children:
        yield from iter_whys(child, depth + 1)


def reflection_list(pm: PostMortem, which: ReflectionList) -> list[Item]:
    return getattr(pm.reflection, which.value)  # type: ignore[no-any-return]


def find_target(pm: PostMortem, ident: str | None) -> WhyNode | Factor | Item | None:
    """What an action addresses: a why node, a factor or a reflection item."""
    if not ident:
        return None
    for node, _ in iter_whys(pm.causes.whys):
        if node.id == ident:
            return node
    for factor in pm.causes.factors:
        if factor.id == ident:
            return factor
    for which in ReflectionList:
        for item in reflection_list(pm, which):
            if item.id == ident:
                return item
    return None


def describe_target(pm: PostMortem, ident: str | None) -> str:
    """A short human label for what an action addresses ("" when none)."""
    target = find_target(pm, ident)
    if target is None:
        return ""
    if isinstance(target, WhyNode):
        depth = next(d for n, d in iter_whys(pm.causes.whys) if n is target)
        prefix = "problem" if depth == 0 else f"why {depth}"
    elif isinstance(target, Factor):
        prefix = f"factor ({target.category.label})"
    else:
        prefix = "improvement"
        for which in ReflectionList:
            if target in reflection_list(pm, which):
                prefix = which.label
    return f"{prefix}: {target.text}"
