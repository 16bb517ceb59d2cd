"""The Store is the only door to the database: outside app/storage/, no module under app/ or
ui/ imports sqlite3 or sqlite-utils, or reaches into a Store's connection (`.db`, `.conn`),
cursors, or its clock (`.hlc`, `_tick`) — revs, raw sync writes and bookkeeping rows go
through the Store's public methods."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "app" / "storage"
DRIVERS = {"sqlite3", "sqlite_utils", "apsw", "sqlcipher3", "pysqlcipher3"}
PRIVATE = {"db", "conn", "hlc", "_tick", "cursor", "executescript", "executemany"}


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in DRIVERS]
        elif isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] in DRIVERS:
            found.append(node.module)
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE:
            found.append(f".{node.attr} (line {node.lineno})")
    return found


def outside_storage():
    for folder in (ROOT / "app", ROOT / "ui"):
        for path in folder.rglob("*.py"):
            if STORAGE not in path.parents:
                yield path


def test_nothing_outside_app_storage_touches_the_database_directly():
    found = {str(p.relative_to(ROOT)): o for p in outside_storage() if (o := offences(p))}
    assert found == {}


def test_the_check_sees_a_raw_connection_a_cursor_and_the_clock(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("import sqlite3\nfrom sqlite_utils import Database\n"
                      "def f(ws):\n    ws.store.db.execute('delete from audit_log')\n"
                      "    ws.store.hlc.observe('x')\n    c = ws.store.db.conn.cursor()\n")
    assert {o.split(" ")[0] for o in offences(sneaky)} == {
        "sqlite3", "sqlite_utils", ".db", ".hlc", ".conn", ".cursor"}
