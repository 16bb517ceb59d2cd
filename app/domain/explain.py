"""Sentences that explain a grade to a person, in Chinese or English.

One wording for each judgement, everywhere (window, reports, CLI): only a failed veto item is
called 一票否决 (and the grade is then the lowest band); a failed cap item is a 限定等级项 and
says the band it limits the grade to ("最高评为合格"), which does not change with the total.
Items are named by their short labels, joined with "；".
"""

from __future__ import annotations

from app.domain.scoring import Result
from app.domain.templates import Template

WORDS = {
    "zh": {"not_graded": "尚未评定", "record": "督导记录（不评定等级）",
           "total": "总分 {total:.1f}", "veto": "一票否决：{items}",
           "cap": "限定等级项未达标（最高评为{band}）：{items}", "sep": "；", "list_sep": "；",
           "dash": " — "},
    "en": {"not_graded": "Not yet graded", "record": "Visit record (not graded)",
           "total": "total {total:.1f}", "veto": "veto (one-vote fail): {items}",
           "cap": "grade-limiting item not met (at most {band}): {items}", "sep": "; ",
           "list_sep": "; ", "dash": " — "},
}


def words(lang: str) -> dict:
    return WORDS["en" if lang == "en" else "zh"]


def short_names(template: Template, keys, lang: str) -> str:
    """`关心爱护学生；坚守廉洁自律`: the items' short labels."""
    return words(lang)["list_sep"].join(template.item(k).short_label(lang) for k in keys)


def judgement_parts(template: Template, result: Result, lang: str) -> list[str]:
    """The veto sentence, then one cap sentence per cap band (stable: the band the items
    limit the grade to, not the grade that results)."""
    w = words(lang)
    parts = []
    if result.vetoed_by:
        parts.append(w["veto"].format(items=short_names(template, result.vetoed_by, lang)))
    by_band: dict[str, list[str]] = {}
    for key in result.capped_by:
        by_band.setdefault(template.item(key).cap, []).append(key)
    for band, keys in by_band.items():
        parts.append(w["cap"].format(band=template.band(band).label[lang],
                                     items=short_names(template, keys, lang)))
    return parts


def grade_reason(template: Template, result: Result, lang: str = "zh") -> str:
    """`不合格 — 一票否决：关心爱护学生` / `合格 — 总分 96.1；限定等级项未达标（最高评为合格）：…`
    / `尚未评定`."""
    w = words(lang)
    if not result.graded:
        return w["record"]
    if result.grade is None:
        return w["not_graded"]
    parts = []
    if result.total is not None and not result.vetoed_by:
        parts.append(w["total"].format(total=result.total))
    parts += judgement_parts(template, result, lang)
    return result.grade.label[lang] + (w["dash"] + w["sep"].join(parts) if parts else "")
