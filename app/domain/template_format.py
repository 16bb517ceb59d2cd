"""The template file format: its constants and the validator (format in docs/TEMPLATES.md).

Validation collects every problem with its place (item key or JSON path, and field) so a user
importing a template learns all that is wrong at once, not one error per attempt.
"""

from __future__ import annotations

import re
from typing import Any

from app.domain.levels import LEVELS
from app.domain.limits import TEXT_LIMITS

FORMAT = "school-inspect-template"
FORMAT_VERSION = 1
KINDS = ("inspection", "food_safety", "ethics", "safety", "kindergarten", "supervision",
         "survey")
MODES = ("inspection", "self_assessment")
ITEM_TYPES = ("yes_no", "score", "rating", "number", "text", "date", "choice", "photo")
UNSCORED_TYPES = ("text", "date", "photo")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ITEM_KEY_RE = re.compile(r"^[a-z0-9_.]+$")
NA_TYPES = ("yes_no", "score", "rating", "number", "choice")
# School levels (学段) a template may name in `levels`: the codes school records use.
SCHOOL_LEVELS = LEVELS
ON_FAIL_NEEDS = ("note", "evidence", "action")
# Share of the required scored items that must be answered before a grade is shown, when the
# template does not declare its own `grading.grade_after`.
DEFAULT_GRADE_AFTER = 0.8
# -- validation ----------------------------------------------------------------------------
def validate_template(body: Any) -> list[str]:
    """Every problem of a template body, each naming its place and field."""
    if not isinstance(body, dict):
        return ["the file must hold one JSON object"]
    problems: list[str] = []
    _check_header(body, problems)
    bands = _check_grading(body.get("grading"), problems)
    sections = body.get("sections")
    if not isinstance(sections, list) or not sections:
        problems.append("sections: must be a non-empty list")
        return problems
    context = _context(body, bands)
    seen_items: set[str] = set()
    seen_sections: set[str] = set()
    for index, section in enumerate(sections):
        _check_section(section, index, context, seen_sections, seen_items, problems)
    _check_raters(body.get("raters"), seen_items, sections, problems)
    if isinstance(body.get("grading"), dict) and body["grading"].get("graded") is False and any(
            isinstance(i, dict) and (i.get("veto") or i.get("cap") or i.get("critical"))
            for s in sections if isinstance(s, dict) for i in s.get("items") or []
            if isinstance(s.get("items"), list)):
        problems.append("grading.graded: a template without grades cannot have veto or cap "
                        "items")
    return problems


def _context(body: dict, bands: list) -> dict:
    """What an item check needs to know of the whole template."""
    grading = body.get("grading") if isinstance(body.get("grading"), dict) else {}
    sets = body.get("answer_sets") if isinstance(body.get("answer_sets"), dict) else {}
    pass_fraction = grading.get("pass_fraction", 0.6)
    return {"bands": bands, "answer_sets": sets,
            "pass_fraction": pass_fraction if _is_number(pass_fraction) else 0.6,
            "critical_cap": grading.get("critical_cap") or (bands[-1] if bands else None)}


def _check_header(body: dict, problems: list[str]) -> None:
    if body.get("format") != FORMAT:
        problems.append(f"format: must be {FORMAT!r}")
    if body.get("format_version") != FORMAT_VERSION:
        problems.append(f"format_version: {body.get('format_version')!r} is not known "
                        f"(this version reads {FORMAT_VERSION})")
    if not isinstance(body.get("key"), str) or not KEY_RE.match(body["key"]):
        problems.append("key: must be lower-case letters, digits and _ (e.g. canteen_check)")
    if not isinstance(body.get("version"), int) or isinstance(body.get("version"), bool) \
            or body["version"] < 1:
        problems.append("version: must be a whole number ≥ 1")
    if body.get("kind") not in KINDS:
        problems.append(f"kind: {body.get('kind')!r} is not one of {', '.join(KINDS)}")
    modes = body.get("modes")
    if not isinstance(modes, list) or not modes or any(m not in MODES for m in modes):
        problems.append(f"modes: must be a non-empty list of {', '.join(MODES)}")
    _check_text(body.get("title"), "title", problems)
    _check_text(body.get("description"), "description", problems)
    levels = body.get("levels")
    if levels is not None and (not isinstance(levels, list) or not levels
                               or any(level not in SCHOOL_LEVELS for level in levels)
                               or len(set(levels)) != len(levels)):
        problems.append(f"levels: must be a non-empty list of {', '.join(SCHOOL_LEVELS)}")
    sets = body.get("answer_sets", {})
    if not isinstance(sets, dict):
        problems.append("answer_sets: must be an object of named answer lists")
    else:
        for name, options in sets.items():
            _check_options(options, f"answer_sets.{name}", problems, minimum=2)


def _check_text(value: Any, where: str, problems: list[str], required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, dict):
        problems.append(f"{where}: must be {{'zh': …, 'en': …}}")
        return
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            problems.append(f"{where}.{lang}: the {'Chinese' if lang == 'zh' else 'English'} "
                            "text is missing")
        elif len(value[lang]) > TEXT_LIMITS["long"]:
            problems.append(f"{where}.{lang}: longer than {TEXT_LIMITS['long']} characters")


def _check_grading(grading: Any, problems: list[str]) -> list[str]:
    """The band keys, best first."""
    if not isinstance(grading, dict) or not isinstance(grading.get("bands"), list) \
            or not grading["bands"]:
        problems.append("grading.bands: must be a non-empty list")
        return []
    keys: list[str] = []
    last_min = float("inf")
    for i, band in enumerate(grading["bands"]):
        where = f"grading.bands[{i}]"
        if not isinstance(band, dict):
            problems.append(f"{where}: must be an object")
            continue
        if not isinstance(band.get("key"), str) or band["key"] in keys:
            problems.append(f"{where}.key: missing or repeated")
        keys.append(band.get("key"))
        _check_text(band.get("label"), f"{where}.label", problems)
        low = band.get("min")
        if not _is_number(low) or not 0 <= low <= 100 or low >= last_min:
            problems.append(f"{where}.min: must be 0..100 and lower than the band before")
        else:
            last_min = low
    if grading["bands"] and isinstance(grading["bands"][-1], dict) \
            and grading["bands"][-1].get("min") != 0:
        problems.append("grading.bands: the last band must have min 0")
    pass_fraction = grading.get("pass_fraction", 0.6)
    if not _is_number(pass_fraction) or not 0 < pass_fraction <= 1:
        problems.append("grading.pass_fraction: must be a number in (0, 1]")
    cap = grading.get("critical_cap")
    if cap is not None and cap not in keys:
        problems.append(f"grading.critical_cap: {cap!r} is not a band key")
    share = grading.get("grade_after", DEFAULT_GRADE_AFTER)
    if not _is_number(share) or not 0 < share <= 1:
        problems.append("grading.grade_after: must be a share in (0, 1] of the required items")
    if not isinstance(grading.get("graded", True), bool):
        problems.append("grading.graded: must be true or false")
    return keys


def _check_section(section: Any, index: int, context: dict, seen_sections: set,
                   seen_items: set, problems: list[str]) -> None:
    where = f"sections[{index}]"
    if not isinstance(section, dict):
        problems.append(f"{where}: must be an object")
        return
    key = section.get("key")
    if not isinstance(key, str) or not ITEM_KEY_RE.match(key) or key in seen_sections:
        problems.append(f"{where}.key: missing, repeated or not [a-z0-9_.]")
    seen_sections.add(key)
    _check_text(section.get("title"), f"section {key}: title", problems)
    weight = section.get("weight", 1)
    if not _is_number(weight) or weight < 0:
        problems.append(f"section {key}: weight: must be a number ≥ 0")
    items = section.get("items")
    if not isinstance(items, list) or not items:
        problems.append(f"section {key}: items: must be a non-empty list")
        return
    for i, item in enumerate(items):
        _check_item(item, f"section {key}, item #{i + 1}", context, seen_items, problems)


def _check_item(item: Any, where: str, context: dict, seen: set, problems: list[str]) -> None:
    if not isinstance(item, dict):
        problems.append(f"{where}: must be an object")
        return
    key = item.get("key")
    if not isinstance(key, str) or not ITEM_KEY_RE.match(key):
        problems.append(f"{where}: key: missing or not [a-z0-9_.]")
    elif key in seen:
        problems.append(f"item {key}: key: used twice")
    else:
        where = f"item {key}"
    seen.add(key)
    kind = item.get("type")
    if kind not in ITEM_TYPES:
        problems.append(f"{where}: type: {kind!r} is not one of {', '.join(ITEM_TYPES)}")
    _check_text(item.get("text"), f"{where}: text", problems)
    _check_text(item.get("source"), f"{where}: source", problems)
    _check_text(item.get("guidance"), f"{where}: guidance", problems, required=False)
    _check_text(item.get("short"), f"{where}: short", problems, required=False)
    weight = item.get("weight", 1)
    if not _is_number(weight) or weight < 0:
        problems.append(f"{where}: weight: must be a number ≥ 0")
    for flag in ("critical", "veto", "required", "photo_required", "na_allowed"):
        if flag in item and not isinstance(item[flag], bool):
            problems.append(f"{where}: {flag}: must be true or false")
    _check_type_fields(item, kind, where, context, problems)
    _check_on_fail(item.get("on_fail"), where, problems)
    _check_judgement(item, kind, where, context, problems)


def _check_type_fields(item: dict, kind: str, where: str, context: dict,
                       problems: list[str]) -> None:
    if kind == "score":
        top = item.get("max_score", 5)
        if not isinstance(top, int) or isinstance(top, bool) or top < 1:
            problems.append(f"{where}: max_score: must be a whole number ≥ 1")
    elif kind == "rating":
        _check_options(item.get("scale"), f"{where}: scale", problems, minimum=2)
    elif kind == "choice" and "answers" in item:
        if item["answers"] not in context["answer_sets"] or "choices" in item:
            problems.append(f"{where}: answers: {item['answers']!r} is not one of the "
                            "template's answer_sets (and cannot be combined with choices)")
    elif kind == "choice":
        _check_options(item.get("choices"), f"{where}: choices", problems, minimum=2)
    elif kind == "number":
        limits = item.get("limits", {})
        if not isinstance(limits, dict) or any(
                k not in ("min", "max") or not _is_number(v) for k, v in limits.items()):
            problems.append(f"{where}: limits: must be {{'min': number, 'max': number}}")
        elif "min" in limits and "max" in limits and limits["min"] > limits["max"]:
            problems.append(f"{where}: limits: min is greater than max")
        _check_text(item.get("unit"), f"{where}: unit", problems, required=False)


def _check_on_fail(on_fail: Any, where: str, problems: list[str]) -> None:
    """`on_fail`: what a failed answer must carry: a note, evidence, a corrective action."""
    if on_fail is None:
        return
    if not isinstance(on_fail, dict) or any(
            k not in ON_FAIL_NEEDS or not isinstance(v, bool) for k, v in on_fail.items()):
        problems.append(f"{where}: on_fail: must be {{'note'|'evidence'|'action': true/false}}")


def _check_judgement(item: dict, kind: str, where: str, context: dict,
                     problems: list[str]) -> None:
    """Veto (一票否决) and cap (限定等级项) items: one or the other, on an item that can fail,
    always answered, and a veto never 不适用."""
    bands = context["bands"]
    legacy = item.get("critical") is True
    cap = item.get("cap")
    if cap is not None and cap not in bands:
        problems.append(f"{where}: cap: {cap!r} is not a band key")
        return
    if legacy and item.get("veto") is not None:
        problems.append(f"{where}: critical is the old form of veto/cap: use one of them")
        return
    if item.get("veto") is True and cap is not None:
        problems.append(f"{where}: an item is either a veto (一票否决) or a cap (限定等级项)")
        return
    if not legacy and cap is not None and bands and cap == bands[-1]:
        problems.append(f"{where}: cap: a cap at the lowest band is a veto: write "
                        "\"veto\": true instead")
        return
    veto = item.get("veto") is True or (legacy and (cap or context["critical_cap"])
                                         == (bands[-1] if bands else None))
    if not (veto or cap is not None or legacy):
        if item.get("on_fail") and not _can_fail(item, kind, context):
            problems.append(f"{where}: on_fail: this item can never fail")
        return
    name = "veto" if veto else "cap"
    if not _can_fail(item, kind, context):
        problems.append(f"{where}: {name}: a {kind} item like this can never fail")
    if item.get("required") is False:
        problems.append(f"{where}: {name}: a veto or cap item must be required")
    if veto and kind == "choice" and _partial_pass(item, context):
        problems.append(f"{where}: veto: a veto is met or not: no answer may pass it in part "
                        "(use the 符合/不符合 answers)")
    if veto and item.get("na_allowed") is True:
        problems.append(f"{where}: na_allowed: a veto item (一票否决) cannot be answered "
                        "不适用 (N/A)")


def _partial_pass(item: dict, context: dict) -> bool:
    """A choice that passes without fully meeting the item (基本符合 on a red line)."""
    options = context["answer_sets"].get(item.get("answers")) if "answers" in item \
        else item.get("choices")
    return isinstance(options, list) and any(
        isinstance(o, dict) and _is_number(o.get("score"))
        and context["pass_fraction"] <= o["score"] < 1 for o in options)


def _can_fail(item: dict, kind: str, context: dict) -> bool:
    """Whether some answer to the item scores below the pass fraction."""
    if kind in ("yes_no", "score", "rating"):
        return True
    if kind == "number":
        limits = item.get("limits")
        return isinstance(limits, dict) and bool(limits)
    if kind == "choice":
        options = context["answer_sets"].get(item.get("answers")) if "answers" in item \
            else item.get("choices")
        return isinstance(options, list) and any(
            isinstance(o, dict) and _is_number(o.get("score"))
            and o["score"] < context["pass_fraction"] for o in options)
    return False


def _check_options(options: Any, where: str, problems: list[str], minimum: int) -> None:
    if not isinstance(options, list) or len(options) < minimum:
        problems.append(f"{where}: must list at least {minimum} options")
        return
    keys = set()
    for i, option in enumerate(options):
        if not isinstance(option, dict) or not isinstance(option.get("key"), str) \
                or option["key"] in keys:
            problems.append(f"{where}[{i}]: key: missing or repeated")
            continue
        keys.add(option["key"])
        _check_text(option.get("label"), f"{where}[{option['key']}].label", problems)
        score = option.get("score")
        if score is not None and (not _is_number(score) or not 0 <= score <= 1):
            problems.append(f"{where}[{option['key']}].score: must be between 0 and 1")


def _check_raters(raters: Any, items: set, sections: list, problems: list[str]) -> None:
    if raters is None:
        return
    if not isinstance(raters, list):
        problems.append("raters: must be a list")
        return
    score_items = {i.get("key") for s in sections if isinstance(s, dict)
                   for i in s.get("items", []) if isinstance(i, dict) and i.get("type") == "score"}
    for i, rater in enumerate(raters):
        if not isinstance(rater, dict) or not isinstance(rater.get("key"), str):
            problems.append(f"raters[{i}]: key: missing")
            continue
        if rater.get("item") not in score_items:
            problems.append(f"raters[{rater['key']}].item: {rater.get('item')!r} is not a "
                            "score item of this template")
        _check_text(rater.get("label"), f"raters[{rater['key']}].label", problems)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
