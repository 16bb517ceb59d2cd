"""Judgements through the services and the command line: 不适用 refused on a veto item in one
line, templates only for their school levels, completion naming the facts still missing,
`templates list` showing levels and `templates diff` showing what a version changed."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services import answers, inspections
from app.services.schools import add_school
from tests.app.cli_support import run, run_json


def test_the_answer_service_refuses_na_on_a_veto_item(ws, school_id):
    canteen = inspections.start_inspection(ws, school_id=school_id,
                                           template="canteen_food_safety").created
    with pytest.raises(ValidationError, match="一票否决"):
        answers.answer_item(ws, canteen, "sample.kept", "na")
    assert answers.answers_of(ws, canteen) == {}
    answers.answer_item(ws, canteen, "supply.outside_supplier", "na")  # a plain item may be


def test_a_template_is_only_for_the_school_levels_it_names(ws, school_id):
    kindergarten = add_school(ws, name="青山区育才幼儿园", level="kindergarten").created
    with pytest.raises(ValidationError, match="kindergarten"):
        inspections.start_inspection(ws, school_id=kindergarten, template="school_comprehensive")
    with pytest.raises(ValidationError):
        inspections.start_inspection(ws, school_id=school_id, template="kindergarten_conduct")
    assert inspections.start_inspection(ws, school_id=kindergarten,
                                        template="kindergarten_conduct").created


def test_completion_names_the_fact_a_failed_veto_still_needs(ws, school_id):
    from tests.app.domain.test_builtin_judgements import evidence_for, perfect
    from app.services.evidence import attach_file
    from tests.app.sync.helpers import png
    canteen = inspections.start_inspection(ws, school_id=school_id,
                                           template="canteen_food_safety").created
    template = inspections.get_template(ws, "canteen_food_safety")
    for key, value in {**perfect(template), "src.no_expired": "no"}.items():
        answers.answer_item(ws, canteen, key, value)
    for key in list(evidence_for(template)) + ["src.no_expired"]:
        attach_file(ws, canteen, key, data=png(), filename="p.png")
    with pytest.raises(ValidationError, match=r"src.no_expired \(needs a written fact"):
        inspections.complete_inspection(ws, canteen)
    answers.set_note(ws, canteen, "src.no_expired", "库房内发现过期酱油两瓶")
    with pytest.raises(ValidationError, match=r"src.no_expired \(needs a corrective action"):
        inspections.complete_inspection(ws, canteen)
    from app.services.actions import raise_action
    raise_action(ws, canteen, item_key="src.no_expired", description="清理过期食品，建立临期台账")
    inspections.complete_inspection(ws, canteen)
    assert inspections.evaluate(ws, canteen).grade.label["zh"] == "不符合"


def test_cli_refuses_na_on_a_veto_in_one_line_and_lists_levels(capsys, tmp_path):
    school = run_json(capsys, tmp_path, "school", "add", "--name", "育才小学",
                      "--level", "primary")["id"]
    inspection = run_json(capsys, tmp_path, "inspect", "new", "--school", school,
                          "--template", "teacher_ethics", "--teacher",
                          run_json(capsys, tmp_path, "school", "add-teacher", school,
                                   "--name", "王丽")["id"])["id"]
    code, out, err = run(capsys, tmp_path, "inspect", "answer", inspection, "std.care", "na")
    assert code == 1 and out == "" and err.count("\n") == 1 and "一票否决" in err
    listed = run_json(capsys, tmp_path, "templates", "list")
    kg = next(t for t in listed if t["key"] == "kindergarten_conduct" and t["version"] == 2)
    assert kg["levels"] == ["kindergarten"]


def test_templates_diff_shows_what_a_version_changed(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "templates", "diff", "canteen_food_safety", "1", "2")
    assert code == 0, err
    assert "+ supply.tuck_shop  校内小卖部" in out
    licence = next(line for line in out.splitlines()
                   if line.startswith("~ resp.licence_displayed"))
    assert "判定: — → 一票否决" in licence
    chlorine = next(line for line in out.splitlines() if line.startswith("~ dis.chlorine_mgl"))
    assert "'max': 300" in chlorine and "{'min': 250}" in chlorine
    assert "判定: — → 一票否决" in next(line for line in out.splitlines()
                                      if line.startswith("~ src.no_expired"))
    data = run_json(capsys, tmp_path, "templates", "diff", "teacher_ethics", "1", "2")
    assert data["changed"]["std.political"]["cap"] == {"old": "basic_pass", "new": None}
    assert data["changed"]["std.political"]["veto"] == {"old": False, "new": True}
    code, out, err = run(capsys, tmp_path, "templates", "diff", "canteen_food_safety", "1", "9")
    assert code == 1 and err.count("\n") == 1
