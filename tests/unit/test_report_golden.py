"""Golden files: the sample post-mortem in every format, byte for byte.

After an intended change to the report, rewrite them and read the diff:

    PMTUI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_report_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.model import PostMortem
from pmtui.report import render, render_actions_csv, render_preread

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("PMTUI_UPDATE_GOLDEN") == "1"

CASES: dict[str, Callable[[PostMortem], str]] = {
    "checkout-outage.gfm.md": lambda pm: render(pm, "gfm"),
    "checkout-outage.plain.md": lambda pm: render(pm, "plain"),
    "checkout-outage.html": lambda pm: render(pm, "html"),
    "checkout-outage.preread.gfm.md": lambda pm: render_preread(pm, "gfm"),
    "checkout-outage.preread.plain.md": lambda pm: render_preread(pm, "plain"),
    "checkout-outage.actions.csv": render_actions_csv,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_matches_golden(sample_pm: PostMortem, name: str) -> None:
    produced = CASES[name](sample_pm).encode("utf-8")
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(produced)
    assert path.exists(), f"{path} is missing: run with PMTUI_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert produced == expected, (
        f"{name} differs from its golden file; if the change is intended, "
        "rerun with PMTUI_UPDATE_GOLDEN=1 and review the diff"
    )


def test_golden_files_are_all_known() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(CASES)
