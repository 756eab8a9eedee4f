"""The decoders behind :func:`pmtui.model.codec.from_dict`, built once per type.

Each dataclass, list, dict, enum or scalar type gets a small function made
from its type hints the first time it is met; decoding a file then costs one
call per value. Paths (``timeline[3].at``) are only assembled when something
is wrong: :class:`Fail` collects the steps on its way out.
"""

from __future__ import annotations

import dataclasses
import math
import sys
import threading
import types
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    Decoder = Callable[[Any], Any]


class Fail(Exception):
    """A decoding problem; the path is collected on the way out (errors only)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.steps: list[tuple[str, object]] = []  # innermost first

    def at(self, kind: str, step: object) -> Fail:
        self.steps.append((kind, step))
        return self

    def where(self, path: str) -> str:
        for kind, step in reversed(self.steps):
            if kind == "field":
                path = f"{path}.{step}" if path else str(step)
            elif kind == "index":
                path = f"{path}[{step}]"
            else:
                path = f"{path}.{step}"
        return path


# Finished decoders, read without a lock. A dataclass's decoder is made
# before its fields' (trees recurse), so while one is being built it is only
# in _BUILDING, seen by the thread building it; the others wait for the lock
# and never get a decoder whose fields are not all known yet.
_DECODERS: dict[tuple[Any, bool], Decoder] = {}
_BUILDING: dict[tuple[Any, bool], Decoder] = {}
_BUILD_LOCK = threading.RLock()


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
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp, pendulum_times)
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    origin = getattr(tp, "__origin__", None)
    if isinstance(tp, types.UnionType) or _is_typing_union(origin):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:  # only "X | None" has a meaning here
            return _refuse(f"unsupported union {tp}")
        return _optional(decoder(inner[0], pendulum_times))
    if origin is list:
        return _list_decoder(decoder(args[0], pendulum_times))
    if origin is dict:
        return _dict_decoder(decoder(args[1], pendulum_times))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_decoder(tp)
    if tp is datetime:
        return _datetime_decoder(pendulum_times)
    simple = _SIMPLE.get(tp)
    if simple is None:
        return _refuse(f"unsupported type {tp}")
    return simple


def _is_typing_union(origin: Any) -> bool:
    typing = sys.modules.get("typing")
    return typing is not None and origin is typing.Union


def _refuse(problem: str) -> Decoder:
    def decode(value: Any) -> Any:
        raise Fail(problem)

    return decode


def _optional(inner: Decoder) -> Decoder:
    def decode(value: Any) -> Any:
        return None if value is None else inner(value)

    return decode


def _list_decoder(item: Decoder) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, list):
            raise Fail(f"expected a list, found {_kind(value)}")
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
            raise Fail(f"expected an object, found {_kind(value)}")
        out = {}
        for k, v in value.items():
            try:
                out[str(k)] = item(v)
            except Fail as fail:
                raise fail.at("key", k) from None
        return out

    return decode


def _dataclass_decoder(cls: Any, pendulum_times: bool) -> Decoder:
    plan: list[tuple[str, Decoder, bool]] = []

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Fail(f"expected an object, found {_kind(value)}")
        kwargs: dict[str, Any] = {}
        for name, field_decoder, required in plan:
            if name in value:
                try:
                    kwargs[name] = field_decoder(value[name])
                except Fail as fail:
                    raise fail.at("field", name) from None
            elif required:
                raise Fail("missing").at("field", name)
        return cls(**kwargs)

    _BUILDING[(cls, pendulum_times)] = decode  # before the fields: trees recurse
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        required = (
            f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        )
        plan.append((f.name, decoder(hints[f.name], pendulum_times), required))
    return decode


def _hints(cls: Any) -> dict[str, Any]:
    """The fields' types, evaluated in the class's module (no typing import)."""
    namespace = vars(sys.modules[cls.__module__])
    hints: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = f.type
        if isinstance(hint, str):
            try:
                hint = eval(hint, namespace, {})  # our own annotations
            except Exception:  # pragma: no cover - let typing resolve the odd case
                import typing

                return typing.get_type_hints(cls)
        hints[f.name] = hint
    return hints


def _enum_decoder(tp: type[Enum]) -> Decoder:
    members = {m.value: m for m in tp}
    allowed = ", ".join(str(m.value) for m in tp)

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            pass
        try:
            return tp(value)
        except ValueError:
            raise Fail(f"{value!r} is not one of {allowed}") from None

    return decode


def _datetime_decoder(pendulum_times: bool) -> Decoder:
    instance: Callable[[datetime], datetime] | None = None
    if pendulum_times:
        import pendulum

        instance = pendulum.instance

    def decode(value: Any) -> datetime:
        if not isinstance(value, str):
            raise Fail(f"expected a time, found {_kind(value)}")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise Fail(f"{value!r} is not an ISO-8601 time") from None
        if parsed.tzinfo is None:
            raise Fail(f"{value!r} has no UTC offset")
        return parsed if instance is None else instance(parsed)

    return decode


def _decode_date(value: Any) -> date:
    if not isinstance(value, str):
        raise Fail(f"expected a date, found {_kind(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Fail(f"{value!r} is not an ISO date") from None


def _decode_bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise Fail(f"expected true or false, found {_kind(value)}")


def _decode_int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise Fail(f"expected a whole number, found {_kind(value)}")
    return value


def _decode_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Fail(f"expected a number, found {_kind(value)}")
    if not math.isfinite(value):
        raise Fail(f"{value!r} is not a finite number")
    return float(value)


def _decode_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise Fail(f"expected text, found {_kind(value)}")


_SIMPLE: dict[Any, Decoder] = {
    date: _decode_date,
    bool: _decode_bool,
    int: _decode_int,
    float: _decode_float,
    str: _decode_str,
}


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
