"""Undo for deletions: each removal knows how to put its item back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Removal(Generic[T]):
    """An item taken out of a list, and where it was."""

    container: list[T]
    item: T
    index: int
    label: str

    def restore(self) -> None:
        index = min(self.index, len(self.container))
        self.container.insert(index, self.item)


def remove(container: list[T], item: T, label: str) -> Removal[T]:
    """Remove ``item`` (by identity) and return how to bring it back."""
    for index, candidate in enumerate(container):
        if candidate is item:
            del container[index]
            return Removal(container, item, index, label)
    raise ValueError("item is not in the list")
