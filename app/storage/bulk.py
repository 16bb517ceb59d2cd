"""Bulk writes of rows made in memory (the batched demo generator), for `Store.insert_rows`
and `Store.bulk_cache`: every value of a synced table checked as a single write checks it,
each distinct value of a column once; one executemany per row shape; and the connection
settings for one large transaction. Foreign keys and triggers work as for single writes,
except the stored-score trigger on insert, whose marks are made once per batch
(`scores.marked_in_bulk`, as an import's runs make them)."""

from __future__ import annotations

import contextlib
import itertools
import operator
from contextlib import contextmanager
from typing import Iterator

from app.domain.limits import check_fields, column_passes
from app.errors import DatabaseError
from app.storage.tables import SYNC_META, SYNCED_TABLES


def check_distinct(table: str, rows: list[dict]) -> None:
    """`check_fields` for every value of `rows`, each distinct value of a column once (the
    checks are per column, so a value that passed once passes again), a column's plain
    text at once (`column_passes`); a column not plainly passing is checked value by value,
    which words the refusal."""
    for column in dict.fromkeys(itertools.chain.from_iterable(rows)):
        if column in SYNC_META:
            continue
        try:
            column_values = list(map(operator.itemgetter(column), rows))
        except KeyError:   # rows of several shapes
            column_values = [row.get(column) for row in rows]
        kinds = set(map(type, column_values))
        for kind in kinds:
            if kind is not type(None) and not issubclass(kind, (str, int, float)):
                raise DatabaseError(f"{table}.{column}: a bulk row holds a "
                                    f"{kind.__name__}, not a stored value.")
        # 1, 1.0 and True are one member of a set: numbers of mixed kinds are not merged.
        values = set(column_values) if len(kinds - {str, type(None)}) <= 1 else column_values
        if not column_passes(table, column, values):
            for value in values:
                if value is not None:
                    check_fields(table, {column: value})


def insert_rows(conn, table: str, rows: list, *, ignore: bool = False,
                columns: tuple | None = None) -> int:
    """See `Store.insert_rows`."""
    if columns is not None:
        if table in SYNCED_TABLES:
            raise DatabaseError(f"{table}: synced rows are written as dicts (checked).")
        shapes = {tuple(columns): rows}
    else:
        if table in SYNCED_TABLES:
            check_distinct(table, rows)
        shapes: dict[tuple, list] = {}
        for row in rows:
            shapes.setdefault(tuple(row), []).append(tuple(row.values()))
    verb = "insert or ignore" if ignore else "insert"
    for names, values in shapes.items():
        with _marked(conn, table, names, values, ignore):
            conn.executemany(f"{verb} into [{table}] (" + ", ".join(f"[{c}]" for c in names)
                             + ") values (" + ", ".join("?" * len(names)) + ")", values)
    return len(rows)


def _marked(conn, table: str, names: tuple, values: list, ignore: bool):
    """The score trigger's marks for the whole batch at once, as an import's runs make
    them (`scores.marked_in_bulk`: the trigger is set aside and put back inside our write
    transaction, so no other writer ever meets the table without it). Rows that may be
    ignored keep the trigger: only a row actually written may be marked."""
    from app.storage.scores import marked_column, marked_in_bulk   # not at --help
    marked = marked_column(table)
    if ignore or marked is None:
        return contextlib.nullcontext()
    at = names.index(marked) if marked in names else None
    return marked_in_bulk(conn, table, [None if at is None else v[at] for v in values])


@contextmanager
def settings(conn, mib: int) -> Iterator[None]:
    """See `Store.bulk_cache`. Inside a transaction already begun (a nested caller) the
    settings stay as they are: SQLite cannot change the temporary store then."""
    if conn.in_transaction:
        yield
        return
    before = (conn.execute("PRAGMA cache_size").fetchone()[0],
              conn.execute("PRAGMA temp_store").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-int(mib) * 1024}")
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before[0])}")
        conn.execute(f"PRAGMA temp_store = {int(before[1])}")
