"""Preparation rules: meeting timing, warranted hint, agenda, related actions;
the incident screen's field readers; archive settings."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pmtui.clock import FixedClock
from pmtui.model import KeyMoment, PostMortem, Severity, new_postmortem
from pmtui.model.incident_input import (
    InputError,
    check_timezone,
    check_url,
    format_figure,
    normalize_tag,
    parse_count,
    parse_minutes,
    parse_percent,
    parse_services,
    parse_tags,
)
from pmtui.model.prep import (
    Timing,
    agenda_check,
    agenda_label,
    meeting_timing,
    related_open_actions,
    related_summaries,
    warranted_hint,
)
from pmtui.model.session import AgendaItem
from pmtui.model.summary import summarize
from pmtui.model.timeline import set_key_time
from pmtui.store.settings import (
    SETTINGS_NAME,
    read_settings,
    set_team_statement,
    team_statement,
    update_settings,
)

UTC_NOON = datetime.fromisoformat("2026-11-18T12:00:00+00:00")


def _pm(title: str = "Checkout down", **kw: Any) -> PostMortem:
    return new_postmortem(title, FixedClock("2026-11-20T10:00:00+00:00"), **kw)


# -- meeting timing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting_after_hours", "verdict", "words"),
    [
        (-2, Timing.EARLY, "before the incident was resolved"),
        (0.5, Timing.EARLY, "30 min after the fix"),
        (23.9, Timing.EARLY, "earlier than 24 h"),
        (24, Timing.IN_WINDOW, "24 h after the fix: within"),
        (72, Timing.IN_WINDOW, "72 h after the fix: within"),
        (72.5, Timing.LATE, "later than 72 h"),
        (200, Timing.LATE, "memories fade"),
    ],
)
def test_meeting_timing_window(
    meeting_after_hours: float, verdict: Timing, words: str
) -> None:
    meeting = UTC_NOON + timedelta(hours=meeting_after_hours)
    check = meeting_timing(UTC_NOON, meeting, now=UTC_NOON + timedelta(hours=1))
    assert check.verdict is verdict
    assert words in check.message
    assert check.warning is (verdict is not Timing.IN_WINDOW)
    assert check.at_meeting == timedelta(hours=meeting_after_hours)
    assert check.since_resolved == timedelta(hours=1)
    assert check.window == (
        UTC_NOON + timedelta(hours=24),
        UTC_NOON + timedelta(hours=72),
    )


def test_meeting_timing_without_resolved_time() -> None:
    check = meeting_timing(None, UTC_NOON, now=UTC_NOON)
    assert check.verdict is Timing.UNKNOWN
    assert "resolved time" in check.message
    assert not check.warning


def test_meeting_timing_unscheduled_then_too_late() -> None:
    soon = meeting_timing(UTC_NOON, None, now=UTC_NOON + timedelta(hours=30))
    assert soon.verdict is Timing.UNSCHEDULED
    assert "Resolved 30 h ago" in soon.message
    late = meeting_timing(UTC_NOON, None, now=UTC_NOON + timedelta(hours=80))
    assert late.verdict is Timing.LATE
    assert "past the 24-72 h window" in late.message


def test_meeting_timing_across_zones_is_elapsed_time() -> None:
    resolved = datetime.fromisoformat("2026-11-18T10:20:00+01:00")
    meeting = datetime.fromisoformat("2026-11-19T09:20:00+00:00")
    check = meeting_timing(resolved, meeting, now=meeting)
    assert check.at_meeting == timedelta(hours=24)
    assert check.verdict is Timing.IN_WINDOW


# -- is a post-mortem warranted ------------------------------------------------


def test_warranted_by_severity_impact_data_loss_and_repeats() -> None:
    pm = _pm(severity=Severity.P1)
    pm.incident.impact.users_affected = 10
    pm.incident.impact.data_loss = True
    hint = warranted_hint(pm, repeats=2)
    assert hint.warranted
    assert hint.reasons == (
        "severity P1",
        "customers were affected",
        "data was lost",
        "a repeat: 2 earlier post-mortems share a tag or service",
    )
    assert hint.message.startswith("✓ A post-mortem is warranted: severity P1;")


def test_not_warranted_says_why_and_never_blocks() -> None:
    pm = _pm(severity=Severity.P4)
    hint = warranted_hint(pm)
    assert not hint.warranted
    assert "severity P4" in hint.message
    assert "no customer impact recorded" in hint.message
    assert "Hold one anyway" in hint.message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", "Some users saw errors"),
        ("failed_requests_pct", 0.5),
        ("support_tickets", 3),
    ],
)
def test_any_impact_figure_counts(field: str, value: object) -> None:
    pm = _pm(severity=Severity.P3)
    setattr(pm.incident.impact, field, value)
    assert warranted_hint(pm).reasons == ("customers were affected",)


def test_one_repeat_is_singular() -> None:
    hint = warranted_hint(_pm(severity=Severity.P4), repeats=1)
    assert hint.reasons == ("a repeat: 1 earlier post-mortem share a tag or service",)


# -- agenda -------------------------------------------------------------------


def test_default_agenda_fits_the_hour() -> None:
    check = agenda_check(_pm().tone)
    assert (check.total, check.planned, check.over) == (60, 60, 0)
    assert check.message == "✓ Total 60 min of the 60-minute meeting."


def test_agenda_over_and_spare() -> None:
    tone = _pm().tone
    tone.agenda.append(AgendaItem("timeline", 10))
    assert agenda_check(tone).message == (
        "⚠ Total 70 min: 10 min over the 60-minute meeting."
    )
    tone.meeting_minutes = 90
    assert agenda_check(tone).message == (
        "✓ Total 70 min of the 90-minute meeting, 20 min spare."
    )


def test_agenda_label() -> None:
    assert agenda_label("causes") == "Root causes"
    assert agenda_label("coffee") == "coffee"


# -- related post-mortems -------------------------------------------------------


def _summary(
    title: str,
    *,
    began: str | None,
    tags: list[str] = (),  # type: ignore[assignment]
    services: list[str] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    pm = _pm(title)
    pm.incident.tags = list(tags)
    pm.incident.services = list(services)
    if began:
        set_key_time(pm, KeyMoment.IMPACT_BEGAN, datetime.fromisoformat(began))
    pm.actions = []
    return summarize(pm)


def _with_actions(summary: dict[str, Any], *statuses: str) -> dict[str, Any]:
    summary["actions"] = [
        {
            "id": f"a{n}",
            "text": f"{summary['title']} action {n}",
            "owner": "Priya",
            "due": "2026-10-01" if n == 0 else None,
            "priority": "P2",
            "type": "prevent",
            "status": status,
            "link": "",
        }
        for n, status in enumerate(statuses)
    ]
    return summary


def test_related_open_actions_share_a_tag_or_service_and_are_earlier() -> None:
    pm = _pm("Now")
    pm.incident.tags = ["tls", "payments"]
    pm.incident.services = ["checkout-api"]
    set_key_time(pm, KeyMoment.IMPACT_BEGAN, UTC_NOON)
    summaries = [
        (
            "self.json",
            _with_actions(_summary("Self", began=None, tags=["tls"]), "open"),
        ),
        (
            "old.json",
            _with_actions(
                _summary("Old", began="2026-05-01T10:00:00+00:00", tags=["tls"]),
                "open",
                "done",
                "in_progress",
                "wont_do",
            ),
        ),
        (
            "newer.json",
            _with_actions(
                _summary(
                    "Newer",
                    began="2026-06-01T10:00:00+00:00",
                    services=["checkout-api"],
                ),
                "open",
            ),
        ),
        (
            "later.json",
            _with_actions(
                _summary("Later", began="2026-12-01T10:00:00+00:00", tags=["tls"]),
                "open",
            ),
        ),
        (
            "unrelated.json",
            _with_actions(
                _summary("Other", began="2026-01-01T10:00:00+00:00", tags=["dns"]),
                "open",
            ),
        ),
    ]
    actions = related_open_actions(pm, summaries, exclude="self.json")
    assert [(a.title, a.text, a.status) for a in actions] == [
        ("Newer", "Newer action 0", "open"),
        ("Old", "Old action 0", "open"),
        ("Old", "Old action 2", "in_progress"),
    ]
    assert actions[0].shared == ("checkout-api",)
    assert actions[0].due == date(2026, 10, 1)
    assert actions[2].due is None
    assert actions[1].owner == "Priya"
    keys = [k for k, _, _ in related_summaries(pm, summaries, exclude="self.json")]
    assert keys == ["old.json", "newer.json"]


def test_related_without_dates_are_kept() -> None:
    pm = _pm()
    pm.incident.tags = ["tls"]
    summaries = [("x.json", _summary("X", began=None, tags=["tls", "certs"]))]
    found = related_summaries(pm, summaries, exclude="")
    assert [(k, shared) for k, _, shared in found] == [("x.json", ("tls",))]
    assert related_open_actions(pm, summaries, exclude="") == []


# -- field readers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("tls", "tls"),
        ("Config Change", "config-change"),
        ("config__change", "config-change"),
        ("  -edge--case-  ", "edge-case"),
        ("http2", "http2"),
    ],
)
def test_tags_are_normalised(typed: str, tag: str) -> None:
    assert normalize_tag(typed) == tag


@pytest.mark.parametrize("typed", ["tls!", "café", "a/b", "--"])
def test_bad_tags_are_refused_with_a_message(typed: str) -> None:
    with pytest.raises(InputError, match="lower-case letters, digits and hyphens"):
        normalize_tag(typed)


def test_tag_and_service_lists() -> None:
    assert parse_tags("TLS, config change, tls,, ") == ["tls", "config-change"]
    assert parse_services(" checkout-api ,payments gateway, checkout-api") == [
        "checkout-api",
        "payments gateway",
    ]


@pytest.mark.parametrize(
    "url", ["https://grafana.example.com/d/x?a=1", "http://localhost:3000/"]
)
def test_good_urls(url: str) -> None:
    assert check_url(f" {url} ") == url


@pytest.mark.parametrize(
    "url", ["grafana.example.com", "ftp://x.example.com", "https://", "https://a b"]
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(InputError, match="http:// or https://"):
        check_url(url)


@pytest.mark.parametrize("url", ["", "   "])
def test_an_empty_url_asks_for_the_address(url: str) -> None:
    with pytest.raises(InputError, match=r"^Type the link's address, e\.g\. https://"):
        check_url(url)


def test_time_zones() -> None:
    assert check_timezone(" Europe/Berlin ") == "Europe/Berlin"
    with pytest.raises(InputError, match="Unknown time zone 'Mars/Base'"):
        check_timezone("Mars/Base")
    with pytest.raises(InputError, match="A time zone is needed"):
        check_timezone("  ")


def test_figures() -> None:
    assert parse_count("12,400", "Users") == 12400
    assert parse_count("", "Users") is None
    with pytest.raises(InputError, match="Users: type a whole number"):
        parse_count("-3", "Users")
    assert parse_percent("38%") == 38.0
    assert parse_percent("2.5") == 2.5
    assert parse_percent(" ") is None
    for bad in ("101", "lots", "-1"):
        with pytest.raises(InputError, match="0 to 100"):
            parse_percent(bad)
    assert parse_minutes("47") == 47
    assert parse_minutes("1h10m") == 70
    assert parse_minutes("") is None
    with pytest.raises(InputError, match="whole minutes"):
        parse_minutes("90s")
    with pytest.raises(InputError):
        parse_minutes("soon")
    assert (format_figure(38.0), format_figure(2.5), format_figure(None)) == (
        "38",
        "2.5",
        "",
    )


# -- archive settings -----------------------------------------------------------


def test_team_statement_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "arch"
    assert team_statement(folder) is None
    path = set_team_statement(folder, "  We fix systems.  ")
    assert path == folder / SETTINGS_NAME
    assert team_statement(folder) == "We fix systems."
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    update_settings(folder, other=1)
    assert read_settings(folder) == {
        "blameless_statement": "We fix systems.",
        "other": 1,
    }
    set_team_statement(folder, "")
    assert read_settings(folder) == {"other": 1}


def test_broken_settings_read_as_none(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_NAME).write_text("{not json")
    assert read_settings(tmp_path) == {}
    assert team_statement(tmp_path) is None
    (tmp_path / SETTINGS_NAME).write_text("[1, 2]")
    assert read_settings(tmp_path) == {}
