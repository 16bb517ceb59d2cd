"""Printing a command's result: JSON with --json, else plain text.

Its own module so the command modules import it without importing `app.cli.main`, which
imports them (no circle)."""

from __future__ import annotations

import json

from app.domain.limits import escape_controls, escape_json_text


def emit(args, data, text: str | None = None) -> None:
    """Print a command's result: JSON with --json, else the text (or JSON as fallback)."""
    if getattr(args, "json", False) or text is None:
        print(escape_json_text(json.dumps(data, ensure_ascii=False, indent=2, default=str)))
    elif text:
        # Names and notes may come from others' bundles: escape what a terminal would obey.
        print(escape_controls(text, keep="\n\t"))
