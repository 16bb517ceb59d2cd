"""The quick looks an import takes at each record (`record_passes`, `fields_pass`) let
through only what the full checks accept: every hostile value in every column of a real
record is either refused by the full check with its message, or accepted by both."""

import math

import pytest

from app.domain import limits
from app.errors import BundleError, ValidationError
from app.sync.export import export_bundle
from app.sync.records import (ANCESTRY, _check_record, check_record, record_passes,
                              schema_of)
from tests.app.sync.helpers import read_entries, records, sign

HOSTILE = [None, True, False, 0, 1, -1, 2, 1.0, 0.0, 2 ** 53, -(2 ** 53), 2 ** 60, 1e16,
           math.nan, math.inf, -math.inf, 3.5, "", "x", "a\x00b", "\ud800", "x" * 201,
           "x" * 1_001, "x" * 20_001, "x" * (4 << 20 | 1), "2026-02-30", "2026-12-31",
           "20261231", "draft", "signed", "bogus", "admin", "high", [], ["x"], {}, {"a": 1},
           "0000000000001.00000.dev", "9999999999999.99999.dev", b"bytes"]


@pytest.fixture
def real_records(ws, mini_inspection, tmp_path):
    from app.services import actions
    sign(ws, mini_inspection)
    from app.services import inspections
    inspections.amend_inspection(ws, mini_inspection, "a finding")
    actions.raise_action(ws, mini_inspection, item_key="a.samples", description="留样")
    path = tmp_path / "real.sibundle"
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    names = [n[len("records/"):-len(".ndjson")] for n in entries if n.startswith("records/")]
    return {t: records(entries, t)[:1] for t in names}


def _full_check_accepts(record, table, columns) -> bool:
    try:
        _check_record(record, table, columns, "line 1")
    except BundleError:
        return False
    return True


def test_a_record_passes_quickly_only_when_the_full_check_accepts_it(ws, real_records):
    schema = schema_of(ws.store)
    tried = 0
    for table, rows in real_records.items():
        columns = schema[table]
        for row in rows:
            assert record_passes(row, table, columns)        # the plain case is quick
            for column in [*row, ANCESTRY, "unknown_column"]:
                for value in HOSTILE:
                    changed = {**row, column: value}
                    tried += 1
                    if record_passes(changed, table, columns):
                        assert _full_check_accepts(changed, table, columns), (table, column,
                                                                              value)
                    # A record from `limits.loads` (the reader's) holds no NUL or lone
                    # surrogate: it refuses them before any record check.
                    if not (isinstance(value, str) and limits._BAD_CHARS.search(value)) and \
                            record_passes(changed, table, columns, clean=True):
                        assert _full_check_accepts(changed, table, columns), (table, column,
                                                                              value)
    assert tried > 2_000


@pytest.mark.parametrize("text", ["a\\u0000b", "\\ud800", "\\udfff"])
def test_the_reader_judges_text_clean_only_after_loads_refused_the_bad(text):
    """What `clean=True` relies on: the loads the reader calls refuses every NUL and lone
    surrogate in a record line, written raw or as an escape."""
    for line in (f'{{"id": "{text}"}}', f'{{"{text}": 1}}'):
        with pytest.raises(BundleError, match="NUL character|lone surrogate"):
            limits.loads(line.encode(), "line 1", error=BundleError)
    with pytest.raises(BundleError):
        limits.loads(b'{"id": "a\x00b"}', "line 1", error=BundleError)


def test_fields_pass_quickly_only_when_check_fields_accepts_them(real_records):
    for table, rows in real_records.items():
        for row in rows:
            fields = {k: v for k, v in row.items() if k != ANCESTRY}
            assert limits.fields_pass(table, fields)
            for column in fields:
                for value in HOSTILE:
                    changed = {**fields, column: value}
                    if limits.fields_pass(table, changed):
                        limits._check_fields(table, changed, ValidationError, "")


def test_a_refused_record_is_worded_by_the_full_check(ws, real_records):
    row = real_records["schools"][0]
    with pytest.raises(BundleError, match="line 1: schools.name: holds a NUL character"):
        check_record({**row, "name": "a\x00b"}, "schools", schema_of(ws.store)["schools"],
                     "line 1")
    with pytest.raises(ValidationError, match="inspections.status: 'bogus' is not one of"):
        limits.check_fields("inspections", {"status": "bogus"})
