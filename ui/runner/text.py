"""Filling translated strings: PySide6's `tr()` returns a Python str (no QString.arg), so
placeholders %1, %2 … are filled here, in one pass so a value containing "%2" stays intact."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values) -> str:
    """`fill("Limit: %1", "0 – 8 °C")` → "Limit: 0 – 8 °C"."""
    def value(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)
    return _PLACEHOLDER.sub(value, text)


def join_names(names, lang: str) -> str:
    """Lists of names: 张三、李四 in Chinese, "A, B" in English."""
    return ("、" if lang == "zh" else ", ").join(names)
