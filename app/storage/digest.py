"""Counts and a content digest of a database, to check two databases hold the same data.

The digest covers ids and values of every synced row (tombstones included, so a delete that
did not travel shows) and the hashes of the evidence files they reference, sorted; never revs, device ids or local
bookkeeping, which legitimately differ between two copies of the same data. A sign-off's
capturing device and its device signature are provenance like `device_id` (the same demo
made on two laptops is the same content); they are checked on import, not compared here.
"""

from __future__ import annotations

import hashlib
import json

from app.storage.store import SYNC_META, SYNCED_TABLES, Store

SKIPPED = set(SYNC_META) | {"captured_by", "device_sig"}


def table_counts(store: Store) -> dict[str, int]:
    """Live (not deleted) rows per synced table, plus evidence files."""
    counts = {t: store.scalar(f"select count(*) from [{t}] where deleted = 0")
              for t in SYNCED_TABLES}
    counts["evidence_files"] = len(_referenced_blobs(store))
    return counts


def _referenced_blobs(store: Store) -> list[str]:
    # Only files that live rows point at: a blob left behind by a removed attachment is
    # local residue, not content.
    return [r[0] for r in store.db.execute(
        "select sha256 from attachments where deleted = 0 union "
        "select image_sha256 from signatures where deleted = 0 and image_sha256 is not null "
        "order by 1")]


def content_digest(store: Store) -> str:
    digest = hashlib.sha256()
    for table in SYNCED_TABLES:
        digest.update(f"\x00table:{table}\n".encode())
        cursor = store.db.execute(f"select * from [{table}] order by id")
        columns = [c[0] for c in cursor.description]
        for values in cursor:
            row = {c: v for c, v in zip(columns, values) if c not in SKIPPED}
            digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
            digest.update(b"\n")
    digest.update(b"\x00blobs\n")
    for sha in _referenced_blobs(store):
        digest.update(sha.encode() + b"\n")
    return digest.hexdigest()


def stats(store: Store) -> dict:
    return {"counts": table_counts(store), "digest": content_digest(store)}
