"""One autosave against a bare atomic write of the same bytes (p95 <= 2x), and
autosave with 1 vs 1,000 post-mortems in the archive (within 1.2x)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import Result, percentile
from bench.generate import generate_archive, realistic_postmortem
from pmtui.store import Archive

ROUNDS = 200


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


def _autosaves(archive: Archive) -> tuple[list[float], bytes]:
    import random

    pm = realistic_postmortem(random.Random(3), 99999)
    handle = archive.create(pm)
    times = []
    try:
        for n in range(ROUNDS):
            pm.incident.summary = f"edit {n}"
            start = time.perf_counter()
            handle.save()
            times.append(time.perf_counter() - start)
        payload = handle.path.read_bytes()
    finally:
        handle.close()
    return times, payload


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        small = Archive(Path(tmp) / "one")
        small.ensure()
        one, payload = _autosaves(small)
        bare_path = Path(tmp) / "bare.json"
        bare = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            _bare_write(bare_path, payload)
            bare.append(time.perf_counter() - start)
        big = generate_archive(Path(tmp) / "thousand", 1000)
        thousand, _ = _autosaves(big)
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
