"""to_dict's encoders, written once per class from its type hints, give
exactly what a walk of the values' own types gives."""

from __future__ import annotations

import dataclasses
import random
import sys
import threading
from datetime import date, datetime
from enum import Enum
from typing import Any

import pendulum

from bench.generate import big_postmortem, realistic_postmortem
from pmtui.model import PostMortem, _encoders, to_dict
from tests.fixtures.build_sample import build_checkout_outage


def reference(obj: Any) -> Any:
    """The plain data of a model value, decided by each value's own type."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: reference(getattr(obj, f.name)) for f in dataclasses.fields(obj)
        }
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): reference(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [reference(v) for v in obj]
    return obj


def test_the_sample_a_realistic_and_a_big_post_mortem_match_the_reference() -> None:
    for pm in (
        build_checkout_outage(),
        PostMortem(created=pendulum.datetime(2026, 11, 18, 9, 4)),  # all empty
        realistic_postmortem(random.Random(7), 42),
        big_postmortem(),
    ):
        assert to_dict(pm) == reference(pm)


def test_nested_lists_and_dicts_are_copies() -> None:
    pm = build_checkout_outage()
    data = to_dict(pm)
    data["incident"]["services"].append("added")
    data["timers"].clear()
    assert "added" not in pm.incident.services
    assert pm.timers


@dataclasses.dataclass
class Odd:
    """A record with a hint the encoders have no plan for."""

    name: str
    pair: tuple[int, str]
    when: datetime | None = None
    tags: dict[str, list[str]] = dataclasses.field(default_factory=dict)


def test_a_hint_without_a_plan_is_walked_generically() -> None:
    odd = Odd("x", (1, "a"), None, {"k": ["v"]})
    assert to_dict(odd) == {
        "name": "x",
        "pair": [1, "a"],
        "when": None,
        "tags": {"k": ["v"]},
    }


def test_encoders_are_built_safely_from_several_threads() -> None:
    """Every thread gets a whole encoder, even when all ask for it first."""
    pm = build_checkout_outage()
    expected = reference(pm)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(20):
            _encoders._ENCODERS.clear()
            start = threading.Barrier(4)
            results: list[Any] = []

            threads = [
                threading.Thread(target=_encode_once, args=(pm, start, results))
                for _ in range(4)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert results == [expected] * 4
    finally:
        sys.setswitchinterval(interval)


def _encode_once(pm: PostMortem, start: threading.Barrier, results: list[Any]) -> None:
    start.wait()
    try:
        results.append(to_dict(pm))
    except BaseException as error:
        results.append(error)


def test_time_texts_are_remembered_per_object_and_stay_right() -> None:
    """The ISO text of a time is kept with the time itself (so its id is not
    reused while cached); many more times than are kept still read right."""
    times = [
        pendulum.datetime(2026, 11, 18, tz="Europe/Berlin").add(minutes=n)
        for n in range(_encoders._ISO_MOST + 10)
    ]
    for _ in range(2):
        assert [_encoders._iso(t) for t in times] == [t.isoformat() for t in times]
    assert len(_encoders._ISO_TEXTS) <= _encoders._ISO_MOST
    kept = next(iter(_encoders._ISO_TEXTS.values()))
    assert kept[1] == kept[0].isoformat()
