"""An export and an import on an up-to-date profile run without sqlite-utils: the Store
reads the schema and writes its bookkeeping by plain SQL, and sqlite-utils (about 0.5 s to
import with its plugins) is loaded only to migrate. Each side runs in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.services import inspections
from app.sync.importer import import_bundle
from tests.app.sync.helpers import digest, fill

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
from pathlib import Path
from app.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
ws = Workspace.open(Path(sys.argv[2]))
if sys.argv[1] == "export":
    export_bundle(ws, Path(sys.argv[3]), kind="full")
else:
    import_bundle(ws, Path(sys.argv[3]))
ws.close()
print("sqlite_utils" in sys.modules, file=sys.stderr)
"""


def _run(*args) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()[-1]


def test_export_and_import_in_fresh_processes_load_no_sqlite_utils(make_workspace, school_id,
                                                                    ws, tmp_path):
    visit = inspections.start_inspection(ws, school_id=school_id, template="mini").created
    fill(ws, visit)
    receiver = make_workspace("receiver")
    import_bundle(receiver, _bundle_of(ws, tmp_path / "first.sibundle"), trust=True)
    fill(ws, inspections.start_inspection(ws, school_id=school_id, template="mini").created)
    homes = ws.paths.home, receiver.paths.home
    ws.close()
    receiver.close()
    bundle = tmp_path / "second.sibundle"
    assert _run("export", homes[0], bundle) == "False"
    assert _run("import", homes[1], bundle) == "False"
    from app.workspace import Workspace
    sender, received = Workspace.open(homes[0]), Workspace.open(homes[1])
    try:
        assert digest(sender) == digest(received)
    finally:
        sender.close()
        received.close()


def _bundle_of(ws, path: Path) -> Path:
    from app.sync.export import export_bundle
    export_bundle(ws, path, kind="full")
    return path
