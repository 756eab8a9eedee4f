"""Realistic archives for benchmarks and scale tests, deterministic by seed.

``generate_archive(folder, 1000)`` writes 1,000 post-mortems of varied
services, tags, timelines, causes and actions; ``big_postmortem()`` makes one
with 500 events, 100 why nodes and 200 actions.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pendulum

from pmtui.clock import FixedClock
from pmtui.model import (
    Action,
    ActionPriority,
    ActionStatus,
    ActionType,
    Event,
    EventKind,
    Factor,
    FactorCategory,
    Item,
    KeyMoment,
    Participant,
    PostMortem,
    Role,
    Severity,
    Status,
    WhyNode,
    new_postmortem,
)
from pmtui.model.timeline import set_key_time
from pmtui.store import Archive

SERVICES = [
    "checkout-api",
    "payments-gateway",
    "cert-manager",
    "search-indexer",
    "auth",
    "orders-db",
    "cdn-edge",
    "notifications",
    "inventory",
    "billing",
    "kafka",
    "api-gateway",
    "recommendations",
    "mobile-bff",
    "image-resizer",
    "dns",
]
TAGS = [
    "tls",
    "certificates",
    "payments",
    "config-change",
    "database",
    "latency",
    "capacity",
    "deploy",
    "dns",
    "third-party",
    "alerting",
    "data-loss",
    "migration",
    "cache",
    "rate-limiting",
    "networking",
]
PROBLEMS = [
    (
        "{svc} returning 5xx after a config rollout",
        "a config flag was flipped for all regions at once",
    ),
    (
        "{svc} latency above SLO during peak",
        "a connection pool was sized for last year's traffic",
    ),
    (
        "{svc} unavailable after a certificate expired",
        "the expiry alert went to an unmonitored inbox",
    ),
    ("Stale results served by {svc}", "the cache invalidation job silently stopped"),
    (
        "{svc} dropping messages under load",
        "a queue consumer crashed on a malformed event",
    ),
    (
        "Partial outage of {svc} in one region",
        "a DNS change propagated before the new records existed",
    ),
    (
        "{svc} writes failing after a schema migration",
        "the migration locked a hot table for minutes",
    ),
]
EVENT_TEXTS = [
    (EventKind.ALERT, "error-rate alert fired on {svc}"),
    (EventKind.DETECTION, "on-call acknowledged the page"),
    (EventKind.ESCALATION, "escalated to the {svc} team"),
    (EventKind.COMMUNICATION, "status page updated"),
    (EventKind.ACTION, "rolled back the last deploy of {svc}"),
    (EventKind.ACTION, "scaled {svc} out by four instances"),
    (EventKind.FIX, "hotfix deployed and verified with a canary"),
    (EventKind.CUSTOMER_IMPACT, "support reports a spike of tickets"),
    (EventKind.OTHER, "hypothesis ruled out: upstream provider healthy"),
]
ACTIONS = [
    (ActionType.PREVENT, "Add a pre-flight check to the {svc} rollout pipeline"),
    (ActionType.DETECT, "Alert when {svc} error rate exceeds 2% for 5 minutes"),
    (ActionType.MITIGATE, "Give the on-call role permission to roll back {svc}"),
    (ActionType.PROCESS, "Write a runbook for {svc} failovers"),
    (ActionType.PREVENT, "Load-test {svc} at 3x peak before each release"),
    (ActionType.DETECT, "Add a synthetic check for the {svc} happy path"),
]
PEOPLE = [
    "Mei Lin",
    "Priya Raman",
    "Jonas Weber",
    "Sam Okafor",
    "Ana Costa",
    "Lars Nilsen",
    "Kenji Sato",
    "Fatima Zahra",
    "Tom Becker",
    "Aisha Bello",
]


def realistic_postmortem(rng: random.Random, n: int) -> PostMortem:
    svc = rng.choice(SERVICES)
    title_tpl, cause = rng.choice(PROBLEMS)
    began = pendulum.datetime(2024, 1, 1, tz="UTC").add(
        days=rng.randrange(0, 1050), minutes=rng.randrange(0, 24 * 60)
    )
    clock = FixedClock(began.add(days=2))
    pm = new_postmortem(
        title_tpl.format(svc=svc) + f" (#{n})",
        clock,
        severity=rng.choice(list(Severity)),
        timezone=rng.choice(["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"]),
    )
    pm.status = rng.choice(list(Status))
    pm.incident.services = sorted({svc, *rng.sample(SERVICES, rng.randrange(0, 3))})
    pm.incident.tags = sorted(set(rng.sample(TAGS, rng.randrange(1, 4))))
    pm.incident.summary = f"{pm.incident.title}. Root cause: {cause}."
    pm.incident.participants = [
        Participant(p, rng.choice(list(Role))) for p in rng.sample(PEOPLE, 4)
    ]
    at = began
    for _ in range(rng.randrange(8, 25)):
        kind, text = rng.choice(EVENT_TEXTS)
        pm.timeline.append(Event(pm.new_id("e"), at, text.format(svc=svc), kind))
        at = at.add(minutes=rng.randrange(1, 15))
    set_key_time(pm, KeyMoment.IMPACT_BEGAN, began)
    set_key_time(pm, KeyMoment.DETECTED, began.add(minutes=rng.randrange(2, 40)))
    set_key_time(pm, KeyMoment.MITIGATED, began.add(minutes=rng.randrange(41, 120)))
    set_key_time(pm, KeyMoment.RESOLVED, began.add(minutes=rng.randrange(121, 400)))
    node = pm.causes.whys
    node.text = pm.incident.title
    for depth in range(rng.randrange(3, 6)):
        child = WhyNode(pm.new_id("w"), f"why {depth + 1}: {cause} (layer {depth + 1})")
        node.children.append(child)
        node = child
    node.root_cause = True
    pm.causes.factors = [
        Factor(pm.new_id("f"), f"{c.label} gap around {svc}", c)
        for c in rng.sample(list(FactorCategory), 3)
    ]
    pm.causes.trigger = f"a change to {svc}"
    pm.reflection.went_well = [Item(pm.new_id("i"), "support escalated fast", 2)]
    pm.reflection.could_improve = [Item(pm.new_id("i"), f"alert routing for {svc}", 3)]
    for _ in range(rng.randrange(2, 7)):
        kind, text = rng.choice(ACTIONS)
        pm.actions.append(
            Action(
                pm.new_id("a"),
                text.format(svc=svc),
                owner=rng.choice(PEOPLE),
                due=(began + timedelta(days=rng.randrange(3, 60))).date(),
                priority=rng.choice(list(ActionPriority)),
                type=kind,
                status=rng.choice(list(ActionStatus)),
            )
        )
    pm.next_steps.owner = pm.incident.participants[0].name
    pm.next_steps.follow_up = began.add(days=16).date()
    pm.next_steps.solved_check = began.add(days=44).date()
    return pm


def generate_archive(folder: Path, count: int = 1000, seed: int = 7) -> Archive:
    archive = Archive(folder)
    archive.ensure()
    rng = random.Random(seed)
    for n in range(count):
        with archive.create(realistic_postmortem(rng, n)):
            pass
    return archive


def big_postmortem(
    events: int = 500, whys: int = 100, actions: int = 200
) -> PostMortem:
    """One very large post-mortem: the scale case of the report and screens."""
    rng = random.Random(11)
    pm = realistic_postmortem(rng, 0)
    start = pm.timeline[0].at
    pm.timeline = []
    for n in range(events):
        kind, text = EVENT_TEXTS[n % len(EVENT_TEXTS)]
        at = start.add(minutes=n * 3 + rng.randrange(0, 3))
        pm.timeline.append(
            Event(pm.new_id("e"), at, f"{text.format(svc='api')} #{n}", kind)
        )
    set_key_time(pm, KeyMoment.IMPACT_BEGAN, start)
    set_key_time(pm, KeyMoment.RESOLVED, start.add(minutes=events * 3))
    root = pm.causes.whys
    root.children = []
    nodes = [root]
    for n in range(whys):
        parent = nodes[rng.randrange(0, len(nodes))] if n > 4 else nodes[-1]
        child = WhyNode(pm.new_id("w"), f"because of layer {n} in the stack")
        parent.children.append(child)
        nodes.append(child)
    pm.actions = [
        Action(
            pm.new_id("a"),
            ACTIONS[n % len(ACTIONS)][1].format(svc=f"svc-{n}"),
            owner=PEOPLE[n % len(PEOPLE)],
            due=(start + timedelta(days=n % 90)).date(),
            type=ACTIONS[n % len(ACTIONS)][0],
        )
        for n in range(actions)
    ]
    return pm
