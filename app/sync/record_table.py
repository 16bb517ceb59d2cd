"""A bundle's records of one table, held compactly while the import checks and merges them.

Every check of an import looks across records (answers against their inspection's template,
children against their parents, sign-offs against the content), so the records of a bundle
stay in memory from reading to merging. As one dict each, 10,000 inspections (376,000
records) took about 830 MB; here a record is a tuple of its values beside a shared tuple of
its keys, and its short texts (the parent ids, device ids, item keys, answers and dates
that thousands of records repeat) are one string object each: about a quarter of that.

A record is handed out as a fresh dict with exactly the keys, key order and values it was
read with (a key it lacked stays absent, not None), so every check sees what it saw when
the records were dicts, and what a caller does to that dict never changes the table (a
record's `ancestry` list is shared, as nothing changes it).
`column` and `view` serve the passes that need one field of every record or a record by id
without building a dict per record.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterable, Iterator

# A record's own values, never repeated by another.
UNIQUE = frozenset(("id", "rev"))


class Strings:
    """One object per distinct text while a bundle is read (dropped after). Texts only:
    1, 1.0 and True are equal keys, and 0.0 and -0.0, so numbers are kept as they are. A
    record's id and rev are its own (not looked up: they would only grow the memory)."""

    def __init__(self):
        self._known: dict[str, str] = {}
        self._own: dict[tuple, tuple] = {}      # keys → where the id and rev are

    def share(self, keys: tuple, values) -> tuple:
        own = self._own.get(keys)
        if own is None:
            own = self._own[keys] = tuple(n for n, k in enumerate(keys) if k in UNIQUE)
        values = list(values)
        kept = [values[n] for n in own]
        for n in own:
            values[n] = None
        known = self._known.setdefault
        values = [known(value, value) if type(value) is str else value for value in values]
        for n, value in zip(own, kept):
            values[n] = value
        return tuple(values)


class RecordTable:
    """The records of one table in bundle order (see the module's docstring)."""

    def __init__(self, records: Iterable[dict] = (), strings: Strings | None = None):
        self._keys: list[tuple] = []        # per record, its shared tuple of keys
        self._values: list[tuple] = []
        self._shapes: dict[tuple, tuple] = {}
        self.extend(records, strings)

    def append(self, record: dict, strings: Strings | None = None) -> None:
        keys = tuple(record)
        keys = self._shapes.setdefault(keys, keys)
        self._keys.append(keys)
        self._values.append(strings.share(keys, record.values()) if strings is not None
                            else tuple(record.values()))

    def extend(self, records: Iterable[dict], strings: Strings | None = None) -> None:
        for record in records:
            self.append(record, strings)

    def __len__(self) -> int:
        return len(self._values)

    def __bool__(self) -> bool:
        return bool(self._values)

    def __iter__(self) -> Iterator[dict]:
        return map(_record, self._keys, self._values)

    def __getitem__(self, index: int) -> dict:
        return _record(self._keys[index], self._values[index])

    def column(self, name: str) -> list:
        """`record.get(name)` of every record, in order."""
        where = {keys: keys.index(name) if name in keys else None for keys in self._shapes}
        if len(where) == 1 and None not in where.values():
            return list(map(itemgetter(*where.values()), self._values))
        return [None if where[keys] is None else values[where[keys]]
                for keys, values in zip(self._keys, self._values)]

    def grouped_by(self, name: str) -> "RecordTable":
        """The same records with equal values of `name` together, in the order of those
        values (absent or null as ""); records of one value stay in bundle order. Values
        that do not sort together (not all texts) leave the bundle order as it is. A table
        of its own, whose lists hold the same key and value tuples: no record is copied."""
        # Absent or null as "" (None does not compare with a text); no tuple per record.
        values = [value if value is not None else "" for value in self.column(name)]
        try:
            order = sorted(range(len(values)), key=values.__getitem__)
        except TypeError:
            order = range(len(values))
        table = RecordTable()
        table._keys = list(map(self._keys.__getitem__, order))
        table._values = list(map(self._values.__getitem__, order))
        table._shapes = dict(self._shapes)
        return table

    def view(self) -> "RecordView":
        """The records by id (as `{r["id"]: r for r in table}`: the last of an id, though
        reader.py refuses a repeated id), as they are now. Not kept here: it lives as long
        as the check that asked for it."""
        return RecordView(self)


def _record(keys: tuple, values: tuple) -> dict:
    return dict(zip(keys, values))


class RecordView:
    """Read-only look-up of a table's records by id. The records handed out are
    remembered, up to REMEMBERED of them (the parents a check asks for again and again:
    an inspection's answers come in the order of their ids, not by inspection); a caller
    must not change what it gets."""

    REMEMBERED = 16384

    def __init__(self, table: RecordTable):
        self._table = table
        self._at = dict(zip(table.column("id"), range(len(table))))
        self._recent: dict = {}

    def __contains__(self, record_id) -> bool:
        return record_id in self._at

    def __len__(self) -> int:
        return len(self._at)

    def get(self, record_id, default=None):
        found = self._recent.get(record_id)
        if found is not None:
            return found
        at = self._at.get(record_id)
        if at is None:
            return default
        if len(self._recent) >= self.REMEMBERED:
            self._recent.clear()
        found = self._recent[record_id] = self._table[at]
        return found

    def keys(self):
        return self._at.keys()



def column_of(rows, name: str) -> list:
    """`record.get(name)` of every record of a RecordTable or of a list of dicts."""
    if isinstance(rows, RecordTable):
        return rows.column(name)
    return [row.get(name) for row in rows]
