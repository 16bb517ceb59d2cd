"""`Changes`: what a service call touched (tables and record ids), like Anki's OpChanges."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    tables: frozenset = frozenset()
    ids: frozenset = frozenset()
    created: str | None = None

    @classmethod
    def of(cls, table: str, *ids: str, created: str | None = None) -> "Changes":
        return cls(frozenset({table}), frozenset(i for i in ids if i), created)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.tables | other.tables, self.ids | other.ids,
                       self.created or other.created)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    @property
    def empty(self) -> bool:
        return not self.tables


NOTHING = Changes()
