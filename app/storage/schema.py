"""The database schema as numbered migrations (sqlite-utils `Migrations`).

Append new migrations at the end, never edit an applied one. A database that has applied a
migration this code does not know was written by a newer version and is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "school_inspect"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' bookkeeping table


class LazyMigrations:
    """Registers the migrations below in definition order, as sqlite-utils' `Migrations`
    does (same decorator), and hands them to a real `Migrations` when one is applied or
    listed. Opening an up-to-date database, which every start does, compares names only
    (Store._migrate) and so never loads sqlite-utils."""

    def __init__(self, name: str):
        self.name = name
        self._registered: list[tuple[str, object, bool]] = []
        self._real = None

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(func):
            self._registered.append((name or func.__name__, func, transactional))
            self._real = None
            return func
        return inner

    def names(self) -> list[str]:
        return [name for name, _func, _transactional in self._registered]

    def real(self):
        """The sqlite-utils `Migrations` with every migration registered, in order."""
        if self._real is None:
            from app.storage import load_sqlite_utils
            load_sqlite_utils()
            from sqlite_utils.migrations import Migrations
            real = Migrations(self.name)
            for name, func, transactional in self._registered:
                real(name=name, transactional=transactional)(func)
            self._real = real
        return self._real

    def applied(self, db: Database):
        return self.real().applied(db)

    def pending(self, db: Database):
        return self.real().pending(db)

    def apply(self, db: Database, **options) -> None:
        self.real().apply(db, **options)


migrations = LazyMigrations(MIGRATION_SET)

SYNC_COLUMNS = {"id": str, "rev": str, "base_rev": str, "device_id": str, "deleted": int}


def _synced(db: Database, name: str, columns: dict, foreign_keys=()) -> None:
    """A table whose rows travel in bundles: UUID key, HLC rev, base rev, device, tombstone."""
    db[name].create({**SYNC_COLUMNS, **columns}, pk="id", not_null={"rev", "device_id"},
                    defaults={"deleted": 0}, foreign_keys=list(foreign_keys))


@migrations()
def m001_initial(db: Database) -> None:
    _synced(db, "schools", {
        "name": str, "name_en": str, "code": str, "district": str, "level": str,
        "address": str, "principal": str, "phone": str, "student_count": int,
        "boarding": int, "created_at": str, "updated_at": str})
    _synced(db, "teachers", {
        "school_id": str, "name": str, "subject": str, "employee_no": str, "phone": str,
        "created_at": str, "updated_at": str}, [("school_id", "schools", "id")])
    _synced(db, "users", {"name": str, "role": str, "organisation": str, "created_at": str})
    _synced(db, "templates", {
        "key": str, "version": int, "kind": str, "title_zh": str, "title_en": str,
        "body": str, "sha256": str, "builtin": int, "created_at": str})
    _synced(db, "inspections", {
        "template_id": str, "template_key": str, "template_version": int, "school_id": str,
        "teacher_id": str, "mode": str, "status": str, "visit_date": str, "inspectors": str,
        "self_assessment_id": str, "follow_up_of": str, "summary": str, "created_at": str,
        "updated_at": str, "completed_at": str, "signed_at": str, "content_sha256": str},
        [("template_id", "templates", "id"), ("school_id", "schools", "id"),
         ("teacher_id", "teachers", "id"), ("self_assessment_id", "inspections", "id"),
         ("follow_up_of", "inspections", "id")])
    _synced(db, "responses", {
        "inspection_id": str, "item_key": str, "value": str, "note": str,
        "answered_by": str, "answered_at": str}, [("inspection_id", "inspections", "id")])
    db["blobs"].create({"sha256": str, "data": bytes, "size": int, "mime": str}, pk="sha256")
    _synced(db, "attachments", {
        "inspection_id": str, "item_key": str, "sha256": str, "filename": str, "mime": str,
        "size": int, "caption": str, "created_at": str},
        [("inspection_id", "inspections", "id"), ("sha256", "blobs", "sha256")])
    _synced(db, "actions", {
        "inspection_id": str, "item_key": str, "school_id": str, "description": str,
        "severity": str, "responsible": str, "due_date": str, "status": str,
        "carried_from": str, "verified_in": str, "note": str, "created_at": str,
        "updated_at": str, "resolved_at": str, "verified_at": str},
        [("inspection_id", "inspections", "id"), ("school_id", "schools", "id"),
         ("carried_from", "actions", "id"), ("verified_in", "inspections", "id")])
    _synced(db, "signatures", {
        "inspection_id": str, "signer": str, "role": str, "signed_at": str,
        "image_sha256": str, "content_sha256": str},
        [("inspection_id", "inspections", "id"), ("image_sha256", "blobs", "sha256")])
    _local_tables(db)
    _indexes(db)


def _local_tables(db: Database) -> None:
    """Bookkeeping that never travels: history, audit, trust, sync state, settings."""
    db["history"].create({"table_name": str, "record_id": str, "rev": str, "data": str},
                         pk=("table_name", "record_id", "rev"))
    db["audit_log"].create({
        "seq": int, "at": str, "device_id": str, "actor": str, "action": str,
        "entity": str, "entity_id": str, "detail": str, "prev_hash": str, "hash": str},
        pk="seq")
    db["devices"].create({"id": str, "name": str, "public_key": str, "fingerprint": str,
                          "trusted": int, "first_seen": str, "last_seen": str}, pk="id")
    db["imported_bundles"].create({"bundle_id": str, "imported_at": str,
                                   "sender_device_id": str, "kind": str, "summary": str},
                                  pk="bundle_id")
    db["conflicts"].create({
        "id": str, "table_name": str, "record_id": str, "fields": str, "ours": str,
        "theirs": str, "base": str, "bundle_id": str, "created_at": str,
        "resolved_at": str, "resolution": str}, pk="id")
    db["settings"].create({"key": str, "value": str}, pk="key")


def _indexes(db: Database) -> None:
    db["teachers"].create_index(["school_id"])
    db["inspections"].create_index(["school_id"])
    db["inspections"].create_index(["status"])
    db["inspections"].create_index(["template_key"])
    db["inspections"].create_index(["visit_date"])
    db["responses"].create_index(["inspection_id", "item_key"], unique=True)
    db["attachments"].create_index(["inspection_id"])
    db["actions"].create_index(["inspection_id"])
    db["actions"].create_index(["school_id", "status"])
    db["signatures"].create_index(["inspection_id"])
    db["conflicts"].create_index(["resolved_at"])
    db["templates"].create_index(["key", "version"], unique=True)
    for table in ("schools", "teachers", "users", "templates", "inspections", "responses",
                  "attachments", "actions", "signatures"):
        db[table].create_index(["rev"])


@migrations()
def m002_attachment_taken_at(db: Database) -> None:
    """When a photo was taken (from its EXIF data), shown beside evidence in reports."""
    db["attachments"].add_column("taken_at", str)


@migrations()
def m003_integrity(db: Database) -> None:
    """Sign-offs that prove themselves, and amendments that change what is signed.

    `signatures.captured_by` is the device that captured the sign-off (unlike `device_id`, it
    never changes) and `device_sig` that device's Ed25519 signature over the row's canonical
    bytes (app/security/signoffs.py). `inspections.amendment` counts amendments; from the
    first one it is part of the content hash, so an old signature never vouches again."""
    db["signatures"].add_column("captured_by", str)
    db["signatures"].add_column("device_sig", str)
    db["inspections"].add_column("amendment", int)
    db["inspections"].add_column("amendment_reason", str)


@migrations()
def m004_audit(db: Database) -> None:
    """The audit log records the rev each entry was written at (so data changed after the
    last entry shows a cut tail), and signed chain heads: this device's checkpoints and the
    heads of other devices witnessed in their bundles."""
    db["audit_log"].add_column("rev", str)
    db["audit_heads"].create({"device_id": str, "seq": int, "hash": str, "at": str,
                              "signature": str, "source": str, "received_at": str,
                              "reason": str}, pk=("device_id", "seq", "hash", "source"))


@migrations()
def m005_roles(db: Database) -> None:
    """Roles travel with trust: a device's recorded role and school scope (and where that came
    from), its published encryption key, and the office's signed role records (relayed)."""
    for column in ("role", "schools", "role_source", "role_rev", "encryption_key"):
        db["devices"].add_column(column, str)
    db["role_records"].create({
        "device_id": str, "role": str, "schools": str, "issuer_id": str, "issuer_key": str,
        "issued_rev": str, "signature": str}, pk="device_id")


@migrations()
def m006_actions_lifecycle(db: Database) -> None:
    """The 整改 life cycle: every move of a corrective action is a synced, append-only event
    (who, when, why, which visit) with its evidence files; old statuses take today's names."""
    _synced(db, "action_events", {
        "action_id": str, "school_id": str, "from_status": str, "to_status": str,
        "note": str, "actor": str, "actor_role": str, "at": str, "visit_id": str},
        [("action_id", "actions", "id"), ("school_id", "schools", "id"),
         ("visit_id", "inspections", "id")])
    _synced(db, "action_evidence", {
        "event_id": str, "sha256": str, "filename": str, "mime": str, "size": int,
        "created_at": str}, [("event_id", "action_events", "id"), ("sha256", "blobs", "sha256")])
    db["action_events"].create_index(["action_id"])
    db["action_events"].create_index(["school_id"])
    db["action_evidence"].create_index(["event_id"])
    for table in ("action_events", "action_evidence"):
        db[table].create_index(["rev"])
    # Rows keep their revs: every device maps the same way, so digests still agree, and a
    # bundle from an older version is mapped the same way on import.
    db.execute("update actions set status = 'pending' where status = 'open' or status is null")
    db.execute("update actions set status = 'reported' where status = 'resolved'")
    db["actions"].create_index(["carried_from"])


SCORE_TRIGGERS = {
    # A new inspection gets its (empty) score row at once, so the list joins without gaps.
    "inspections_score_insert": "after insert on inspections begin "
    "insert or ignore into inspection_scores (inspection_id) values (new.id); "
    "insert or ignore into score_dirty (inspection_id) values (new.id); end",
    "inspections_score_update": "after update of template_id, deleted on inspections begin "
    "insert or ignore into score_dirty (inspection_id) values (new.id); end",
    "inspections_score_delete": "after delete on inspections begin "
    "delete from inspection_scores where inspection_id = old.id; "
    "delete from score_dirty where inspection_id = old.id; end",
    "responses_score_insert": "after insert on responses begin "
    "insert or ignore into score_dirty (inspection_id) values (new.inspection_id); end",
    "responses_score_update": "after update of value, deleted, inspection_id on responses "
    "begin insert or ignore into score_dirty (inspection_id) values (new.inspection_id); "
    "insert or ignore into score_dirty (inspection_id) values (old.inspection_id); end",
    "responses_score_delete": "after delete on responses begin "
    "insert or ignore into score_dirty (inspection_id) values (old.inspection_id); end",
    "attachments_score_insert": "after insert on attachments begin "
    "insert or ignore into score_dirty (inspection_id) values (new.inspection_id); end",
    "attachments_score_update": "after update of deleted, item_key, inspection_id on "
    "attachments begin insert or ignore into score_dirty (inspection_id) "
    "values (new.inspection_id); end",
}

# Every column the Inspections list sorts by, with the id as tie-breaker, so a page in any
# order is an index range (keyset paging), never a sort of the whole table.
LIST_INDEXES = {
    "inspections": (["visit_date", "id"], ["mode", "id"], ["status", "id"],
                    ["school_id", "id"], ["template_id", "id"],
                    ["deleted", "template_id"]),  # the list's count reads only this
    "inspection_scores": (["total_sort", "inspection_id"],
                          ["grade_rank", "inspection_id"]),
    "schools": (["name"],),  # with the rowid, which the index holds anyway
}


@migrations()
def m007_scale(db: Database) -> None:
    """District scale: stored score and grade per inspection (local, recomputed by
    app.storage.scores from the one scoring rule when what they depend on changes; see
    the triggers), backfilled here; indexes for every sortable list column; and a local
    table for the full-size originals of photos downscaled on attaching, when kept."""
    db["inspection_scores"].create({
        "inspection_id": str, "total": float, "grade_key": str, "grade_zh": str,
        "grade_en": str, "capped": int, "total_sort": float, "grade_rank": int},
        pk="inspection_id", not_null={"total_sort", "grade_rank", "capped"},
        defaults={"total_sort": -1.0, "grade_rank": 99, "capped": 0})
    db["score_dirty"].create({"inspection_id": str}, pk="inspection_id")
    # Full-size originals of downscaled photos, kept only when the user asks; local.
    db["photo_originals"].create({"sha256": str, "data": bytes, "size": int,
                                  "filename": str}, pk="sha256")
    for name, body in SCORE_TRIGGERS.items():
        db.execute(f"create trigger if not exists {name} {body}")
    for table, indexes in LIST_INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    db.execute("create index if not exists idx_inspections_inspectors_sort on "
               "inspections (coalesce(inspectors, ''), id)")
    db.execute("create index if not exists idx_templates_title_sort on "
               "templates (coalesce(title_zh, ''))")
    db.execute("insert or ignore into inspection_scores (inspection_id) "
               "select id from inspections")
    db.execute("insert or ignore into score_dirty (inspection_id) select id from inspections")
    from app.storage.scores import refresh
    refresh(db.conn)
    db.execute("analyze")


@migrations()
def m009_laptop(db: Database) -> None:
    """When trust in a device was withdrawn (`trust revoke`): its later bundles are refused."""
    db["devices"].add_column("revoked_at", str)


@migrations()
def m011_signed_subject(db: Database) -> None:
    """What a signed report shows about the school and teacher is signed too: the snapshot
    taken at sign-off (`inspections.subject`, JSON; app/security/signoffs.py) is part of the
    content hash once present, so a later rename neither changes the signed report nor
    unsigns it."""
    db["inspections"].add_column("subject", str)


@migrations()
def m017_action_state(db: Database) -> None:
    """District scale for corrective actions: each action's state by the one rule, stored
    per action (local) and kept current through triggers that mark a school whose actions
    changed by any path (app/storage/action_state.py), so the Actions page and the open
    count page and count in SQL. Computed here for the actions already held."""
    from app.storage import action_state
    action_state.create(db.conn)
    action_state.refresh(db.conn)
    db.execute("analyze action_state")


@migrations()
def m020_import_stream(db: Database) -> None:
    """Every foreign key's column leads an index. With foreign keys deferred (an import's
    one transaction), once any reference waits for its record, SQLite looks for the rows
    referring to each record inserted — a whole-table scan where their column has no
    index: an import of 10,000 inspections (some following up or self-assessed by others)
    spent 15 s scanning the inspections once per inspection, growing with the square of
    their number. Deleting a record looks the same way."""
    for table in db.table_names():
        leading = {index.columns[0] for index in db[table].indexes if index.columns}
        primary = db[table].pks
        for column in dict.fromkeys(fk.column for fk in db[table].foreign_keys):
            if column not in leading and [column] != primary:
                db[table].create_index([column], if_not_exists=True)


@migrations()
def m023_founded_signoffs(db: Database) -> None:
    """Each open asks which inspections claim `signed` with no device-signed sign-off
    (app/workspace.py). With this partial index the question is answered from two small
    indexes; without it each signed inspection read its sign-off rows from the table, a
    random read per row: 6.8 s of a cold start at 100,000 inspections. The filtered columns
    are in the index too: SQLite reads a partial index's own condition from the table
    unless the index holds its columns."""
    db.execute("create index if not exists idx_signatures_founded on signatures "
               "(inspection_id, deleted, device_sig) where deleted = 0 and "
               "device_sig is not null")


@migrations()
def m029_action_counts(db: Database) -> None:
    """The Actions page's counts (all, open, overdue) over a district's 300,000 actions
    summed from a per-school tally kept with the stored action state instead of counted
    action by action (35 ms of every page load): the tally counted from the state already
    stored (app/storage/action_state.py)."""
    from app.storage import action_state
    action_state.create_counts(db.conn)
    db.execute("analyze action_state")   # the new index, so today's year of one school's
                                         # "overdue" ranges its ~600 rows, not the year's


def known_migration_names() -> list[str]:
    return migrations.names()


# What the Inspections list reads of an inspection besides the column it pages along: its
# id, the filters' columns, and the columns its joins and the teacher-ethics rule follow.
LIST_COVER = ("id", "deleted", "template_id", "status", "template_key", "school_id",
              "visit_date", "mode", "inspectors", "teacher_id")


@migrations()
def m031_list_sorts(db: Database) -> None:
    """The Inspections list with a filter reads index entries only, never a table row: each
    index it pages or filters along (ui/state/inspections.py) holds every column of
    LIST_COVER, as the scores' index by inspection holds the sort keys. Paging along an
    order, the filter was checked in each passed inspection's row, a random read apiece
    (~3 us); where the kept rows sit at the far end of the order, as drafts do for dates
    ascending, every row was read (~0.3 s a page at 100,000). Reading the entries alone is
    ~20 times cheaper, and so is finding a few kept rows through the filter's index and
    sorting them. They replace the narrower indexes on the same leading columns, so an
    inspection written updates no more indexes than before; (status, id) stays as it was:
    each open reads it for the signed inspections (app/workspace.py), and narrow is cheaper."""
    for name in ("school_id", "status", "template_key", "visit_date", "visit_date_id",
                 "mode_id", "school_id_id", "template_id_id", "inspectors_sort"):
        db.execute(f"drop index if exists idx_inspections_{name}")
    for lead in ("visit_date", "mode", "status", "school_id", "template_id", "template_key"):
        rest = ", ".join(column for column in LIST_COVER if column != lead)
        db.execute(f"create index if not exists idx_inspections_{lead}_list on "
                   f"inspections ({lead}, {rest})")
    db.execute("create index if not exists idx_inspections_inspectors_list on inspections "
               f"(coalesce(inspectors, ''), {', '.join(LIST_COVER)})")
    db.execute("create index if not exists idx_inspection_scores_list on "
               "inspection_scores (inspection_id, total_sort, grade_rank)")
    # Statistics, where the file keeps them, must know the new indexes too.
    if db.execute("select 1 from sqlite_master where name = 'sqlite_stat1'").fetchone() and \
            db.execute("select 1 from sqlite_stat1 where tbl = 'inspections'").fetchone():
        db.execute("analyze inspections")
        db.execute("analyze inspection_scores")
