"""The paged list's state (Qt-free): rows are read a block at a time and turned into their
display form once, a row that cannot be read stays unreadable until forgotten, and a short
page ends the list."""

from __future__ import annotations

from ui.state.paging import PagedIds


class Source:
    """Rows by id, as a list query would return them; counts the reads."""

    def __init__(self, count: int):
        self.rows = {f"r{n:03d}": {"id": f"r{n:03d}", "n": n} for n in range(count)}
        self.reads: list[list[str]] = []
        self.presented = 0

    def load(self, ids):
        self.reads.append(list(ids))
        return {i: self.rows[i] for i in ids if i in self.rows}

    def present(self, row):
        self.presented += 1
        return f"row {row['n']}"

    def page(self, after, limit):
        start = 0 if after is None else int(after[0][1:]) + 1
        return [(i, (i,)) for i in sorted(self.rows)[start:start + limit]]


def test_entries_are_read_a_block_at_a_time_and_presented_once():
    source = Source(120)
    paged = PagedIds(source.load, source.present, block=50)
    paged.add(source.page(None, 100), 100)
    assert paged.entry(3) == "row 3" and paged.entry(49) == "row 49"
    assert paged.entry(60) == "row 60"
    for _ in range(3):                      # a repaint asks again: nothing is read
        assert paged.entry(3) == "row 3"
    assert [len(read) for read in source.reads] == [50, 40]    # 3-52, then 60-99
    assert source.presented == 90


def test_a_block_runs_the_way_the_view_scrolls():
    """A view paints top to bottom: the first row it misses is the top of a screen, so the
    block runs down from it and one read covers the screen wherever it starts (fixed
    blocks read two whenever a screen straddles a boundary). When the row below is loaded
    the user is scrolling up, and the block ends at the asked row."""
    source = Source(300)
    paged = PagedIds(source.load, source.present, block=50)
    paged.add(source.page(None, 300), 300)
    for row in range(130, 160):             # a screen from row 130: one read
        paged.entry(row)
    assert source.reads == [[f"r{n:03d}" for n in range(130, 180)]]
    paged.entry(129)                        # scrolled up one row: the block above
    assert source.reads[-1] == [f"r{n:03d}" for n in range(80, 130)]
    paged.entry(60)                         # a jump: down from there, what is missing
    assert source.reads[-1] == [f"r{n:03d}" for n in range(60, 80)]
    paged.entry(299)                        # the list's end: what is left
    assert source.reads[-1] == ["r299"]
    assert paged.entry(0) == "row 0" and source.reads[-1][0] == "r000"
    assert source.presented == sum(len(read) for read in source.reads)


def test_a_row_that_cannot_be_read_is_none_until_forgotten():
    source = Source(10)
    paged = PagedIds(source.load, source.present, block=50)
    paged.add(source.page(None, 10), 20)
    gone = source.rows.pop("r004")
    assert paged.entry(4) is None and paged.entry(5) == "row 5"
    source.rows["r004"] = gone
    assert paged.entry(4) is None           # still the loaded state
    assert paged.forget({"r004"}) == [4]
    assert paged.entry(4) == "row 4"


def test_a_short_page_ends_the_list_and_clear_starts_over():
    source = Source(250)
    paged = PagedIds(source.load, source.present)
    paged.add(source.page(None, 200), 200)
    assert paged.more() and paged.more(total=250) and not paged.more(total=200)
    paged.add(source.page(paged.last, 200), 200)
    assert len(paged.ids) == 250 and not paged.more()
    assert paged.position("r249") == 249 and paged.position("nope") == -1
    paged.clear()
    assert paged.ids == [] and paged.more() and paged.last is None
