"""Printing untrusted text: control characters, bidi overrides and lone surrogates shown as
escapes instead of acting, on a terminal or inside JSON text."""

from __future__ import annotations

import re
from typing import Any

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                       "\ud800-\udfff]")


def escape_controls(text: Any, *, keep: str = "") -> str:
    """Text safe to print on a terminal: control characters (ESC, CR, BEL…), C1 controls,
    bidi overrides and lone surrogates shown as \\xNN / \\uNNNN instead of acting; the
    characters in `keep` (e.g. newline and tab for multi-line output) pass unchanged."""
    return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else _escape_char(m),
                         str(text))


_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_json_text(text: str) -> str:
    """JSON text (as `json.dumps(ensure_ascii=False)` writes it) with the controls JSON leaves
    raw — C1, bidi overrides, lone surrogates — written as \\uNNNN, still valid JSON."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
