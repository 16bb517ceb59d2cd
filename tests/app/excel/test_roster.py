"""Rosters from Excel or CSV: a blank template, all rows or none, every bad row named."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from app.excel.roster import RosterError, SCHOOL_COLUMNS, TEACHER_COLUMNS, import_roster, \
    roster_template
from app.services.schools import list_schools, list_teachers
from tests.app.cli_support import run, run_json

SCHOOL_HEAD = [h for _, h, _ in SCHOOL_COLUMNS]
TEACHER_HEAD = [h for _, h, _ in TEACHER_COLUMNS]


def _book(path, schools, teachers=()):
    book = Workbook()
    sheet = book.active
    sheet.title = "学校 Schools"
    sheet.append(SCHOOL_HEAD)
    for row in schools:
        sheet.append(row)
    other = book.create_sheet("教师 Teachers")
    other.append(TEACHER_HEAD)
    for row in teachers:
        other.append(row)
    book.save(path)
    return path


GOOD = [["青山区育才小学", "Yucai Primary", "QS001", "青山区", "小学", "育才路1号", "李校长",
         "0571-1", 820, "否"],
        ["青山区实验幼儿园", None, "QS002", "青山区", "kindergarten", None, None, None, None,
         "是"]]


def test_the_template_reads_back_with_its_headers(tmp_path):
    path = roster_template(tmp_path / "roster.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["学校 Schools", "教师 Teachers", "说明 Help"]
    assert [c.value for c in book["学校 Schools"][1]] == SCHOOL_HEAD
    assert [c.value for c in book["教师 Teachers"][1]] == TEACHER_HEAD


def test_a_good_roster_imports_every_row_and_again_updates(ws, tmp_path):
    path = _book(tmp_path / "r.xlsx", GOOD,
                 [["QS001", "王老师", "语文", "T01", None], ["青山区实验幼儿园", "赵老师"]])
    result = import_roster(ws, path)
    assert result["schools"] == {"added": 2, "updated": 0}
    assert result["teachers"] == {"added": 2, "updated": 0}
    school = {s["code"]: s for s in list_schools(ws)}["QS001"]
    assert (school["level"], school["student_count"], school["boarding"]) == ("primary", 820, 0)
    assert [t["name"] for t in list_teachers(ws, school["id"])] == ["王老师"]
    # The same roster again: updates, no duplicates.
    again = import_roster(ws, path)
    assert again["schools"] == {"added": 0, "updated": 2}
    assert again["teachers"] == {"added": 0, "updated": 2}
    assert len(list_schools(ws)) == 2


def test_bad_rows_are_all_named_and_nothing_is_imported(ws, tmp_path):
    rows = GOOD + [[None, None, "X1", "青山区"],                      # row 4: no name
                   ["某校", None, None, None],                         # row 5: no district
                   ["某中学", None, None, "青山区", "大学", None, None, None, "many", "也许"],
                   ["青山区育才小学", None, "QS001", "青山区"]]        # row 7: duplicate
    path = _book(tmp_path / "bad.xlsx", rows, [["无此学校", "钱老师"], ["QS001", None]])
    with pytest.raises(RosterError) as caught:
        import_roster(ws, path)
    errors = {(e["sheet"], e["row"]): e["problems"] for e in caught.value.report["errors"]}
    assert sorted(errors) == [("学校 Schools", 4), ("学校 Schools", 5), ("学校 Schools", 6),
                              ("学校 Schools", 7), ("教师 Teachers", 2), ("教师 Teachers", 3)]
    assert any("学校名称" in p for p in errors[("学校 Schools", 4)])
    assert len(errors[("学校 Schools", 6)]) == 3            # level, students, boarding
    assert "row 2" in errors[("学校 Schools", 7)][0]
    assert "neither in this roster nor known" in errors[("教师 Teachers", 2)][0]
    assert "Nothing imported" in str(caught.value)
    assert list_schools(ws) == [] and ws.store.scalar("select count(*) from teachers") == 0


def test_csv_in_gbk_and_the_command_line(ws, tmp_path, capsys):
    path = tmp_path / "schools.csv"
    path.write_bytes(("学校名称,区县,学段\n河西区第一中学,河西区,初中\n").encode("gb18030"))
    data = run_json(capsys, ws.paths.home, "roster", "import", str(path))
    assert data["imported"] and data["schools"]["added"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("学校名称,区县\n,河西区\n某校,\n", encoding="utf-8")
    code, _, err = run(capsys, ws.paths.home, "roster", "import", str(bad))
    assert code == 1 and "nothing imported: 2 bad row(s)" in err
    assert "row 2" in err and "row 3" in err
    code, _, err = run(capsys, ws.paths.home, "roster", "import", str(tmp_path / "x.txt"))
    assert code == 1 and ".xlsx or .csv" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    code, _, err = run(capsys, ws.paths.home, "roster", "import", str(junk))
    assert code == 1 and "not a readable .xlsx" in err
    out = tmp_path / "t.xlsx"
    assert run_json(capsys, ws.paths.home, "roster", "template", "--out", str(out))
    assert load_workbook(out).sheetnames[0] == "学校 Schools"
