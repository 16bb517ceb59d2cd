"""Answers to template items: turning user input into a stored value, checking it.

One place decides what a valid answer to each item type is, for the UI, the command line and
imported bundles alike.
"""

from __future__ import annotations

import math
from typing import Any

from app.domain.limits import MAX_NUMBER, TEXT_LIMITS, check_date, check_text
from app.domain.templates import Item
from app.errors import ValidationError

NA = "na"
YES_NO = ("yes", "no", NA)
NA_ALLOWED = ("yes_no", "score", "rating", "number", "choice")
MAX_TEXT = TEXT_LIMITS["long"]


def normalise_answer(item: Item, raw: Any) -> Any:
    """The value to store for `raw` (text from a CLI or editor, or a typed value).

    None clears the answer. Raises `ValidationError` naming the item and what is allowed.
    """
    if raw is None or (isinstance(raw, str) and raw.strip() == "" and item.type != "text"):
        return None
    if isinstance(raw, str) and raw.strip().lower() in ("na", "n/a", "不适用") \
            and item.type in NA_ALLOWED:
        value = NA
    else:
        value = _CONVERTERS[item.type](item, raw)
    if value == NA and not item.na_allowed:
        raise ValidationError(refused_na(item))
    return value


def refused_na(item: Item) -> str:
    """The one-line refusal of 不适用 on an item that must be judged."""
    if item.veto:
        return (f"item {item.key}: a veto item (一票否决) cannot be answered N/A (不适用); "
                "answer whether it is met.")
    return f"item {item.key}: this item cannot be answered N/A (不适用)."


def valid_stored(item: Item, value: Any) -> bool:
    """Whether a stored value (from this device, a bundle or the database file) is an
    answer the item accepts; anything else counts as unanswered."""
    if value is None:
        return False
    if value == NA:
        return item.na_allowed
    try:
        return _CONVERTERS[item.type](item, value) is not None
    except ValidationError:
        return False


_YES_NO_ALIASES = {"y": "yes", "1": "yes", "true": "yes", "是": "yes", "n": "no", "0": "no",
                   "false": "no", "否": "no", "不适用": NA}


def _yes_no(item: Item, raw: Any) -> str:
    text = str(raw).strip().lower()
    text = _YES_NO_ALIASES.get(text, text)
    if text not in YES_NO:
        raise ValidationError(f"item {item.key}: answer yes, no or na (got {raw!r}).")
    return text


def _score(item: Item, raw: Any) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError(f"item {item.key}: a whole number 0..{item.max_score} "
                              f"or na (got {raw!r}).") from None
    if not 0 <= value <= item.max_score:
        raise ValidationError(f"item {item.key}: {value} is outside 0..{item.max_score}.")
    return value


def _option(options: tuple, item: Item, raw: Any) -> str:
    text = str(raw).strip()
    for option in options:     # every answer is checked again when scored: no list made
        if option["key"] == text:
            return text
    keys = [o["key"] for o in options]
    raise ValidationError(f"item {item.key}: choose one of {', '.join(keys)} (got {raw!r}).")


def _number(item: Item, raw: Any) -> float:
    try:
        value = float(str(raw).strip().replace(",", "."))
    except ValueError:
        raise ValidationError(f"item {item.key}: a number is needed (got {raw!r}).") from None
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ValidationError(f"item {item.key}: a number between -{MAX_NUMBER:.0e} and "
                              f"{MAX_NUMBER:.0e} is needed.")
    return int(value) if value.is_integer() else value


def _text(item: Item, raw: Any) -> str:
    return check_text(str(raw), f"item {item.key}", "long")


def _date(item: Item, raw: Any) -> str:
    return check_date(str(raw).strip(), f"item {item.key}")


_CONVERTERS = {
    "yes_no": _yes_no,
    "score": _score,
    "rating": lambda item, raw: _option(item.scale, item, raw),
    "choice": lambda item, raw: _option(item.choices, item, raw),
    "number": _number,
    "text": _text,
    "date": _date,
    "photo": _text,
}


def out_of_limits(item: Item, value: Any) -> bool:
    """A number reading outside the item's limits (e.g. a fridge above 8 °C)."""
    if item.type != "number" or not isinstance(value, (int, float)) or value == NA:
        return False
    low, high = item.limits.get("min"), item.limits.get("max")
    return (low is not None and value < low) or (high is not None and value > high)


def describe_limits(item: Item, lang: str = "en") -> str:
    """`0 – 8 °C`, `≥ 125 g`, `≤ -12 °C`: the limit as shown next to a reading."""
    unit = f" {item.unit[lang]}" if item.unit else ""
    low, high = item.limits.get("min"), item.limits.get("max")
    if low is not None and high is not None:
        return f"{_fmt(low)} – {_fmt(high)}{unit}"
    if low is not None:
        return f"≥ {_fmt(low)}{unit}"
    if high is not None:
        return f"≤ {_fmt(high)}{unit}"
    return unit.strip()


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
