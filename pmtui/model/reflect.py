"""Steps 4 and 5: went well, could be improved, where we got lucky.

Pure rules on :class:`~pmtui.model.session.Reflection`: adding, editing,
deleting (undoable), moving between lists, votes, sorting by votes, and
turning an item into an action that remembers what it addresses.
"""

from __future__ import annotations

from pmtui.model.enums import ReflectionList
from pmtui.model.lookup import reflection_list
from pmtui.model.session import Action, Item, PostMortem
from pmtui.model.undo import Removal, remove

VOTE_SYMBOL = "▲"


def clean_text(text: str) -> str:
    """One line, surrounding and repeated spaces removed."""
    return " ".join(text.split())


def add_item(pm: PostMortem, which: ReflectionList, text: str) -> Item:
    """Append a new item to ``which``. Raises ValueError on empty text."""
    cleaned = clean_text(text)
    if not cleaned:
        raise ValueError("An item needs some text.")
    item = Item(id=pm.new_id("i"), text=cleaned)
    reflection_list(pm, which).append(item)
    return item


def edit_item(item: Item, text: str) -> bool:
    """Change the item's text; False (and no change) when empty or the same."""
    cleaned = clean_text(text)
    if not cleaned or cleaned == item.text:
        return False
    item.text = cleaned
    return True


def list_of(pm: PostMortem, item: Item) -> ReflectionList:
    """Which of the three lists holds ``item`` (by identity)."""
    for which in ReflectionList:
        if any(candidate is item for candidate in reflection_list(pm, which)):
            return which
    raise ValueError("the item is in none of the lists")


def find_item(pm: PostMortem, item_id: str) -> Item | None:
    for which in ReflectionList:
        for item in reflection_list(pm, which):
            if item.id == item_id:
                return item
    return None


def delete_item(pm: PostMortem, item: Item) -> Removal[Item]:
    """Take ``item`` out of its list; the removal brings it back (ctrl+z)."""
    which = list_of(pm, item)
    return remove(reflection_list(pm, which), item, f"“{item.text}” ({which.label})")


def move_item(pm: PostMortem, item: Item, target: ReflectionList) -> bool:
    """Move ``item`` to the end of ``target``; False if it is already there."""
    source = list_of(pm, item)
    if source is target:
        return False
    remove(reflection_list(pm, source), item, item.text)
    reflection_list(pm, target).append(item)
    return True


def vote(item: Item, delta: int) -> int:
    """Add ``delta`` votes (never below zero); returns the new count."""
    item.votes = max(0, item.votes + delta)
    return item.votes


def sort_by_votes(items: list[Item]) -> bool:
    """Most votes first, ties keeping their order. False if nothing moved."""
    ordered = sorted(items, key=lambda item: -item.votes)
    if all(a is b for a, b in zip(ordered, items, strict=True)):
        return False
    items[:] = ordered
    return True


def format_votes(votes: int) -> str:
    """``▲ 3``: a number with a symbol, so it never relies on colour."""
    return f"{VOTE_SYMBOL}{votes:>2}"


def actions_for(pm: PostMortem, item: Item) -> list[Action]:
    """Actions that address ``item``."""
    return [action for action in pm.actions if action.addresses == item.id]


def make_action(pm: PostMortem, item: Item) -> tuple[Action, bool]:
    """An action addressing ``item``; True when new, False when one existed."""
    existing = actions_for(pm, item)
    if existing:
        return existing[0], False
    action = Action(id=pm.new_id("a"), text=item.text, addresses=item.id)
    pm.actions.append(action)
    return action, True
