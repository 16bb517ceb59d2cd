"""Records written by older versions, brought to today's vocabulary as they are read from a
bundle, before any check (a database migrates the same way, so both sides agree on content
and digest)."""

from __future__ import annotations

from app.domain.status import LEGACY_ACTION_STATUSES


def upgrade_record(table: str, record) -> None:
    """In place: corrective-action statuses open → pending, resolved → reported."""
    if table == "actions" and isinstance(record, dict) and \
            record.get("status") in LEGACY_ACTION_STATUSES:
        record["status"] = LEGACY_ACTION_STATUSES[record["status"]]
