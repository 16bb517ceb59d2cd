"""Qt-free state of a lazily paged list: the ordered ids, fetched a page at a time by keyset
(the last row's sort key, so the 500th page costs what the first does), and the display
entries, loaded a block at a time only for rows that are painted.

An entry is whatever the list's `present(row)` makes of a loaded row, once: the view asks
for every painted cell several times per paint, so the work of turning a row into text is
done when the block loads, not on each ask. An id whose row cannot be loaded (removed by a
sync meanwhile, broken data) has the entry None.
"""

from __future__ import annotations

from typing import Any, Callable

PAGE = 200   # ids fetched per page
BLOCK = 50   # display rows loaded per query


class PagedIds:
    """Ids in list order and the entries loaded so far; the Qt model wraps this."""

    def __init__(self, load: Callable[[list[str]], dict[str, dict]],
                 present: Callable[[dict], Any], block: int = BLOCK):
        self._load, self._present, self._block = load, present, block
        self.ids: list[str] = []
        self.cache: dict[str, Any] = {}
        self.last: tuple | None = None      # (id, sort key) of the last fetched row
        self.exhausted = False

    def clear(self) -> None:
        # In place: the model keeps references to both for its per-cell lookups.
        self.ids.clear()
        self.cache.clear()
        self.last, self.exhausted = None, False

    def more(self, total: int | None = None) -> bool:
        """Whether another page may follow (`total`: how many the list holds, if known)."""
        return not self.exhausted and (total is None or len(self.ids) < total)

    def add(self, new: list[tuple[str, tuple]], asked: int | None) -> None:
        """Append a fetched page of (id, sort key) pairs; fewer than `asked` (None: the
        page was not limited) means the list ends here."""
        if not new:
            self.exhausted = True
            return
        self.last = new[-1]
        self.ids.extend(record_id for record_id, _key in new)
        if asked is not None and len(new) < asked:
            self.exhausted = True

    def entry(self, row: int) -> Any:
        """The entry of list row `row` (0 <= row < len(ids)), loading its block if needed."""
        record_id = self.ids[row]
        try:
            return self.cache[record_id]
        except KeyError:
            pass
        block = [i for i in self._window(row) if i not in self.cache]
        loaded = self._load(block)
        for i in block:
            found = loaded.get(i)
            self.cache[i] = None if found is None else self._present(found)
        return self.cache[record_id]

    def _window(self, row: int) -> list[str]:
        """The ids read with `row`: a block from it in the direction the view is going.
        A view paints top to bottom, so the first row it misses is the top of what it
        shows; the block from there covers the rows below it. When the row below is
        already loaded the user is scrolling up, so the block ends at `row` instead.
        (Blocks at fixed multiples read two per screen whenever a screen straddles a
        boundary, which scrolling by pages does nearly every time.)"""
        if row + 1 < len(self.ids) and self.ids[row + 1] in self.cache:
            return self.ids[max(0, row - self._block + 1):row + 1]
        return self.ids[row:row + self._block]

    def position(self, record_id: str) -> int:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return -1

    def forget(self, ids) -> list[int]:
        """Drop the loaded entries of `ids` (changed records); their list positions."""
        positions = []
        for n, record_id in enumerate(self.ids):
            if record_id in ids:
                self.cache.pop(record_id, None)
                positions.append(n)
        return positions
