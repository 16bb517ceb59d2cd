"""Roles on the command line: a principal's profile is bound to their school(s), and it never
signs an inspection or a report as an inspector."""

from app.security import roles
from app.services import inspections, schools
from tests.app.cli_support import run, run_json
from tests.app.sync.helpers import fill


def test_a_principal_profile_needs_its_school(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "init", "--role", "principal")
    assert code == 1 and out == "" and err.count("\n") == 1 and "--school" in err


def test_init_binds_a_principal_to_their_schools(capsys, tmp_path):
    data = run_json(capsys, tmp_path, "init", "--name", "王校长", "--role", "principal",
                    "--school", "school-a", "--school", "school-b")
    assert data["role"] == "principal" and data["schools"] == ["school-a", "school-b"]
    code, _, err = run(capsys, tmp_path, "init", "--role", "inspector", "--school", "x")
    assert code == 1 and "--role principal" in err


def test_a_bad_school_id_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, "init", "--role", "principal", "--school", "../x")
    assert code == 1 and "is not a school id" in err


def _completed(ws) -> tuple[str, str]:
    with roles.training(ws):
        school = schools.add_school(ws, name="育才小学").created
        iid = inspections.start_inspection(ws, school_id=school, template="mini",
                                           inspectors=["张督学"]).created
        fill(ws, iid)
        inspections.complete_inspection(ws, iid)
    return school, iid


def test_a_principal_cannot_sign_as_the_inspector(ws, capsys):
    school, iid = _completed(ws)
    ws.set_identity(name="王校长", role="principal", schools=[school])
    code, out, err = run(capsys, ws.paths.home, "inspect", "sign", iid, "--signer", "张督学",
                         "--role", "inspector")
    assert code == 1 and err.count("\n") == 1
    assert "principal" in err and "sign an inspection as inspector" in err
    assert ws.store.get("inspections", iid)["status"] == "completed"
    assert not ws.store.query("select * from signatures where inspection_id = ?", [iid])


def test_a_principal_cannot_sign_a_report_as_inspector(ws, capsys, tmp_path):
    from app.reports.service import make_report
    school, iid = _completed(ws)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(make_report(ws, iid, sign=False).pdf)
    before = pdf.read_bytes()
    ws.set_identity(name="王校长", role="principal", schools=[school])
    code, _, err = run(capsys, ws.paths.home, "sign-report", str(pdf), "--role", "inspector")
    assert code == 1 and "may not sign a report as inspector" in err
    assert pdf.read_bytes() == before
    assert run(capsys, ws.paths.home, "sign-report", str(pdf))[0] == 0   # as principal
    assert pdf.read_bytes() != before


def test_a_principal_lists_only_their_own_schools_inspections(ws):
    school, mine = _completed(ws)
    with roles.training(ws):
        other = schools.add_school(ws, name="实验小学").created
        theirs = inspections.start_inspection(ws, school_id=other, template="mini").created
    ws.set_identity(role="principal", schools=[school])
    ids = {r["id"] for r in inspections.list_inspections(ws)}
    assert mine in ids and theirs not in ids
