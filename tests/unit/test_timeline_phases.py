"""The phase bar and its scaling."""

from __future__ import annotations

from datetime import datetime

import pendulum

from pmtui.model import KeyMoment, PostMortem
from pmtui.model.timeline import metrics, set_key_time
from pmtui.model.timeline_phases import FILL, phase_bar


def at(text: str) -> datetime:
    parsed = pendulum.parse(text)
    assert isinstance(parsed, datetime)
    return parsed


def test_sample_bar_is_scaled_to_the_width(sample_pm: PostMortem) -> None:
    bar = phase_bar(sample_pm, 77)
    assert len(bar.bar) == 77
    # 17 + 30 + 29 minutes over 76 cells, then the resolved mark
    assert bar.bar == "█" * 17 + "▓" * 30 + "░" * 29 + "┃"
    assert [p.name for p in bar.phases] == ["impact", "detected", "mitigated"]
    assert bar.resolved and not bar.problem


def test_every_width_fills_exactly(sample_pm: PostMortem) -> None:
    for width in range(4, 120):
        bar = phase_bar(sample_pm, width)
        assert len(bar.bar) == width
        assert set(bar.bar) == {"█", "▓", "░", "┃"}


def test_phases_differ_by_character_not_colour() -> None:
    assert len(set(FILL.values())) == len(FILL)


def test_missing_detected_runs_impact_to_mitigated(sample_pm: PostMortem) -> None:
    set_key_time(sample_pm, KeyMoment.DETECTED, None)
    bar = phase_bar(sample_pm, 20)
    assert [p.name for p in bar.phases] == ["impact", "mitigated"]
    assert "▓" not in bar.bar


def test_without_resolved_there_is_no_end_mark(sample_pm: PostMortem) -> None:
    set_key_time(sample_pm, KeyMoment.RESOLVED, None)
    bar = phase_bar(sample_pm, 20)
    assert not bar.resolved
    assert "┃" not in bar.bar and len(bar.bar) == 20


def test_without_impact_began_there_is_a_reason(sample_pm: PostMortem) -> None:
    set_key_time(sample_pm, KeyMoment.IMPACT_BEGAN, None)
    bar = phase_bar(sample_pm, 40)
    assert bar.bar == ""
    assert "impact began" in bar.problem
    assert metrics(sample_pm).time_to_detect is None


def test_out_of_order_moments_give_no_bar(sample_pm: PostMortem) -> None:
    set_key_time(sample_pm, KeyMoment.DETECTED, at("2026-11-18T08:00:00Z"))
    bar = phase_bar(sample_pm, 40)
    assert bar.bar == ""
    assert "before" in bar.problem


def test_too_narrow(sample_pm: PostMortem) -> None:
    assert phase_bar(sample_pm, 3).problem == "Too narrow for the phase bar."


def test_a_short_phase_still_shows(sample_pm: PostMortem) -> None:
    set_key_time(sample_pm, KeyMoment.DETECTED, at("2026-11-18T09:04:30Z"))
    bar = phase_bar(sample_pm, 20)
    assert bar.bar.count("█") == 1
