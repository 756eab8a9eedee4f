"""Converting a :class:`PostMortem` to and from plain JSON-ready dicts.

One generic converter driven by the dataclasses' type hints, so adding a field
to the model needs no codec change. Decoding is strict: a value of the wrong
type raises :class:`SchemaError` naming the path (``timeline[3].at``), so a
damaged file is reported, never half-loaded. Missing keys take the field's
default; unknown keys are ignored (a newer pmtui may have written them).
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

import pendulum

from pmtui.model.session import PostMortem

T = TypeVar("T")


class SchemaError(ValueError):
    """The stored data does not have the shape of a post-mortem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or 'document'}: {problem}")
        self.path = path
        self.problem = problem


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a dataclass tree (ISO-8601 times, enum values).

    Autosave runs this on every edit, so field names are looked up once per
    class and plain values pass straight through.
    """
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    names = _field_names(kind)
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if kind is list:
        return [to_dict(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    return obj


_PLAIN = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    try:
        return _FIELD_NAMES[kind]
    except KeyError:
        names = None
        if dataclasses.is_dataclass(kind):
            names = tuple(f.name for f in dataclasses.fields(kind))
        _FIELD_NAMES[kind] = names
        return names


def postmortem_from_dict(data: Any) -> PostMortem:
    return from_dict(PostMortem, data)


def from_dict(cls: type[T], data: Any, path: str = "") -> T:
    return typing.cast(T, _decode(cls, data, path))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _decode(inner[0], value, path)
        raise SchemaError(path, f"unsupported union {tp}")  # pragma: no cover
    if origin is list:
        if not isinstance(value, list):
            raise SchemaError(path, f"expected a list, found {_kind(value)}")
        (item_tp,) = typing.get_args(tp)
        return [_decode(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise SchemaError(path, f"expected an object, found {_kind(value)}")
        _, val_tp = typing.get_args(tp)
        return {str(k): _decode(val_tp, v, f"{path}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, path)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in tp)
            raise SchemaError(path, f"{value!r} is not one of {allowed}") from None
    if tp is datetime:
        return _decode_datetime(value, path)
    if tp is date:
        if not isinstance(value, str):
            raise SchemaError(path, f"expected a date, found {_kind(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise SchemaError(path, f"{value!r} is not an ISO date") from None
    if tp is bool:
        if not isinstance(value, bool):
            raise SchemaError(path, f"expected true or false, found {_kind(value)}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError(path, f"expected a whole number, found {_kind(value)}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SchemaError(path, f"expected a number, found {_kind(value)}")
        if not math.isfinite(value):
            raise SchemaError(path, f"{value!r} is not a finite number")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise SchemaError(path, f"expected text, found {_kind(value)}")
        return value
    raise SchemaError(path, f"unsupported type {tp}")  # pragma: no cover


def _decode_dataclass(cls: Any, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise SchemaError(path, f"expected an object, found {_kind(value)}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in value:
            no_default = (
                f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            )
            if no_default:
                raise SchemaError(_join(path, f.name), "missing")
            continue
        kwargs[f.name] = _decode(hints[f.name], value[f.name], _join(path, f.name))
    return cls(**kwargs)


def _decode_datetime(value: Any, path: str) -> datetime:
    if not isinstance(value, str):
        raise SchemaError(path, f"expected a time, found {_kind(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise SchemaError(path, f"{value!r} is not an ISO-8601 time") from None
    if parsed.tzinfo is None:
        raise SchemaError(path, f"{value!r} has no UTC offset")
    return pendulum.instance(parsed)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
