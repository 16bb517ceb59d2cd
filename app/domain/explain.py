"""Sentences that explain a grade to a person, in Chinese or English."""

from __future__ import annotations

from app.domain.scoring import Result
from app.domain.templates import Template

_WORDS = {
    "zh": {"no_score": "尚无评分", "total": "总分 {total:.1f}", "capped": "红线（一票否决）：{items}",
           "sep": "；", "list_sep": "、"},
    "en": {"no_score": "not scored yet", "total": "total {total:.1f}",
           "capped": "red line (veto): {items}", "sep": "; ", "list_sep": ", "},
}


def grade_reason(template: Template, result: Result, lang: str = "zh") -> str:
    """`不合格 — 红线（一票否决）：关心爱护学生` / `Pass — total 72.5`."""
    words = _WORDS[lang]
    if result.grade is None:
        return words["no_score"]
    parts = []
    if result.total is not None:
        parts.append(words["total"].format(total=result.total))
    if result.capped_by:
        names = words["list_sep"].join(template.item(k).text[lang] for k in result.capped_by)
        parts.append(words["capped"].format(items=names))
    return f"{result.grade.label[lang]} — {words['sep'].join(parts)}"
