"""Vetoes (一票否决) and caps (限定等级项), failures that must carry facts, and the grade that
exists only once enough is answered: validator and scoring rules, for any template."""

from __future__ import annotations

import copy

import pytest

from app.domain.answers import normalise_answer
from app.domain.explain import grade_reason
from app.domain.scoring import score
from app.domain.template_format import validate_template
from app.domain.templates import parse_template
from app.errors import ValidationError

BANDS = [{"key": "excellent", "label": {"zh": "优秀", "en": "Excellent"}, "min": 90},
         {"key": "pass", "label": {"zh": "合格", "en": "Pass"}, "min": 60},
         {"key": "fail", "label": {"zh": "不合格", "en": "Fail"}, "min": 0}]
SOURCE = {"zh": "《测试依据》", "en": "Test basis"}


def item(key, **fields):
    return {"key": key, "type": "yes_no", "text": {"zh": f"{key}符合要求。", "en": f"{key} ok."},
            "short": {"zh": f"短{key}", "en": f"short {key}"}, "source": SOURCE, **fields}


def body(*items, **grading):
    return {"format": "school-inspect-template", "format_version": 1, "key": "judged",
            "version": 1, "kind": "inspection", "modes": ["inspection"],
            "title": {"zh": "测试", "en": "Test"}, "description": {"zh": "测试", "en": "Test"},
            "grading": {"bands": copy.deepcopy(BANDS), "pass_fraction": 0.6, **grading},
            "sections": [{"key": "s", "title": {"zh": "部分", "en": "Part"},
                          "items": list(items)}]}


PLAIN = [item(f"p{n}") for n in range(8)]
JUDGED = parse_template(body(item("v", veto=True), item("c", cap="pass"), *PLAIN))
ALL_YES = {i.key: "yes" for i in JUDGED.items}


# -- the validator -------------------------------------------------------------------------
@pytest.mark.parametrize("bad, expected", [
    (item("v", veto=True, na_allowed=True), "cannot be answered 不适用"),
    (item("v", veto=True, cap="pass"), "either a veto"),
    (item("v", cap="fail"), "is a veto"),
    (item("v", veto=True, required=False), "must be required"),
    ({**item("v", veto=True), "type": "text"}, "can never fail"),
    ({**item("v", veto=True), "type": "number"}, "can never fail"),
    ({**item("v", cap="pass"), "type": "choice",
      "choices": [{"key": "a", "label": SOURCE, "score": 1},
                  {"key": "b", "label": SOURCE, "score": 0.8}]}, "can never fail"),
    (item("v", critical=True, veto=True), "old form"),
    ({**item("v", veto=True), "type": "choice",
      "choices": [{"key": "yes", "label": SOURCE, "score": 1},
                  {"key": "partly", "label": SOURCE, "score": 0.7},
                  {"key": "no", "label": SOURCE, "score": 0}]}, "in part"),
    (item("v", on_fail={"photo": True}), "on_fail"),
    (item("v", cap="nonsense"), "not a band key"),
])
def test_the_validator_refuses_a_judgement_that_cannot_hold(bad, expected):
    problems = validate_template(body(bad, *PLAIN))
    assert any(expected in p for p in problems), problems


def test_a_record_without_grades_has_no_vetoes():
    problems = validate_template(body(item("v", veto=True), *PLAIN, graded=False))
    assert any("without grades" in p for p in problems)


def test_an_old_critical_item_loads_as_veto_or_cap_by_its_cap_band():
    old = parse_template(body(item("v", critical=True), item("c", critical=True, cap="pass"),
                              *PLAIN, critical_cap="fail"))
    assert old.item("v").veto and not old.item("v").na_allowed
    assert old.item("c").cap == "pass" and not old.item("c").veto


def test_levels_must_be_known_school_levels():
    assert validate_template({**body(*PLAIN), "levels": ["primary", "junior"]}) == []
    assert any("levels" in p for p in validate_template({**body(*PLAIN), "levels": ["uni"]}))


# -- answering ---------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["na", "N/A", "不适用"])
def test_a_veto_item_refuses_na_with_one_line(raw):
    with pytest.raises(ValidationError) as refused:
        normalise_answer(JUDGED.item("v"), raw)
    assert "\n" not in str(refused.value) and "一票否决" in str(refused.value)


def test_a_cap_item_and_a_plain_item_may_be_na():
    assert normalise_answer(JUDGED.item("c"), "na") == "na"
    assert normalise_answer(JUDGED.item("p0"), "na") == "na"


# -- scoring -----------------------------------------------------------------------------------
def test_a_failed_veto_fails_whatever_the_total_and_is_called_veto():
    result = score(JUDGED, {**ALL_YES, "v": "no"}, notes={"v": "现场发现问题"})
    assert result.grade.key == "fail" and result.vetoed_by == ("v",) and not result.capped_by
    assert grade_reason(JUDGED, result, "zh") == "不合格 — 一票否决：短v"


def test_a_cap_at_pass_limits_the_grade_and_is_never_called_veto():
    result = score(JUDGED, {**ALL_YES, "c": "no"})
    assert result.grade.key == "pass" and result.capped_by == ("c",) and not result.vetoed_by
    for lang in ("zh", "en"):
        reason = grade_reason(JUDGED, result, lang)
        assert "一票否决" not in reason and "veto" not in reason.lower()
    assert "限定等级项未达标（最高评为合格）：短c" in grade_reason(JUDGED, result, "zh")


def test_the_cap_text_names_the_cap_band_whatever_the_total():
    low = score(JUDGED, {**ALL_YES, "c": "no", **{f"p{n}": "no" for n in range(5)}})
    high = score(JUDGED, {**ALL_YES, "c": "no"})
    assert low.grade.key == "fail" and high.grade.key == "pass"
    assert "最高评为合格" in grade_reason(JUDGED, low) and "最高评为合格" in grade_reason(JUDGED, high)


def test_na_stored_on_a_veto_counts_as_unanswered():
    """A bundle or a hand-edited database cannot slip N/A past the answer service."""
    result = score(JUDGED, {**ALL_YES, "v": "na"})
    assert "v" in result.missing_required and not result.complete


def test_no_grade_until_the_declared_share_is_answered():
    one = score(JUDGED, {"p0": "yes"})
    assert one.total == 100 and one.grade is None
    assert grade_reason(JUDGED, one, "zh") == "尚未评定"
    half = parse_template(body(item("v", veto=True), *PLAIN, grade_after=0.3))
    assert score(half, {"v": "yes", "p0": "yes", "p1": "yes"}).grade.key == "excellent"


def test_a_failed_veto_decides_the_grade_before_the_share_is_reached():
    assert score(JUDGED, {"v": "no"}).grade.key == "fail"


def test_a_failed_veto_needs_a_written_fact_to_complete():
    result = score(JUDGED, {**ALL_YES, "v": "no"})
    assert result.missing_facts == (("v", "note"),) and not result.complete
    assert score(JUDGED, {**ALL_YES, "v": "no"}, notes={"v": "  "}).missing_facts
    assert score(JUDGED, {**ALL_YES, "v": "no"}, notes={"v": "体罚学生属实"}).complete


def test_a_failure_carries_the_facts_its_template_asks_for():
    template = parse_template(body(
        item("f", on_fail={"note": True, "evidence": True, "action": True}), *PLAIN))
    answers = {**{i.key: "yes" for i in template.items}, "f": "no"}
    assert set(score(template, answers).missing_facts) == {("f", "note"), ("f", "evidence"),
                                                          ("f", "action")}
    done = score(template, answers, {"f": 1}, notes={"f": "x"}, actions={"f": 1})
    assert done.complete and not score(template, {**answers, "f": "yes"}).missing_facts


def test_an_out_of_limit_reading_is_a_failure_and_can_veto():
    reading = {**item("r", veto=True), "type": "number", "limits": {"min": 250}}
    template = parse_template(body(reading, *PLAIN))
    answers = {i.key: "yes" for i in template.items if i.type == "yes_no"}
    low = score(template, {**answers, "r": 200}, notes={"r": "浓度不足"})
    assert "r" in low.failed and "r" in low.out_of_limits and low.grade.key == "fail"
    high = score(template, {**answers, "r": 400})
    assert "r" not in high.failed and high.grade.key == "excellent"


def test_a_visit_record_never_has_a_grade():
    record = parse_template(body(*PLAIN, graded=False))
    result = score(record, {i.key: "yes" for i in record.items})
    assert result.grade is None and result.total is None and result.complete
    assert grade_reason(record, result, "zh") == "督导记录（不评定等级）"
