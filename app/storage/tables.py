"""The synced tables, their sync fields, and how a value is stored in a cell."""

from __future__ import annotations

import json
from typing import Any

# Parents before children: the order records are written when importing or digesting.
SYNCED_TABLES = ("schools", "teachers", "users", "templates", "inspections", "responses",
                 "attachments", "actions", "action_events", "action_evidence", "signatures")
SYNC_META = ("rev", "base_rev", "device_id")
HLC_SETTING = "hlc_last"


def cell_value(value: Any) -> Any:
    """A value as SQLite stores it; lists and dicts as JSON text, as sqlite-utils did."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value
