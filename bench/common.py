"""Shared helpers for the benchmarks."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Result:
    target: str
    ratio: float
    limit: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.ratio <= self.limit


def wall(
    argv: list[str], *, repeat: int = 7, env: dict[str, str] | None = None
) -> float:
    """Median wall time of a command, in seconds (one warm-up run first)."""
    full_env = {**os.environ, **(env or {})}
    times = []
    for n in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=full_env, cwd=REPO)
        if n:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def walls(
    commands: list[list[str]], *, repeat: int = 7, env: dict[str, str] | None = None
) -> list[float]:
    """Median wall time of each command, in seconds, the commands taking
    turns (one warm-up round first): a machine that gets busier or quieter
    meanwhile slows or speeds them all alike, so their ratios hold."""
    full_env = {**os.environ, **(env or {})}
    times: list[list[float]] = [[] for _ in commands]
    for n in range(repeat + 1):
        for argv, found in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(
                argv, check=True, capture_output=True, env=full_env, cwd=REPO
            )
            if n:
                found.append(time.perf_counter() - start)
    return [statistics.median(found) for found in times]


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]
