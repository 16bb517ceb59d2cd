"""A process killed in the middle of an import leaves the database as it was before."""

import signal
import subprocess
import sys
from pathlib import Path

from app.services.demo import generate_demo
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import digest

ROOT = Path(__file__).resolve().parents[3]
KILLER = """
import os, signal, sys
from app.workspace import Workspace
from app.sync import importer
ws = Workspace.open(sys.argv[1])
original, seen = importer.merge_records, [0]
def merge_then_die(ctx, table, records):
    for outcome in original(ctx, table, records):
        seen[0] += 1
        if seen[0] == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)     # no cleanup, no rollback: a power cut
        yield outcome
importer.merge_records = merge_then_die
importer.import_bundle(ws, sys.argv[2], trust=True)
"""


def test_a_killed_import_leaves_the_database_as_it_was(make_workspace, office, tmp_path):
    sender = make_workspace("sender")
    sender.set_identity(name="甲督学")
    # The sender knows the office (and its encryption key): ethics evaluations are sealed to it.
    export_bundle(office, tmp_path / "hello.sibundle", kind="changes")
    import_bundle(sender, tmp_path / "hello.sibundle", trust=True)
    generate_demo(sender, schools=3, inspections=12, seed=3)
    bundle = tmp_path / "big.sibundle"
    export_bundle(sender, bundle, kind="full")
    before = digest(office)
    killed = subprocess.run([sys.executable, "-c", KILLER, str(office.paths.home), str(bundle),
                             "120"], cwd=ROOT, capture_output=True)  # mid-import
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert digest(office) == before
    assert office.store.scalar("select count(*) from imported_bundles") == 0
    result = import_bundle(office, bundle, trust=True)       # and the import can be redone
    assert result["status"] == "imported" and digest(office) == digest(sender)
