"""Records written by older versions, brought to today's vocabulary before they are checked or
merged (a database migrates the same way, so both sides agree on content and digest)."""

from __future__ import annotations

from app.domain.status import LEGACY_ACTION_STATUSES


def upgrade_records(records: dict[str, list[dict]]) -> None:
    """In place: corrective-action statuses open → pending, resolved → reported."""
    for record in records.get("actions", []):
        if isinstance(record, dict) and record.get("status") in LEGACY_ACTION_STATUSES:
            record["status"] = LEGACY_ACTION_STATUSES[record["status"]]
