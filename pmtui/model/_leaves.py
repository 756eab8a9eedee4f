"""The decoders of single values (text, numbers, dates, times, enum members)
and :class:`Fail`, for :mod:`pmtui.model._decoders`."""

from __future__ import annotations

import math
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


def enum_decoder(tp: type[Enum]) -> Decoder:
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


def datetime_decoder(pendulum_times: bool) -> Decoder:
    instance: Callable[[datetime], datetime] | None = None
    if pendulum_times:
        import pendulum

        instance = pendulum.instance

    def decode(value: Any) -> datetime:
        if not isinstance(value, str):
            raise Fail(f"expected a time, found {kind_of(value)}")
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
        raise Fail(f"expected a date, found {kind_of(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Fail(f"{value!r} is not an ISO date") from None


def _decode_bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise Fail(f"expected true or false, found {kind_of(value)}")


def _decode_int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise Fail(f"expected a whole number, found {kind_of(value)}")
    return value


def _decode_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Fail(f"expected a number, found {kind_of(value)}")
    if not math.isfinite(value):
        raise Fail(f"{value!r} is not a finite number")
    return float(value)


def decode_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise Fail(f"expected text, found {kind_of(value)}")


SIMPLE: dict[Any, Decoder] = {
    date: _decode_date,
    bool: _decode_bool,
    int: _decode_int,
    float: _decode_float,
    str: decode_str,
}


def kind_of(value: Any) -> str:
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
