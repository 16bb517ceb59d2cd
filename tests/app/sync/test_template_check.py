"""A bundle's templates (app/sync/template_check.py): a body whose exact text this process
already found valid is not validated again, so what may be remembered must be a text validated
the same way — never one merely held in the database, which sqlite3 could have changed — and
the checks on the row itself (hash, id, key, kind, titles, the installed version) run for every
bundle."""

import json
import sqlite3

import pytest

from app.domain.templates import body_sha256, body_text, validated
from app.errors import BundleError
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from app.sync.template_check import _validate
from tests.app.sync.helpers import digest, read_entries, records, resign, set_records, \
    write_entries

KEY = "term_start_safety"


def bundle_with_template(ws, tmp_path, change):
    """A full bundle of `ws` whose template KEY's row `change` rewrites, re-signed."""
    path = tmp_path / "t.sibundle"
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    rows = records(entries, "templates")
    change(next(r for r in rows if r["key"] == KEY and r["version"] == 2))
    set_records(entries, "templates", rows)
    return write_entries(path, resign(entries, ws.device_key))


def broken_body(row: dict) -> dict:
    body = json.loads(row["body"])
    body["sections"][0]["items"][0]["type"] = "not-a-type"
    return body


def refused(receiver, path, match):
    before = digest(receiver)
    with pytest.raises(BundleError, match=match):
        import_bundle(receiver, path, trust=True)
    assert digest(receiver) == before


def test_a_broken_body_also_held_broken_here_is_still_refused(ws, office, tmp_path):
    """sqlite3 put the same broken body (with its hash) in the receiver's own row: a check
    that trusted "the same as what we hold" would let it in."""
    def change(row):
        body = broken_body(row)
        row.update(body=body_text(body), sha256=body_sha256(body))
    path = bundle_with_template(ws, tmp_path, change)
    sent = next(r for r in records(read_entries(path), "templates") if r["key"] == KEY
                and r["version"] == 2)
    conn = sqlite3.connect(office.paths.database, isolation_level=None)
    conn.execute("update templates set body = ?, sha256 = ? where id = ?",
                 [sent["body"], sent["sha256"], sent["id"]])
    conn.close()
    refused(office, path, "not-a-type")


@pytest.mark.parametrize("field, value", [("sha256", "0" * 64), ("key", "other_key"),
                                          ("version", 9), ("kind", "ethics")])
def test_a_known_valid_body_under_a_row_that_does_not_match_it_is_refused(ws, office, tmp_path,
                                                                          field, value):
    def change(row):
        assert validated(row["body"]) is not None      # the text is one found valid
        row[field] = value
    refused(office, bundle_with_template(ws, tmp_path, change),
            "does not match its hash or id|kind or title differs")


def test_what_a_new_profile_remembers_is_what_a_full_check_finds(ws):
    """The built-in templates a new profile installs are remembered as valid: each stored
    text must be exactly what validating it as a bundle's template gives."""
    rows = ws.store.query("select * from templates")
    assert len(rows) >= 15
    for row in rows:
        remembered = validated(row["body"])
        assert remembered is not None, row["key"]
        sha, template = _validate(row, row["key"])
        assert remembered[0] == sha == row["sha256"]
        assert remembered[1] == template and remembered[1].body == template.body
