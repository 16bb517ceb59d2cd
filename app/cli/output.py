"""Printing a command's result: JSON with --json, else plain text.

Its own module so the command modules import it without importing `app.cli.main`, which
imports them (no circle)."""

from __future__ import annotations

import json


def emit(args, data, text: str | None = None) -> None:
    """Print a command's result: JSON with --json, else the text (or JSON as fallback)."""
    if getattr(args, "json", False) or text is None:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif text:
        print(text)
