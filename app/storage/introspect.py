"""Schema look-ups and small writes by plain SQL, for the Store.

sqlite-utils is loaded only to migrate (app/storage/__init__.py); these are what the Store
used it for besides, so an import or an export in a fresh process does not pay its import
(about 0.5 s with its plugin entry points). Each mirrors what sqlite-utils answered."""

from __future__ import annotations

import sqlite3


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, type]:
    """{column: python type} by SQLite's affinity rules, as sqlite-utils' `columns_dict`
    (an empty declared type is text, NUMERIC is float)."""
    return {row[1]: affinity(row[2]) for row in
            conn.execute(f"PRAGMA table_info([{table}])").fetchall()}


def affinity(declared: str) -> type:
    kind = (declared or "").upper().strip()
    if kind == "":
        return str
    if "INT" in kind:
        return int
    if "CHAR" in kind or "CLOB" in kind or "TEXT" in kind:
        return str
    if "BLOB" in kind:
        return bytes
    return float    # REAL, FLOA, DOUB and NUMERIC alike


def foreign_keys(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, str]]:
    """[(column, other table, other column)] of the table's single-column references, in
    the order they were declared."""
    rows = conn.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()
    return [(row[3], row[2], row[4]) for row in sorted(rows, key=lambda r: (r[0], r[1]))]


def primary_key(conn: sqlite3.Connection, table: str) -> str:
    """The table's one primary-key column (rowid when it declares none)."""
    keys = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])").fetchall()
            if row[5]]
    if len(keys) > 1:
        raise ValueError(f"{table} has a compound primary key; address rows by their columns")
    return keys[0] if keys else "rowid"
