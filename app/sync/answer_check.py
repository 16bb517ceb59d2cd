"""Answers and JSON columns that arrive by bundle or by a conflict resolution: checked
against the item's type in the inspection's template, exactly as an answer typed here.

The column checks (limits, enumerations) happen for every write in `app/domain/limits.py`;
an answer also needs its template, which the storage layer does not read, so it is checked
here: on import (before the transaction) and when a conflict on an answer is resolved.
"""

from __future__ import annotations

from app.domain.limits import check_answer, loads
from app.domain.templates import Template, parse_template
from app.errors import BundleError, KnownError, TemplateError, ValidationError
from app.security.signoffs import SUBJECT_SCHOOL
from app.sync.record_table import column_of


class TemplateSource:
    """Templates and inspections by id: first those arriving in a bundle, then the database."""

    def __init__(self, store, records: dict[str, list[dict]] | None = None,
                 parsed: dict[str, Template] | None = None):
        """`parsed`: the bundle's templates by id, already parsed from its rows."""
        records = records or {}
        self.store = store
        self.templates = {r["id"]: r for r in records.get("templates", [])}
        # {id: template id} of the bundle's inspections (not their whole records).
        incoming = records.get("inspections", [])
        self.inspections = dict(zip(column_of(incoming, "id"),
                                    column_of(incoming, "template_id")))
        self.parsed: dict[str, Template | None] = dict(parsed or {})
        # (id of an item of a template in `parsed`, answer text) judged valid; the parsed
        # templates are kept, so the ids stay theirs.
        self.accepted: set[tuple[int, str]] = set()

    def template_of(self, inspection_id) -> Template | None:
        if inspection_id in self.inspections:
            template_id = self.inspections[inspection_id]
        else:
            inspection = self.store.get("inspections", str(inspection_id))
            if inspection is None:
                return None         # the reference check names a missing inspection
            template_id = inspection.get("template_id")
        if template_id not in self.parsed:
            self.parsed[template_id] = self._parse(template_id)
        return self.parsed[template_id]

    def _parse(self, template_id) -> Template | None:
        row = self.templates.get(template_id) or self.store.get("templates", str(template_id))
        if row is None or not row.get("body"):
            return None
        try:
            return parse_template(loads(row["body"], "template body"))
        except (ValidationError, TemplateError):
            return None         # the template check names a broken template


def check_response(source: TemplateSource, row: dict, *, where: str,
                   error: type[KnownError] = ValidationError) -> None:
    """The stored answer text of a responses row must decode strictly to a valid answer."""
    if row.get("value") is None:
        return
    template = source.template_of(row.get("inspection_id"))
    if template is None:
        loads(row["value"], f"{where}: value", error=error)
        return
    try:
        item = template.item(row.get("item_key"))
    except KeyError:
        loads(row["value"], f"{where}: value", error=error)    # its own problem first
        raise error(f"{where}: item {str(row.get('item_key'))[:60]!r} is not in the "
                    "inspection's template.") from None
    # The verdict on (item, answer text) is the same wherever it occurs: a bundle holds
    # thousands of answers but few distinct ones per item, so each is judged once.
    known = (id(item), row["value"]) if type(row["value"]) is str else None
    if known is not None and known in source.accepted:
        return
    value = loads(row["value"], f"{where}: value", error=error)
    check_answer(item, value, error=error, where=f"{where}: ")
    if known is not None:
        source.accepted.add(known)


def check_inspectors(row: dict, *, where: str, error: type[KnownError]) -> None:
    """`inspectors` is a JSON list of names."""
    if row.get("inspectors") is None:
        return
    names = loads(row["inspectors"], f"{where}: inspectors", error=error)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise error(f"{where}: inspectors must be a JSON list of names.")


def check_subject(row: dict, *, where: str, error: type[KnownError]) -> None:
    """`subject` (what the signed report shows about whom it is about) is {"school": {field:
    text}, "teacher": {"name": text} or null, "self_assessment": {"date", "answers"} or null},
    as `signoffs.subject_now` writes it."""
    if row.get("subject") is None:
        return
    subject = loads(row["subject"], f"{where}: subject", error=error)
    school = subject.get("school") if isinstance(subject, dict) else None
    teacher = subject.get("teacher", False) if isinstance(subject, dict) else False
    own = subject.get("self_assessment") if isinstance(subject, dict) else None
    fine = isinstance(school, dict) and \
        {"school", "teacher"} <= set(subject) <= {"school", "teacher", "self_assessment"} and \
        (own is None or (isinstance(own, dict) and set(own) == {"date", "answers"} and
                         isinstance(own["answers"], dict) and
                         (own["date"] is None or isinstance(own["date"], str)))) and \
        set(school) == set(SUBJECT_SCHOOL) and \
        all(v is None or isinstance(v, str) for v in school.values()) and \
        (teacher is None or (isinstance(teacher, dict) and set(teacher) == {"name"} and
                             (teacher["name"] is None or isinstance(teacher["name"], str))))
    if not fine:
        raise error(f"{where}: subject must name the school (and teacher) as signed.")


def check_inspection(row: dict, *, where: str, error: type[KnownError]) -> None:
    """The JSON columns of an inspection."""
    check_inspectors(row, where=where, error=error)
    check_subject(row, where=where, error=error)


def check_bundle_values(store, records: dict[str, list[dict]],
                        parsed: dict[str, Template] | None = None) -> None:
    """Every answer and JSON column in a bundle, before anything is written (`parsed`: its
    templates by id, as `importer.check_templates` parsed them)."""
    source = TemplateSource(store, records, parsed)
    for row in records.get("responses", []):
        check_response(source, row, where=f"records/responses.ndjson: answer {row['id']}",
                       error=BundleError)
    for row in records.get("inspections", []):
        check_inspection(row, where=f"records/inspections.ndjson: inspection {row['id']}",
                         error=BundleError)
