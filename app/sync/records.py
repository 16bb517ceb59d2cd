"""What a synced record may look like in a bundle, and small helpers shared by export,
reading, merging and the post-import check.

A record line holds the table's columns (with rev/base_rev/device_id/deleted) plus one key of
our own, `ancestry`: the older revs the sender's version is known to include, so a receiver
can tell "derived from what I hold" from "changed on both sides".
"""

from __future__ import annotations

import hashlib
import re
from itertools import islice, repeat

from app.clock import REV_RE, Timestamp
from app.domain.limits import TEXT_LIMITS, check_fields, fields_pass
from app.errors import BundleError
from app.storage.store import SYNC_META, SYNCED_TABLES

ANCESTRY = "ancestry"
MAX_ANCESTRY = 200
MAX_TEXT = 4 << 20            # one value; long notes are fine, a 4 MB note is not
MAX_ID = 200
# The quick look relies on every text limit of app/domain/limits.py being within MAX_TEXT.
_TEXT_LIMITS_WITHIN = max(TEXT_LIMITS.values()) <= MAX_TEXT
LOCAL_ONLY = SYNC_META + ("deleted", "id", ANCESTRY)


# Ids per `in (...)` list when reading a batch of records set-wise (well under SQLite's
# limit on bound parameters).
ID_CHUNK = 500


def chunked(items, size: int = ID_CHUNK):
    """`items` in lists of at most `size`, in order (taken as they come: a bundle's records
    are made one chunk at a time, record_table.py, never all at once)."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def marks(values) -> str:
    """The `?, ?, …` of an `in (...)` list for `values`."""
    return ", ".join("?" * len(values))


def revs_in_history(store, table: str, ids) -> dict[str, list[str]]:
    """{record id: the revs kept in history, oldest first} for many records, set-wise."""
    found: dict[str, list[str]] = {}
    for chunk in chunked(ids):
        for record_id, rev in store.rows(
                f"select record_id, rev from history where table_name = ? and record_id in "
                f"({marks(chunk)}) order by record_id, rev", [table, *chunk]):
            found.setdefault(record_id, []).append(rev)
    return found


def current_revs(store, table: str, ids) -> dict[str, str]:
    """{record id: its current rev} for the records of `ids` held here, set-wise."""
    found: dict[str, str] = {}
    for chunk in chunked(ids):
        found.update(store.rows(f"select id, rev from [{table}] where id in ({marks(chunk)})",
                                chunk))
    return found


def schema_of(store) -> dict[str, dict[str, type]]:
    """{table: {column: python type}} of the synced tables in this database."""
    return {t: store.column_types(t) for t in SYNCED_TABLES}


def foreign_keys(store) -> dict[str, list[tuple[str, str, str]]]:
    """{table: [(column, other table, other column)]} for the synced tables."""
    return {t: store.foreign_keys(t) for t in SYNCED_TABLES}


def content_fields(record: dict) -> dict:
    """The record without sync bookkeeping (deleted is content: tombstones travel)."""
    return {k: v for k, v in record.items() if k not in SYNC_META and k != ANCESTRY}


def check_record(record, table: str, columns: dict, where: str, *, clean: bool = False) -> None:
    """Refuse anything but a flat record of known columns with well-formed sync fields.
    `clean`: the record came out of `limits.loads` (no NUL, no lone surrogate in its text)."""
    # A bundle holds hundreds of thousands of records: the plain ones are let through by
    # `record_passes`; anything it is not sure of takes the full check, which words the
    # refusal.
    if record_passes(record, table, columns, clean=clean):
        return
    _check_record(record, table, columns, where)


def record_passes(record, table: str, columns: dict, *, clean: bool = False) -> bool:
    """True when `check_record` would accept `record`; False means "not sure"."""
    if not _TEXT_LIMITS_WITHIN or type(record) is not dict:
        return False
    record_id, rev, base_rev = record.get("id"), record.get("rev"), record.get("base_rev")
    if type(record_id) is not str or not record_id or len(record_id) > MAX_ID:
        return False
    match = REV_RE.fullmatch(rev) if type(rev) is str else None
    if match is None or match.group(3) != record.get("device_id"):
        return False
    if base_rev is not None and (type(base_rev) is not str or base_rev >= rev
                                 or REV_RE.fullmatch(base_rev) is None):
        return False
    deleted = record.get("deleted")
    if type(deleted) is not int or deleted not in (0, 1):
        return False
    if ANCESTRY in record:
        ancestry = record[ANCESTRY]
        if type(ancestry) is not list or len(ancestry) > MAX_ANCESTRY or not all(
                type(a) is str and REV_RE.fullmatch(a) for a in ancestry):
            return False
    # Every other key a known column, each value of its column's type, within the limits
    # and enumerations (text no longer than MAX_TEXT: every text limit is below it).
    return fields_pass(table, record, types=columns, skip=ANCESTRY, clean=clean)


def _check_record(record, table: str, columns: dict, where: str) -> None:
    if not isinstance(record, dict):
        raise BundleError(f"{where}: a record must be a JSON object.")
    unknown = sorted(set(record) - set(columns) - {ANCESTRY})
    if unknown:
        raise BundleError(f"{where}: unknown column {unknown[0]!r} in table {table!r}; "
                          "refused.")
    record_id = record.get("id")
    if not isinstance(record_id, str) or not record_id or len(record_id) > MAX_ID:
        raise BundleError(f"{where}: the record has no valid id.")
    _check_rev(record.get("rev"), where, "rev", required=True)
    _check_rev(record.get("base_rev"), where, "base_rev", required=False)
    if not isinstance(record.get("device_id"), str):
        raise BundleError(f"{where}: device_id is missing.")
    if Timestamp.parse(record["rev"]).device != record["device_id"]:
        raise BundleError(f"{where}: rev {record['rev']!r:.80} was not made by the record's "
                          f"device {record['device_id']!r:.60}; refused.")
    if record.get("deleted") not in (0, 1):
        raise BundleError(f"{where}: deleted must be 0 or 1.")
    ancestry = record.get(ANCESTRY, [])
    if not isinstance(ancestry, list) or len(ancestry) > MAX_ANCESTRY:
        raise BundleError(f"{where}: ancestry must be a list of revs.")
    for rev in ancestry:
        _check_rev(rev, where, "ancestry", required=True)
    if record.get("base_rev") is not None and record["base_rev"] >= record["rev"]:
        raise BundleError(f"{where}: base_rev {record['base_rev']!r:.80} is not older than "
                          f"the record's rev {record['rev']!r:.80}; refused.")
    for column, value in record.items():
        if column != ANCESTRY:
            _check_value(value, columns[column], where, column)
    # The same limits and enumerations as every local write (app/domain/limits.py).
    check_fields(table, {k: v for k, v in record.items() if k != ANCESTRY},
                 error=BundleError, where=f"{where}: ")


def _check_rev(value, where: str, name: str, *, required: bool) -> None:
    if value is None and not required:
        return
    try:
        Timestamp.parse(value)
    except ValueError:
        raise BundleError(f"{where}: {name} {value!r:.60} is not a rev (expected 13 digits "
                          "of milliseconds, a dot, 5 digits of counter, a dot, the device "
                          "id).") from None


def _check_value(value, kind: type, where: str, column: str) -> None:
    if value is None:
        return
    if kind is int and not isinstance(value, int):
        raise BundleError(f"{where}: {column} must be a whole number.")
    if kind is float and not isinstance(value, (int, float)):
        raise BundleError(f"{where}: {column} must be a number.")
    if kind is str and not isinstance(value, str):
        raise BundleError(f"{where}: {column} must be text.")
    if kind not in (int, float, str):
        raise BundleError(f"{where}: column {column} cannot travel in a bundle.")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise BundleError(f"{where}: {column} is longer than {MAX_TEXT} characters.")


def records_digest(records: dict) -> str:
    """What the bundle promises: every (table, id, rev) it carries, sorted.

    Sorted a table at a time, without making every line first: with table names of
    letters and underscores (all above the tab that follows them) a table's lines sort
    together, in the order of the names; within a table, when no id holds a character at
    or below the tab, (id, rev) pairs sort as their lines do."""
    if not all(TABLE_NAME.fullmatch(t) for t in records):
        lines = sorted(f"{t}\t{r['id']}\t{r['rev']}" for t, rows in records.items()
                       for r in rows)
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()
    digest, first = hashlib.sha256(), True
    for table in sorted(records):
        ids, revs = _ids_and_revs(records[table])
        if not ids:
            continue
        for lines in _sorted_lines(table, ids, revs):
            text = "\n".join(lines)
            digest.update((text if first else "\n" + text).encode())
            first = False
    return digest.hexdigest()


TABLE_NAME = re.compile(r"[a-z_]+")
LOW = re.compile(r"[\x00-\t]")
LINES_AT_ONCE = 4096


def _sorted_lines(table: str, ids: list, revs: list):
    """A table's lines in sorted order, a few thousand at a time."""
    try:
        pairs = None if any(map(LOW.search, ids)) else sorted(zip(ids, revs))
    except TypeError:           # not texts: as lines, whatever they are
        pairs = None
    if pairs is None:
        yield sorted(f"{table}\t{i}\t{r}" for i, r in zip(ids, revs))
        return
    for start in range(0, len(pairs), LINES_AT_ONCE):
        yield [f"{table}\t{i}\t{r}" for i, r in pairs[start:start + LINES_AT_ONCE]]


def _ids_and_revs(rows) -> tuple[list, list]:
    if hasattr(rows, "column"):         # a RecordTable: no dict per record
        return rows.column("id"), rows.column("rev")
    rows = list(rows)
    return [r["id"] for r in rows], [r["rev"] for r in rows]


def digest_lines(table: str, ids: list, revs: list) -> list[str]:
    """`records_digest`'s lines of records of `table` from their ids and revs, made in C;
    a value that is not text (stored outside the app) is written as the f-string writes it."""
    try:
        return list(map("\t".join, zip(repeat(table), ids, revs)))
    except TypeError:
        return list(map((table.replace("{", "{{").replace("}", "}}") + "\t{}\t{}").format,
                        ids, revs))


def lines_digest(lines) -> str:
    """The SHA-256 of `records_digest`'s lines, sorted."""
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()
