"""Results export and the 整改台账 as xlsx (read back with openpyxl) and PDF; the documents
(督导意见书, 整改通知书) signed like the report."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import load_workbook

from app.errors import ValidationError
from app.services import actions, answers, inspections, signoff
from app.services.schools import add_school
from tests.app.cli_support import run, run_json
from tests.app.sync.helpers import fill


@pytest.fixture
def visit(ws):
    school = add_school(ws, name="=HYPERLINK(\"http://x\")", district="青山区",
                        level="primary").created
    visit = inspections.start_inspection(ws, school_id=school, template="mini",
                                         visit_date="2026-03-01").created
    late = actions.raise_action(ws, visit, item_key="a.samples", description="每餐留样",
                                responsible="食堂负责人", due_date="2026-03-10").created
    done = actions.raise_action(ws, visit, description="更换灭火器", severity="high",
                                due_date="2026-03-20").created
    fill(ws, visit)
    answers.answer_item(ws, visit, "a.samples", "no", note="留样不足")   # a finding
    inspections.complete_inspection(ws, visit)
    signoff.sign_off(ws, visit, signer="张督学")
    actions.rectify(ws, done, note="已更换", photos=[("after.jpg", b"\xff\xd8 after")])
    actions.verify(ws, done, verified=True, note="现场核查属实")
    ws.cases = {"visit": visit, "late": late, "done": done, "school": school}
    return visit


def test_results_export_has_three_sheets_and_text_never_becomes_a_formula(ws, visit, capsys,
                                                                          tmp_path):
    out = tmp_path / "results.xlsx"
    data = run_json(capsys, ws.paths.home, "results", "export", "--out", str(out),
                    "--from", "2026-01-01", "--to", "2026-12-31", "--district", "青山区")
    assert (data["inspections"], data["actions"]) == (1, 2) and data["findings"] >= 1
    book = load_workbook(out)
    assert book.sheetnames == ["检查 Inspections", "问题 Findings", "整改 Actions"]
    [inspection] = list(book["检查 Inspections"].iter_rows(min_row=2, values_only=True))
    assert inspection[0] == visit and inspection[6] == "已签署"
    assert isinstance(inspection[7], float) and inspection[8]
    cell = book["检查 Inspections"]["C2"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
    rows = {r[3]: r for r in book["整改 Actions"].iter_rows(min_row=2, values_only=True)}
    assert rows["更换灭火器"][7] == "已核查销号" and rows["更换灭火器"][11] == "张督学"
    assert rows["每餐留样"][8] == "是"                       # overdue by the one rule
    empty = tmp_path / "none.xlsx"
    assert run_json(capsys, ws.paths.home, "results", "export", "--out", str(empty),
                    "--from", "1990-01-01", "--to", "1990-12-31")["inspections"] == 0
    code, _, err = run(capsys, ws.paths.home, "results", "export", "--out", "r.csv")
    assert code == 1 and ".xlsx" in err


def test_the_ledger_as_xlsx_and_pdf(ws, visit, capsys, tmp_path):
    out = tmp_path / "ledger.xlsx"
    data = run_json(capsys, ws.paths.home, "ledger", "--school", ws.cases["school"],
                    "--out", str(out))
    assert (data["items"], data["closed"]) == (2, 1)
    sheet = load_workbook(out).worksheets[0]
    head = [c.value for c in sheet[1]]
    assert head[:5] == ["序号", "学校", "发现日期", "检查内容", "存在问题"]
    assert head[-3:] == ["整改佐证", "核查人 / 时间", "销号"]
    rows = {r[4]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    closed = rows["更换灭火器"]
    assert closed[5] == "严重" and closed[11] == "已销号" and closed[10].startswith("张督学")
    assert "已更换" in closed[9] and "1 个文件" in closed[9]
    assert rows["每餐留样"][11] == "未销号" and "已逾期" in rows["每餐留样"][8]
    pdf = tmp_path / "ledger.pdf"
    run_json(capsys, ws.paths.home, "ledger", "--out", str(pdf), "--from", "2026-01-01",
             "--to", "2026-12-31")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "整改台账" in text and "已销号" in text and "每餐留样" in text
    code, _, err = run(capsys, ws.paths.home, "ledger", "--out", str(tmp_path / "l.doc"))
    assert code == 1 and ".pdf or .xlsx" in err
    code, _, err = run(capsys, ws.paths.home, "ledger", "--out", str(pdf), "--from", "March")
    assert code == 1 and "date" in err


def test_opinion_letter_and_notice_are_numbered_and_signed(ws, visit, capsys, tmp_path):
    home = ws.paths.home
    assert run_json(capsys, home, "document", "pattern", "青督〔{year}〕{seq}号")["pattern"] \
        == "青督〔{year}〕{seq}号"
    opinion = tmp_path / "opinion.pdf"
    assert run_json(capsys, home, "document", "opinion", visit, "--out", str(opinion))["signed"]
    sig = subprocess.run(["pdfsig", str(opinion)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in sig
    text = subprocess.run(["pdftotext", str(opinion), "-"], capture_output=True,
                          text=True).stdout
    for part in ("督导意见书", "青督〔2026〕1号", "基本情况", "主要成绩", "存在问题", "整改意见",
                 "整改期限", "1. 每餐留样", "2026-03-20 前完成全部整改"):
        assert part in text.replace("\n", ""), part
    # The number is kept: printing again gives the same one; the notice counts apart.
    run_json(capsys, home, "document", "opinion", visit, "--out", str(opinion))
    assert "青督〔2026〕1号" in subprocess.run(["pdftotext", str(opinion), "-"],
                                             capture_output=True, text=True).stdout
    notice = tmp_path / "notice.pdf"
    run_json(capsys, home, "document", "notice", visit, "--out", str(notice), "--lang", "en")
    text = subprocess.run(["pdftotext", str(notice), "-"], capture_output=True,
                          text=True).stdout
    assert "Rectification notice" in text and "每餐留样" in text
    assert "Signature is Valid" in subprocess.run(["pdfsig", str(notice)],
                                                  capture_output=True, text=True).stdout
    code, _, err = run(capsys, home, "document", "pattern", "no sequence")
    assert code == 1 and "{seq}" in err


def test_a_draft_inspections_document_is_not_signed(ws, capsys, tmp_path):
    from app.reports.documents import make_document
    school = add_school(ws, name="某校", district="青山区", level="primary").created
    draft = inspections.start_inspection(ws, school_id=school, template="mini").created
    assert not make_document(ws, "opinion", draft).signed
    with pytest.raises(ValidationError):
        make_document(ws, "letter", draft)
