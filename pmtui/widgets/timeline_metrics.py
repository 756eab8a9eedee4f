"""Metrics beside the timeline: durations in words and exact, and the phase bar.

The panel draws itself for its own width: tall and narrow (beside the table)
one metric per two lines and one legend line per phase; wide and short (under
the table on a small terminal) everything in a few lines. The phase bar is
always as wide as the panel. Phases differ by fill character, and the legend
names each one, so nothing depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pendulum
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from pmtui.model.enums import KeyMoment
from pmtui.model.session import PostMortem
from pmtui.model.timeline import Metrics, key_times, metrics_of
from pmtui.model.timeline_phases import FILL, NAME, PhaseBar, phase_bar_of
from pmtui.timeparse import exact_duration, format_time, humanize_duration
from pmtui.widgets.timeline_paint import PaintWaiters

TALL_BELOW = 50  # narrower than this: the tall layout


@dataclass(frozen=True)
class _Facts:
    """Everything the panel shows, so an unchanged panel is not redrawn."""

    metrics: Metrics
    times: tuple[datetime | None, ...]
    events: int
    gaps: int
    threshold: int
    tz: str = "UTC"

    @property
    def key_times(self) -> dict[KeyMoment, datetime]:
        return {m: t for m, t in zip(KeyMoment, self.times, strict=True) if t}


_BEGAN, _MITIGATED = KeyMoment.IMPACT_BEGAN, KeyMoment.MITIGATED
# label when tall, label when wide, Metrics attribute, the moments it spans
# (the last one may be any of those given: total impact ends at mitigated,
# else at resolved)
_LABELS: tuple[tuple[str, str, str, tuple[KeyMoment, ...]], ...] = (
    ("Time to detect", "Detect", "time_to_detect", (_BEGAN, KeyMoment.DETECTED)),
    ("Time to mitigate", "Mitigate", "time_to_mitigate", (_BEGAN, _MITIGATED)),
    ("Time to resolve", "Resolve", "time_to_resolve", (_BEGAN, KeyMoment.RESOLVED)),
    (
        "Total impact",
        "Impact",
        "total_impact",
        (_BEGAN, _MITIGATED, KeyMoment.RESOLVED),
    ),
)
# colour only adds to the fill characters, which already tell phases apart
COLOUR = {
    KeyMoment.IMPACT_BEGAN: "red",
    KeyMoment.DETECTED: "yellow",
    KeyMoment.MITIGATED: "green",
    KeyMoment.RESOLVED: "bold",
}


def _value(
    span: timedelta | None, spans: tuple[KeyMoment, ...], marked: set[KeyMoment]
) -> tuple[str, str]:
    """The span in words and exact, or "—" and the mark it needs next: the
    start (impact began) first, then the end."""
    if span is not None:
        return humanize_duration(span), exact_duration(span)
    start, *ends = spans
    needs = " or ".join(end.label for end in ends) if start in marked else start.label
    return "—", f"(mark {needs})"


class TimelineMetrics(Widget):
    """Time to detect / mitigate / resolve, total impact, and the phase bar."""

    DEFAULT_CSS = "TimelineMetrics { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._facts: _Facts | None = None
        self._drawn: tuple[_Facts | None, int, list[Text]] = (None, 0, [])
        self.after_paint = PaintWaiters(self)

    def show(
        self,
        pm: PostMortem,
        *,
        gaps: int,
        times: dict[KeyMoment, datetime] | None = None,
    ) -> bool:
        """Show ``pm``'s metrics; ``times`` (``key_times(pm)``) saves a pass
        over a long timeline when the caller has them. True if the panel
        will be painted again (what it shows changed)."""
        times = key_times(pm) if times is None else times
        facts = _Facts(
            metrics_of(times),
            tuple(times.get(m) for m in KeyMoment),
            len(pm.timeline),
            gaps,
            pm.gap_threshold_minutes,
            pm.timezone,
        )
        if facts == self._facts:
            return False
        width = self.content_region.width
        before = self._lines(width)
        self._facts = facts
        return self._refresh_changed(before, self._lines(width), width)

    def _refresh_changed(
        self, before: list[Text], after: list[Text], width: int
    ) -> bool:
        """Repaint the rows of the lines that changed (not the whole panel:
        the rows around them stay). A new layout only when the height
        changes and the height follows the lines (it is costly: the whole
        screen is arranged again)."""
        height = self.styles.height
        follows = not width or height is None or height.is_auto
        if not width or len(after) != len(before):
            self.refresh(layout=follows)
            return True
        changed = [
            n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b
        ]
        if not changed:
            return False
        rows = [self._rows(line, width) for line in after]
        rows_before = [self._rows(line, width) for line in before]
        top = sum(rows[: changed[0]])  # the lines above are the same
        if rows == rows_before:
            bottom = sum(rows[: changed[-1] + 1])
        elif follows and sum(rows) != sum(rows_before):
            self.refresh(layout=True)  # the panel's height changes
            return True
        else:  # the lines below the change move: down to the last row
            bottom = max(sum(rows), sum(rows_before))
        self.refresh(Region(0, top, width, bottom - top))
        return True

    def _rows(self, line: Text, width: int) -> int:
        """The rows ``line`` takes (wrapped as ``get_content_height`` does)."""
        if line.cell_len <= width and "\n" not in line.plain:
            return 1
        return len(line.wrap(self.app.console, width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        console = self.app.console
        return sum(len(line.wrap(console, width)) for line in self._lines(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        self.after_paint.painted()
        return super().render_lines(crop)

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.content_region.width))

    # -- the lines ------------------------------------------------------------

    def _lines(self, width: int) -> list[Text]:
        facts = self._facts
        drawn_facts, drawn_width, drawn = self._drawn
        if facts is drawn_facts and width == drawn_width:
            return drawn
        lines = self._draw(facts, width) if facts is not None and width > 0 else []
        self._drawn = (facts, width, lines)
        return lines

    def _draw(self, facts: _Facts, width: int) -> list[Text]:
        bar = phase_bar_of(facts.key_times, width)
        noun = "event" if facts.events == 1 else "events"
        gaps = f"{facts.gaps} gap{'s' if facts.gaps != 1 else ''}"
        if width >= TALL_BELOW:
            return [*self._wide_metrics(facts), *self._phases(facts, bar, False)]
        lines = self._tall_metrics(facts)
        lines += [Text(""), Text("Phases", style="bold")]
        lines += self._phases(facts, bar, True)
        count = f"{facts.events:,} {noun} · {gaps} over {facts.threshold} min"
        return [*lines, Text(""), Text(count, style="dim")]

    def _tall_metrics(self, facts: _Facts) -> list[Text]:
        lines = []
        marked = set(facts.key_times)
        for label, _, attribute, spans in _LABELS:
            words, exact = _value(getattr(facts.metrics, attribute), spans, marked)
            lines.append(Text(label, style="bold"))
            line = Text("  ")
            line.append(words, style="bold" if words != "—" else "dim")
            line.append(f"  {exact}", style="dim")
            lines.append(line)
        return lines

    def _wide_metrics(self, facts: _Facts) -> list[Text]:
        parts = []
        marked = set(facts.key_times)
        for _, label, attribute, spans in _LABELS:
            words, exact = _value(getattr(facts.metrics, attribute), spans, marked)
            part = Text(f"{label} ")
            part.append(words, style="bold")
            part.append(f" {exact}" if words == "—" else f" ({exact})", style="dim")
            parts.append(part)
        return [Text(" · ").join(parts[:2]), Text(" · ").join(parts[2:])]

    def _phases(self, facts: _Facts, bar: PhaseBar, tall: bool) -> list[Text]:
        if not bar.bar:
            return [Text(bar.problem, style="italic")]
        legend = [(p.moment, humanize_duration(p.duration)) for p in bar.phases]
        if bar.resolved:
            at = facts.times[list(KeyMoment).index(KeyMoment.RESOLVED)]
            day = pendulum.instance(at).in_timezone(facts.tz).date() if at else None
            when = format_time(at, facts.tz, with_utc=False, ref_date=day) if at else ""
            legend.append((KeyMoment.RESOLVED, when))
        line = Text()
        for char in bar.bar:
            moment = next(m for m, c in FILL.items() if c == char)
            line.append(char, style=COLOUR[moment])
        lines = [line]
        for moment, note in legend:
            item = Text()
            item.append(FILL[moment], style=COLOUR[moment])
            if tall:
                item.append(f" {NAME[moment]:<10}{note}")
                lines.append(item)
            else:
                item.append(f" {NAME[moment]}")
                if len(lines) == 1:
                    lines.append(Text())
                else:
                    lines[-1].append(" · ")
                lines[-1].append_text(item)
        return lines
