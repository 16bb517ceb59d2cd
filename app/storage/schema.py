"""The database schema as numbered migrations (sqlite-utils `Migrations`).

Append new migrations at the end, never edit an applied one. A database that has applied a
migration this code does not know was written by a newer version and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "school_inspect"
migrations = Migrations(MIGRATION_SET)

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


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]
