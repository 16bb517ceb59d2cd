"""Stored scores (migration m007_scale): what the lists sort by always equals what the one
scoring rule says, whichever way the answers changed — the answer service, an imported
bundle, or a raw write to the file — and an older database is backfilled on opening.
An answer marks its inspection for rescoring (in its own transaction); the list rescores
marked ones before it loads, an import before it commits."""

from __future__ import annotations

import pytest

from app.services.answers import answer_item
from app.services.reads import evaluate
from app.workspace import Workspace
from tests.app.sync.helpers import send
from ui.state.inspections import InspectionFilter, InspectionQuery


def stored(ws, inspection_id: str) -> dict:
    """The stored score as the Inspections list reads it (after its rescoring)."""
    InspectionQuery(ws, InspectionFilter()).count()
    return ws.store.query("select total, grade_key, capped from inspection_scores "
                          "where inspection_id = ?", [inspection_id])[0]


def expected(ws, inspection_id: str) -> dict:
    result = evaluate(ws, inspection_id)
    return {"total": None if result.total is None else round(result.total, 6),
            "grade_key": result.grade.key if result.grade else None,
            "capped": int(bool(result.limited_by))}  # a veto or a cap decided it


def test_each_answer_updates_the_stored_score(ws, mini_inspection):
    assert stored(ws, mini_inspection)["total"] is None
    answer_item(ws, mini_inspection, "a.score", 4)
    assert ws.store.scalar("select count(*) from score_dirty where inspection_id = ?",
                           [mini_inspection]) == 1
    assert stored(ws, mini_inspection) == expected(ws, mini_inspection)
    answer_item(ws, mini_inspection, "a.samples", "no")  # a failed red line caps the grade
    assert stored(ws, mini_inspection) == expected(ws, mini_inspection)
    assert stored(ws, mini_inspection)["capped"] == 1
    answer_item(ws, mini_inspection, "a.samples", None)
    assert stored(ws, mini_inspection) == expected(ws, mini_inspection)


def test_an_import_stores_the_scores_of_what_it_brought(ws, mini_inspection, make_workspace,
                                                        tmp_path):
    answer_item(ws, mini_inspection, "a.score", 2)
    answer_item(ws, mini_inspection, "a.samples", "yes")
    other = make_workspace("office")
    send(ws, other, tmp_path, kind="full")
    assert other.store.scalar("select count(*) from score_dirty") == 0  # scored in import
    assert stored(other, mini_inspection) == expected(ws, mini_inspection)
    answer_item(ws, mini_inspection, "a.score", 5)
    send(ws, other, tmp_path)
    assert other.store.scalar("select count(*) from score_dirty") == 0
    assert stored(other, mini_inspection) == expected(ws, mini_inspection)


def test_a_raw_write_to_the_file_is_rescored_before_the_list_shows_it(ws, mini_inspection):
    answer_item(ws, mini_inspection, "a.score", 5)
    # Another program changes an answer behind the app's back.
    ws.store.db.execute("update responses set value = '0' where inspection_id = ? and "
                        "item_key = 'a.score'", [mini_inspection])
    ws.store.db.conn.commit()
    query = InspectionQuery(ws, InspectionFilter())
    query.count()
    row = query.rows([mini_inspection])[mini_inspection]
    assert row["total"] == expected(ws, mini_inspection)["total"] == 0


def test_the_list_sorts_by_stored_score(ws, school_id):
    from app.services.inspections import start_inspection
    made = {}
    for value in (3, 5, 1):
        inspection = start_inspection(ws, school_id=school_id, template="mini").created
        answer_item(ws, inspection, "a.score", value)
        made[inspection] = value
    query = InspectionQuery(ws, InspectionFilter(order="score", descending=True))
    query.count()
    first = query.ids(2)
    rest = query.ids(2, first[-1])
    order = [made[i] for i, _key in first + rest]
    assert order == [5, 3, 1]


def test_an_older_database_is_backfilled_when_opened(ws, mini_inspection):
    answer_item(ws, mini_inspection, "a.score", 3)
    want = expected(ws, mini_inspection)
    home = ws.paths.home
    # Undo m007 as if the file came from the version before it.
    for name in [r["name"] for r in ws.store.query(
            "select name from sqlite_master where type = 'trigger' and name like '%score%'")]:
        ws.store.db.execute(f"drop trigger {name}")
    ws.store.db.execute("drop table inspection_scores")
    ws.store.db.execute("drop table score_dirty")
    ws.store.db.execute("drop table photo_originals")
    ws.store.db.execute("delete from _sqlite_migrations where name = 'm007_scale'")
    ws.store.db.conn.commit()
    ws.close()
    reopened = Workspace.open(home)
    try:
        assert stored(reopened, mini_inspection) == want
    finally:
        reopened.close()


def test_every_list_order_pages_through_an_index_without_sorting(ws, mini_inspection):
    """A page of the list in any order is an index range: a plan that sorts reads and sorts
    every inspection for each page (100,000: a third of a second each). A fresh profile has
    no statistics (ANALYZE ran on an empty file), as a district's grown one often has not."""
    from ui.state.inspections import ORDER_BY
    query = InspectionQuery(ws, InspectionFilter())
    first = query.ids(1)
    for order in ORDER_BY:
        for descending in (True, False):
            query = InspectionQuery(ws, InspectionFilter(order=order, descending=descending))
            for after in (None, (first[0][0], (None,) * len(ORDER_BY[order]))):
                sql, params = query.ids_sql(50, after)
                plan = " / ".join(row[3] for row in ws.store.db.conn.execute(
                    f"explain query plan {sql}", params))
                assert "TEMP B-TREE" not in plan, (order, descending, plan)


def test_an_import_reuses_a_parsed_template_only_for_the_same_stored_body(ws, mini_inspection):
    """`scores.reusing`: an import's already parsed template stands for the stored one only
    while the stored row holds exactly that body and hash; else the row is read as always
    (a body changed behind the app's back, its hash no longer matching, scores nothing)."""
    from app.storage import scores
    template_id = ws.store.get("inspections", mini_inspection)["template_id"]
    body, sha = ws.store.rows("select body, sha256 from templates where id = ?",
                              [template_id])[0]
    parsed = object()
    lookup = scores.reusing(ws.store.conn, {template_id: (body, sha, parsed)})
    assert lookup(template_id) is parsed
    with pytest.raises(RuntimeError), ws.store.atomic():
        ws.store.conn.execute("update templates set body = ? where id = ?",
                              [body.replace("{", '{"extra": 1, ', 1), template_id])
        lookup = scores.reusing(ws.store.conn, {template_id: (body, sha, parsed)})
        with pytest.raises(KeyError):
            lookup(template_id)
        raise RuntimeError("roll back")
