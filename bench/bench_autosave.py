"""One autosave against a bare atomic write of the same bytes (p95 <= 2x), and
autosave with 1 vs 1,000 post-mortems in the archive (within 1.2x).

The three kinds of write are interleaved in one loop, so whatever else the
machine is doing weighs on all three alike.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import Result, percentile
from bench.generate import generate_archive, realistic_postmortem
from pmtui.store import Archive

ROUNDS = 300


def _bare_write(path: Path, payload: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        small = Archive(Path(tmp) / "one")
        big = generate_archive(Path(tmp) / "thousand", 1000)
        pm_small = realistic_postmortem(random.Random(3), 99998)
        pm_big = realistic_postmortem(random.Random(3), 99998)
        h_small, h_big = small.create(pm_small), big.create(pm_big)
        bare_path = Path(tmp) / "bare" / "pm.json"
        bare_path.parent.mkdir()
        one, thousand, bare = [], [], []
        try:
            for n in range(ROUNDS):
                pm_small.incident.summary = pm_big.incident.summary = f"edit {n}"
                one.append(_timed(h_small.save))
                thousand.append(_timed(h_big.save))
                payload = h_small.path.read_bytes()
                bare.append(_timed(lambda p=payload: _bare_write(bare_path, p)))
        finally:
            h_small.close()
            h_big.close()
    p95_one, p95_bare, p95_thousand = (percentile(x, 95) for x in (one, bare, thousand))
    spread = max(p95_one, p95_thousand) / min(p95_one, p95_thousand)
    return [
        Result(
            "autosave p95 vs bare atomic write of the same bytes",
            p95_one / p95_bare,
            2.0,
            f"autosave {p95_one * 1000:.2f} ms, bare {p95_bare * 1000:.2f} ms"
            f" (p95 of {ROUNDS})",
        ),
        Result(
            "autosave p95 with 1,000 vs 1 post-mortems in the archive",
            spread,
            1.2,
            f"1: {p95_one * 1000:.2f} ms, 1,000: {p95_thousand * 1000:.2f} ms",
        ),
    ]
