"""The codec: model <-> JSON-ready dicts, strict on the way in."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from typing import Any

import pendulum
import pytest

from pmtui.model import (
    Event,
    EventKind,
    Impact,
    KeyMoment,
    PostMortem,
    SchemaError,
    Severity,
    StepTimer,
    from_dict,
    postmortem_from_dict,
    to_dict,
)
from tests.fixtures.build_sample import build_checkout_outage

CREATED = "2026-11-18T11:00:00+00:00"


def test_sample_round_trips() -> None:
    first = to_dict(build_checkout_outage())
    again = to_dict(postmortem_from_dict(first))
    assert again == first


def test_sample_round_trips_through_json_text() -> None:
    first = to_dict(build_checkout_outage())
    text = json.dumps(first, sort_keys=True)
    assert (
        json.dumps(to_dict(postmortem_from_dict(json.loads(text))), sort_keys=True)
        == text
    )


def test_to_dict_is_json_ready() -> None:
    data = to_dict(build_checkout_outage())
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert data["incident"]["severity"] == "P1"
    assert data["created"] == CREATED
    assert data["prep"]["meeting_at"] == "2026-11-20T14:00:00+01:00"
    assert data["actions"][0]["due"] == "2026-12-04"
    assert data["timeline"][1]["key"] == "impact_began"
    assert data["timers"]["causes"] == {"elapsed_seconds": 1140.0, "started": None}


def test_decoded_values_have_model_types() -> None:
    pm = postmortem_from_dict(to_dict(build_checkout_outage()))
    assert isinstance(pm.created, pendulum.DateTime)
    assert pm.created.utcoffset() == timedelta(0)
    assert pm.prep.meeting_at is not None
    assert pm.prep.meeting_at.utcoffset() == timedelta(hours=1)
    assert pm.incident.severity is Severity.P1
    assert type(pm.actions[0].due) is date
    assert pm.timeline[1].key is KeyMoment.IMPACT_BEGAN
    assert pm.timeline[0].key is None
    assert isinstance(pm.timers["tone"], StepTimer)
    assert pm.causes.whys.children[0].children[0].text


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    pm = postmortem_from_dict({"created": CREATED, "from_the_future": [1, 2]})
    assert pm == PostMortem(created=pm.created)
    assert pm.incident.severity is Severity.P2
    assert pm.tone.agenda  # default factory, not shared
    other = postmortem_from_dict({"created": CREATED})
    assert other.tone.agenda is not pm.tone.agenda


def test_times_with_z_and_other_offsets() -> None:
    pm = postmortem_from_dict({"created": "2026-11-18T11:00:00Z"})
    assert pm.created == datetime.fromisoformat(CREATED)
    berlin = postmortem_from_dict({"created": "2026-11-18T12:00:00+01:00"})
    assert berlin.created == pm.created
    assert to_dict(berlin)["created"] == "2026-11-18T12:00:00+01:00"


def test_int_is_accepted_where_a_number_is_expected() -> None:
    impact = from_dict(Impact, {"failed_requests_pct": 38})
    assert impact.failed_requests_pct == 38.0
    assert isinstance(impact.failed_requests_pct, float)


def _doc(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = to_dict(build_checkout_outage())
    for dotted, value in changes.items():
        target: Any = data
        *parts, last = dotted.split("__")
        for part in parts:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"timeline__0__at": 5}, "timeline[0].at", "expected a time, found a number"),
        ({"timeline__0__at": "yesterday"}, "timeline[0].at", "not an ISO-8601"),
        ({"timeline__2__kind": "meteor"}, "timeline[2].kind", "'meteor' is not one"),
        ({"incident__severity": None}, "incident.severity", "None is not one"),
        ({"incident__title": 12}, "incident.title", "expected text"),
        ({"incident__services": "checkout-api"}, "incident.services", "a list"),
        ({"incident__impact__users_affected": 12.5}, "users_affected", "whole number"),
        ({"incident__impact__users_affected": True}, "users_affected", "whole number"),
        ({"incident__impact__data_loss": 0}, "impact.data_loss", "true or false"),
        (
            {"incident__impact__failed_requests_pct": "38%"},
            "failed_requests_pct",
            "a number",
        ),
        ({"actions__1__due": "next week"}, "actions[1].due", "not an ISO date"),
        ({"actions__1__due": 20261127}, "actions[1].due", "expected a date"),
        ({"prep__checklist": ["gather"]}, "prep.checklist", "expected an object"),
        ({"prep__checklist__gather": "yes"}, "prep.checklist.gather", "true or false"),
        (
            {"timers__tone__elapsed_seconds": "4m"},
            "timers.tone.elapsed_seconds",
            "number",
        ),
        ({"timers": []}, "timers", "expected an object"),
        ({"incident": "checkout"}, "incident", "expected an object"),
        ({"created": "2026-11-18T11:00:00"}, "created", "no UTC offset"),
        ({"next_serial": None}, "next_serial", "found null"),
    ],
)
def test_wrong_types_name_the_path(
    changes: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        postmortem_from_dict(_doc(**changes))
    assert caught.value.path.endswith(path), caught.value.path
    assert words in caught.value.problem, caught.value.problem
    assert str(caught.value).startswith(caught.value.path + ": ")


def test_deep_why_path_is_named() -> None:
    data = _doc()
    data["causes"]["whys"]["children"][0]["children"][0]["root_cause"] = "yes"
    with pytest.raises(SchemaError) as caught:
        postmortem_from_dict(data)
    assert caught.value.path == "causes.whys.children[0].children[0].root_cause"


def test_missing_required_field_is_named() -> None:
    data = _doc()
    del data["timeline"][3]["id"]
    with pytest.raises(SchemaError) as caught:
        postmortem_from_dict(data)
    assert caught.value.path == "timeline[3].id"
    assert caught.value.problem == "missing"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_refused(value: float) -> None:
    with pytest.raises(SchemaError, match="finite"):
        from_dict(Impact, {"failed_requests_pct": value})


def test_not_an_object_at_the_top() -> None:
    for value in ([], "pm", None, 3):
        with pytest.raises(SchemaError) as caught:
            postmortem_from_dict(value)
        assert str(caught.value).startswith("document: expected an object")


def test_from_dict_of_one_dataclass() -> None:
    event = from_dict(
        Event,
        {"id": "e1", "at": CREATED, "text": "alert", "kind": "alert", "key": None},
        "timeline[0]",
    )
    assert event.kind is EventKind.ALERT and event.key is None
    with pytest.raises(SchemaError) as caught:
        from_dict(Event, {"id": "e1", "at": CREATED}, "timeline[0]")
    assert caught.value.path == "timeline[0].text"


def test_decoders_are_built_safely_from_several_threads() -> None:
    """Threads loading post-mortems at once all wait for whole decoders.

    A dataclass's decoder is registered before its fields are known (trees
    recurse); another thread must never pick it up half made."""
    import sys

    from pmtui.model import _decoders

    data = to_dict(build_checkout_outage())
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often: races show up
    try:
        _load_in_threads(data, _decoders._DECODERS)
    finally:
        sys.setswitchinterval(interval)


def _load_in_threads(data: dict[str, Any], cache: dict[Any, Any]) -> None:
    import threading

    for _ in range(20):
        cache.clear()
        start = threading.Barrier(4)
        errors: list[BaseException] = []

        def load_once(start: threading.Barrier, errors: list[BaseException]) -> None:
            start.wait()
            try:
                postmortem_from_dict(data)
            except BaseException as error:
                errors.append(error)

        threads = [
            threading.Thread(target=load_once, args=(start, errors)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []


@dataclasses.dataclass
class Unplanned:
    """A record with hints the decoders have no meaning for."""

    pair: tuple[int, str] = (0, "")
    either: int | str = 0


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("pair", [1, "a"], "unsupported type tuple[int, str]"),
        ("either", 1, "unsupported union int | str"),
    ],
)
def test_a_hint_without_a_meaning_is_refused_by_name(
    field: str, value: object, problem: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        from_dict(Unplanned, {field: value}, "odd")
    assert caught.value.path == f"odd.{field}"
    assert caught.value.problem == problem
    assert from_dict(Unplanned, {}) == Unplanned()
