"""A non-editable install carries its styles and samples inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHECK = """
import asyncio, sys
from pathlib import Path
import pmtui, pmtui.paths as paths
from pmtui.app import PmtuiApp
from pmtui.store import Archive
root = Path(pmtui.__file__).parent
assert str(root).startswith(sys.argv[1]), root
assert paths.styles_dir() == root / "styles", paths.styles_dir()
assert (root / "styles" / "app.tcss").is_file()
assert (root / "sample_sessions" / "checkout-outage.json").is_file()
async def main():
    app = PmtuiApp(Archive(Path(sys.argv[2])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        stepper = app.screen.query_one("#stepper")
        # styles/app.tcss gives the stepper a one-line height
        assert stepper.styles.height is not None and stepper.styles.height.value == 1
asyncio.run(main())
print("styled")
"""


@pytest.mark.slow
def test_wheel_install_finds_its_styles(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("pmtui-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "pmtui/styles/app.tcss" in names
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # the installed copy first on the path; dependencies from this venv
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site), str(tmp_path / "arch")],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "styled" in result.stdout
