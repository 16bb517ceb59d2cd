"""Reading records for a bundle: each record's line of JSON, written by SQLite, with the few
fields export chooses and routes records by (id, rev, school, inspection, action, event,
references, evidence hashes).

Why SQLite writes the lines: building a dict per row in Python and encoding it with `json`
took most of an export's time; `json_object` writes the same JSON in C. A line holds every
column of the row plus `ancestry` (the older revs kept in history, at most MAX_ANCESTRY, oldest
first), keys in sorted order, compact separators, non-ASCII text as UTF-8 — one JSON object a
line, as ARCHITECTURE.md ("Sync bundles") publishes it.

Exact values: SQLite writes text, integers and NULL exactly as Python's encoder does (escapes
of quotes, backslashes and control characters included). It would not write a REAL exactly
(15 significant digits) and refuses a BLOB; no synced column is declared REAL or BLOB, but a
value of another type can sit in a column whose affinity is not text (sqlite3 on the file). A
row holding a REAL is written by Python's encoder from the row as read, and a table SQLite
cannot write at all (a BLOB, a SQLite without JSON) is read and written by Python, as before:
every line parses to exactly the row as stored.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable, NamedTuple
from operator import itemgetter

from app.errors import DatabaseError, ValidationError
from app.storage.tables import SYNCED_TABLES
from app.sync.records import ANCESTRY, MAX_ANCESTRY, chunked, marks, revs_in_history

# The same JSON as SQLite's json_object writes: sorted keys, compact, UTF-8 text.
ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
# Columns export chooses and routes records by, where a table has them.
ROUTING = ("id", "rev", "school_id", "inspection_id", "action_id", "event_id")
BLOB_COLUMNS = {("attachments", "sha256"), ("signatures", "image_sha256"),
                ("action_evidence", "sha256")}
# The older revs of record t, newest MAX_ANCESTRY of them, oldest first (the history's
# primary key serves it); json() keeps the array an array inside json_object. Most records
# have none, so whether one has any is asked first: record by record (HAS_OLDER), or, when
# a whole table is read, against the set of the table's ids in history, made once per
# statement (IN_HISTORY; per chunk of ids that set would be made again and again).
_OLDER = "from history h where h.table_name = ?1 and h.record_id = t.id and h.rev != t.rev"
HAS_OLDER = f"exists (select 1 {_OLDER})"
IN_HISTORY = "t.id in (select record_id from history where table_name = ?1)"
ANCESTRY_SQL = (f"case when {HAS_OLDER} then json((select json_group_array(rev) "
                f"from (select rev from (select h.rev {_OLDER} order by h.rev desc "
                f"limit {MAX_ANCESTRY}) order by rev))) else json_array() end")


class Columns(NamedTuple):
    """One read of a table: its records' ids, fields (`Lines.read`) and lines, row for row."""
    ids: list
    fields: list[tuple]
    texts: list[bytes]


class Lines:
    """The records an export reads: their fields, returned by `read` as {id: the row SQLite
    returned: the table's routing fields (`names`) in order, then the line} (read one with
    `field`), and `lines` {table: {id: line as UTF-8 bytes}}. A record is the very tuple
    SQLite's row came as (a dict per record cost as much as everything else the export does
    with them). The bytes are SQLite's own (no decoding and encoding again per row); the
    caller checks them as UTF-8 once per file (`utf8`)."""

    def __init__(self, store, foreign_keys: dict[str, list[tuple[str, str, str]]]):
        self.store = store
        self.fks = foreign_keys
        self.lines: dict[str, dict[str, bytes]] = {t: {} for t in SYNCED_TABLES}
        self._plans: dict[str, tuple[list[str], str]] = {}
        # The last read of each table as columns, in the order SQLite returned its rows (a
        # records file made right after the read takes them in one pass, records_files.py).
        self.latest: dict[str, Columns] = {}
        # How many times each table was read: a file made from its lines stays valid only
        # while no other read could have changed them (app/sync/records_files.py).
        self.reads: Counter[str] = Counter()

    def read(self, table: str, where: str = "1", params=()) -> dict[str, tuple]:
        """Read the records of `table` matching `where` (SQL over the row `t`), keep their
        lines, and return their fields by id."""
        self.reads[table] += 1
        names, select = self._plan(table)
        if where == "1":
            select = select.replace(HAS_OLDER, IN_HISTORY, 1)
        try:
            found = self.store.rows(f"select {select} from [{table}] as t where {where}",
                                    [table, *params])
        except DatabaseError:
            return self._read_in_python(table, where, params, names)
        # Row by row in C (map, zip), not in Python: names[0] is the id, the line is last.
        ids = list(map(itemgetter(0), found))
        texts = list(map(itemgetter(len(names)), found))
        if None in texts:               # a REAL in the row: written exactly by Python
            texts = [self._python_line(table, rid) if text is None else text
                     for rid, text in zip(ids, texts)]
            found = [(*row[:-1], text) for row, text in zip(found, texts)]
        self.lines[table].update(zip(ids, texts))
        self.latest[table] = Columns(ids, found, texts)
        return dict(zip(ids, found))

    def names(self, table: str) -> list[str]:
        """The routing fields of `table`'s records, in their tuples' order."""
        return self._plan(table)[0]

    def field(self, table: str, column: str) -> Callable[[tuple], object]:
        """A getter of `column` from `table`'s records' fields (None where the table has
        no such column)."""
        names = self.names(table)
        return itemgetter(names.index(column)) if column in names else _none

    def read_ids(self, table: str, ids) -> dict[str, tuple]:
        """`read` of the records with these ids, a few hundred per query."""
        out = {}
        for chunk in chunked(ids):
            out.update(self.read(table, f"t.id in ({marks(chunk)})", chunk))
        return out

    def _plan(self, table: str) -> tuple[list[str], str]:
        """(field names, select list) of a table, made once per export."""
        if table not in self._plans:
            info = self.store.rows(f"PRAGMA table_info([{table}])")
            columns = [r[1] for r in info if r[1] != ANCESTRY]
            wanted = [*ROUTING, *(c for c, _, _ in self.fks.get(table, ())),
                      *(c for t, c in BLOB_COLUMNS if t == table)]
            names = [c for c in dict.fromkeys(wanted) if c in columns]
            pairs = ", ".join(f"{_literal(k)}, " + (ANCESTRY_SQL if k == ANCESTRY else
                                                   f"t.[{k}]")
                              for k in sorted([*columns, ANCESTRY]))
            # Only a column without text affinity can hold a REAL (SQLite's rules).
            real = " or ".join(f"typeof(t.[{r[1]}]) = 'real'" for r in info
                               if r[1] != ANCESTRY and not _text_affinity(r[2])) or "0"
            select = (", ".join(f"t.[{c}]" for c in names)
                      + f", case when {real} then null else "
                        f"cast(json_object({pairs}) as blob) end")
            self._plans[table] = (names, select)
        return self._plans[table]

    def _read_in_python(self, table: str, where: str, params, names: list[str]) -> dict:
        rows = self.store.query(f"select * from [{table}] as t where {where}", list(params))
        history = revs_in_history(self.store, table, [r["id"] for r in rows])
        out = {}
        for row in rows:
            self.lines[table][row["id"]] = _encode(table, row, history.get(row["id"], ()))
            out[row["id"]] = (*(row[c] for c in names), self.lines[table][row["id"]])
        self.latest[table] = Columns(list(out), list(out.values()),
                                     list(map(self.lines[table].__getitem__, out)))
        return out

    def _python_line(self, table: str, record_id) -> bytes:
        row = self.store.get(table, record_id)
        history = revs_in_history(self.store, table, [record_id])
        return _encode(table, row, history.get(record_id, ()))


def _none(_record) -> None:
    return None


def utf8(data: bytes, where: str) -> bytes:
    """`data` when it is UTF-8 text; SQLite hands over a text value's bytes unchecked, and
    text that is not UTF-8 (written with sqlite3 on the file) must not leave in a bundle."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{where}: a record holds text that is not UTF-8 (the database "
                              "was changed outside the app); nothing was exported.") from None
    return data


def _encode(table: str, row: dict, history) -> bytes:
    """A line as Python writes it: the row as stored plus its ancestry."""
    revs = [rev for rev in history if rev != row["rev"]]
    try:
        return ENCODE({**row, ANCESTRY: revs[-MAX_ANCESTRY:]}).encode("utf-8")
    except (TypeError, ValueError):
        raise ValidationError(f"{table} record {str(row['id'])[:60]} holds a value a bundle "
                              "cannot carry (binary data); nothing was exported.") from None


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _text_affinity(declared: str | None) -> bool:
    kind = (declared or "").upper()
    return "INT" not in kind and any(k in kind for k in ("CHAR", "CLOB", "TEXT"))
