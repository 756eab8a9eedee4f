"""The command line: the only place that parses argv.

``pmtui`` opens the home screen; ``pmtui FILE`` opens one post-mortem; every
other command lives in ``pmtui/commands/<name>.py`` as ``add_parser(sub)`` and
``run(args) -> int`` and is imported only when named, so commands that need no
screen never import textual and start fast.

Exit status: 0 done, 1 a failure (a locked, missing or broken file), 2 bad usage.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from pmtui import __version__

# name -> one-line help; the module pmtui.commands.<name> does the work.
COMMANDS: dict[str, str] = {
    "new": "create a post-mortem, print its path and exit",
    "export": "write a report (gfm, plain, html), a pre-read or an actions CSV",
    "actions": "list every action of every post-mortem, overdue first",
    "search": "search the archive: words and tag:/service:/severity:/status:/owner:",
    "due": "post-mortems whose review date has come, and overdue actions by owner",
    "timeline": "timeline tools: `timeline import FILE SOURCE`",
}


class UsageError(Exception):
    """Bad usage: exit status 2."""


class Failure(Exception):
    """An expected problem (missing, locked or broken file): exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def add_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        type=Path,
        metavar="DIR",
        help="the archive folder (default: $PMTUI_HOME, else your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmtui",
        description="Run a blameless incident post-mortem in the terminal.",
        epilog="Run `pmtui COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = importlib.import_module(f"pmtui.commands.{name}")
    parser = _Parser(prog=f"pmtui {name}", description=COMMANDS[name])
    module.add_parser(parser)
    return parser, module


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmtui",
        description="Run a blameless incident post-mortem in the terminal.",
        epilog="Commands: "
        + "; ".join(f"{n}: {h}" for n, h in COMMANDS.items())
        + ". `pmtui COMMAND --help` for each.",
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a post-mortem file to open")
    add_dir_option(parser)
    parser.add_argument(
        "--read-only", action="store_true", help="open without taking the lock"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, module = _command_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            result: int = module.run(args)  # type: ignore[attr-defined]
            return result
        args = _app_parser().parse_args(args_list)
        return _run_app(args)
    except UsageError as error:
        print(f"{error}\nTry `pmtui --help`.", file=sys.stderr)
        return 2
    except Failure as error:
        print(f"pmtui: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


def archive_dir(args: argparse.Namespace) -> Path:
    from pmtui.store import default_dir

    folder: Path | None = getattr(args, "dir", None)
    return folder.expanduser() if folder else default_dir()


def _run_app(args: argparse.Namespace) -> int:
    from pmtui.store import Archive, BrokenFileError

    file: Path | None = args.file
    if file is not None:
        if file.is_dir():
            raise Failure(f"{file} is a folder; give a post-mortem file or --dir")
        if not file.exists():
            raise Failure(f"{file} does not exist (create one with `pmtui new`)")
        try:
            from pmtui.store import load

            load(file)
        except BrokenFileError as error:
            restore = ""
            if error.backup is not None:
                restore = (
                    f" To restore it, run `pmtui --dir {file.parent}`"
                    " and open it from the list."
                )
            raise Failure(f"{error}{restore}") from None
    archive = Archive(archive_dir(args) if args.dir or not file else file.parent)
    from pmtui.app import PmtuiApp

    app = PmtuiApp(archive=archive, open_path=file, read_only=args.read_only)
    # Everything made so far (modules, classes, the app) lives as long as the
    # program: out of the collector's sight, each collection has less to
    # walk. At start-up that is a tenth of the time to the first paint.
    gc.freeze()
    app.run()
    return app.return_code or 0
