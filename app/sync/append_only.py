"""History that may only grow: a corrective action's life-cycle events and their evidence.

Once made, an event (who moved the action where, when and why) never changes and is never
deleted, here or on any peer. A bundle that carries a different version of an event we hold
(edited, re-dated, tombstoned) is refused before anything is written, naming the record.
"""

from __future__ import annotations

from app.errors import BundleError
from app.sync.records import content_fields

APPEND_ONLY = ("action_events", "action_evidence")


def check_append_only(store, bundle) -> None:
    for table in APPEND_ONLY:
        for record in bundle.records.get(table, []):
            ours = store.get(table, record["id"])
            if ours is None:
                if record.get("deleted"):
                    raise BundleError(f"records/{table}.ndjson: record {record['id']} arrives "
                                      "deleted; the action history is append-only; refused.")
                continue
            theirs = content_fields(record)
            if any(theirs.get(k) != v for k, v in content_fields(ours).items()):
                raise BundleError(f"records/{table}.ndjson: record {record['id']} differs from "
                                  "the one held here; the action history is append-only and "
                                  "never changes once made; refused.")
