"""The decoders behind :func:`pmtui.model.codec.from_dict`, built once per type.

Each model class (:class:`~pmtui.model.record.Record`), list, dict, enum or
scalar type gets a small function made from its type hints the first time it
is met; decoding a file then costs about one call per value (text and None
are checked inline). Paths (``timeline[3].at``) are only assembled when
something is wrong: :class:`~pmtui.model._leaves.Fail` collects the steps on
its way out. The decoders of single values are in :mod:`pmtui.model._leaves`.
"""

from __future__ import annotations

import _thread
import sys
import types
from collections.abc import Callable
from datetime import datetime
from enum import Enum

from pmtui.model._leaves import (
    SIMPLE,
    Fail,
    datetime_decoder,
    decode_str,
    enum_decoder,
    kind_of,
)
from pmtui.model.record import Record, required_fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    Decoder = Callable[[Any], Any]


# Finished decoders, read without a lock. A model class's decoder is made
# before its fields' (trees recurse), so while one is being built it is only
# in _BUILDING, seen by the thread building it; the others wait for the lock
# and never get a decoder whose fields are not all known yet.
_DECODERS: dict[tuple[Any, bool], Decoder] = {}
_BUILDING: dict[tuple[Any, bool], Decoder] = {}
_BUILD_LOCK = _thread.RLock()  # threading.RLock is this one: no import


def decoder(tp: Any, pendulum_times: bool) -> Decoder:
    """The decoder of a type, built once per type (and kind of times)."""
    key = (tp, pendulum_times)
    found = _DECODERS.get(key)
    if found is not None:
        return found
    with _BUILD_LOCK:
        found = _DECODERS.get(key) or _BUILDING.get(key)
        if found is not None:
            return found
        outermost = not _BUILDING
        try:
            found = _build(tp, pendulum_times)
            _BUILDING[key] = found
            if outermost:
                _DECODERS.update(_BUILDING)
        finally:
            if outermost:
                _BUILDING.clear()
    return found


def _build(tp: Any, pendulum_times: bool) -> Decoder:
    if isinstance(tp, type) and issubclass(tp, Record):
        return _record_decoder(tp, pendulum_times)
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    origin = getattr(tp, "__origin__", None)
    if isinstance(tp, types.UnionType) or _is_typing_union(origin):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:  # pragma: no cover - the model has none
            return _refuse(f"unsupported union {tp}")
        return _optional(decoder(inner[0], pendulum_times), type(None) in args)
    if origin is list:
        return _list_decoder(decoder(args[0], pendulum_times))
    if origin is dict:
        return _dict_decoder(decoder(args[1], pendulum_times))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return enum_decoder(tp)
    if tp is datetime:
        return datetime_decoder(pendulum_times)
    simple = SIMPLE.get(tp)
    if simple is None:  # pragma: no cover - the model has none
        return _refuse(f"unsupported type {tp}")
    return simple


def _is_typing_union(origin: Any) -> bool:
    typing = sys.modules.get("typing")
    return typing is not None and origin is typing.Union


def _refuse(problem: str) -> Decoder:
    def decode(value: Any) -> Any:
        raise Fail(problem)

    return decode


def _optional(inner: Decoder, none_ok: bool) -> Decoder:
    if not none_ok:  # pragma: no cover - a Union without None
        return inner

    def decode(value: Any) -> Any:
        return None if value is None else inner(value)

    return decode


def _list_decoder(item: Decoder) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, list):
            raise Fail(f"expected a list, found {kind_of(value)}")
        try:
            return [item(v) for v in value]
        except Fail:
            for i, v in enumerate(value):  # find which one, for the path
                try:
                    item(v)
                except Fail as fail:
                    raise fail.at("index", i) from None
            raise  # pragma: no cover - decoding is deterministic

    return decode


def _dict_decoder(item: Decoder) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Fail(f"expected an object, found {kind_of(value)}")
        out = {}
        for k, v in value.items():
            try:
                out[str(k)] = item(v)
            except Fail as fail:
                raise fail.at("key", k) from None
        return out

    return decode


def _record_decoder(cls: type[Record], pendulum_times: bool) -> Decoder:
    # Per field: its name, the decoder of a value that is not None, whether
    # None is allowed, whether the field is required. Text and None are
    # checked here without a call: most values of a post-mortem are text.
    plan: list[tuple[str, Decoder, bool, bool]] = []
    text = decode_str

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Fail(f"expected an object, found {kind_of(value)}")
        kwargs: dict[str, Any] = {}
        for name, field_decoder, none_ok, required in plan:
            if name in value:
                item = value[name]
                if field_decoder is text and type(item) is str:
                    kwargs[name] = item
                elif item is None and none_ok:
                    kwargs[name] = None
                else:
                    try:
                        kwargs[name] = field_decoder(item)
                    except Fail as fail:
                        raise fail.at("field", name) from None
            elif required:
                raise Fail("missing").at("field", name)
        if len(kwargs) == size:  # every field given: what __init__ would store
            made: Any = new(cls)
            made.__dict__ = kwargs
            return made
        return cls(**kwargs)  # some left out: __init__ makes their defaults

    new = object.__new__
    size = len(cls.FIELDS)
    _BUILDING[(cls, pendulum_times)] = decode  # before the fields: trees recurse
    required = required_fields(cls)
    for name, hint in _hints(cls).items():
        inner, none_ok = _unwrap_optional(hint)
        field_decoder = decoder(inner, pendulum_times)
        plan.append((name, field_decoder, none_ok, name in required))
    return decode


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``; else ``(tp, False)``."""
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    union = isinstance(tp, types.UnionType)
    if (union or _is_typing_union(getattr(tp, "__origin__", None))) and len(args) == 2:
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return inner[0], True
    return tp, False


# Annotation text -> type, per module: the model writes "str", "int | None"
# and the like many times over, and eval is the slow part of building.
_EVALUATED: dict[tuple[str, str], Any] = {}


def _hints(cls: type[Record]) -> dict[str, Any]:
    """The fields' types, evaluated in the class's module (no typing import)."""
    annotations: dict[str, Any] = vars(cls)["__annotations__"]
    namespace = vars(sys.modules[cls.__module__])
    hints: dict[str, Any] = {}
    for name in cls.FIELDS:
        hint = annotations[name]
        if isinstance(hint, str):
            key = (cls.__module__, hint)
            if key not in _EVALUATED:
                _EVALUATED[key] = eval(hint, namespace, {})  # our own annotations
            hint = _EVALUATED[key]
        hints[name] = hint
    return hints
