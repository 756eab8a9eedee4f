"""The actions CSV, read back the way Jira's importer reads it."""

from __future__ import annotations

import csv
import io

from pmtui.model import ActionStatus, PostMortem
from pmtui.report import render_actions_csv
from pmtui.report.jira import COLUMNS
from tests.unit.test_report_helpers import hostile_pm


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_sample_open_actions_with_jira_columns(sample_pm: PostMortem) -> None:
    table = rows(render_actions_csv(sample_pm))
    assert table[0] == list(COLUMNS)
    assert COLUMNS == (
        "Summary",
        "Assignee",
        "Due date",
        "Priority",
        "Labels",
        "Description",
    )
    open_actions = [a for a in sample_pm.actions if not a.status.is_closed]
    assert [r[0] for r in table[1:]] == [a.text for a in open_actions]
    first = table[1]
    assert first[1:5] == ["Priya Raman", "2026-12-04", "High", "postmortem-prevent"]
    assert "Addresses why 5:" in first[5]
    assert first[5].endswith("certificate rotation (2026-11-18)")


def test_closed_actions_are_left_out(sample_pm: PostMortem) -> None:
    sample_pm.actions[0].status = ActionStatus.DONE
    sample_pm.actions[1].status = ActionStatus.WONT_DO
    table = rows(render_actions_csv(sample_pm))
    assert len(table) == 1 + len(sample_pm.actions) - 2


def test_hostile_text_stays_in_its_cell_and_never_runs_as_a_formula() -> None:
    pm = hostile_pm()
    pm.actions[1].status = ActionStatus.OPEN
    table = rows(render_actions_csv(pm))
    assert all(len(r) == len(COLUMNS) for r in table)
    assert len(table) == 4
    summaries = [r[0] for r in table[1:]]
    assert summaries[0].startswith("action a|b")
    assert "\n" not in summaries[0] and "\x1b" not in summaries[0]
    assert summaries[1].startswith("'=HYPERLINK(")
    assert summaries[2].startswith("'-2+3 ")
    assert table[3][1] == "'@boss"
    assert all("\x00" not in cell for r in table for cell in r)
    assert len(summaries[0]) <= 255
    assert "\n" in table[1][5]  # the description keeps its lines
