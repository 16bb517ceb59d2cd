"""A school's teacher-ethics summary: each teacher's grade with its reason, counts per grade."""

from app.services import answers, inspections
from app.services.ethics import latest_evaluations, school_summary
from app.services.schools import add_teacher
from app.services.templates import get_template


def _evaluate(ws, school_id, teacher_id, rater_score: str, red_line: str = "yes") -> str:
    template = get_template(ws, "teacher_ethics")
    evaluation = inspections.start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                              teacher_id=teacher_id).created
    for rater in template.raters:
        answers.answer_item(ws, evaluation, rater["item"], rater_score)
    # A grade needs the standards checked too (尚未评定 until enough is answered).
    for item in template.items:
        if item.type == "yes_no":
            answers.answer_item(ws, evaluation, item.key, "yes")
    answers.answer_item(ws, evaluation, "std.care", red_line)
    return evaluation


def test_summary_counts_the_latest_grade_of_each_teacher(ws, school_id):
    good = add_teacher(ws, school_id, name="王老师").created
    vetoed = add_teacher(ws, school_id, name="李老师").created
    add_teacher(ws, school_id, name="赵老师")  # not evaluated yet
    _evaluate(ws, school_id, good, "95")
    _evaluate(ws, school_id, vetoed, "96", red_line="no")
    summary = school_summary(ws, school_id)
    counts = {b["label"]: b["count"] for b in summary["bands"]}
    assert counts == {"优秀": 1, "合格": 0, "基本合格": 0, "不合格": 1}
    assert summary["evaluated"] == 2 and summary["teachers"] == 3
    by_name = {r["teacher_name"]: r for r in latest_evaluations(ws, school_id, "en")}
    assert by_name["李老师"]["reason"] == "Fail — veto (one-vote fail): Caring for students"
    assert by_name["赵老师"]["grade"] is None
