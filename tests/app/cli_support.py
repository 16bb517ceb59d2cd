"""Running the command line in-process, as the CLI tests do."""

import json

from app.cli.main import main


def run(capsys, home, *args):
    """(exit code, stdout, stderr) of `school-inspect --home HOME ARGS…`."""
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, home, *args):
    """The parsed JSON output of a command that must succeed."""
    code, out, err = run(capsys, home, *args, "--json")
    assert code == 0, err
    return json.loads(out)
