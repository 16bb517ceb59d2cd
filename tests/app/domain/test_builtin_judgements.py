"""The built-in templates judge as the regulations do: red lines are vetoes that cannot be
N/A, caps are never called 一票否决, limits are the regulation's, every seed theme has an item,
and the inspector reads no developer language."""

from __future__ import annotations

import json
import re

import pytest

from app.domain.answers import normalise_answer
from app.domain.explain import grade_reason
from app.domain.scoring import score
from app.domain.templates import parse_template
from app.errors import ValidationError
from app.paths import RESOURCES

FOLDER = RESOURCES / "templates"


def _load(folder):
    bodies = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}
    plain = {k: parse_template(b) for k, b in bodies.items() if "based_on" not in b}
    for key, body in bodies.items():
        if "based_on" in body:
            base = next(t for t in plain.values() if t.key == body["based_on"]["key"]
                        and t.version == body["based_on"]["version"])
            plain[key] = parse_template(body, resolve_base=lambda k, v, b=base: b.body)
    return plain


CURRENT = _load(FOLDER)
ARCHIVED = _load(FOLDER / "archive")


def perfect(template) -> dict:
    """An answer meeting every item."""
    answers = {}
    for item in template.items:
        if item.type == "yes_no":
            answers[item.key] = "yes"
        elif item.type == "choice":
            answers[item.key] = max(item.choices, key=lambda c: c.get("score", 0))["key"]
        elif item.type == "score":
            answers[item.key] = item.max_score
        elif item.type == "rating":
            answers[item.key] = item.scale[-1]["key"]
        elif item.type == "number":
            low, high = item.limits.get("min"), item.limits.get("max")
            answers[item.key] = low if low is not None else (high if high is not None else 1)
        elif item.type == "date":
            answers[item.key] = "2026-09-01"
        elif item.type in ("text", "photo"):
            answers[item.key] = "记录"
    return answers


def failing(item):
    if item.type == "number":
        low, high = item.limits.get("min"), item.limits.get("max")
        return low - 1 if low is not None else high + 1
    if item.type == "choice":
        return min(item.choices, key=lambda c: c.get("score", 0))["key"]
    return {"yes_no": "no", "score": 0, "rating": item.scale[0]["key"] if item.scale else None}[
        item.type]


def evidence_for(template):
    return {i.key: 1 for i in template.items if i.photo_required}


def test_every_current_builtin_names_its_levels_and_a_short_label_per_item():
    for template in CURRENT.values():
        assert template.levels, template.key
        for item in template.items:
            assert item.short and item.short["zh"] and item.short["en"], item.key
            assert len(item.short["zh"]) <= 16, item.key


def test_a_perfect_inspection_of_every_builtin_is_complete_and_graded_best():
    for template in CURRENT.values():
        result = score(template, perfect(template), evidence_for(template))
        assert result.complete, (template.key, result.missing_required)
        if template.graded:
            assert result.grade.key == template.bands[0].key, template.key


@pytest.mark.parametrize("key", sorted(CURRENT))
def test_every_veto_fails_the_result_and_refuses_na(key):
    template = CURRENT[key]
    vetoes = [i for i in template.items if i.veto]
    for item in vetoes:
        with pytest.raises(ValidationError):
            normalise_answer(item, "na")
        answers = {**perfect(template), item.key: failing(item)}
        result = score(template, answers, evidence_for(template), notes={item.key: "事实"})
        assert result.grade == template.lowest, item.key
        assert "一票否决" in grade_reason(template, result, "zh")


@pytest.mark.parametrize("key", sorted(CURRENT))
def test_a_cap_is_never_called_veto(key):
    template = CURRENT[key]
    for item in (i for i in template.items if i.cap is not None):
        answers = {**perfect(template), item.key: failing(item)}
        result = score(template, answers, evidence_for(template), notes={item.key: "x"},
                       actions={item.key: 1})
        assert result.grade == template.band(item.cap)
        for lang in ("zh", "en"):
            assert "一票否决" not in grade_reason(template, result, lang)
            assert "veto" not in grade_reason(template, result, lang).lower()


STANDARDS = ["std.political", "std.law", "std.culture", "std.teaching", "std.care",
             "std.safety", "std.conduct", "std.fairness", "std.integrity", "std.practice"]


@pytest.mark.parametrize("standard", STANDARDS)
def test_each_of_the_ten_ethics_standards_failing_means_fail(standard):
    ethics = CURRENT["teacher_ethics"]
    answers = {**perfect(ethics), standard: "no"}
    result = score(ethics, answers, notes={standard: "经调查属实"})
    assert result.grade.label["zh"] == "不合格"
    assert grade_reason(ethics, result, "zh").startswith("不合格 — 一票否决：")
    assert not score(ethics, answers).complete          # the breach needs its facts written


def test_ethics_texts_do_not_repeat_the_teacher_and_weights_are_examples():
    text = json.dumps(CURRENT["teacher_ethics"].body, ensure_ascii=False)
    assert "该教师" not in text and "新版本模板" not in text
    assert "示例" in CURRENT["teacher_ethics"].description["zh"]


def test_canteen_chlorine_needs_250_and_has_no_upper_limit():
    canteen = CURRENT["canteen_food_safety"]
    chlorine = canteen.item("dis.chlorine_mgl")
    base = perfect(canteen)
    low = score(canteen, {**base, "dis.chlorine_mgl": 200}, evidence_for(canteen))
    high = score(canteen, {**base, "dis.chlorine_mgl": 400}, evidence_for(canteen))
    assert "dis.chlorine_mgl" in low.failed and "dis.chlorine_mgl" in low.out_of_limits
    assert "dis.chlorine_mgl" not in high.failed and not high.out_of_limits
    assert chlorine.limits == {"min": 250}
    assert canteen.item("dis.minutes").limits.get("min") == 5


@pytest.mark.parametrize("key", ["src.no_expired", "resp.licence_displayed", "sample.kept",
                                 "cook.no_high_risk"])
def test_canteen_illegal_operation_is_a_veto(key):
    canteen = CURRENT["canteen_food_safety"]
    result = score(canteen, {**perfect(canteen), key: "no"}, {**evidence_for(canteen), key: 1},
                   notes={key: "现场发现"})
    assert canteen.item(key).veto and result.grade.label["zh"] == "不符合"


def test_canteen_grades_on_the_regulators_scale_and_forbids_the_high_risk_foods():
    canteen = CURRENT["canteen_food_safety"]
    assert [b.label["zh"] for b in canteen.bands] == ["符合", "基本符合", "不符合"]
    text = canteen.item("cook.no_high_risk").text["zh"]
    for food in ("四季豆", "鲜黄花菜", "野生蘑菇", "发芽土豆", "冷荤类食品"):
        assert food in text
    assert "未烧熟" not in text and "模板数据" not in canteen.description["zh"]
    assert {"supply.tuck_shop", "supply.outside_supplier"} <= {i.key for i in canteen.items}


def test_kindergartens_have_their_own_template_and_the_rule_says_recognising_characters():
    kg = CURRENT["kindergarten_conduct"]
    assert kg.levels == ("kindergarten",)
    assert "识字" in kg.item("curr.no_primary_content").text["zh"]
    for template in CURRENT.values():
        if template.key in ("school_comprehensive", "school_comprehensive_self",
                            "supervisor_monthly", "teacher_ethics"):
            assert "kindergarten" not in template.levels, template.key


def test_the_designated_inspectors_visit_is_a_record_of_all_eight_areas_not_a_grade():
    visit = CURRENT["supervisor_monthly"]
    assert not visit.graded
    titles = "".join(s.title["zh"] for s in visit.sections)
    assert "学生交通安全情况" in titles and "食堂、食品、饮水及宿舍卫生情况" in titles
    result = score(visit, perfect(visit))
    assert result.grade is None and grade_reason(visit, result, "zh") == "督导记录（不评定等级）"
    assert visit.item("record.suggestions").required


def test_citations_are_true_to_the_regulation():
    cmp = CURRENT["school_comprehensive"]
    for key in ("gov.dual_responsibility", "gov.risk_point_list", "gov.clean_culture",
                "teach.three_level_supervision"):
        assert "教育督导条例" not in cmp.item(key).source["zh"], key
        assert "地方规定" in cmp.item(key).source["zh"], key
    assert "考试管理" in cmp.item("teach.exams_ranking").source["zh"]
    assert "地方规定" in cmp.item("fin.repairs_reported").source["zh"]


@pytest.mark.parametrize("key", sorted(ARCHIVED))
def test_the_earlier_versions_still_load(key):
    old = ARCHIVED[key]
    assert old.version == 1 and old.items


# Seed themes REFERENCE.md lists as missing → where they are now covered.
SEED_THEMES = {
    "五不直管": ("school_comprehensive", "gov.five_not_direct"),
    "八项规定/四风": ("school_comprehensive", "gov.eight_rules"),
    "办公用房": ("school_comprehensive", "gov.office_space"),
    "领导班子建设": ("school_comprehensive", "gov.leadership_team"),
    "三会一课/支部建设": ("school_comprehensive", "gov.party_branch"),
    "财务人员培训": ("school_comprehensive", "fin.staff_training"),
    "学生资助/营养补助": ("school_comprehensive", "fin.student_aid"),
    "选树师德典型": ("school_comprehensive", "staff.model_teachers"),
    "岗位设置和编制": ("school_comprehensive", "staff.posts"),
    "学校及校长考核评价": ("school_comprehensive", "staff.appraisal"),
    "控辍保学": ("school_comprehensive", "teach.dropout"),
    "健康副校长": ("school_comprehensive", "health.vice_principal"),
    "家庭监护/防沉迷/手机": ("school_comprehensive", "teach.home_school"),
    "满意度测评": ("satisfaction_survey", "parents.overall"),
    "零起点教学": ("school_comprehensive", "teach.zero_start"),
    "校内小卖部": ("canteen_food_safety", "supply.tuck_shop"),
    "校外供餐": ("canteen_food_safety", "supply.outside_supplier"),
    "挂牌督导记录": ("supervisor_monthly", "record.suggestions"),
    "幼儿园规模": ("kindergarten_conduct", "lic.size"),
}


@pytest.mark.parametrize("theme", sorted(SEED_THEMES))
def test_each_missing_seed_theme_now_has_an_item(theme):
    template_key, item_key = SEED_THEMES[theme]
    assert CURRENT[template_key].item(item_key)


def test_developer_language_never_reaches_the_inspector():
    for template in CURRENT.values():
        text = json.dumps(template.body, ensure_ascii=False)
        for word in ("模板数据", "新版本模板", "template data", "new template version"):
            assert word not in text, (template.key, word)
        assert not re.search(r"[。.]、", text), template.key
