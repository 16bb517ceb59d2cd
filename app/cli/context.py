"""Opening the profile for a command."""

from __future__ import annotations

from app.workspace import Workspace


def workspace(args) -> Workspace:
    return Workspace.open(getattr(args, "home", None))


def command(subparsers, common, name: str, handler, help_text: str, **kwargs):
    """Add a subcommand with its help text and the common --json flag."""
    parser = subparsers.add_parser(name, parents=[common], help=help_text,
                                   description=help_text, **kwargs)
    parser.set_defaults(handler=handler)
    return parser
