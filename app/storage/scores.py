"""Stored score and grade of every inspection, kept current so lists sort and filter by them
in SQL instead of scoring each painted row.

`inspection_scores` is local bookkeeping (it never travels in bundles): one row per
inspection, written only here, from `app.domain.scoring.score` — the one scoring rule.
Triggers (migration m007_scale) put an inspection in `score_dirty` whenever anything its
score depends on changes (its answers, its template), by whatever path: an answer in the
runner, an import, a merge, a conflict resolution, or `sqlite3` on the file. `refresh`
recomputes the dirty ones: the importer in its own transaction, the list before it
queries, so a stale score is never shown. An answer only marks its inspection (the runner
scores live on its own; recomputing on every keystroke would triple the cost of autosave),
and the list rescores the few inspections answered since it last loaded.
"""

from __future__ import annotations

import json
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from app.domain.scoring import score
from app.domain.templates import Template, parse_template
from app.errors import KnownError

BATCH = 500  # inspections scored per round (bounded memory on a 100k backfill)
UNSCORED_SORT = -1.0  # sort key of an inspection without a score (first ascending)
UNGRADED_RANK = 99

TemplateLookup = Callable[[str], Template]
_UNREAD = object()
_IMMUTABLE = (str, int, float, bool, type(None))   # decoded values safe to share


def _parsed_templates(conn) -> TemplateLookup:
    """Templates by id parsed from the database (migration time: no workspace yet)."""
    from app.domain.templates import body_sha256
    cache: dict[str, Template | None] = {}

    def lookup(template_id: str) -> Template:
        if template_id not in cache:
            row = conn.execute("select body, sha256, key, version from templates "
                               "where id = ?", [template_id]).fetchone()
            template = None
            if row is not None and row[0]:
                body = json.loads(row[0])
                if body_sha256(body) == row[1]:
                    template = parse_template(body, source_name=f"{row[2]} v{row[3]}")
            cache[template_id] = template
        if cache[template_id] is None:
            raise KeyError(template_id)
        return cache[template_id]
    return lookup


# What each score trigger on insert does for one new row (schema.SCORE_TRIGGERS): the column
# naming the inspection to mark, and whether the row is a new inspection, which also gets
# its empty score row.
_ON_INSERT = {"inspections": ("inspections_score_insert", "id", True),
              "responses": ("responses_score_insert", "inspection_id", False),
              "attachments": ("attachments_score_insert", "inspection_id", False)}


@contextmanager
def marked_in_bulk(conn, table: str, inspection_ids: list) -> Iterator[None]:
    """Around one bulk insert into `table` whose new rows name `inspection_ids` (in row
    order): the table's score trigger on insert is set aside, and the marks it would have
    made row by row (about a third of an import's writing) are made in one statement each.

    Only inside the caller's write transaction, and only while the trigger is exactly the
    one described above: the trigger is dropped and put back within that transaction, so
    no other connection ever sees the table without it (they wait for our write lock, and
    read the schema as of before), and a rollback or a killed process restores it with the
    rest. Anything else — no transaction, another trigger text — keeps the trigger firing."""
    from app.storage.schema import SCORE_TRIGGERS
    spec = _ON_INSERT.get(table)
    if spec is None or not conn.in_transaction:
        yield
        return
    name, _column, new_inspection = spec
    found = conn.execute("select sql from sqlite_master where type = 'trigger' and name = ? "
                         "and tbl_name = ?", [name, table]).fetchone()
    sql = f"CREATE TRIGGER {name} {SCORE_TRIGGERS[name]}"
    if found is None or found[0] != sql:
        yield
        return
    conn.execute(f"drop trigger [{name}]")
    written = False
    try:
        yield
        written = True
    finally:
        if conn.in_transaction:        # else the rollback already put everything back
            conn.execute(sql)
            _mark(conn, inspection_ids, new_inspection, written)


def _mark(conn, inspection_ids: list, new_inspection: bool, written: bool) -> None:
    """The trigger's marks for the rows of one bulk insert. After a failed insert some rows
    may be in and some not: every named inspection is marked dirty (a mark too many is only
    a rescore), and only those actually there get a score row."""
    marks = [(i,) for i in dict.fromkeys(inspection_ids) if i is not None]
    # The trigger inserts a NULL key for each row naming no inspection (NULLs never clash).
    marks += [(None,)] * sum(1 for i in inspection_ids if i is None)
    if new_inspection:
        conn.executemany("insert or ignore into inspection_scores (inspection_id) values (?)"
                         if written else "insert or ignore into inspection_scores "
                         "(inspection_id) select id from inspections where id = ?", marks)
    conn.executemany("insert or ignore into score_dirty (inspection_id) values (?)", marks)


def marked_column(table: str) -> str | None:
    """The column whose value `marked_in_bulk` needs of each new row of `table`."""
    spec = _ON_INSERT.get(table)
    return spec[1] if spec else None


def reusing(conn, known: dict[str, tuple[str, str, Template]]) -> TemplateLookup:
    """`_parsed_templates`, but a template whose stored body text and hash are exactly
    those of an entry of `known` ({id: (body text, sha256, parsed)}: an import's checked
    bundle templates) is that entry's, not parsed again."""
    read = _parsed_templates(conn)

    def lookup(template_id: str) -> Template:
        entry = known.get(template_id)
        if entry is not None and conn.execute(
                "select 1 from templates where id = ? and body = ? and sha256 = ?",
                [template_id, entry[0], entry[1]]).fetchone():
            return entry[2]
        return read(template_id)
    return lookup


def store_rows(conn, rows: list[tuple]) -> None:
    """Put rows made by `score_row` in place and clear those inspections' dirty marks
    (inside the caller's transaction, after their answers and evidence were written)."""
    conn.executemany("insert or replace into inspection_scores (inspection_id, total, "
                     "grade_key, grade_zh, grade_en, capped, total_sort, grade_rank) "
                     "values (?,?,?,?,?,?,?,?)", rows)
    conn.executemany("delete from score_dirty where inspection_id = ?",
                     [(row[0],) for row in rows])


def refresh(conn, inspection_ids: Iterable[str] | None = None,
            template_of: TemplateLookup | None = None) -> int:
    """Recompute the given inspections' scores (default: every dirty one) and clear their
    dirty marks. Runs inside the caller's transaction. Returns how many were scored."""
    template_of = template_of or _parsed_templates(conn)
    if inspection_ids is None:
        ids = [r[0] for r in conn.execute("select inspection_id from score_dirty")]
    else:
        ids = list(dict.fromkeys(inspection_ids))
    for start in range(0, len(ids), BATCH):
        _refresh_batch(conn, ids[start:start + BATCH], template_of)
    return len(ids)


def _refresh_batch(conn, ids: list[str], template_of: TemplateLookup) -> None:
    marks = ",".join("?" * len(ids))
    inspections = conn.execute(f"select id, template_id from inspections where id in ({marks})"
                               " and deleted = 0", ids).fetchall()
    answers: dict[str, dict] = defaultdict(dict)
    decoded: dict[str, Any] = {}     # answer text -> its value: few distinct, read once
    for inspection_id, key, value in conn.execute(
            f"select inspection_id, item_key, value from responses where inspection_id in "
            f"({marks}) and deleted = 0 and value is not null", ids):
        found = decoded.get(value, _UNREAD) if type(value) is str else _UNREAD
        if found is _UNREAD:
            try:
                found = json.loads(value)
            except ValueError:
                continue  # an unreadable answer counts as unanswered, as nowhere else can it
            if type(value) is str and type(found) in _IMMUTABLE:
                decoded[value] = found
        answers[inspection_id][key] = found
    evidence: dict[str, dict] = defaultdict(dict)
    for inspection_id, key, count in conn.execute(
            f"select inspection_id, item_key, count(*) from attachments where inspection_id "
            f"in ({marks}) and deleted = 0 group by inspection_id, item_key", ids):
        evidence[inspection_id][key] = count
    rows = [_row(inspection_id, template_id, answers[inspection_id], evidence[inspection_id],
                 template_of) for inspection_id, template_id in inspections]
    conn.execute(f"delete from inspection_scores where inspection_id in ({marks})", ids)
    conn.executemany("insert into inspection_scores (inspection_id, total, grade_key, "
                     "grade_zh, grade_en, capped, total_sort, grade_rank) "
                     "values (?,?,?,?,?,?,?,?)", rows)
    conn.execute(f"delete from score_dirty where inspection_id in ({marks})", ids)


def _row(inspection_id: str, template_id: str, answers: dict, evidence: dict,
         template_of: TemplateLookup) -> tuple:
    try:
        template = template_of(template_id)
        result = score(template, answers, evidence)
    except (KeyError, KnownError, ValueError, TypeError):
        # A template that cannot be read scores nothing, as the list showed before.
        return (inspection_id, None, None, None, None, 0, UNSCORED_SORT, UNGRADED_RANK)
    return score_row(inspection_id, template, result)


def score_row(inspection_id: str, template: Template, result) -> tuple:
    """The stored row for `result`, the inspection's score by the one rule over its current
    answers and evidence (what else a result holds, notes and actions, changes neither total
    nor grade)."""
    grade = result.grade
    rank = [b.key for b in template.bands].index(grade.key) if grade else UNGRADED_RANK
    label = grade.label if grade else {}
    total = None if result.total is None else round(result.total, 6)
    return (inspection_id, total, grade.key if grade else None, label.get("zh"),
            label.get("en"), int(bool(result.limited_by)),  # a veto or a cap decided it
            UNSCORED_SORT if total is None else total, rank)
