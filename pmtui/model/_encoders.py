"""The encoders behind :func:`pmtui.model.codec.to_dict`, made once per model.

Autosave turns the whole post-mortem into plain data after every pause in
typing. Walking it generically costs a call and a type test per value; here
each dataclass gets one function, written from its type hints, that returns
a dict display: a text or number field is one attribute read, a time one
``isoformat()`` (remembered per time object), an enum its value, a list of
records one comprehension.

All the classes a root type reaches are written and compiled together, then
published at once, so another thread never sees an encoder whose helpers are
not there yet. A hint this module does not know is encoded by the generic
walk (``fallback``), never guessed.
"""

from __future__ import annotations

import dataclasses
import threading
import types
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

from pmtui.model._decoders import _hints, _is_typing_union

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

    Encoder = Callable[[Any], Any]

_PLAIN = (str, int, float, bool, type(None))

_ENCODERS: dict[type, Encoder] = {}
_BUILD_LOCK = threading.Lock()


def encoder(cls: type, fallback: Encoder) -> Encoder:
    """The encoder of dataclass ``cls`` (``fallback`` for what has no plan)."""
    found = _ENCODERS.get(cls)
    if found is not None:
        return found
    with _BUILD_LOCK:
        found = _ENCODERS.get(cls)
        if found is None:
            _ENCODERS.update(_Writer(fallback).compile(cls))
            found = _ENCODERS[cls]
    return found


# A time's ISO text by the time object: the same times are saved again and
# again, and an aware time's isoformat() asks its zone for the offset in
# Python (3-4 us, most of a save's encoding). The entry holds the object, so
# its id cannot be reused while it is cached; times are immutable.
_ISO_TEXTS: dict[int, tuple[datetime, str]] = {}
_ISO_MOST = 4096


def _iso(when: datetime) -> str:
    found = _ISO_TEXTS.get(id(when))
    if found is not None and found[0] is when:
        return found[1]
    text = when.isoformat()
    if len(_ISO_TEXTS) >= _ISO_MOST:
        _ISO_TEXTS.clear()
    _ISO_TEXTS[id(when)] = (when, text)
    return text


def _name(cls: type) -> str:
    return f"_enc_{cls.__name__}_{id(cls):x}"


class _Writer:
    """Writes the source of every encoder a root class needs, then compiles it."""

    def __init__(self, fallback: Encoder) -> None:
        self.namespace: dict[str, Any] = {"_fallback": fallback, "_iso": _iso}
        self.functions: list[str] = []
        self.classes: list[type] = []

    def compile(self, root: type) -> dict[type, Encoder]:
        self._add(root)
        exec("\n".join(self.functions), self.namespace)  # our own source, above
        return {cls: self.namespace[_name(cls)] for cls in self.classes}

    def _add(self, cls: type) -> str:
        name = _name(cls)
        if cls in self.classes:
            return name
        if cls in _ENCODERS:  # made for an earlier root: call it from here too
            self.namespace[name] = _ENCODERS[cls]
            return name
        self.classes.append(cls)
        hints = _hints(cls)
        items = [
            f"{f.name!r}: {self._expr(hints[f.name], f'o.{f.name}')}"
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        ]
        body = ", ".join(items)
        self.functions.append(f"def {name}(o):\n    return {{{body}}}\n")
        return name

    def _optional(self, item: str) -> str:
        """A helper encoding ``v`` as ``item``, or None as None."""
        name = f"_opt_{len(self.functions)}"
        self.functions.append(
            f"def {name}(v):\n    return None if v is None else {item}\n"
        )
        return name

    def _expr(self, tp: Any, value: str) -> str:
        """Python source encoding the expression ``value`` of type ``tp``."""
        if tp in _PLAIN:
            return value
        args: tuple[Any, ...] = getattr(tp, "__args__", ())
        origin = getattr(tp, "__origin__", None)
        if isinstance(tp, types.UnionType) or _is_typing_union(origin):
            inner = [a for a in args if a is not type(None)]
            if len(inner) == 1 and type(None) in args:
                item = self._expr(inner[0], "v")
                if item == "v":
                    return value
                return f"{self._optional(item)}({value})"
        elif origin is list and len(args) == 1:
            item = self._expr(args[0], "x")
            return f"list({value})" if item == "x" else f"[{item} for x in {value}]"
        elif origin is dict and len(args) == 2 and args[0] is str:
            item = self._expr(args[1], "x")
            return f"{{str(k): {item} for k, x in {value}.items()}}"
        elif dataclasses.is_dataclass(tp):
            return f"{self._add(tp)}({value})"  # type: ignore[arg-type]
        elif isinstance(tp, type) and issubclass(tp, Enum):
            return f"{value}._value_"  # the member's own attribute: no descriptor
        elif tp is datetime:
            return f"_iso({value})"
        elif tp is date:
            return f"{value}.isoformat()"
        return f"_fallback({value})"
