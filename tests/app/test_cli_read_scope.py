"""The command line on a principal's profile (school A, holding A's and B's records after a
sync): every read command prints, writes or exports A's data only; naming one of B's records
or B itself fails with one line (exit 1) and writes nothing."""

import json
import zipfile

import openpyxl
import pytest

from tests.app.cli_support import run, run_json
from tests.app.scope_world import leaks, world_fixture


world = world_fixture("cli-scope")


@pytest.fixture
def home(world):
    return world["principal"].paths.home


@pytest.mark.parametrize("what", ["schools", "inspections", "actions", "teachers"])
def test_list_shows_only_the_own_school(world, home, capsys, what):
    code, out, err = run(capsys, home, "list", what, "--json")
    assert code == 0, err
    assert world["A"]["school"] in out or what == "schools" and world["A"]["name"] in out
    assert not leaks(out, world)


@pytest.mark.parametrize("args", [("actions", "list"), ("inspect", "list")])
def test_the_list_subcommands_show_only_the_own_school(world, home, capsys, args):
    rows = run_json(capsys, home, *args)
    assert rows and {r["school_id"] for r in rows} == {world["A"]["school"]}
    code, _, err = run(capsys, home, *args, "--school", world["B"]["school"])
    assert code == 1 and err.count("\n") == 1 and "Refused" in err


def test_conflicts_list_hides_another_schools_conflict(world, home, capsys):
    code, out, _ = run(capsys, home, "conflicts", "list", "--all", "--json")
    assert code == 0 and not leaks(out, world)


# each: the arguments after the command, with {B…} filled in; an output file must not appear
REFUSED = {
    "list actions of B": ["list", "actions", "--school", "{school}"],
    "list inspections of B": ["list", "inspections", "--school", "{school}"],
    "list teachers of B": ["list", "teachers", "--school", "{school}"],
    "inspect show": ["inspect", "show", "{visit}"],
    "inspect show ethics": ["inspect", "show", "{local_ethics}"],
    "report": ["report", "{visit}", "--no-sign", "--out", "{out}.pdf"],
    "report ethics": ["report", "{local_ethics}", "--no-sign", "--out", "{out}.pdf"],
    "report batch of B": ["report", "--school", "{school}", "--out", "{out}"],
    "opinion letter": ["document", "opinion", "{visit}", "--no-sign", "--out", "{out}.pdf"],
    "notice": ["document", "notice", "{visit}", "--no-sign", "--out", "{out}.pdf"],
    "action history": ["actions", "history", "{action}"],
    "ledger of B": ["ledger", "--school", "{school}", "--out", "{out}.xlsx"],
    "district summary": ["summary", "--district", "青山区", "--from", "2026-01-01",
                         "--to", "2026-12-31", "--out", "{out}.pdf"],
    "export B": ["export", "--school", "{school}", "--out", "{out}.sibundle"],
    "export a B inspection": ["export", "--inspection", "{visit}", "--out", "{out}.sibundle"],
    "rectify B's action": ["actions", "rectify", "{action}", "--note", "x"],
    "verify B's action": ["actions", "verify", "{action}", "--result", "verified",
                          "--note", "x"],
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_naming_another_schools_record_fails_in_one_line(world, home, capsys, tmp_path, case):
    out = tmp_path / "made"
    args = [a.format(out=out, **world["B"]) for a in REFUSED[case]]
    code, stdout, err = run(capsys, home, *args)
    assert code == 1, (stdout, err)
    assert err.count("\n") == 1 and "principal" in err and "Refused" in err, err
    assert not list(tmp_path.iterdir())                     # nothing written
    assert not leaks(stdout, world)


def test_the_own_schools_reads_still_work(world, home, capsys, tmp_path):
    a = world["A"]
    shown = run_json(capsys, home, "inspect", "show", a["visit"])
    assert shown["id"] == a["visit"]
    made = run_json(capsys, home, "report", a["visit"], "--no-sign", "--out",
                    str(tmp_path / "a.pdf"))
    assert made["inspection_id"] == a["visit"]
    assert run_json(capsys, home, "actions", "history", a["action"])


def test_ledger_results_and_bundle_hold_only_the_own_school(world, home, capsys, tmp_path):
    for args, path in ((["ledger", "--out"], tmp_path / "ledger.xlsx"),
                       (["results", "export", "--out"], tmp_path / "results.xlsx")):
        run_json(capsys, home, *args, str(path))
        cells = " ".join(str(c.value) for sheet in openpyxl.load_workbook(path)
                         for row in sheet.iter_rows() for c in row if c.value is not None)
        assert world["A"]["name"] in cells and not leaks(cells, world), path
    bundle = tmp_path / "p.sibundle"
    run_json(capsys, home, "export", "--all", "--out", str(bundle))
    with zipfile.ZipFile(bundle) as archive:
        text = " ".join(archive.read(n).decode("utf-8", "replace")
                        for n in archive.namelist())
    assert world["A"]["school"] in text and not leaks(text, world)


def test_verify_report_keeps_another_schools_inspection_unseen(world, home, capsys, tmp_path):
    from app.reports import service
    for key, expected in (("B", "not_in_database"), ("A", "match")):
        pdf = tmp_path / f"{key}.pdf"
        pdf.write_bytes(service.make_report(world["office"], world[key]["visit"],
                                            sign=False).pdf)
        _, out, _ = run(capsys, home, "verify-report", str(pdf), "--json")
        assert json.loads(out)["content"] == expected


def test_a_principals_roster_never_finds_another_school(world, home, capsys, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("学校名称,区县,学校代码,电话\n实验小学,青山区,CODE-B,999\n", encoding="utf-8")
    code, _, err = run(capsys, home, "roster", "import", str(path))
    assert code == 1 and "Refused" in err and err.count("\n") == 1, err
    assert "add a school" in err        # never matched to B (whose details it would edit)
    assert world["principal"].store.get("schools", world["B"]["school"])["phone"] != "999"
    assert world["principal"].store.scalar("select count(*) from schools where code = "
                                           "'CODE-B'") == 1
