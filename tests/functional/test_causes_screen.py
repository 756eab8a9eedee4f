"""Step 3 under Pilot: the sample's two branches typed from scratch, root
causes marked, factors added (list and fishbone), actions made from a why and
a factor, delete and undo, moves, the shallow-root-cause hint, read-only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Select, Static, TextArea

from pmtui.app import PmtuiApp
from pmtui.model import FactorCategory, PostMortem, Step, iter_whys, new_postmortem
from pmtui.model.session import WhyNode
from pmtui.screens.causes import CausesScreen
from pmtui.store import Archive, load
from pmtui.widgets.factors_panel import FactorsTable
from pmtui.widgets.fishbone import Fishbone
from pmtui.widgets.whys_tree import WhysTree

MakeApp = Callable[..., PmtuiApp]


def outline(root: WhyNode) -> list[tuple[int, str, bool]]:
    """The tree without ids: (depth, text, root cause?) in display order."""
    return [(d, n.text, n.root_cause) for n, d in iter_whys(root)]


@pytest.fixture
def empty_path(archive: Archive, clock: object, sample_pm: PostMortem) -> Path:
    """A new post-mortem whose summary is the sample's problem statement."""
    pm = new_postmortem("Checkout payments failing", clock)  # type: ignore[arg-type]
    pm.incident.summary = sample_pm.causes.whys.text
    with archive.create(pm) as handle:
        return handle.path


async def open_causes(app: PmtuiApp, pilot: object, path: Path) -> CausesScreen:
    await asyncio.sleep(0.05)
    assert app.open_file(path, Step.CAUSES)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CausesScreen)
    return app.screen


async def type_text(pilot: object, text: str) -> None:
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)  # type: ignore[attr-defined]


async def answer(pilot: object, key: str, text: str) -> None:
    """``w`` (why?) or ``s`` (sibling), then the answer and enter.

    The first words are typed key by key (the tree follows every key); the
    rest arrives as a paste, as from a notes file, to keep the test quick.
    """
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await type_text(pilot, text[:12])
    focused = pilot.app.focused  # type: ignore[attr-defined]
    assert isinstance(focused, Input)
    focused.post_message(events.Paste(text[12:]))
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]


def highlight(screen: CausesScreen, text_start: str) -> None:
    tree = screen.query_one(WhysTree)
    for node, _ in iter_whys(screen.pm.causes.whys):
        if node.text.startswith(text_start):
            tree.highlighted = tree.get_option_index(node.id)
            return
    raise AssertionError(f"no why starts with {text_start!r}")


async def test_build_the_samples_two_branches_by_typing(
    make_app: MakeApp, empty_path: Path, sample_pm: PostMortem
) -> None:
    sample = outline(sample_pm.causes.whys)
    texts = {depth_text[1][:12]: depth_text[1] for depth_text in sample}
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, empty_path)
        tree = screen.query_one(WhysTree)
        assert app.focused is tree
        # the problem statement started from the incident summary
        assert screen.pm.causes.whys.text == sample[0][1]
        # branch one: four whys down, then two causes side by side
        for start in ("checkout-api", "The rotated ", "The rotation", "The job was "):
            await answer(pilot, "w", texts[start])
            assert app.focused is tree
        await answer(pilot, "w", texts["Rotation has"])
        await answer(pilot, "s", texts["Staging stil"])
        # branch two: a sibling of the first why, two whys below it
        highlight(screen, "checkout-api")
        await answer(pilot, "s", texts["Payments onl"])
        await answer(pilot, "w", texts["The routing "])
        await answer(pilot, "w", texts["Routing rule"])
        # mark the three root causes
        for start in ("Rotation has", "Staging stil", "Routing rule"):
            highlight(screen, start)
            await pilot.press("r")
        await pilot.pause()
        counts = str(screen.query_one("#causes-counts", Static).content)
        assert counts.startswith("◆ 3 root causes")
        app.flush()
    assert outline(load(empty_path).causes.whys) == sample


async def test_each_node_shows_its_depth_and_mark(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        tree = screen.query_one(WhysTree)
        prompts = [str(option.prompt) for option in tree.options]
        assert prompts[0].startswith("PROBLEM")
        assert "why 5  Rotation has no pre-flight" in prompts[5]
        assert "◆ ROOT CAUSE" in prompts[5]
        assert "ROOT CAUSE" not in prompts[4]
        highlight(screen, "Rotation has")
        await pilot.pause()
        hint = str(screen.query_one("#why-hint", Static).content)
        assert hint == "Selected: why 5 · ◆ ROOT CAUSE"


async def test_shallow_root_cause_gets_a_gentle_hint(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, empty_path)
        await answer(pilot, "w", "Certificate rotated")
        await pilot.press("r")
        await pilot.pause()
        hint = str(screen.query_one("#why-hint", Static).content)
        assert "why 1 · ◆ ROOT CAUSE" in hint and "Ask why once more?" in hint
        tree = screen.query_one(WhysTree)
        assert "ask why once more?" in str(tree.options[1].prompt)
        # asking once more makes the hint go away
        await answer(pilot, "w", "Chain missing")
        tree.highlighted = 1
        await pilot.pause()
        assert "once more" not in str(screen.query_one("#why-hint", Static).content)


async def test_delete_a_branch_and_undo(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    before = outline(load(sample_path).causes.whys)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        highlight(screen, "The rotated ")
        await pilot.press("delete")
        await pilot.pause()
        assert len(outline(screen.pm.causes.whys)) == len(before) - 5
        app.flush()
        assert len(outline(load(sample_path).causes.whys)) == len(before) - 5
        await pilot.press("ctrl+z")
        await pilot.pause()
        tree = screen.query_one(WhysTree)
        assert len(tree.options) == len(before)
        app.flush()
    assert outline(load(sample_path).causes.whys) == before


async def test_problem_statement_cannot_be_deleted(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        await pilot.press("delete")
        await pilot.pause()
        assert screen.pm.causes.whys.children
        assert app.undo_stack == []


async def test_moves_with_keys(make_app: MakeApp, sample_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        highlight(screen, "Staging stil")
        await pilot.press("alt+up")  # before its sibling
        await pilot.press("alt+left")  # out: next sibling of "The job was"
        await pilot.press("alt+right")  # in again: last child of "The job was"
        await pilot.press("alt+left", "alt+down")  # out, then down: nothing below
        await pilot.pause()
        app.flush()
    root = load(sample_path).causes.whys
    branch = root.children[0].children[0].children[0]  # why 3
    assert [c.text[:12] for c in branch.children] == ["The job was ", "Staging stil"]
    assert [c.text[:12] for c in branch.children[0].children] == ["Rotation has"]


async def test_escape_drops_an_empty_new_why_and_restores_edits(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    before = outline(load(sample_path).causes.whys)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        highlight(screen, "checkout-api")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.query_one(WhysTree)
        await pilot.press("enter")  # edit the highlighted why
        await type_text(pilot, " oops")
        assert screen.pm.causes.whys.children[0].text.endswith(" oops")
        await pilot.press("escape")
        await pilot.pause()
        app.flush()
    assert outline(load(sample_path).causes.whys) == before


async def test_empty_answer_is_explained_under_the_field(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        highlight(screen, "checkout-api")
        await pilot.press("enter", "ctrl+u", "enter")  # clear the text, then enter
        await pilot.pause()
        error = screen.query_one("#why-field .field--error", Static)
        assert "Write a few words" in str(error.content)


async def test_an_action_from_a_why_remembers_it(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        highlight(screen, "The job was ")  # a why no action addresses yet
        tree = screen.query_one(WhysTree)
        node_id = tree.selected_id
        assert node_id is not None
        count = len(screen.pm.actions)
        await pilot.press("a")
        await pilot.press("a")  # a second press does not add another
        await pilot.pause()
        # the node shows the action made from it
        action_id = screen.pm.actions[-1].id
        shown = tree.get_option(node_id).prompt
        assert f"→ {action_id}" in str(shown)
        app.flush()
    pm = load(sample_path)
    assert len(pm.actions) == count + 1
    added = pm.actions[-1]
    assert added.addresses == node_id
    assert added.text.startswith("The job was written for a CA")


async def test_add_factors_link_a_why_and_see_the_fishbone(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, empty_path)
        await answer(pilot, "w", "Alert went to the wrong team")
        why_id = screen.pm.causes.whys.children[0].id
        await pilot.press("alt+2")
        await pilot.pause()
        assert isinstance(app.focused, FactorsTable)
        screen.query_one("#factor-text", Input).focus()
        await type_text(pilot, "Alert routing was stale")
        screen.query_one("#factor-category", Select).value = FactorCategory.MONITORING
        screen.query_one("#factor-why", Select).value = why_id
        await pilot.press("enter")
        # the category stays for the next factor; the linked why does not
        assert screen.query_one("#factor-why", Select).is_blank()
        await type_text(pilot, "On-call lacked rollback permission")
        screen.query_one("#factor-category", Select).value = FactorCategory.PROCESS
        await pilot.press("enter")
        await type_text(pilot, "   ")
        await pilot.press("enter")  # nothing typed: told, nothing added
        error = screen.query_one("#factor-text-field .field--error", Static)
        assert "Describe the factor" in str(error.content)
        # second factor: cycle its category from process to tooling with c
        table = screen.query_one(FactorsTable)
        table.focus()
        await pilot.press("down", "c")
        await pilot.press("a")  # and make it an action
        await pilot.press("v")
        await pilot.pause()
        fishbone = screen.query_one(Fishbone)
        assert app.focused is fishbone
        drawing = str(fishbone.query_one("#fishbone-drawing", Static).content)
        assert "MONITORING AND DETECTION (1)" in drawing
        assert "TOOLING (1)" in drawing
        assert "(why 1)" in drawing
        app.flush()
    pm = load(empty_path)
    assert [(f.text, f.category, f.why_id) for f in pm.causes.factors] == [
        ("Alert routing was stale", FactorCategory.MONITORING, why_id),
        ("On-call lacked rollback permission", FactorCategory.TOOLING, None),
    ]
    assert [(a.text, a.addresses) for a in pm.actions] == [
        ("On-call lacked rollback permission", pm.causes.factors[1].id)
    ]


async def test_edit_and_delete_a_factor_with_undo(
    make_app: MakeApp, sample_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        await pilot.press("alt+2")
        await pilot.press("enter")  # edit the first factor in the form
        await pilot.pause()
        assert screen.query_one("#factor-text", Input).value.startswith("No canary")
        await type_text(pilot, " yet")
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one(FactorsTable).focus()
        await pilot.press("down", "delete")
        await pilot.pause()
        assert len(screen.pm.causes.factors) == 3
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.query_one(FactorsTable).row_count == 4
        app.flush()
    factors = load(sample_path).causes.factors
    assert factors[0].text == "No canary or pre-flight check for secret rotations yet"
    assert len(factors) == 4


async def test_trigger_resolution_detection_are_saved(
    make_app: MakeApp, empty_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, empty_path)
        await pilot.press("alt+3")
        await pilot.pause()
        assert app.focused is screen.query_one("#causes-trigger", TextArea)
        await type_text(pilot, "Scheduled rotation at 09:02")
        screen.query_one("#causes-detection", TextArea).focus()
        await type_text(pilot, "Support escalated")
        await pilot.pause()
        app.flush()
    causes = load(empty_path).causes
    assert causes.trigger == "Scheduled rotation at 09:02"
    assert causes.detection == "Support escalated"
    assert causes.resolution == ""


async def test_the_mouse_works_too(make_app: MakeApp, empty_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, empty_path)
        buttons = [b for b in screen.query(".why-button") if "Why?" in str(b.label)]
        await pilot.click(buttons[0])
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await type_text(pilot, "Certificate chain incomplete")
        await pilot.press("enter")
        await pilot.click(WhysTree, offset=(4, 1))  # the problem row
        await pilot.pause()
        assert screen.query_one(WhysTree).highlighted == 0
        root_button = [b for b in screen.query(".why-button") if "Root" in str(b.label)]
        await pilot.click(root_button[0])  # the problem is not a cause: refused
        await pilot.click(WhysTree, offset=(4, 3))  # why 1
        await pilot.click(root_button[0])
        await pilot.pause()
        app.flush()
    root = load(empty_path).causes.whys
    assert not root.root_cause
    assert [(c.text, c.root_cause) for c in root.children] == [
        ("Certificate chain incomplete", True)
    ]


async def test_read_only_changes_nothing(make_app: MakeApp, sample_path: Path) -> None:
    before = load(sample_path)
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_causes(app, pilot, sample_path)
        assert screen.query_one("#why-text", Input).disabled
        assert screen.query_one("#factor-text", Input).disabled
        await pilot.press("w", "s", "r", "a", "delete", "alt+down")
        await pilot.pause()
        assert outline(screen.pm.causes.whys) == outline(before.causes.whys)
        assert len(screen.pm.actions) == len(before.actions)
    assert load(sample_path) == before
