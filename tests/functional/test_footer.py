"""The footer: the keys of the moment, compact when narrow, the palette key
only when wide and there is room; a click presses a key; a key that does
nothing now is dimmed and only rings the bell."""

from __future__ import annotations

from collections.abc import Callable

from pmtui.app import PmtuiApp
from pmtui.model import PostMortem, Step
from pmtui.screens.base import StepScreen
from pmtui.screens.dialogs import NewPostMortemDialog
from pmtui.store import Archive
from pmtui.widgets.footer import PmtuiFooter
from tests.helpers import press_quit, wait_until

MakeApp = Callable[..., PmtuiApp]


def footer_text(app: PmtuiApp) -> str:
    return str(app.screen.query_one(PmtuiFooter).render())


async def test_home_keys_wide_and_narrow(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        assert await wait_until(lambda: "n New" in footer_text(app))
        wide = footer_text(app)
        assert wide.startswith(" n New  d Delete  s Sample  t Tracker")
        assert wide.rstrip().endswith("▏^p palette") and len(wide) == 120
        await pilot.resize_terminal(80, 24)
        assert await wait_until(lambda: not footer_text(app).startswith(" "))
        narrow = footer_text(app)
        assert narrow.startswith("n New d Delete s Sample")
        assert "palette" not in narrow and "f1 Help" in narrow
        await press_quit(pilot)


async def test_a_click_presses_the_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        assert await wait_until(lambda: "n New" in footer_text(app))
        await pilot.click(PmtuiFooter, offset=(2, 0))  # "n New"
        assert await wait_until(lambda: isinstance(app.screen, NewPostMortemDialog))
        await press_quit(pilot)


async def test_keys_follow_the_focus_and_disabled_keys_are_dim(
    make_app: MakeApp, archive: Archive, sample_pm: PostMortem
) -> None:
    with archive.create(sample_pm) as handle:
        path = handle.path
    app = make_app(path)
    async with app.run_test(size=(140, 30)) as pilot:
        assert await wait_until(lambda: isinstance(app.screen, StepScreen))
        footer = app.screen.query_one(PmtuiFooter)
        assert await wait_until(lambda: "Next step" in footer_text(app))
        assert footer_text(app).startswith(" f1 Help")
        await pilot.press("f9")  # the report: the last step, no next one
        assert await wait_until(lambda: app.screen.STEP is Step.REPORT)  # type: ignore[attr-defined]
        footer = app.screen.query_one(PmtuiFooter)
        assert await wait_until(lambda: "Next step" in footer_text(app))
        text = footer.render()
        start = text.plain.index("^n")
        assert any(
            span.start <= start < span.end and "dim" in str(span.style)
            for span in text.spans
        )
        bells: list[bool] = []
        app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
        await pilot.click(PmtuiFooter, offset=(start + 1, 0))
        assert bells == [True] and app.screen.STEP is Step.REPORT  # type: ignore[attr-defined]
        await press_quit(pilot)


async def test_keys_that_do_not_fit_are_left_out_whole(
    make_app: MakeApp, archive: Archive, sample_pm: PostMortem
) -> None:
    with archive.create(sample_pm) as handle:
        path = handle.path
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(lambda: isinstance(app.screen, StepScreen))
        await pilot.press("f3")  # the tone step has more keys than 80 columns hold
        assert await wait_until(lambda: app.screen.STEP is Step.TONE)  # type: ignore[attr-defined]
        footer = app.screen.query_one(PmtuiFooter)
        assert await wait_until(lambda: "Next step" in footer_text(app))
        text = footer_text(app)
        assert text.startswith("f1 Help") and text.rstrip().endswith("…")
        assert len(text) <= 80
        for start, end, key in footer._spans:  # every key shown is whole
            assert text[start:end].endswith(key.description)
        await press_quit(pilot)
