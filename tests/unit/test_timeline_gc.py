"""Holding and freezing the garbage collector around the timeline's work."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pmtui.widgets import timeline_gc


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    assert timeline_gc.holding() == 0
    yield
    while timeline_gc.holding():
        timeline_gc.release()
    timeline_gc.thaw()
    gc.unfreeze()
    gc.enable()


def test_freeze_takes_what_is_alive_out_of_collections_until_thawed() -> None:
    gc.unfreeze()
    alive = [object() for _ in range(10)]  # noqa: F841 (alive while frozen)
    timeline_gc.freeze()
    assert gc.get_freeze_count() > 0
    timeline_gc.thaw()
    assert gc.get_freeze_count() == 0


def test_no_freeze_while_a_worker_holds_the_collector() -> None:
    gc.unfreeze()
    timeline_gc.hold()
    assert not gc.isenabled()
    timeline_gc.freeze()  # the worker's objects are half built: not now
    assert gc.get_freeze_count() == 0
    timeline_gc.release()  # no freeze asked by the worker either
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_hold_keeps_a_thaw_from_happening() -> None:
    gc.unfreeze()
    timeline_gc.freeze()
    timeline_gc.hold()
    timeline_gc.thaw()  # a worker is building: what is frozen stays
    assert gc.get_freeze_count() > 0  # (some may have been freed meanwhile)
    timeline_gc.release()
    timeline_gc.thaw()
    assert gc.get_freeze_count() == 0
