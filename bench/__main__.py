"""`make bench`: every speed target of the issues, measured as ratios in one run.

Each bench module has ``run() -> list[Result]``; this prints one table:
target, measured ratio, limit, pass or fail. Exit status 1 if any fails.
"""

from __future__ import annotations

import importlib
import sys
import traceback

from bench.common import REPO, Result

MODULES = [
    "bench.bench_startup",
    "bench.bench_autosave",
    "bench.bench_timeline",
    "bench.bench_export",
    "bench.bench_archive",
]


def _compile() -> None:
    """Start-up is timed as people run pmtui: with compiled bytecode (pip
    compiles on install). With PYTHONDONTWRITEBYTECODE set and no .pyc files,
    every run would compile pmtui's sources again and time that instead."""
    import compileall

    compileall.compile_dir(str(REPO / "pmtui"), quiet=1)


def main(argv: list[str]) -> int:
    _compile()
    only = set(argv)
    results: list[Result] = []
    for name in MODULES:
        if only and name.rsplit(".", 1)[-1] not in only:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            print(f"{name}: not available ({error})", file=sys.stderr)
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            results.extend(module.run())
        except Exception:
            traceback.print_exc()
            results.append(Result(f"{name} crashed", float("inf"), 0.0))
    width = max((len(r.target) for r in results), default=10)
    print(f"{'target':<{width}}  {'ratio':>7}  {'limit':>6}  result")
    for r in results:
        verdict = "pass" if r.ok else "FAIL"
        print(f"{r.target:<{width}}  {r.ratio:>7.2f}  {r.limit:>6.2f}  {verdict}")
        if r.detail:
            print(f"{'':<{width}}  {r.detail}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
