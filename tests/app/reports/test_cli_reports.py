"""The report commands as a district office script uses them: one report, a batch, the
district summary, countersigning, and clear errors."""

from __future__ import annotations

import json

from app.cli.main import main
from tests.app.reports.conftest import pdftext, poppler


def run(ws, *args) -> int:
    return main(["--home", str(ws.paths.home), *args])


def test_report_command_writes_a_signed_multi_page_pdf(demo_ws, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    inspection = demo_ws.cases["verified"]
    assert run(demo_ws, "report", inspection[:8], "--out", str(out), "--lang", "en",
               "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["signed"] and result["inspection_id"] == inspection
    assert "Signature is Valid." in poppler("pdfsig", out)
    assert pdftext(out.read_bytes()).count("\f") > 2
    assert "Inspection report" in pdftext(out.read_bytes())


def test_no_sign_gives_an_unsigned_pdf(demo_ws, tmp_path):
    out = tmp_path / "plain.pdf"
    assert run(demo_ws, "report", demo_ws.cases["verified"], "--out", str(out),
               "--no-sign") == 0
    assert "does not contain any signatures" in poppler("pdfsig", out)


def test_batch_writes_one_report_per_signed_inspection_of_the_school(demo_ws, tmp_path,
                                                                      capsys):
    folder = tmp_path / "batch"
    assert run(demo_ws, "report", "--school", demo_ws.cases["school"], "--out", str(folder),
               "--no-sign", "--json") == 0
    files = json.loads(capsys.readouterr().out)["files"]
    signed = demo_ws.store.query("select count(*) as n from inspections where school_id = ? "
                                 "and status = 'signed'", [demo_ws.cases["school"]])[0]["n"]
    assert len(files) == signed == len(list(folder.glob("*.pdf")))


def test_batch_by_period_with_a_bad_date_is_refused(demo_ws, tmp_path, capsys):
    assert run(demo_ws, "report", "--from", "2026-13-01", "--out", str(tmp_path)) == 1
    assert "use a date like" in capsys.readouterr().err


def test_unknown_inspection_is_a_clear_error(demo_ws, tmp_path, capsys):
    assert run(demo_ws, "report", "nonexistent-id", "--out", str(tmp_path / "x.pdf")) == 1
    assert "No inspection" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_principal_countersigns_with_sign_report(demo_ws, make_workspace, tmp_path):
    out = tmp_path / "r.pdf"
    assert run(demo_ws, "report", demo_ws.cases["verified"], "--out", str(out)) == 0
    principal = make_workspace("principal")
    principal.set_identity(name="王校长", role="principal")
    assert run(principal, "sign-report", str(out)) == 0
    assert poppler("pdfsig", out).count("Signature is Valid.") == 2


def test_district_summary_command(demo_ws, tmp_path):
    out = tmp_path / "summary.pdf"
    district = demo_ws.cases["district"]
    assert run(demo_ws, "summary", "--district", district, "--from", "2000-01-01",
               "--to", "2099-12-31", "--out", str(out)) == 0
    text = pdftext(out.read_bytes())
    assert district in text and "督导工作汇总报告" in text and "等级分布" in text


def test_summary_of_an_unknown_district_names_the_known_ones(demo_ws, tmp_path, capsys):
    assert run(demo_ws, "summary", "--district", "火星区", "--from", "2026-01-01",
               "--to", "2026-12-31", "--out", str(tmp_path / "s.pdf")) == 1
    assert demo_ws.cases["district"] in capsys.readouterr().err
