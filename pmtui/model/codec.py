"""Converting a :class:`PostMortem` to and from plain JSON-ready dicts.

One generic converter driven by the dataclasses' type hints, so adding a field
to the model needs no codec change. Decoding is strict: a value of the wrong
type raises :class:`SchemaError` naming the path (``timeline[3].at``), so a
damaged file is reported, never half-loaded. Missing keys take the field's
default; unknown keys are ignored (a newer pmtui may have written them).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum

from pmtui.model._decoders import Fail, decoder
from pmtui.model._encoders import encoder
from pmtui.model.session import PostMortem

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


class SchemaError(ValueError):
    """The stored data does not have the shape of a post-mortem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or 'document'}: {problem}")
        self.path = path
        self.problem = problem


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a dataclass tree (ISO-8601 times, enum values).

    Autosave runs this on every edit: a dataclass goes through the encoder
    written for its class from its type hints (:mod:`pmtui.model._encoders`);
    anything else, or a field whose hint has no plan, is walked generically.
    """
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    if dataclasses.is_dataclass(kind):
        return encoder(kind, _walk)(obj)
    return _walk(obj)


def _walk(obj: Any) -> Any:
    """The generic walk: each value's own type decides."""
    if type(obj) in _PLAIN:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return to_dict(obj)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _walk(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_walk(v) for v in obj]
    return obj


_PLAIN = frozenset({str, int, float, bool, type(None)})


def postmortem_from_dict(data: Any, *, pendulum_times: bool = True) -> PostMortem:
    """The post-mortem in ``data``; see :func:`from_dict` for ``pendulum_times``."""
    return from_dict(PostMortem, data, pendulum_times=pendulum_times)


def from_dict(
    cls: type[T], data: Any, path: str = "", *, pendulum_times: bool = True
) -> T:
    """``data`` decoded as ``cls``; :class:`SchemaError` names the bad path.

    Times are pendulum ``DateTime`` values, or with ``pendulum_times=False``
    standard-library aware datetimes (same instant and offset, for readers
    such as the command line that only format them and must start fast).
    """
    decode = decoder(cls, pendulum_times)
    try:
        return decode(data)  # type: ignore[no-any-return]
    except Fail as fail:
        raise SchemaError(fail.where(path), fail.problem) from None
