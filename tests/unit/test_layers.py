"""The layers below the UI never import textual, so scripts start fast.

Modules are found by globbing the package folders, so a new module is covered
the moment it exists. Each import runs in a fresh interpreter (the test
session itself has textual loaded); they run in parallel to stay quick.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pmtui"
REPO = PACKAGE.parent
# Folders (packages) and single modules that must stay free of textual.
PURE_PACKAGES = ("model", "store", "report", "commands", "timeparse")
PURE_MODULES = ("clock", "cli", "timeparse")
CHECK = (
    "import importlib, sys; importlib.import_module({name!r}); "
    "print('textual' in sys.modules)"
)
TEXTUAL_LINE = re.compile(r"\|\s*textual(\.|\s*$)")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def pure_modules() -> list[str]:
    found: list[Path] = []
    for name in PURE_PACKAGES:
        folder = PACKAGE / name
        if folder.is_dir():
            found += folder.rglob("*.py")
    for name in PURE_MODULES:
        single = PACKAGE / f"{name}.py"
        if single.is_file():
            found.append(single)
    return sorted({_module_name(p) for p in found if "__pycache__" not in p.parts})


MODULES = pure_modules()


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PMTUI_HOME"] = str(tmp / "home")
    env.pop("PYTHONWARNINGS", None)
    return env


def _run_all(
    commands: dict[str, list[str]], tmp: Path
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run every command (a few at a time) and collect what each printed."""

    def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cmd,
            cwd=tmp,
            env=_env(tmp),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    workers = 2 * (os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {key: pool.submit(run, cmd) for key, cmd in commands.items()}
        return {key: future.result() for key, future in futures.items()}


@pytest.fixture(scope="module")
def imports(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, subprocess.CompletedProcess[str]]]:
    tmp = tmp_path_factory.mktemp("layers")
    yield _run_all(
        {m: [sys.executable, "-c", CHECK.format(name=m)] for m in MODULES}, tmp
    )


def test_every_layer_is_discovered() -> None:
    for expected in (
        "pmtui.model",
        "pmtui.model.codec",
        "pmtui.store",
        "pmtui.store.document",
        "pmtui.clock",
        "pmtui.cli",
        "pmtui.commands",
        "pmtui.commands.new",
    ):
        assert expected in MODULES
    for optional in ("report", "timeparse"):
        on_disk = (PACKAGE / optional).is_dir() or (PACKAGE / f"{optional}.py").exists()
        assert on_disk == any(m.startswith(f"pmtui.{optional}") for m in MODULES)
    assert not any(m.startswith(("pmtui.screens", "pmtui.widgets")) for m in MODULES)
    assert "pmtui.app" not in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_without_textual(
    module: str, imports: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    result = imports[module]
    assert result.returncode == 0, f"{module} does not import:\n{result.stderr}"
    assert result.stdout.strip() == "False", f"{module} imports textual"


def _textual_imports(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if TEXTUAL_LINE.search(line)]


def test_importtime_detects_textual(tmp_path: Path) -> None:
    """The check below would see textual if it were imported."""
    result = _run_all(
        {"t": [sys.executable, "-X", "importtime", "-c", "import textual"]}, tmp_path
    )["t"]
    assert result.returncode == 0
    assert _textual_imports(result.stderr)


def _cli_commands() -> list[str]:
    from pmtui.cli import COMMANDS

    return [n for n in COMMANDS if (PACKAGE / "commands" / f"{n}.py").is_file()]


def test_cli_without_a_screen_never_imports_textual(tmp_path: Path) -> None:
    base = [sys.executable, "-X", "importtime", "-m", "pmtui"]
    runs = {"--version": [*base, "--version"], "--help": [*base, "--help"]}
    for name in _cli_commands():
        runs[f"{name} --help"] = [*base, name, "--help"]
    runs["new"] = [
        *base,
        "new",
        "--title",
        "Layers check",
        "--timezone",
        "UTC",
        "--dir",
        str(tmp_path / "archive"),
    ]
    results = _run_all(runs, tmp_path)
    from pmtui import __version__

    assert results["--version"].stdout.strip() == f"pmtui {__version__}"
    created = Path(results["new"].stdout.strip())
    assert created.parent == tmp_path / "archive" and created.is_file()
    for what, result in results.items():
        assert result.returncode == 0, f"pmtui {what}:\n{result.stderr[-2000:]}"
        assert _textual_imports(result.stderr) == [], f"pmtui {what} imports textual"
