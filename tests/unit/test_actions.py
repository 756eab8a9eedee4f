"""Action items: changes, parsing of the quick fields, and quality hints."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from pmtui.model import (
    Action,
    ActionPriority,
    ActionStatus,
    ActionType,
    Participant,
    PostMortem,
)
from pmtui.model.actions import (
    ActionError,
    Hint,
    action_hints,
    add_action,
    address_choices,
    check_link,
    count_with_hints,
    delete_action,
    is_vague,
    parse_priority,
    parse_type,
    participant_names,
    resolve_owner,
    set_status,
    today_in,
)

TODAY = date(2026, 11, 20)
NAMES = ["Priya Raman", "Jonas Weber", "Mei Lin", "Sam Okafor", "Samir Haddad"]


def _pm() -> PostMortem:
    return PostMortem(created=pendulum.datetime(2026, 11, 20, 9, tz="UTC"))


def _good(text: str, **kwargs: object) -> Action:
    fields: dict[str, object] = {"owner": "Mei Lin", "due": date(2026, 12, 4)}
    fields.update(kwargs)
    return Action("a1", text, **fields)  # type: ignore[arg-type]


# -- vague wording ---------------------------------------------------------------

VAGUE = [
    "Look into the certificate rotation",
    "Investigate why the alerting was slow",
    "Improve monitoring",
    "Consider a second CA",
    "Try to rotate certificates outside business hours",
    "Maybe add more logging",
    "Explore other secret stores",
    "Review the rotation process",
    "Better alerting for checkout",
    "Evaluate cert-manager alternatives",
    "Revisit on-call permissions",
    "Figure out who owns rotations",
    "Make the rollback more robust",
    "Document the rotation steps if possible",
    "Investigate 5xx errors on checkout-api",  # 5xx is not a quantity
    "Improve p99 latency of the gateway",  # nor is p99
    "Look into PAY-1423",  # nor a ticket id
    "Improve testing of the rotation job",  # "testing" is not an artefact
    "IMPROVE   THE   RUNTIME",
]

CLEAR = [
    # the sample's six actions
    "Add a TLS pre-flight handshake check to the rotation job",
    "Include the intermediate chain in rotated secrets and alert on chain length",
    "Fix alert routing for checkout-api to the payments on-call",
    "Grant secret-rollback permission to the on-call role",
    "Write a certificate-incident runbook",
    "Make staging use the production CA chain",
    # vague verb, but a measurable outcome
    "Improve checkout error rate to under 0.5%",
    "Reduce time to detect to within 5 minutes",
    "Investigate slow rollbacks and cut them below 2 minutes",
    "Improve p99 latency to 300ms",
    "Review alert thresholds for checkout-api",
    "Look into flaky rotations and add a canary",
    "Explore options and write a proposal for a second CA",
    "Improve coverage to at least 80",
    "Consider a dashboard for certificate expiry",
    # concrete with no vague word at all
    "Page the payments on-call for checkout-api errors",
    "Rotate staging certificates weekly",
    "Delete the outdated routing rule",
]


@pytest.mark.parametrize("text", VAGUE)
def test_vague_wording_is_found(text: str) -> None:
    assert is_vague(text)
    assert Hint.VAGUE in action_hints(_good(text), today=TODAY)


@pytest.mark.parametrize("text", CLEAR)
def test_specific_actions_get_no_hint(text: str) -> None:
    assert not is_vague(text)
    assert action_hints(_good(text), today=TODAY) == []


def test_vague_words_inside_other_words_do_not_count() -> None:
    assert not is_vague("Add a preview of the rotated bundle")  # "review" inside
    assert not is_vague("Remove the maybeRotate flag")


# -- the other hints -------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner", "due", "text", "expected"),
    [
        ("", date(2026, 12, 4), "Write a runbook", [Hint.NO_OWNER]),
        ("   ", date(2026, 12, 4), "Write a runbook", [Hint.NO_OWNER]),
        ("Mei Lin", None, "Write a runbook", [Hint.NO_DUE]),
        ("Mei Lin", date(2026, 11, 19), "Write a runbook", [Hint.OVERDUE]),
        ("Mei Lin", TODAY, "Write a runbook", []),  # due today is not late
        ("Mei Lin", date(2026, 11, 21), "Write a runbook", []),
        ("", None, "Look into it", [Hint.NO_OWNER, Hint.NO_DUE, Hint.VAGUE]),
        ("", date(2025, 1, 1), "Improve it", [Hint.NO_OWNER, Hint.OVERDUE, Hint.VAGUE]),
    ],
)
def test_hints_table(
    owner: str, due: date | None, text: str, expected: list[Hint]
) -> None:
    assert (
        action_hints(Action("a1", text, owner=owner, due=due), today=TODAY) == expected
    )


@pytest.mark.parametrize("status", [ActionStatus.DONE, ActionStatus.WONT_DO])
def test_closed_actions_get_no_hints(status: ActionStatus) -> None:
    action = Action("a1", "Look into it", status=status, due=date(2020, 1, 1))
    assert action_hints(action, today=TODAY) == []


def test_in_progress_actions_still_get_hints() -> None:
    action = Action(
        "a1", "Write a runbook", owner="Mei Lin", status=ActionStatus.IN_PROGRESS
    )
    assert action_hints(action, today=TODAY) == [Hint.NO_DUE]


def test_hint_labels_are_words() -> None:
    assert [h.label for h in Hint] == ["no owner", "no due date", "overdue", "vague"]
    assert all(h.advice for h in Hint)


def test_count_with_hints_counts_actions_not_hints() -> None:
    actions = [
        Action("a1", "Look into it"),  # three hints
        _good("Write a runbook"),
        _good("Improve monitoring"),
        Action("a4", "Investigate", status=ActionStatus.DONE),
    ]
    assert count_with_hints(actions, today=TODAY) == 2
    assert count_with_hints([], today=TODAY) == 0


def test_the_sample_has_no_hints(sample_pm: PostMortem) -> None:
    assert len(sample_pm.actions) == 6
    for action in sample_pm.actions:
        assert action_hints(action, today=TODAY) == [], action.text


# -- quick fields ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ActionPriority.P2),
        ("1", ActionPriority.P1),
        ("p1", ActionPriority.P1),
        (" P3 ", ActionPriority.P3),
        ("2", ActionPriority.P2),
    ],
)
def test_parse_priority(typed: str, expected: ActionPriority) -> None:
    assert parse_priority(typed) is expected


@pytest.mark.parametrize("typed", ["4", "P0", "high", "p"])
def test_parse_priority_refuses(typed: str) -> None:
    with pytest.raises(ActionError, match="P1, P2 or P3"):
        parse_priority(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ActionType.PREVENT),
        ("pre", ActionType.PREVENT),
        ("m", ActionType.MITIGATE),
        ("Det", ActionType.DETECT),
        ("process", ActionType.PROCESS),
    ],
)
def test_parse_type(typed: str, expected: ActionType) -> None:
    assert parse_type(typed) is expected


def test_parse_type_ambiguous_and_unknown() -> None:
    with pytest.raises(ActionError, match="prevent or process"):
        parse_type("p")
    with pytest.raises(ActionError, match="prevent, mitigate, detect or process"):
        parse_type("fix")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("priya", "Priya Raman"),
        ("Priya Raman", "Priya Raman"),
        ("weber", "Jonas Weber"),
        ("mei", "Mei Lin"),
        ("sam", "sam"),  # Sam Okafor or Samir Haddad: kept as typed
        ("sam okafor", "Sam Okafor"),
        ("  Alex   Kim ", "Alex Kim"),  # not a participant: kept
        ("", ""),
    ],
)
def test_resolve_owner(typed: str, expected: str) -> None:
    assert resolve_owner(typed, NAMES) == expected


def test_participant_names_skip_blanks_and_repeats() -> None:
    pm = _pm()
    pm.incident.participants = [
        Participant("Mei Lin"),
        Participant(" "),
        Participant("Jonas Weber"),
        Participant("Mei Lin"),
    ]
    assert participant_names(pm) == ["Mei Lin", "Jonas Weber"]


@pytest.mark.parametrize(
    "url",
    [
        "https://tracker.example.com/browse/PAY-1423",
        "http://jira.corp.example/x?y=1",
        "",
    ],
)
def test_check_link_accepts(url: str) -> None:
    assert check_link(f"  {url} ") == url


@pytest.mark.parametrize(
    "url",
    [
        "PAY-1423",
        "tracker.example.com/x",
        "ftp://example.com/x",
        "https://",
        "https://host/x",
        "https://a.b/x y",
        "http://[::1",
    ],
)
def test_check_link_refuses(url: str) -> None:
    with pytest.raises(ActionError, match="web address"):
        check_link(url)


# -- changes -----------------------------------------------------------------------


def test_add_action_tidies_and_numbers() -> None:
    pm = _pm()
    first = add_action(pm, "  Write   a runbook ", owner=" Mei Lin ", due=TODAY)
    second = add_action(
        pm, "Add an alert", priority=ActionPriority.P1, type=ActionType.DETECT
    )
    assert pm.actions == [first, second]
    assert (first.text, first.owner, first.due, first.id) == (
        "Write a runbook",
        "Mei Lin",
        TODAY,
        "a1",
    )
    assert (second.priority, second.type, second.status) == (
        ActionPriority.P1,
        ActionType.DETECT,
        ActionStatus.OPEN,
    )
    assert second.id != first.id


def test_add_action_refuses_empty_text_and_bad_link() -> None:
    pm = _pm()
    with pytest.raises(ActionError, match="what will be done"):
        add_action(pm, "   ")
    with pytest.raises(ActionError, match="web address"):
        add_action(pm, "Write a runbook", link="PAY-1")
    assert pm.actions == []


def test_wont_do_needs_a_reason() -> None:
    action = _good("Write a runbook")
    with pytest.raises(ActionError, match="why"):
        set_status(action, ActionStatus.WONT_DO, today=TODAY, reason="  ")
    assert action.status is ActionStatus.OPEN
    set_status(action, ActionStatus.WONT_DO, today=TODAY, reason=" covered by  PAY-9 ")
    assert (action.status, action.reason, action.closed_on) == (
        ActionStatus.WONT_DO,
        "covered by PAY-9",
        TODAY,
    )


def test_done_sets_closed_on_and_reopening_clears_it() -> None:
    action = _good("Write a runbook")
    set_status(action, ActionStatus.IN_PROGRESS, today=TODAY)
    assert action.closed_on is None
    set_status(action, ActionStatus.DONE, today=TODAY)
    assert action.closed_on == TODAY
    set_status(action, ActionStatus.DONE, today=date(2026, 12, 1))  # already done
    assert action.closed_on == TODAY
    set_status(action, ActionStatus.OPEN, today=date(2026, 12, 1))
    assert (action.status, action.closed_on, action.reason) == (
        ActionStatus.OPEN,
        None,
        "",
    )


def test_leaving_wont_do_drops_the_reason() -> None:
    action = _good("Write a runbook")
    set_status(action, ActionStatus.WONT_DO, today=TODAY, reason="not needed")
    set_status(action, ActionStatus.DONE, today=date(2026, 11, 30))
    assert (action.reason, action.closed_on) == ("", date(2026, 11, 30))


def test_delete_and_undo_put_it_back_in_place() -> None:
    pm = _pm()
    for text in ("One check", "Two checks", "Three checks"):
        add_action(pm, text)
    middle = pm.actions[1]
    removal = delete_action(pm, middle)
    assert [a.text for a in pm.actions] == ["One check", "Three checks"]
    assert "Two checks" in removal.label
    removal.restore()
    assert pm.actions[1] is middle


def test_address_choices_cover_whys_factors_and_improvements(
    sample_pm: PostMortem,
) -> None:
    choices = dict(address_choices(sample_pm))
    for action in sample_pm.actions:
        assert action.addresses in choices
    labels = list(choices.values())
    assert any(label.startswith("why ") for label in labels)
    assert any(label.startswith("factor (") for label in labels)
    assert any(label.startswith("could be improved: ") for label in labels)
    assert not any(label.startswith("went well") for label in labels)


def test_today_in_uses_the_post_mortems_zone() -> None:
    pm = _pm()
    pm.timezone = "Europe/Berlin"
    late = pendulum.datetime(2026, 11, 20, 23, 30, tz="UTC")
    assert today_in(pm, late) == date(2026, 11, 21)
    pm.timezone = "UTC"
    assert today_in(pm, late) == date(2026, 11, 20)
