"""Scores and grades as pure functions of a template and its answers.

- N/A and unanswered items are left out of numerator and denominator, so N/A never lowers a
  score.
- An item weight is multiplied by its section weight; totals and section scores are 0–100.
- A failed critical item (red line, 一票否决) caps the grade at its cap band whatever the total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from app.domain.answers import NA, out_of_limits
from app.domain.templates import Band, Item, Template


@dataclass(frozen=True)
class SectionScore:
    key: str
    score: float | None
    answered: int
    total: int


@dataclass(frozen=True)
class Result:
    total: float | None
    grade: Band | None
    uncapped_grade: Band | None
    capped_by: tuple = ()
    sections: tuple = ()
    failed: tuple = ()
    missing_required: tuple = ()
    missing_photos: tuple = ()
    out_of_limits: tuple = ()
    answered: int = 0
    item_count: int = 0
    fractions: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing_required and not self.missing_photos

    @property
    def progress(self) -> float:
        return self.answered / self.item_count if self.item_count else 1.0


def item_fraction(item: Item, value: Any) -> float | None:
    """The answer's share of the item's points, 0..1, or None when it does not count."""
    if value is None or value == NA or not item.scored:
        return None
    if item.type == "yes_no":
        return 1.0 if value == "yes" else 0.0
    if item.type == "score":
        return max(0.0, min(1.0, float(value) / item.max_score))
    if item.type == "rating":
        keys = [s["key"] for s in item.scale]
        return keys.index(value) / (len(keys) - 1) if value in keys else None
    if item.type == "number":
        return 0.0 if out_of_limits(item, value) else 1.0
    if item.type == "choice":
        choice = next((c for c in item.choices if c["key"] == value), None)
        return float(choice["score"]) if choice and "score" in choice else None
    return None


def is_failed(item: Item, value: Any, pass_fraction: float) -> bool:
    fraction = item_fraction(item, value)
    return fraction is not None and fraction < pass_fraction


def grade_for(template: Template, total: float | None) -> Band | None:
    if total is None:
        return None
    return next((b for b in template.bands if total >= b.min - 1e-9), template.bands[-1])


def worse_band(template: Template, first: Band | None, second: Band) -> Band:
    if first is None:
        return second
    order = [b.key for b in template.bands]
    return first if order.index(first.key) >= order.index(second.key) else second


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    denominator = sum(weight for weight, _ in pairs)
    if denominator <= 0:
        return None
    return 100.0 * sum(weight * fraction for weight, fraction in pairs) / denominator


def score(template: Template, answers: Mapping[str, Any],
          evidence: Mapping[str, int] | None = None) -> Result:
    """Score one inspection. `answers` maps item key → stored value; `evidence` item key →
    number of attached files."""
    evidence = evidence or {}
    fractions = {i.key: item_fraction(i, answers.get(i.key)) for i in template.items}
    sections, all_pairs = [], []
    for section in template.sections:
        pairs = [(i.weight * section.weight, fractions[i.key]) for i in section.items
                 if fractions[i.key] is not None]
        all_pairs += pairs
        answered = sum(1 for i in section.items if answers.get(i.key) is not None)
        sections.append(SectionScore(section.key, _weighted(pairs), answered,
                                     len(section.items)))
    total = _weighted(all_pairs)
    uncapped = grade_for(template, total)
    grade, capped_by, failed = uncapped, [], []
    for item in template.items:
        if not is_failed(item, answers.get(item.key), template.pass_fraction):
            continue
        failed.append(item.key)
        if item.critical:
            cap = template.band(item.cap or template.critical_cap)
            capped_by.append(item.key)
            grade = worse_band(template, grade, cap)
    return Result(
        total=total, grade=grade, uncapped_grade=uncapped, capped_by=tuple(capped_by),
        sections=tuple(sections), failed=tuple(failed),
        missing_required=tuple(i.key for i in template.items
                               if i.required and answers.get(i.key) is None),
        missing_photos=tuple(i.key for i in template.items
                             if i.photo_required and not evidence.get(i.key)),
        out_of_limits=tuple(i.key for i in template.items
                            if out_of_limits(i, answers.get(i.key))),
        answered=sum(1 for i in template.items if answers.get(i.key) is not None),
        item_count=len(template.items), fractions=fractions)
