"""The committed sample is exactly what the builder makes, and tells the scenario."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from pmtui.model import (
    ActionPriority,
    ActionStatus,
    ActionType,
    FactorCategory,
    KeyMoment,
    PostMortem,
    Role,
    Severity,
    Status,
    WhyNode,
    find_target,
    iter_whys,
    to_dict,
)
from pmtui.model.timeline import key_time, metrics, out_of_order
from pmtui.store import load
from pmtui.store.storage import encode
from tests.fixtures.build_sample import build_checkout_outage, write_sample

SAMPLES = Path(__file__).resolve().parents[2] / "sample_sessions"
SAMPLE = SAMPLES / "checkout-outage.json"


def test_committed_sample_equals_the_builder() -> None:
    assert to_dict(load(SAMPLE)) == to_dict(build_checkout_outage())


def test_committed_sample_is_the_exact_bytes_pmtui_writes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "checkout-outage.json"
    write_sample(target)
    assert target.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_sample_is_a_tinydb_file_at_the_current_schema() -> None:
    data = json.loads(SAMPLE.read_bytes())
    assert list(data) == ["postmortem"]
    assert list(data["postmortem"]) == ["1"]
    assert data["postmortem"]["1"]["schema_version"] == 2
    assert SAMPLE.read_bytes() == encode(data)


def test_sample_folder_holds_no_machinery() -> None:
    leftovers = [
        p.name
        for p in SAMPLES.iterdir()
        if p.suffix in (".bak", ".lock", ".tmp") or p.name.startswith(".")
    ]
    assert leftovers == []


def test_builder_is_deterministic() -> None:
    assert to_dict(build_checkout_outage()) == to_dict(build_checkout_outage())


def test_incident_facts() -> None:
    pm = build_checkout_outage()
    inc = pm.incident
    assert inc.title == "Checkout payments failing after certificate rotation"
    assert inc.severity is Severity.P1
    assert inc.services == ["checkout-api", "payments-gateway", "cert-manager"]
    assert pm.timezone == "Europe/Berlin"
    assert inc.tags == ["tls", "certificates", "payments", "config-change"]
    assert inc.impact.failed_requests_pct == 38.0
    assert inc.impact.duration_minutes == 47
    assert inc.impact.users_affected == 12_400
    assert inc.impact.support_tickets == 212
    assert inc.impact.data_loss is False
    assert "1,900 orders" in inc.impact.description
    assert inc.summary
    assert pm.status is Status.REVIEW
    assert pm.created.isoformat() == "2026-11-18T11:00:00+00:00"
    assert pm.prep.meeting_at is not None
    assert pm.prep.meeting_at.isoformat() == "2026-11-20T14:00:00+01:00"
    ticked = [done for done in pm.prep.checklist.values()]
    assert len(ticked) == 5 and 3 <= sum(ticked) < 5


def test_links_and_participants() -> None:
    pm = build_checkout_outage()
    urls = [link.url for link in pm.incident.links]
    assert len(urls) >= 3
    assert all(u.startswith("https://") and "example.com" in u for u in urls)
    labels = " ".join(link.label.lower() for link in pm.incident.links)
    for word in ("dashboard", "logs", "ticket"):
        assert word in labels
    roles = {p.name: p.role for p in pm.incident.participants}
    assert roles["Mei Lin"] is Role.FACILITATOR
    for name in ("Priya Raman", "Jonas Weber", "Sam Okafor"):
        assert name in roles
    assert list(roles.values()).count(Role.INCIDENT_COMMANDER) == 1
    assert Role.STAKEHOLDER in roles.values()  # the support lead


def test_timeline_and_metrics() -> None:
    pm = build_checkout_outage()
    times = [f"{e.at:%H:%M}" for e in pm.timeline]
    assert times == [
        "09:02",
        "09:04",
        "09:11",
        "09:19",
        "09:21",
        "09:26",
        "09:33",
        "09:38",
        "09:44",
        "09:51",
        "10:20",
        "10:35",
    ]
    assert all(e.at.utcoffset() == timedelta(0) for e in pm.timeline)
    assert {e.at.date() for e in pm.timeline} == {date(2026, 11, 18)}
    assert len({e.id for e in pm.timeline}) == len(pm.timeline)
    marked = {e.key: f"{e.at:%H:%M}" for e in pm.timeline if e.key}
    assert marked == {
        KeyMoment.IMPACT_BEGAN: "09:04",
        KeyMoment.DETECTED: "09:21",
        KeyMoment.MITIGATED: "09:51",
        KeyMoment.RESOLVED: "10:20",
    }
    m = metrics(pm)
    assert m.time_to_detect == timedelta(minutes=17)
    assert m.time_to_mitigate == timedelta(minutes=47)
    assert m.time_to_resolve == timedelta(minutes=76)
    assert m.total_impact == timedelta(minutes=pm.incident.impact.duration_minutes or 0)
    assert out_of_order(pm) == []
    assert key_time(pm, KeyMoment.DETECTED) is not None


def _chain(node: WhyNode) -> list[WhyNode]:
    chain = [node]
    while chain[-1].children:
        chain.append(chain[-1].children[0])
    return chain


def test_five_whys() -> None:
    pm = build_checkout_outage()
    root = pm.causes.whys
    assert not root.root_cause and "38%" in root.text
    main, detection = root.children
    main_chain = _chain(main)
    assert len(main_chain) == 5
    assert "TLS" in main_chain[0].text
    assert "intermediate" in main_chain[1].text
    assert "leaf" in main_chain[2].text
    assert "October" in main_chain[3].text
    deepest = main_chain[3].children
    assert deepest and all(n.root_cause and not n.children for n in deepest)
    assert not any(n.root_cause for n in main_chain[:4])
    det_chain = _chain(detection)
    assert 2 <= len(det_chain) <= 3
    assert det_chain[-1].root_cause and "routing" in det_chain[-1].text.lower()
    assert not any(n.root_cause for n in det_chain[:-1])
    ids = [n.id for n, _ in iter_whys(root)]
    assert len(ids) == len(set(ids))
    assert root.id == min(ids, key=lambda i: int(i[1:]))


def test_factors_link_to_why_nodes() -> None:
    pm = build_checkout_outage()
    categories = [f.category for f in pm.causes.factors]
    assert categories == [
        FactorCategory.PROCESS,
        FactorCategory.MONITORING,
        FactorCategory.TOOLING,
        FactorCategory.INFRASTRUCTURE,
    ]
    linked = [f for f in pm.causes.factors if f.why_id]
    assert len(linked) >= 3
    for factor in linked:
        assert isinstance(find_target(pm, factor.why_id), WhyNode)
    assert pm.causes.trigger and pm.causes.resolution and pm.causes.detection
    assert "09:11" in pm.causes.detection


def test_reflection_lists() -> None:
    pm = build_checkout_outage()
    assert len(pm.reflection.went_well) == 4
    assert len(pm.reflection.could_improve) == 4
    assert len(pm.reflection.lucky) == 1
    assert "Black Friday" in pm.reflection.lucky[0].text
    every = pm.reflection.went_well + pm.reflection.could_improve
    assert sum(1 for i in every if i.votes > 0) >= 3


def test_actions_match_the_scenario() -> None:
    pm = build_checkout_outage()
    got = [(a.owner, a.due, a.type, a.priority) for a in pm.actions]
    assert got == [
        ("Priya Raman", date(2026, 12, 4), ActionType.PREVENT, ActionPriority.P1),
        ("Jonas Weber", date(2026, 11, 27), ActionType.PREVENT, ActionPriority.P1),
        ("Mei Lin", date(2026, 11, 23), ActionType.DETECT, ActionPriority.P1),
        ("Sam Okafor", date(2026, 11, 25), ActionType.MITIGATE, ActionPriority.P2),
        ("Priya Raman", date(2026, 12, 11), ActionType.PROCESS, ActionPriority.P2),
        ("Jonas Weber", date(2026, 12, 18), ActionType.PREVENT, ActionPriority.P3),
    ]
    assert all(a.status is ActionStatus.OPEN for a in pm.actions)
    assert all(find_target(pm, a.addresses) is not None for a in pm.actions)
    assert sum(1 for a in pm.actions if a.link.startswith("https://")) >= 1


def test_next_steps_and_parking_lot() -> None:
    pm = build_checkout_outage()
    ns = pm.next_steps
    assert ns.owner == "Mei Lin"
    assert ns.follow_up == date(2026, 12, 9)
    assert ns.solved_check == date(2027, 1, 6)
    assert "#eng-incidents" in ns.recipients and len(ns.recipients) == 2
    assert ns.runbooks == ["TLS and certificates"]
    assert 1 <= len(pm.parking_lot) <= 2


def test_ids_are_unique_and_serial_is_ahead() -> None:
    pm: PostMortem = build_checkout_outage()
    ids = [e.id for e in pm.timeline] + [n.id for n, _ in iter_whys(pm.causes.whys)]
    ids += [f.id for f in pm.causes.factors] + [a.id for a in pm.actions]
    ids += [i.id for i in pm.reflection.went_well + pm.reflection.could_improve]
    ids += [i.id for i in pm.reflection.lucky] + [p.id for p in pm.parking_lot]
    assert len(ids) == len(set(ids))
    assert pm.next_serial > max(int(i[1:]) for i in ids)
