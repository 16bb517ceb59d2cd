"""Scores and grades as pure functions of a template and its answers.

- N/A and unanswered items are left out of numerator and denominator, so N/A never lowers a
  score. A stored value the item does not accept (N/A on a veto item, a key not in the scale,
  whatever a bundle or a hand-edited database holds) counts as unanswered.
- An item weight is multiplied by its section weight; totals and section scores are 0–100.
- A failed veto item (一票否决) makes the grade the lowest band (不合格) whatever the total;
  a failed cap item (限定等级项) limits the grade to its cap band ("最高评为合格").
- There is no grade (尚未评定) until the template's `grade_after` share of the required
  items is answered, except that a failed veto already decides it; a visit-record template
  (`graded: false`) never has a grade.
- Completeness: required items answered, required photos attached, and every failure
  carrying the facts its template asks for (a failed veto always needs a written fact).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from app.domain.answers import NA, out_of_limits, valid_stored
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
    vetoed_by: tuple = ()        # failed veto items (一票否决)
    capped_by: tuple = ()        # failed cap items (限定等级项)
    sections: tuple = ()
    failed: tuple = ()
    missing_required: tuple = ()
    missing_photos: tuple = ()
    missing_facts: tuple = ()    # (item key, "note" | "evidence" | "action")
    out_of_limits: tuple = ()
    answered: int = 0
    item_count: int = 0
    graded: bool = True
    fractions: Mapping[str, float | None] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing_required and not self.missing_photos \
            and not self.missing_facts

    @property
    def progress(self) -> float:
        return self.answered / self.item_count if self.item_count else 1.0

    @property
    def limited_by(self) -> tuple:
        """Every failed item that decided or limited the grade, vetoes first."""
        return self.vetoed_by + self.capped_by


def item_fraction(item: Item, value: Any) -> float | None:
    """The answer's share of the item's points, 0..1, or None when it does not count."""
    if value is None or value == NA or not item.scored or not valid_stored(item, value):
        return None
    return _fraction(item, value)


def _fraction(item: Item, value: Any) -> float | None:
    """`item_fraction` of a value the item accepts, not N/A, of a scored item."""
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
    """A scored answer below the pass fraction; a reading out of its limits scores 0."""
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
          evidence: Mapping[str, int] | None = None, notes: Mapping[str, str] | None = None,
          actions: Mapping[str, int] | None = None) -> Result:
    """Score one inspection. `answers` maps item key → stored value; `evidence` item key →
    number of attached files; `notes` item key → note; `actions` item key → number of
    corrective actions raised on it."""
    evidence, notes, actions = evidence or {}, notes or {}, actions or {}
    items = template.items
    given = {i.key: answers[i.key] for i in items
             if i.key in answers and valid_stored(i, answers[i.key])}
    # item_fraction of each answer, validated once (just above).
    fractions = {i.key: _fraction(i, given[i.key])
                 if i.key in given and given[i.key] != NA and i.scored else None
                 for i in items}
    sections, all_pairs = [], []
    for section in template.sections:
        pairs = [(i.weight * section.weight, fractions[i.key]) for i in section.items
                 if fractions[i.key] is not None]
        all_pairs += pairs
        answered = sum(1 for i in section.items if i.key in given)
        sections.append(SectionScore(section.key, _weighted(pairs) if template.graded else None,
                                     answered, len(section.items)))
    # is_failed, from the fractions just computed (each answer is judged once).
    failed = [i for i in items if fractions[i.key] is not None
              and fractions[i.key] < template.pass_fraction]
    total = _weighted(all_pairs) if template.graded else None
    uncapped = grade_for(template, total)
    grade = _grade(template, given, uncapped, failed)
    return Result(
        total=total, grade=grade, uncapped_grade=uncapped,
        vetoed_by=tuple(i.key for i in failed if i.veto),
        capped_by=tuple(i.key for i in failed if i.cap is not None),
        sections=tuple(sections), failed=tuple(i.key for i in failed),
        missing_required=tuple(i.key for i in items if i.required and i.key not in given),
        missing_photos=tuple(i.key for i in items
                             if i.photo_required and not evidence.get(i.key)),
        missing_facts=_missing_facts(failed, notes, evidence, actions),
        out_of_limits=tuple(i.key for i in items
                            if i.type == "number" and out_of_limits(i, given.get(i.key))),
        answered=len(given), item_count=len(items), graded=template.graded,
        fractions=fractions)


def _grade(template: Template, given: Mapping[str, Any], uncapped: Band | None,
           failed: list[Item]) -> Band | None:
    """The grade: the lowest band on a failed veto; none before enough is answered; else
    the band of the total, limited by each failed cap item."""
    if not template.graded:
        return None
    if any(i.veto for i in failed):
        return template.lowest
    required = [i for i in template.items if i.required and i.scored]
    answered = sum(1 for i in required if i.key in given)
    if uncapped is None or (required and answered / len(required) < template.grade_after - 1e-9):
        return None
    grade = uncapped
    for item in failed:
        if item.cap is not None:
            grade = worse_band(template, grade, template.band(item.cap))
    return grade


def with_actions(result: Result, actions: Mapping[str, int]) -> Result:
    """`result` after corrective actions were raised (`actions`: item key → count, at least
    those `result` was scored with): actions only ever satisfy the "action" facts a failure
    needs; nothing else in a score depends on them."""
    return replace(result, missing_facts=tuple(
        (key, need) for key, need in result.missing_facts
        if not (need == "action" and actions.get(key))))


def _missing_facts(failed: list[Item], notes: Mapping[str, str], evidence: Mapping[str, int],
                   actions: Mapping[str, int]) -> tuple:
    have = {"note": lambda k: bool((notes.get(k) or "").strip()),
            "evidence": lambda k: bool(evidence.get(k)),
            "action": lambda k: bool(actions.get(k))}
    return tuple((i.key, need) for i in failed for need in i.fact_needs()
                 if not have[need](i.key))
