"""The command line as a script would use it: exit codes, one-line errors, JSON output."""

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli.main import COMMAND_MODULES, build_parser
from tests.app.cli_support import run, run_json


def test_every_command_has_help_text():
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"][0]
    for name, sub in actions.choices.items():
        assert sub.description, name
        for nested in [a for a in sub._actions if hasattr(a, "choices") and
                       isinstance(a.choices, dict)]:
            for child_name, child in nested.choices.items():
                assert child.description, f"{name} {child_name}"


def test_init_sets_the_user_and_keeps_keys_private(capsys, tmp_path):
    data = run_json(capsys, tmp_path, "init", "--name", "张明华", "--role", "inspector")
    assert data["name"] == "张明华" and data["role"] == "inspector"
    for key in (tmp_path / "keys").glob("*key*.pem"):
        assert key.stat().st_mode & 0o077 == 0, key


def test_templates_list_shows_bilingual_titles(capsys, tmp_path):
    listed = run_json(capsys, tmp_path, "templates", "list")
    canteen = next(t for t in listed if t["key"] == "canteen_food_safety")
    assert set(canteen) >= {"key", "version", "kind", "title", "items"}
    assert canteen["title"]["zh"] and canteen["title"]["en"] and canteen["items"] >= 25


def test_a_broken_template_is_refused_in_one_line_naming_the_field(capsys, tmp_path):
    from tests.conftest import MINI_TEMPLATE
    body = json.loads(MINI_TEMPLATE.read_text("utf-8"))
    body["sections"][0]["items"][0]["weight"] = "heavy"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(body), "utf-8")
    code, out, err = run(capsys, tmp_path / "home", "templates", "import", str(bad))
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "item a.samples: weight" in err


def test_a_whole_inspection_from_the_command_line(capsys, tmp_path):
    home = tmp_path
    school = run_json(capsys, home, "school", "add", "--name", "青山区育才小学")["id"]
    inspection = run_json(capsys, home, "inspect", "new", "--school", school,
                          "--template", "term_start_safety")["id"]
    listed = run_json(capsys, home, "list", "inspections")
    assert listed[0]["id"] == inspection
    assert {"id", "school_id", "template_key", "mode", "status"} <= set(listed[0])
    code, _, err = run(capsys, home, "inspect", "complete", inspection)
    assert code == 1 and "required item(s) still open" in err


def test_unknown_ids_fail_with_one_line(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "inspect", "answer", "nope", "x", "yes")
    assert code == 1 and err.startswith("school-inspect: No inspection")


def test_demo_makes_the_counts_asked_for(capsys, tmp_path):
    run(capsys, tmp_path, "demo", "--schools", "20", "--inspections", "200", "--seed", "7")
    counts = run_json(capsys, tmp_path, "stats")["counts"]
    assert counts["schools"] == 20 and counts["inspections"] == 200
    statuses = {r["status"] for r in run_json(capsys, tmp_path, "list", "inspections")}
    assert statuses == {"draft", "in_progress", "completed", "signed"}
    assert run_json(capsys, tmp_path, "list", "actions", "--overdue")


def test_the_same_seed_gives_the_same_digest_in_another_home(capsys, tmp_path):
    digests = []
    for home in ("a", "b"):
        run(capsys, tmp_path / home, "demo", "--schools", "4", "--inspections", "25",
            "--seed", "3")
        digests.append(run_json(capsys, tmp_path / home, "stats")["digest"])
    run(capsys, tmp_path / "c", "demo", "--schools", "4", "--inspections", "25", "--seed", "4")
    assert digests[0] == digests[1] != run_json(capsys, tmp_path / "c", "stats")["digest"]


def test_the_console_script_runs_as_a_module(tmp_path):
    done = subprocess.run([sys.executable, "-m", "app", "--home", str(tmp_path), "stats",
                           "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "digest" in json.loads(done.stdout)


def test_usage_errors_exit_2_with_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "app", "list", "nonsense"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1


def test_every_command_module_is_registered():
    """A new command module cannot be left out (and so never imported by any test)."""
    folder = Path(__file__).resolve().parents[2] / "app" / "cli"
    with_commands = {p.stem for p in folder.glob("*.py") if "\ndef register(" in p.read_text()}
    assert {m.__name__.rsplit(".", 1)[1] for m in COMMAND_MODULES} == with_commands


def test_a_command_module_that_fails_to_import_fails_the_command_line():
    """Commands are imported directly: a broken one is an ImportError, not a missing
    command."""
    code = ("import sys; sys.modules['app.cli.sync'] = None\n"
            "from app.cli.main import build_parser")
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode == 1 and "ModuleNotFoundError" in run.stderr
