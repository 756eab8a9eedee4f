"""The base of the model's classes: plain classes, no ``dataclasses`` import.

``@dataclass`` costs the command line about 20 ms before it has read a byte:
importing ``dataclasses`` imports ``inspect`` (with ``ast``, ``dis`` and
``tokenize``), and every decorated class has its methods written as source
and compiled. The model's classes instead spell out their ``__init__`` and
share this base, which gives them what ``@dataclass`` gave:

- ``FIELDS``: the field names in the order of the class's annotations (which
  is the order of ``__init__``'s parameters; tests/unit/test_record.py checks);
- ``==`` comparing the fields of two objects of the same class, unhashable;
- ``repr`` as ``Event(id='e1', at=..., ...)``.

The codec reads the fields' types from the annotations and which fields are
required from ``__init__``'s defaults (:func:`required_fields`). An
``__init__`` only stores its arguments (making a default where one is left
out), so a decoder that has every field's value stores them without calling
it; tests/unit/test_record.py checks that for every class.
"""

from __future__ import annotations

from reprlib import recursive_repr

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Record:
    """A model class: fields declared as annotations, set by ``__init__``."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.FIELDS = tuple(vars(cls).get("__annotations__", {}))

    def __eq__(self, other: object) -> bool:
        """Field by field, as ``@dataclass`` compares the fields' tuples (the
        same object is always equal), stopping at the first difference: as
        fast as a dataclass where it matters, list.remove() passing events."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        for name in self.FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not theirs and not mine == theirs:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]  # mutable: as @dataclass(eq=True)

    @recursive_repr()
    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({values})"


def required_fields(cls: type[Record]) -> frozenset[str]:
    """The fields ``cls(...)`` cannot do without (no default in ``__init__``)."""
    init = cls.__init__
    code = init.__code__
    params = code.co_varnames[1 : code.co_argcount]  # after self
    with_default = len(init.__defaults__ or ())
    return frozenset(params[: len(params) - with_default])
