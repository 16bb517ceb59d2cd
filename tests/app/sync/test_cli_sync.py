"""The sync commands as a script at the district office would use them."""

from tests.app.cli_support import run, run_json


def test_demo_profiles_exchange_both_ways_by_command_line(capsys, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for home, seed in ((a, 1), (b, 2)):
        run_json(capsys, home, "init", "--name", f"督学{seed}")
        run_json(capsys, home, "demo", "--schools", "2", "--inspections", "5", "--seed",
                 str(seed))
    ab, ba = tmp_path / "ab.sibundle", tmp_path / "ba.sibundle"
    assert run_json(capsys, a, "export", "--out", str(ab), "--all")["kind"] == "full"
    run_json(capsys, b, "export", "--out", str(ba))
    code, _, err = run(capsys, b, "import", str(ab))
    assert code == 1 and "fingerprint" in err and "--trust" in err
    result = run_json(capsys, b, "import", str(ab), "--trust")
    assert result["status"] == "imported" and set(result) >= {"bundle_id", "status", "tables"}
    assert set(result["tables"]["schools"]) >= {"added", "updated", "unchanged", "conflicts"}
    run_json(capsys, a, "import", str(ba), "--trust")
    # Now each knows the other's encryption key: one more round carries the teacher-ethics
    # evaluations that were sealed before the other was a recipient.
    ab2, ba2 = tmp_path / "ab2.sibundle", tmp_path / "ba2.sibundle"
    run_json(capsys, a, "export", "--out", str(ab2))
    run_json(capsys, b, "import", str(ab2))
    run_json(capsys, b, "export", "--out", str(ba2))
    run_json(capsys, a, "import", str(ba2))
    assert run_json(capsys, a, "stats")["digest"] == run_json(capsys, b, "stats")["digest"]
    again = run_json(capsys, b, "import", str(ab))
    assert again["status"] == "already_imported"


def test_text_summary_and_verify_bundle(capsys, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run_json(capsys, a, "school", "add", "--name", "育才小学")
    path = tmp_path / "x.sibundle"
    run(capsys, a, "export", "--out", str(path))
    code, out, _ = run(capsys, b, "verify-bundle", str(path))
    assert code == 0 and "NOT yet trusted" in out
    code, out, _ = run(capsys, b, "import", str(path), "--trust")
    assert code == 0 and "schools" in out and "added" in out


def test_a_broken_bundle_is_one_line_on_stderr(capsys, tmp_path):
    path = tmp_path / "bad.sibundle"
    path.write_bytes(b"not a zip")
    code, _, err = run(capsys, tmp_path / "b", "verify-bundle", str(path))
    assert code == 1 and "not a zip file" in err and err.count("\n") == 1


def test_conflicts_list_and_resolve(capsys, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    school = run_json(capsys, a, "school", "add", "--name", "育才小学")["id"]
    first = tmp_path / "1.sibundle"
    run(capsys, a, "export", "--out", str(first))
    run(capsys, b, "import", str(first), "--trust")
    from app.services.schools import edit_school
    from app.workspace import Workspace
    for home, phone in ((a, "111"), (b, "222")):
        ws = Workspace.open(home)
        edit_school(ws, school, phone=phone)
        ws.close()
    second = tmp_path / "2.sibundle"
    run(capsys, a, "export", "--out", str(second))
    result = run_json(capsys, b, "import", str(second))
    assert result["tables"]["schools"]["conflicts"] == 1
    [conflict] = run_json(capsys, b, "conflicts", "list")
    assert conflict["ours"] == {"phone": "222"} and conflict["theirs"] == {"phone": "111"}
    run_json(capsys, b, "conflicts", "resolve", conflict["id"], "--take", "theirs")
    assert run_json(capsys, b, "conflicts", "list") == []
    back = tmp_path / "3.sibundle"
    run(capsys, b, "export", "--out", str(back))
    run_json(capsys, a, "import", str(back), "--trust")
    assert run_json(capsys, a, "stats")["digest"] == run_json(capsys, b, "stats")["digest"]


def test_export_limited_to_schools(capsys, tmp_path):
    a = tmp_path / "a"
    ids = [run_json(capsys, a, "school", "add", "--name", name)["id"]
           for name in ("甲校", "乙校", "丙校")]
    out = tmp_path / "two.sibundle"
    summary = run_json(capsys, a, "export", "--out", str(out), "--all", "--school", ids[0],
                       ids[1])
    assert summary["counts"]["schools"] == 2
    summary = run_json(capsys, a, "export", "--out", str(out), "--kind", "assignment",
                       "--school", ids[2])
    assert summary["counts"]["schools"] == 1 and summary["kind"] == "assignment"
