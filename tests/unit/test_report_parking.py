"""The parking lot goes into the report, each idea with what became of it
(issue 9: parked items come back at Next steps and go into the report)."""

from __future__ import annotations

import pytest

from pmtui.clock import FixedClock
from pmtui.model import PostMortem, new_postmortem
from pmtui.model.enums import ParkedState
from pmtui.model.session import ParkedItem
from pmtui.report import FORMATS, render


@pytest.fixture
def pm(clock: FixedClock) -> PostMortem:
    pm = new_postmortem("Search down", clock)
    pm.parking_lot = [
        ParkedItem("p1", "Add a canary for index rotations", "timeline"),
        ParkedItem("p2", "Move search to SSDs", "causes", state=ParkedState.KEPT),
        ParkedItem("p3", "Rename the cluster", "tone", state=ParkedState.DROPPED),
        ParkedItem("p4", "Disk alert at 80%", "causes", state=ParkedState.ACTION),
        ParkedItem("p5", "   ", "causes"),
    ]
    return pm


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_parked_idea_is_in_the_report_with_its_decision(
    pm: PostMortem, fmt: str
) -> None:
    text = render(pm, fmt)
    assert "Parking lot" in text
    for words, decision in (
        ("Add a canary for index rotations", "not decided"),
        ("Move search to SSDs", "kept for later"),
        ("Rename the cluster", "dropped"),
        ("Disk alert at 80%", "made an action"),
    ):
        assert f"{words} ({decision})" in text, (fmt, words)
    assert text.index("Parking lot") > text.index("Next steps")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_parking_lot_no_heading(clock: FixedClock, fmt: str) -> None:
    assert "Parking lot" not in render(new_postmortem("Quiet", clock), fmt)
