"""The model's classes (plain :class:`Record` subclasses, not dataclasses)
behave as the dataclasses they replaced: fields in order, fresh defaults,
equality by fields, unhashable, the same repr; and the model loads without
importing ``dataclasses`` (which imports ``inspect``: slow for the CLI)."""

from __future__ import annotations

import copy
import dataclasses
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from pmtui.model import session
from pmtui.model.codec import from_dict
from pmtui.model.enums import ActionStatus, EventKind, KeyMoment, Role
from pmtui.model.record import Record, required_fields
from pmtui.model.session import (
    Action,
    Causes,
    Event,
    Impact,
    Link,
    Participant,
    PostMortem,
    WhyNode,
)
from tests.fixtures.build_sample import build_checkout_outage

AT = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
CREATED = "2026-11-18T10:00:00+00:00"
MODEL = sorted(
    (
        value
        for value in vars(session).values()
        if isinstance(value, type) and issubclass(value, Record) and value is not Record
    ),
    key=lambda cls: cls.__name__,
)


def _params(cls: type[Record]) -> tuple[str, ...]:
    code = cls.__init__.__code__
    return code.co_varnames[1 : code.co_argcount]


def _minimal(cls: type[Record]) -> Record:
    """An instance with only the required fields given (strings, or a time)."""
    kwargs = {name: AT if name == "at" else "x" for name in required_fields(cls)}
    if cls is PostMortem:
        kwargs = {"created": AT}
    elif cls is session.AgendaItem:
        kwargs = {"step": "tone", "minutes": 5}
    return cls(**kwargs)


def test_every_model_class_is_found() -> None:
    assert len(MODEL) == 18
    assert {cls.__module__ for cls in MODEL} == {
        "pmtui.model.session",
        "pmtui.model.session_parts",
    }


@pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
def test_fields_are_the_annotations_in_the_order_of_init(cls: type[Record]) -> None:
    assert tuple(vars(cls)["__annotations__"]) == cls.FIELDS
    assert _params(cls) == cls.FIELDS
    code = cls.__init__.__code__
    assert code.co_kwonlyargcount == 0 and code.co_posonlyargcount == 0


@pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
def test_init_sets_every_field_and_nothing_else(cls: type[Record]) -> None:
    made = _minimal(cls)
    assert tuple(vars(made)) == cls.FIELDS


@pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
def test_init_given_every_field_only_stores_them(cls: type[Record]) -> None:
    """What lets the decoder store a full object's fields without __init__."""
    given = [object() for _ in cls.FIELDS]
    made = cls(*given)
    assert list(vars(made)) == list(cls.FIELDS)
    assert all(v is g for v, g in zip(vars(made).values(), given, strict=True))


def test_decoding_stores_what_init_would_with_or_without_defaults() -> None:
    full = {"id": "e1", "at": CREATED, "text": "alert", "kind": "alert"}
    full |= {"source": "pager", "key": "detected"}
    decoded = from_dict(Event, full)
    made = Event("e1", AT, "alert", EventKind.ALERT, "pager", KeyMoment.DETECTED)
    assert decoded == made and vars(decoded) == vars(made)
    assert list(vars(decoded)) == list(Event.FIELDS)
    short = from_dict(Action, {"id": "a1", "text": "Add an alert"})
    assert short == Action("a1", "Add an alert")
    assert list(vars(short)) == list(Action.FIELDS)
    impacts = [from_dict(Impact, {}), from_dict(Impact, {})]
    assert impacts[0] == Impact() and impacts[0] is not impacts[1]


@pytest.mark.parametrize("cls", MODEL, ids=lambda cls: cls.__name__)
def test_list_and_object_defaults_are_fresh_for_each_instance(
    cls: type[Record],
) -> None:
    one, two = _minimal(cls), _minimal(cls)
    assert one == two
    for name in cls.FIELDS:
        value = getattr(one, name)
        if isinstance(value, (list, dict, Record)):
            assert value is not getattr(two, name), name


def test_required_fields_are_those_without_a_default() -> None:
    assert required_fields(Event) == {"id", "at", "text"}
    assert required_fields(PostMortem) == {"created"}
    assert required_fields(session.Impact) == frozenset()
    assert required_fields(Link) == {"label", "url"}


def test_defaults_are_those_of_the_design() -> None:
    pm = PostMortem(created=AT)
    assert (pm.timezone, pm.schema_version, pm.next_serial) == ("UTC", 2, 1)
    assert pm.gap_threshold_minutes == 10
    assert pm.causes.whys == WhyNode(id="w0", text="")
    assert [(i.step, i.minutes) for i in pm.tone.agenda][:2] == [
        ("tone", 5),
        ("timeline", 15),
    ]
    assert pm.tone.statement == session.DEFAULT_BLAMELESS_STATEMENT
    action = Action(id="a1", text="Add an alert")
    assert action.status is ActionStatus.OPEN and action.due is None
    assert Participant("Priya").role is Role.OTHER
    assert Event("e1", AT, "alert").kind is EventKind.OTHER


def test_equality_compares_every_field_of_the_same_class() -> None:
    event = Event("e1", AT, "alert", EventKind.ALERT, "pager", KeyMoment.DETECTED)
    same = Event("e1", AT, "alert", EventKind.ALERT, "pager", KeyMoment.DETECTED)
    assert event == same
    assert (event != same) is False
    for name, other in [
        ("id", "e2"),
        ("at", datetime(2026, 11, 18, 10, 1, tzinfo=UTC)),
        ("text", "Alert"),
        ("kind", EventKind.FIX),
        ("source", ""),
        ("key", None),
    ]:
        changed = copy.copy(event)
        setattr(changed, name, other)
        assert changed != event, name
    assert Link("a", "b") != Participant("a")
    assert Link("a", "b").__eq__(("a", "b")) is NotImplemented
    assert Causes() == Causes()
    assert Causes(trigger="deploy") != Causes()


def test_equality_is_that_of_the_fields_tuple() -> None:
    """As tuples compare: the same object is equal even if it is not equal
    to itself (NaN); equal values that are different objects are equal."""
    nan = float("nan")
    impact = Impact(failed_requests_pct=nan)
    assert impact == copy.copy(impact)
    assert impact != Impact(failed_requests_pct=float("nan"))
    assert Event("e1", AT, "a" * 3) == Event("e" + "1", AT, "".join("aaa"))
    events = [Event(f"e{n}", AT, "alert") for n in range(5)]
    twin = copy.copy(events[3])
    assert events.index(twin) == 3
    events.remove(twin)
    assert [e.id for e in events] == ["e0", "e1", "e2", "e4"]


def test_a_whole_post_mortem_compares_equal_to_its_deep_copy() -> None:
    pm = build_checkout_outage()
    twin = copy.deepcopy(pm)
    assert twin == pm
    twin.causes.whys.children[0].children[0].root_cause ^= True
    assert twin != pm


def test_model_objects_are_unhashable_like_mutable_dataclasses() -> None:
    for made in (Event("e1", AT, "alert"), PostMortem(created=AT), Link("a", "b")):
        with pytest.raises(TypeError):
            hash(made)


def test_repr_is_the_dataclass_repr() -> None:
    """The same text ``@dataclass`` wrote, checked against a real one."""
    twin = dataclasses.make_dataclass(
        "Action", [(name, object) for name in Action.FIELDS]
    )
    action = Action("a1", "Add an alert", "priya", date(2026, 12, 1))
    fields = {name: getattr(action, name) for name in Action.FIELDS}
    assert repr(action) == repr(twin(**fields))
    assert repr(Link("Runbook", "https://example.com/r")) == (
        "Link(label='Runbook', url='https://example.com/r')"
    )


def test_repr_of_a_tree_that_contains_itself_stops() -> None:
    node = WhyNode("w1", "why")
    node.children.append(node)
    assert (
        repr(node) == "WhyNode(id='w1', text='why', root_cause=False, children=[...])"
    )


def test_the_model_and_codec_load_without_dataclasses() -> None:
    probe = (
        "import sys\n"
        "import pmtui.model.session, pmtui.model.codec\n"
        "print(sorted({'dataclasses', 'inspect', 'typing'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
