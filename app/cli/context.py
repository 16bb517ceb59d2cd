"""Opening the profile for a command, and the signing key's password for those that sign."""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.limits import escape_controls
from app.errors import ValidationError
from app.security.vault import PASSWORD_ENV as PROFILE_PASSWORD_ENV

PASSWORD_ENV = "SCHOOL_INSPECT_KEY_PASSWORD"


def password_of(args) -> str | None:
    """The profile's password (which also opens its keys): --password-file, else
    $SCHOOL_INSPECT_PASSWORD, else the signing key's $SCHOOL_INSPECT_KEY_PASSWORD."""
    return read_password(getattr(args, "password_file", None)) \
        or os.environ.get(PROFILE_PASSWORD_ENV) or os.environ.get(PASSWORD_ENV) or None


def workspace(args):
    # Imported here, not at the top: `--help` and argument errors never open a profile, and
    # the workspace pulls in SQLite, cryptography and the template catalogue.
    import sys

    from app.workspace import Workspace
    ws = Workspace.open(getattr(args, "home", None), password=password_of(args))
    for notice in ws.notices:       # said once, on stderr: stdout stays the command's output
        print(f"note: {escape_controls(notice)}", file=sys.stderr)
    return ws


def read_password(path: str | None) -> str | None:
    """The first line of a password file (so no password ever shows in a process list)."""
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Cannot read a password from {path}.") from exc


def add_password_option(parser) -> None:
    """Every command takes --password-file (the common options); kept for the commands that
    named it before."""


def add_common_password_option(common) -> None:
    common.add_argument("--password-file", help="file whose first line is the profile's "
                        f"password, which also opens its keys (or set ${PROFILE_PASSWORD_ENV}; "
                        f"the signing key's alone: ${PASSWORD_ENV})")


def command(subparsers, common, name: str, handler, help_text: str, **kwargs):
    """Add a subcommand with its help text and the common --json flag."""
    parser = subparsers.add_parser(name, parents=[common], help=help_text,
                                   description=help_text, **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def whole_number(option: str, low: int, high: int):
    """An argparse type: a whole number within low..high. Anything else is bad input (a
    `ValidationError`, exit 1 with one line), not a crash and not an endless run."""
    def parse(text: str) -> int:
        try:
            value = int(text) if len(text) <= 20 else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise ValidationError(f"option {option}: a whole number {low}..{high} is needed "
                                  f"(got {escape_controls(text)[:30]!r}).")
        return value
    return parse
