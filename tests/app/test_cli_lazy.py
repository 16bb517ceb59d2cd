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
