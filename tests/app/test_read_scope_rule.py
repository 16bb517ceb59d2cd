"""The read scope is ONE rule (app/security/roles.py, "reading"): every module that queries a
school's records with SQL either goes through it or is on the reviewed list below, with the
reason it need not. A new read path written with its own SQL fails here until it is scoped
or its reason is written down (tests/app/services/test_read_scope.py tests the paths)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHOOL_DATA = re.compile(r"\b(from|join)\s+\[?(schools|teachers|inspections|actions|"
                         r"action_events|action_evidence|responses|attachments|signatures|"
                         r"conflicts)\b", re.IGNORECASE)
SCOPE = re.compile(r"\b(read_scope|require_read|require_record_read|require_scope_of|"
                   r"visible_schools|readable(?=\())")

# module → why its SQL over school data needs no read scope of its own
REVIEWED = {
    "app/security/signoffs.py": "content hashes and sign-off checks of an inspection already "
                                "opened through a scoped read, or being imported",
    "app/services/deletion.py": "a mutation: the role check (require_inspection_edit) first",
    "app/services/demo_ops.py": "writes a training profile's demo rows, rules waived",
    "app/services/signoff_legacy.py": "a one-time backfill of this device's own sign-offs "
                                      "when the profile opens; shows nothing",
    "app/services/signoff.py": "sign-offs of an inspection opened through a scoped read; "
                               "derive_status runs for every imported inspection",
    "app/storage/action_state.py": "the stored state of every school's actions (local "
                                    "bookkeeping), read back only through the scoped list "
                                    "queries of app/services/action_list.py",
    "app/storage/digest.py": "counts and the digest of the whole database (`stats`)",
    "app/storage/schema.py": "migrations",
    "app/storage/scores.py": "stored scores, read back only through scoped list queries",
    "app/sync/confidential.py": "sealing and opening bundles: the sync engine",
    "app/sync/importer.py": "import must see every held record to merge and judge a bundle",
    "app/sync/integrity.py": "import checks",
    "app/sync/merge.py": "import merge",
    "app/workspace.py": "at open, which inspections claim signed without any device-signed "
                        "sign-off (re-derived); shows nothing",
    "ui/dialogs/profile_dialog.py": "whether the database is empty at all",
    "ui/main_window.py": "whether the database is empty at all",
}


def _modules():
    for folder in ("app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text("utf-8")


def test_every_sql_read_of_school_data_is_scoped_or_reviewed():
    unscoped = [name for name, text in _modules()
                if SCHOOL_DATA.search(text) and not SCOPE.search(text) and name not in REVIEWED]
    assert unscoped == [], ("query school data through app/security/roles.py's read scope "
                            "(read_scope / require_read / require_record_read), or say here "
                            "why this module need not")


def test_the_reviewed_list_holds_no_stale_entries():
    texts = dict(_modules())
    assert [name for name in REVIEWED if name not in texts
            or not SCHOOL_DATA.search(texts[name])] == []
