"""Render a snapshot SVG to PNG so it can be looked at: `svg2png.py A.svg [B.png]`.

A developer tool, not a test. Needs cairosvg (`.venv/bin/pip install cairosvg`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    try:
        import cairosvg  # type: ignore[import-not-found]
    except ImportError:
        print("pip install cairosvg into the venv first", file=sys.stderr)
        return 1
    source = Path(argv[0])
    target = Path(argv[1]) if len(argv) > 1 else source.with_suffix(".png")
    cairosvg.svg2png(url=str(source), write_to=str(target), output_width=1600)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
