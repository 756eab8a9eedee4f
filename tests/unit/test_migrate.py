"""Schema migrations: v1 files are brought up to date as they are opened."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pmtui.model import ActionStatus, KeyMoment, SchemaError, to_dict
from pmtui.model.timeline import key_event, metrics
from pmtui.store import BrokenFileError, PostMortemFile, load
from pmtui.store.document import decode_file
from pmtui.store.migrate import NewerSchemaError, migrate
from pmtui.store.storage import backup_path

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "v1-postmortem.json"


def _v1_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(V1.read_bytes())["postmortem"]["1"]
    return doc


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    target = tmp_path / "2025-06-03-search.json"
    shutil.copyfile(V1, target)
    return target


def test_fixture_is_a_realistic_v1_file() -> None:
    doc = _v1_doc()
    assert doc["schema_version"] == 1
    assert set(doc["incident"]["times"]) == {m.value for m in KeyMoment}
    assert all("done" in a and "status" not in a for a in doc["actions"])
    assert {a["done"] for a in doc["actions"]} == {True, False}


def test_opening_migrates_and_rewrites_at_schema_2(v1_file: Path) -> None:
    original = v1_file.read_bytes()
    with PostMortemFile.open(v1_file) as handle:
        assert handle.migrated and not handle.read_only
        pm = handle.pm
        stored = json.loads(v1_file.read_bytes())["postmortem"]["1"]
        assert stored == to_dict(pm)
    assert stored["schema_version"] == 2
    assert "times" not in stored["incident"]
    assert all("done" not in a for a in stored["actions"])
    assert backup_path(v1_file).read_bytes() == original
    with PostMortemFile.open(v1_file) as again:
        assert not again.migrated
    assert backup_path(v1_file).read_bytes() == original  # no save: kept


def test_key_times_become_marks_without_duplicates(v1_file: Path) -> None:
    pm = load(v1_file)
    texts = {m: e.text for m in KeyMoment if (e := key_event(pm, m)) is not None}
    assert texts == {
        KeyMoment.IMPACT_BEGAN: "Impact began",  # no event then: one is added
        # an event at the same instant, written with another offset, is marked
        KeyMoment.DETECTED: "Zero-results alert pages the search on-call",
        KeyMoment.MITIGATED: "Alias switched back to yesterday's index",
        KeyMoment.RESOLVED: "Incident resolved",
    }
    assert len(pm.timeline) == len(_v1_doc()["timeline"]) + 2
    assert [e.at for e in pm.timeline] == sorted(e.at for e in pm.timeline)
    ids = [e.id for e in pm.timeline]
    assert len(set(ids)) == len(ids)
    m = metrics(pm)
    assert m.time_to_detect is not None and m.time_to_detect.total_seconds() == 720
    assert m.time_to_resolve is not None and m.time_to_resolve.total_seconds() == 5400


def test_actions_get_a_status(v1_file: Path) -> None:
    pm = load(v1_file)
    assert [a.status for a in pm.actions] == [ActionStatus.DONE, ActionStatus.OPEN]
    assert pm.actions[0].link == "https://tracker.example.com/browse/SRCH-88"


def test_new_ids_never_collide(v1_file: Path) -> None:
    pm = load(v1_file)
    every = [e.id for e in pm.timeline] + [a.id for a in pm.actions]
    every += [f.id for f in pm.causes.factors]
    assert len(set(every)) == len(every)
    assert pm.next_serial > max(int(i[1:]) for i in every)
    assert pm.new_id("x") not in every


def test_read_only_open_does_not_rewrite(v1_file: Path) -> None:
    before = (v1_file.read_bytes(), v1_file.stat().st_mtime_ns)
    with PostMortemFile.open(v1_file, read_only=True) as handle:
        assert handle.migrated and handle.pm.schema_version == 2
    load(v1_file)
    assert (v1_file.read_bytes(), v1_file.stat().st_mtime_ns) == before
    assert not backup_path(v1_file).exists()


def test_locked_elsewhere_is_not_rewritten(v1_file: Path) -> None:
    with PostMortemFile.open(v1_file) as writer:
        migrated_bytes = v1_file.read_bytes()
        with PostMortemFile.open(v1_file) as reader:
            assert reader.read_only
            assert to_dict(reader.pm) == to_dict(writer.pm)
        assert v1_file.read_bytes() == migrated_bytes


def test_decoding_does_not_change_the_parsed_data(v1_file: Path) -> None:
    data = json.loads(v1_file.read_bytes())
    kept = copy.deepcopy(data)
    pm, migrated = decode_file(v1_file, data)
    assert migrated and data == kept
    assert pm.schema_version == 2


def test_current_schema_is_left_alone() -> None:
    doc = to_dict(load(V1))
    kept = copy.deepcopy(doc)
    assert migrate(doc) == (kept, False)


def test_missing_version_means_schema_1() -> None:
    doc = _v1_doc()
    del doc["schema_version"]
    migrated, changed = migrate(doc)
    assert changed and migrated["schema_version"] == 2


def test_an_existing_mark_wins_over_incident_times() -> None:
    doc = _v1_doc()
    doc["timeline"][0]["key"] = "impact_began"
    migrated, _ = migrate(doc)
    marked = [e for e in migrated["timeline"] if e.get("key") == "impact_began"]
    assert [e["id"] for e in marked] == ["e1"]


def test_serial_moves_past_ids_when_next_serial_is_stale() -> None:
    doc = _v1_doc()
    doc["next_serial"] = 2  # lower than ids already used (e.g. a hand edit)
    migrated, _ = migrate(doc)
    ids = [e["id"] for e in migrated["timeline"]]
    assert len(set(ids)) == len(ids)
    assert migrated["next_serial"] > 11


def test_no_times_and_no_actions() -> None:
    doc = {"schema_version": 1, "created": "2025-06-04T08:30:00+00:00"}
    migrated, changed = migrate(doc)
    assert changed and migrated["timeline"] == [] and migrated["next_serial"] == 1


def test_newer_schema_is_refused() -> None:
    with pytest.raises(NewerSchemaError, match="schema 3"):
        migrate({"schema_version": 3})


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["incident"].__setitem__("times", ["09:00"]), "incident.times"),
        (lambda d: d["incident"]["times"].__setitem__("detected", 5), "detected"),
        (lambda d: d["timeline"].__setitem__(1, "an event"), "timeline[1]"),
        (lambda d: d.__setitem__("timeline", {"e1": {}}), "timeline"),
        (lambda d: d["actions"][1].__setitem__("done", "yes"), "actions[1].done"),
        (lambda d: d.__setitem__("next_serial", "12"), "next_serial"),
    ],
)
def test_damaged_v1_is_a_clear_error(v1_file: Path, change: Any, where: str) -> None:
    doc = _v1_doc()
    with pytest.raises(SchemaError, match=where.replace("[", r"\[")):
        change(doc)
        migrate(doc)
    data = json.loads(v1_file.read_bytes())
    change(data["postmortem"]["1"])
    v1_file.write_text(json.dumps(data))
    before = v1_file.read_bytes()
    with pytest.raises(BrokenFileError, match=where.replace("[", r"\[")):
        PostMortemFile.open(v1_file)
    assert v1_file.read_bytes() == before
