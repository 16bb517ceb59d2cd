"""A bundle's `records/<table>.ndjson` files, each made as soon as its table is read.

Deflating the files is half of an export's time and runs in worker threads (app/sync/
bundle_zip.py). For it to run while the export still reads the other tables, chooses parents
and splits off the confidential records, a whole table's file is made right after the table is
read, from the records that will most likely travel in the clear, and handed to the deflater.
When the bundle is written, that early file is used only if it was made from exactly the final
records (the same ids, in the same order) and their lines as they are then (no read of the
table since); otherwise the file is made again from the final records. A guess can cost time,
never a wrong byte.
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter, not_
from typing import Callable

from app.errors import ValidationError
from app.sync import confidential
from app.sync.bundle_zip import Deflater
from app.sync.export_lines import Lines, utf8


def name_of(table: str) -> str:
    return f"records/{table}.ndjson"


def records_file(table: str, ids: list, lines: dict[str, bytes]) -> bytes:
    """The file of these records: their lines in this order, each ended by a newline."""
    name = name_of(table)
    return utf8(b"\n".join(list(map(lines.__getitem__, ids))) + b"\n", name)


class RecordsFiles:
    """Records files made early (`early`) and the files the bundle gets (`file`)."""

    def __init__(self, read: Lines, deflater: Deflater, ethics: set | None):
        self._read = read
        self._deflater = deflater
        self._ethics = ethics           # None: no early files (a filtered export)
        # {table: (ids in the file's order, their revs, the read they came from, the file)}
        self._early: dict[str, tuple[list, list, int, bytes]] = {}

    def early(self, table: str, by_id: dict[str, tuple]) -> None:
        """Make `table`'s file from the records just read (all of the table that will travel),
        leaving out those that will likely be sealed, and start deflating it. The read's
        columns are sorted once, as positions, and taken in that order in C: no look-up by
        id per record, and the revs come along for the promised digest (`revs`)."""
        columns = self._read.latest.get(table)
        if self._ethics is None or not by_id or columns is None \
                or len(columns.ids) != len(by_id):   # not this read's records, one per id
            return
        ids = columns.ids
        sealed = confidential.likely_sealed(self._read, table, by_id, self._ethics)
        keep = range(len(ids)) if not sealed else \
            compress(range(len(ids)), map(not_, map(sealed.__contains__, ids)))
        take = _taker(sorted(keep, key=ids.__getitem__))
        try:
            data = utf8(b"\n".join(take(columns.texts)) + b"\n", name_of(table))
        except ValidationError:         # said when the bundle's file is made
            return
        revs = take(list(map(self._read.field(table, "rev"), columns.fields)))
        self._early[table] = (take(ids), revs, self._read.reads[table], data)
        self._deflater.add(name_of(table), data)

    def _made(self, table: str) -> tuple | None:
        """The early file of `table`, while no read since could have changed its lines."""
        made = self._early.get(table)
        return made if made is not None and made[2] == self._read.reads[table] else None

    def order(self, table: str, by_id: dict) -> list:
        """The ids of `table`'s final records `by_id` in their file's order (by id): those of
        the early file when they are the same records (one look-up each, no sort)."""
        made = self._made(table)
        if made is not None and len(made[0]) == len(by_id) \
                and all(map(by_id.__contains__, made[0])):
            return made[0]
        return sorted(by_id)

    def revs(self, table: str, ids: list, by_id: dict) -> list:
        """The revs of `table`'s final records `ids` (in this order), `by_id` their fields."""
        made = self._made(table)
        if made is not None and made[0] is ids:
            return made[1]
        return list(map(self._read.field(table, "rev"), map(by_id.__getitem__, ids)))

    def file(self, table: str, ids: list) -> bytes:
        """The file of `table`'s final records `ids` (in the file's order)."""
        made = self._made(table)
        if made is not None and (made[0] is ids or made[0] == ids):
            return made[3]
        return records_file(table, ids, self._read.lines[table])


def _taker(positions: list) -> Callable[[list], list]:
    """A function giving the items of a list at `positions`, in that order, taken in C."""
    if len(positions) < 2:
        return lambda items: [items[p] for p in positions]
    get = itemgetter(*positions)
    return lambda items: list(get(items))
