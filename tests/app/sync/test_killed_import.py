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
# Killed while a bulk insert has the score trigger set aside (app/storage/scores.py).
KILLER_IN_BULK = """
import contextlib, os, signal, sys
from app.workspace import Workspace
from app.sync import importer
from app.storage import scores
ws = Workspace.open(sys.argv[1])
real = scores.marked_in_bulk
@contextlib.contextmanager
def die_inside(conn, table, inspection_ids):
    with real(conn, table, inspection_ids):
        if table == "responses":
            os.kill(os.getpid(), signal.SIGKILL)
        yield
scores.marked_in_bulk = die_inside
importer.import_bundle(ws, sys.argv[2], trust=True)
"""


def _schema(ws) -> list:
    return ws.store.rows("select type, name, tbl_name, sql from sqlite_master order by name")


def test_a_killed_import_leaves_the_database_as_it_was(make_workspace, office, tmp_path):
    sender = make_workspace("sender")
    sender.set_identity(name="甲督学")
    # The sender knows the office (and its encryption key): ethics evaluations are sealed to it.
    export_bundle(office, tmp_path / "hello.sibundle", kind="changes")
    import_bundle(sender, tmp_path / "hello.sibundle", trust=True)
    generate_demo(sender, schools=3, inspections=12, seed=3)
    bundle = tmp_path / "big.sibundle"
    export_bundle(sender, bundle, kind="full")
    before, schema = digest(office), _schema(office)
    for killer, arg in ((KILLER, "120"), (KILLER_IN_BULK, "")):        # mid-import
        killed = subprocess.run([sys.executable, "-c", killer, str(office.paths.home),
                                 str(bundle), arg], cwd=ROOT, capture_output=True)
        assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
        assert digest(office) == before
        assert _schema(office) == schema            # the score triggers among it
    assert office.store.scalar("select count(*) from imported_bundles") == 0
    result = import_bundle(office, bundle, trust=True)       # and the import can be redone
    assert result["status"] == "imported" and digest(office) == digest(sender)
