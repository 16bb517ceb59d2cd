"""`school-inspect --help` loads no database, cryptography or Qt code: the command modules
import what they need when a command runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.cli.sync import KINDS
from app.sync.manifest import KINDS as MANIFEST_KINDS

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from app.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {
    "sqlite_utils", "sqlite3", "cryptography", "reportlab", "pyhanko", "PySide6", "numpy",
    "PIL"})
print(",".join(heavy), file=sys.stderr)
"""


def test_help_loads_no_heavy_library():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=60)
    assert "COMMAND" in done.stdout and "import" in done.stdout
    assert done.stderr.strip() == ""


def test_the_command_line_offers_the_manifest_kinds():
    assert tuple(KINDS) == tuple(MANIFEST_KINDS)


WITHOUT_UI = """
import sys
class NoUi:  # the core installed without its desktop front end
    def find_spec(self, name, path=None, target=None):
        if name == "ui" or name.startswith("ui."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, NoUi())
from app.cli import main
sys.exit(main([]))
"""


def test_without_the_desktop_ui_the_command_says_so(tmp_path):
    done = subprocess.run([sys.executable, "-c", WITHOUT_UI], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "",
                                         "SCHOOL_INSPECT_HOME": str(tmp_path)}, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == ("school-inspect: the desktop app is not installed "
                                   "(pip install -e . from the project folder)")
