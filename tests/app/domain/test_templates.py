"""Templates are data: the built-ins are valid and complete; a broken file is refused with a
message naming the file, the item and the field."""

import json

import pytest

from app.domain.templates import load_template_file, parse_template
from app.errors import TemplateError
from app.paths import RESOURCES
from tests.conftest import MINI_TEMPLATE

BUILTIN = RESOURCES / "templates"


def _load_all() -> dict:
    bodies = {p.stem: json.loads(p.read_text("utf-8")) for p in BUILTIN.glob("*.json")}
    resolve = lambda key, version: bodies.get(key)  # noqa: E731
    return {p.stem: load_template_file(p, resolve) for p in BUILTIN.glob("*.json")}


@pytest.fixture(scope="module")
def builtins():
    return _load_all()


def test_every_required_builtin_template_exists(builtins):
    kinds = {t.key: t.kind for t in builtins.values()}
    assert {"school_comprehensive", "school_comprehensive_self", "canteen_food_safety",
            "teacher_ethics", "term_start_safety", "kindergarten_conduct"} <= set(kinds)


def test_builtins_have_the_promised_depth(builtins):
    assert len(builtins["school_comprehensive"].items) >= 30
    canteen = builtins["canteen_food_safety"]
    assert len(canteen.items) >= 25
    numbers = [i for i in canteen.items if i.type == "number"]
    assert any(i.limits.get("max") == 8 for i in numbers), "cold storage 0–8 °C"
    assert any(i.limits.get("min") == 125 for i in numbers), "samples ≥ 125 g"
    assert any(i.photo_required for i in canteen.items)


def test_self_assessment_variant_has_the_same_items(builtins):
    own, inspected = builtins["school_comprehensive_self"], builtins["school_comprehensive"]
    assert own.modes == ("self_assessment",)
    assert [i.key for i in own.items] == [i.key for i in inspected.items]


def test_ethics_template_weights_rater_groups_and_has_red_lines(builtins):
    ethics = builtins["teacher_ethics"]
    assert ethics.per_teacher
    groups = {r["key"] for r in ethics.raters}
    assert {"self", "peers", "students", "parents", "panel"} <= groups
    assert [b.label["zh"] for b in ethics.bands] == ["优秀", "合格", "基本合格", "不合格"]
    red_lines = [i for i in ethics.items if i.critical and (i.cap or ethics.critical_cap) == "fail"]
    assert len(red_lines) >= 3


def test_every_item_is_bilingual_and_cites_its_source(builtins):
    for template in builtins.values():
        for item in template.items:
            assert item.text["zh"] and item.text["en"], item.key
            assert item.source["zh"] and item.source["en"], item.key


def _broken(**changes) -> dict:
    body = json.loads(MINI_TEMPLATE.read_text("utf-8"))
    body["sections"][0]["items"][1].update(changes)
    return body


def test_a_wrong_field_is_named_with_its_item():
    with pytest.raises(TemplateError) as error:
        parse_template(_broken(max_score=-2), source_name="district.json")
    assert "district.json" in str(error.value)
    assert "item a.score: max_score" in str(error.value)


def test_a_missing_english_text_is_named():
    with pytest.raises(TemplateError, match=r"item a.score: text.en"):
        parse_template(_broken(text={"zh": "评分"}))


def test_unknown_item_type_and_repeated_key_are_both_reported():
    body = _broken(type="slider", key="a.samples")
    with pytest.raises(TemplateError) as error:
        parse_template(body)
    assert "used twice" in str(error.value) and "'slider'" in str(error.value)


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "school-inspect-template",\n  "key": oops\n}', "utf-8")
    with pytest.raises(TemplateError, match=r"bad.json: line 3"):
        load_template_file(path)


def test_an_unknown_format_version_is_refused():
    body = json.loads(MINI_TEMPLATE.read_text("utf-8"))
    body["format_version"] = 2
    with pytest.raises(TemplateError, match="format_version"):
        parse_template(body)


def test_a_bad_field_in_a_file_names_its_line(tmp_path):
    body = _broken(max_score=0)
    path = tmp_path / "district.json"
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2), "utf-8")
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if '"key": "a.score"' in text)
    with pytest.raises(TemplateError, match=rf"line {line}: item a.score: max_score"):
        load_template_file(path)
