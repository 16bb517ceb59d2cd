"""Issue 8, finding 9: a writer waits for another process's write transaction instead of
failing with "database in use", and a full disk says so and what to do."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from app.errors import DatabaseError
from app.services import answers, evidence
from app.workspace import Workspace

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA busy_timeout = 5000")
conn.execute("BEGIN IMMEDIATE")
conn.execute("insert or replace into settings (key, value) values ('held', 'yes')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process (an import, a second window) holding the write lock for a while."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_an_answer_waits_for_another_writer_and_is_saved(ws, mini_inspection):
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")   # a read snapshot exists
    holder = hold_write_lock(ws.store.path, 1.0)
    try:
        answers.answer_item(ws, mini_inspection, "a.score", "4")    # read, then write
    finally:
        assert holder.wait(10) == 0
    assert answers.answers_of(ws, mini_inspection)["a.score"] == 4
    assert ws.store.setting("held") == "yes"


def test_a_writer_held_beyond_the_busy_timeout_says_the_database_is_in_use(ws,
                                                                          mini_inspection):
    ws.store.scalar("PRAGMA busy_timeout = 200")
    holder = hold_write_lock(ws.store.path, 2.0)
    try:
        with pytest.raises(DatabaseError, match="in use by another program"):
            answers.answer_item(ws, mini_inspection, "a.score", "4")
    finally:
        holder.wait(10)
    assert "a.score" not in answers.answers_of(ws, mini_inspection)


@pytest.fixture
def small_disk(tmp_path):
    """A real, small file system (tmpfs) to fill up; needs the right to mount."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill_disk(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_says_so_and_what_to_do(small_disk, prepared_db, mini_inspection, ws):
    home = small_disk / "profile"
    home.mkdir()
    shutil.copytree(ws.paths.home / "keys", home / "keys")
    shutil.copy(ws.paths.profile_file, home / "profile.json")
    ws.store.scalar("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(ws.store.path, home / "school-inspect.db")
    full = Workspace.open(home, load_builtins=False)
    try:
        filler = fill_disk(small_disk)
        with pytest.raises(DatabaseError, match="disk is full.*free some space"):
            evidence.attach_file(full, mini_inspection, "b.fridge", data=os.urandom(400_000),
                                 filename="big.jpg")
        os.remove(filler)
        assert full.store.scalar("PRAGMA integrity_check") == "ok"
        assert evidence.attachments_of(full, mini_inspection) == []     # nothing half-saved
        answers.answer_item(full, mini_inspection, "a.score", "3")       # works again
    finally:
        full.close()
