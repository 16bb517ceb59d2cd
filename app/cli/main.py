"""Argument parsing, dispatch, output and error handling for every command.

Command modules each expose `register(subparsers, common)`; adding a command family means
importing its module here and adding it to `COMMAND_MODULES`. They are imported directly, never
by name, so a command module that fails to import fails every test of the command line.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from app.cli import core, documents, inspect, rectification, reports, sync
from app.domain.limits import check_text, escape_controls
from app.errors import KnownError, PasswordRequiredError

COMMAND_MODULES = (core, inspect, sync, reports, rectification, documents)
EXIT_ERROR, EXIT_USAGE, EXIT_BUG = 1, 2, 3


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line."""

    def error(self, message: str):  # noqa: D401 - argparse API
        sys.stderr.write(f"school-inspect: error: {message} (see --help)\n")
        sys.exit(EXIT_USAGE)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = Parser(prog="school-inspect",
                    description="Offline school inspection: checklists, canteen food safety, "
                                "teacher ethics, signed bundles and reports. With no command, "
                                "starts the desktop app.")
    parser.add_argument("--home", help="profile folder (default: $SCHOOL_INSPECT_HOME or the "
                                       "user data folder)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON")
    from app.cli.context import add_common_password_option
    add_common_password_option(common)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES if commands else ():
        module.register(subparsers, common)
    return parser


PATH_ARGUMENTS = {"home", "file", "out", "image", "password_file", "new_password_file"}


def check_arguments(args) -> None:
    """Text arguments obey the same limits as any text (argv bytes that are not UTF-8 arrive
    as lone surrogates and are refused here); file names are left as the system gives them."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS or callable(value):
            continue
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, str):
                check_text(one, f"argument {name}", "long")


# The desktop front end (module:function), started when no command is given.
DESKTOP_UI = "ui.launcher:run"


def one_line(message: str) -> str:
    lines = [line.strip(" -") for line in str(message).splitlines() if line.strip()]
    return escape_controls("; ".join(lines))


def desktop_only(argv: list[str]) -> bool:
    """True when the arguments name no command (only --home): the desktop app starts and
    the command modules need not be loaded."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--home" and rest:
            rest.pop(0)
        elif not token.startswith("--home="):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not desktop_only(argv))
    try:
        args = parser.parse_args(argv)
    except KnownError as exc:       # an argument's value broke a limit (exit 1, one line)
        sys.stderr.write(f"school-inspect: {one_line(exc)}\n")
        return EXIT_ERROR
    if args.home:
        os.environ["SCHOOL_INSPECT_HOME"] = args.home
    if not args.command:
        return launch_desktop(args.home)
    try:
        check_arguments(args)
        return args.handler(args) or 0
    except KnownError as exc:
        hint = (" Give it with --password-file FILE or $SCHOOL_INSPECT_PASSWORD."
                if isinstance(exc, PasswordRequiredError) and "--password-file" not in str(exc)
                else "")
        sys.stderr.write(f"school-inspect: {one_line(exc)}{hint}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("school-inspect: interrupted; nothing half-written was kept\n")
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, details on request
        if os.environ.get("SCHOOL_INSPECT_DEBUG"):
            raise
        sys.stderr.write(f"school-inspect: internal error: {type(exc).__name__}: "
                         f"{one_line(exc)} (set SCHOOL_INSPECT_DEBUG=1 for details)\n")
        return EXIT_BUG


def launch_desktop(home: str | None) -> int:
    """Start the desktop UI. It is the one part of the program loaded by name: `app/` never
    imports `ui/` or Qt (tests/app/test_layers.py), so the core runs where Qt is missing.
    Naming the module costs nothing; finding it through a package entry point cost 38 ms
    of a 0.6 s start (importlib.metadata and a scan of every installed package)."""
    module_name, function = DESKTOP_UI.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name not in ("ui", module_name):
            raise           # the UI is there but something it needs is not: say what
        sys.stderr.write("school-inspect: the desktop app is not installed "
                         "(pip install -e . from the project folder)\n")
        return EXIT_ERROR
    return getattr(module, function)(home=home) or 0
