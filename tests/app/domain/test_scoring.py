"""Scores, grades, red lines and completeness, as pure functions."""

import json

from hypothesis import assume, given, settings, strategies as st

from app.domain.scoring import score
from app.domain.templates import parse_template
from tests.conftest import MINI_TEMPLATE

MINI = parse_template(json.loads(MINI_TEMPLATE.read_text("utf-8")))
PERFECT = {"a.samples": "yes", "a.score": 5, "a.rating": "good", "b.fridge": 4,
           "b.choice": "full", "b.remarks": "ok", "b.date": "2026-09-01"}


def test_a_perfect_inspection_is_excellent_and_complete_with_its_photo():
    result = score(MINI, PERFECT, {"b.fridge": 1})
    assert result.total == 100 and result.grade.key == "excellent" and result.complete


def test_weights_count():
    # a.samples (weight 2) failed, everything else perfect: 4 of 6 weight points earned
    result = score(MINI, {**PERFECT, "a.samples": "no"}, {"b.fridge": 1})
    assert round(result.total, 2) == round(100 * 4 / 6, 2)


def test_a_failed_veto_item_fails_the_grade_whatever_the_total():
    answers = {**PERFECT, "a.samples": "no"}
    result = score(MINI, answers)
    assert result.grade.key == "fail" and result.vetoed_by == ("a.samples",)
    assert result.uncapped_grade.key == "pass"


def test_a_reading_outside_its_limits_fails_the_item():
    result = score(MINI, {**PERFECT, "b.fridge": 11.5})
    assert result.out_of_limits == ("b.fridge",) and "b.fridge" in result.failed


def test_na_is_left_out_of_the_denominator():
    result = score(MINI, {"a.samples": "yes", "a.score": "na"})
    assert result.total == 100


def test_completeness_lists_unanswered_required_items_and_missing_photos():
    result = score(MINI, {"a.samples": "yes"})
    assert set(result.missing_required) == {"a.score", "a.rating", "b.fridge", "b.choice"}
    assert result.missing_photos == ("b.fridge",) and not result.complete


def test_nothing_answered_has_no_score_and_no_grade():
    result = score(MINI, {})
    assert result.total is None and result.grade is None and result.progress == 0


# -- properties -----------------------------------------------------------------------------
def _answer_for(item):
    if item.type == "yes_no":
        return st.sampled_from(["yes", "no", "na"])
    if item.type == "score":
        return st.one_of(st.integers(0, item.max_score), st.just("na"))
    if item.type == "rating":
        return st.sampled_from([s["key"] for s in item.scale] + ["na"])
    if item.type == "choice":
        return st.sampled_from([c["key"] for c in item.choices] + ["na"])
    if item.type == "number":
        return st.floats(-30, 40, allow_nan=False)
    return st.just("text")


answers_strategy = st.fixed_dictionaries(
    {}, optional={item.key: _answer_for(item) for item in MINI.items})


@given(answers_strategy)
def test_scores_stay_within_0_and_100(answers):
    result = score(MINI, answers)
    assert result.total is None or 0 <= result.total <= 100
    for section in result.sections:
        assert section.score is None or 0 <= section.score <= 100


@given(answers_strategy, st.sets(st.sampled_from([i.key for i in MINI.items if i.scored])))
def test_marking_items_na_never_lowers_below_the_rest(answers, na_keys):
    """N/A removes an item from the count: the score equals the score of the other items."""
    without = {k: v for k, v in answers.items() if k not in na_keys}
    with_na = {**without, **{k: "na" for k in na_keys}}
    assert score(MINI, with_na).total == score(MINI, without).total


@given(answers_strategy)
def test_na_never_lowers_a_score_compared_with_failing_the_item(answers):
    for key in [i.key for i in MINI.items if i.type == "yes_no"]:
        failed = score(MINI, {**answers, key: "no"}).total
        not_applicable = score(MINI, {**answers, key: "na"}).total
        assume(failed is not None and not_applicable is not None)
        assert not_applicable >= failed


@settings(max_examples=200)
@given(answers_strategy)
def test_a_failed_veto_item_always_fails_the_grade(answers):
    result = score(MINI, {**answers, "a.samples": "no"})
    assert result.grade is not None and result.grade.key == "fail"
    assert "a.samples" in result.vetoed_by
