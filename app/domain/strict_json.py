"""Strict JSON: one document parsed with the limits every door applies (app/domain/limits.py
lists them all). Refused, each with a one-line message in the caller's error type: more than
`MAX_JSON_BYTES`, not UTF-8, nesting deeper than `MAX_DEPTH` (checked before parsing, so a
200,000-deep document is a clean refusal, never a RecursionError), a key twice in one
object, integers beyond ±`MAX_INT`, NaN/Infinity, NUL or lone surrogates in any string."""

from __future__ import annotations

import json
import math
import re
import threading
from itertools import accumulate
from typing import Any

from app.domain.text_escape import escape_controls
from app.errors import ValidationError

MAX_DEPTH = 32                    # templates nest about 8 deep; records are flat
MAX_INT = 2 ** 53 - 1             # the largest integer every JSON reader holds exactly
MAX_JSON_BYTES = 16 << 20         # one JSON document (manifest, template file, CLI argument)

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


# -- strict JSON -----------------------------------------------------------------------------
class _Refused(ValueError):
    """Raised inside the JSON parser's hooks; turned into the caller's error type."""


def loads(data: bytes | str, what: str, *, error: type[Exception] = ValidationError,
          max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse one JSON document strictly, or raise `error` with "what: problem".

    Refused: more than `max_bytes`, not UTF-8, nesting deeper than `max_depth`, a key twice in
    one object, integers beyond ±MAX_INT, NaN/Infinity, NUL or lone surrogates in any string.
    """
    if len(data) > max_bytes:
        raise error(f"{what}: larger than the limit of {max_bytes} bytes.")
    if isinstance(data, (bytes, bytearray)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise error(f"{what}: not UTF-8 text.") from None
    else:
        text = data
    try:
        _check_depth(text, max_depth)
        value = _strict_decode(text)
        # Text decoded from UTF-8 holds no lone surrogate (the decoder refuses them): only a
        # raw NUL, or an escape, can bring in what _check_strings refuses.
        if "\\u" in text or ("\x00" in text if text is not data else _BAD_CHARS.search(text)):
            _check_strings(value)
    except _Refused as exc:
        raise error(f"{what}: {exc}.") from None
    except json.JSONDecodeError as exc:
        if "\n" in text:       # a file: name the line, as an editor shows it
            raise error(f"{what}: line {exc.lineno}, column {exc.colno}: not valid JSON "
                        f"({exc.msg}).") from None
        raise error(f"{what} is not valid JSON ({exc.msg} at column {exc.colno}).") from None
    except RecursionError:  # belt and braces: the depth check runs first
        raise error(f"{what}: nested deeper than {max_depth} levels.") from None
    return value


_DECODERS = threading.local()


def _strict_decode(text: str) -> Any:
    """`json.loads` with the strict hooks, through one decoder per thread (a bundle holds
    hundreds of thousands of lines; building a decoder for each cost as much as parsing)."""
    decoder = getattr(_DECODERS, "decoder", None)
    if decoder is None:
        decoder = _DECODERS.decoder = json.JSONDecoder(
            object_pairs_hook=_unique_object, parse_int=_parse_int,
            parse_float=_parse_float, parse_constant=_parse_constant)
    if text.startswith("\ufeff"):   # as json.loads
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    return decoder.decode(text)


def _check_depth(text: str, max_depth: int) -> None:
    # Cheap bound first: a document with few brackets cannot be deep.
    if text.count("[") + text.count("{") <= max_depth:
        return
    # The brackets outside strings, in order (the same scan as matching strings and
    # brackets left to right), and the deepest running depth they reach, all in C.
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) > max_depth:
        raise _Refused(f"nested deeper than {max_depth} levels")


def _unique_object(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) == len(pairs):     # no key twice (the common case, checked in C)
        return result
    seen = set()
    for key, _value in pairs:
        if key in seen:
            raise _Refused(f"the key {escape_controls(key)[:60]!r} appears twice in one object")
        seen.add(key)
    return result


def _parse_int(text: str) -> int:
    if len(text) > 17:
        raise _Refused(f"the integer {text[:20]}… is beyond ±{MAX_INT}")
    value = int(text)
    if abs(value) > MAX_INT:
        raise _Refused(f"the integer {text} is beyond ±{MAX_INT}")
    return value


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:30]} is too large")
    return value


def _parse_constant(text: str) -> float:
    raise _Refused(f"{text} is not a number JSON allows")


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        _check_chars(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_chars(key)
            _check_strings(item)
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


def _check_chars(text: str) -> None:
    bad = _BAD_CHARS.search(text)
    if bad:
        what = "a NUL character" if bad.group() == "\x00" else "a lone surrogate"
        raise _Refused(f"text holds {what} (U+{ord(bad.group()):04X})")
