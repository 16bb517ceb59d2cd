"""The answer rules hold on every door: an answer the answer service refuses (N/A on a veto
item, a score out of range, a choice that is not the item's) is refused the same way when it
arrives in a bundle — whether the receiver already holds the inspection or not, however N/A is
spelled — and when a conflict is resolved with it. One rule (`normalise_answer`, through
`limits.check_answer`) judges all three; the refusal names the item and changes nothing."""

from __future__ import annotations

import json
import uuid

import pytest

from app.errors import BundleError, ValidationError
from app.services import answers
from app.services.templates import get_template
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import (digest, fill, read_entries, records, resign, send,
                                    set_records, write_entries)

VETO = "a.samples"          # the mini template's veto (一票否决) item


def refused(receiver, path, match):
    before = digest(receiver), receiver.store.scalar("PRAGMA integrity_check")
    with pytest.raises(BundleError, match=match) as caught:
        import_bundle(receiver, path, trust=True)
    assert "\n" not in str(caught.value)
    assert (digest(receiver), receiver.store.scalar("PRAGMA integrity_check")) == before


def with_answer(ws, tmp_path, item_key, stored, *, kind="full"):
    """A bundle of ws whose answer to `item_key` holds the JSON text `stored` (a newer rev)."""
    path = tmp_path / f"{uuid.uuid4()}.sibundle"
    export_bundle(ws, path, kind=kind)
    entries = read_entries(path)
    rows = records(entries, "responses")
    for row in rows:
        if row["item_key"] == item_key:
            row.update(value=stored, base_rev=row["rev"], rev=ws.store.next_rev(),
                       ancestry=[row["rev"]])
    set_records(entries, "responses", rows)
    return write_entries(path, resign(entries, ws.device_key))


def test_the_service_refuses_na_on_a_veto_item(ws, mini_inspection):
    item = get_template(ws, ws.store.get("inspections", mini_inspection)["template_id"]).item(VETO)
    assert item.veto and not item.na_allowed
    with pytest.raises(ValidationError, match=f"item {VETO}: a veto item"):
        answers.answer_item(ws, mini_inspection, VETO, "na")


@pytest.mark.parametrize("spelled", ["na", "NA", "n/a", "不适用"])
def test_na_on_a_veto_item_in_a_new_inspection(ws, office, mini_inspection, tmp_path, spelled):
    fill(ws, mini_inspection)
    path = with_answer(ws, tmp_path, VETO, json.dumps(spelled, ensure_ascii=False))
    refused(office, path, f"item {VETO}: a veto item .*cannot be answered N/A")


def test_na_on_a_veto_item_the_receiver_already_holds(ws, office, mini_inspection, tmp_path):
    fill(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    path = with_answer(ws, tmp_path, VETO, json.dumps("na"))
    refused(office, path, f"item {VETO}: a veto item")
    assert answers.answers_of(office, mini_inspection)[VETO] == "yes"


@pytest.mark.parametrize("item_key, stored, match", [
    ("a.score", "9", "9 is outside 0..5"),
    ("a.rating", json.dumps("superb"), "choose one of"),
    ("b.choice", json.dumps("na "), "not a valid choice answer"),
])
def test_answers_the_item_does_not_allow(ws, office, mini_inspection, tmp_path, item_key,
                                         stored, match):
    fill(ws, mini_inspection)
    refused(office, with_answer(ws, tmp_path, item_key, stored), f"item {item_key}: .*{match}")


def test_the_conflict_editor_refuses_na_on_a_veto_item(ws, office, mini_inspection, tmp_path):
    """Both sides changed the veto answer; the one resolving may not type N/A into it."""
    office.set_identity(role="inspector")
    fill(ws, mini_inspection)
    answers.answer_item(ws, mini_inspection, VETO, "no")
    send(ws, office, tmp_path, kind="full")
    answers.answer_item(ws, mini_inspection, VETO, None)
    answers.answer_item(office, mini_inspection, VETO, "yes")
    send(ws, office, tmp_path)
    conflict = next(c for c in list_conflicts(office) if c["table_name"] == "responses")
    with pytest.raises(ValidationError, match=f"item {VETO}: a veto item"):
        resolve_conflict(office, conflict["id"], "edited", {"value": json.dumps("na")})
    resolve_conflict(office, conflict["id"], "edited", {"value": json.dumps("no")})
    assert answers.answers_of(office, mini_inspection)[VETO] == "no"


def test_na_smuggled_in_by_swapping_the_template(ws, office, mini_inspection, tmp_path):
    """The answer was judged against the bundle's version of the inspection: a bundle that
    also moves the inspection to a template where the item may be N/A got it in (and where
    the receiver kept its own template, the veto then read as unanswered). The template
    under an inspection never changes, so the bundle is refused."""
    from app.services.templates import import_template
    from app.sync.pinned import PINNED
    from tests.conftest import MINI_TEMPLATE
    body = json.loads(MINI_TEMPLATE.read_text(encoding="utf-8"))
    body["version"] = 2
    for item in body["sections"][0]["items"]:
        if item["key"] == VETO:
            item.pop("critical")
            item["na_allowed"] = True
    loose = tmp_path / "mini_v2.json"
    loose.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    ws.set_identity(role="admin")
    v2 = get_template(ws, import_template(ws, loose).created)
    ws.set_identity(role="inspector")
    import_template(office, loose)             # the office published it to both
    fill(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    path = tmp_path / "swap.sibundle"
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    rows = records(entries, "inspections")
    for row in rows:
        row.update(template_id=v2.id, template_version=2, base_rev=row["rev"],
                   rev=ws.store.next_rev(), ancestry=[row["rev"]])
    set_records(entries, "inspections", rows)
    rows = records(entries, "responses")
    for row in rows:
        if row["item_key"] == VETO:
            row.update(value=json.dumps("na"), base_rev=row["rev"], rev=ws.store.next_rev(),
                       ancestry=[row["rev"]])
    set_records(entries, "responses", rows)
    write_entries(path, resign(entries, ws.device_key))
    assert "template_id" in PINNED["inspections"]
    refused(office, path, "changes template_id .*keeps its template")
    assert answers.answers_of(office, mini_inspection)[VETO] == "yes"


@pytest.mark.parametrize("first", ["a.score", VETO])
def test_an_answer_judged_once_is_judged_per_item(ws, mini_inspection, first):
    """An import judges each (item, answer text) once: a text valid for one item is still
    refused for another item it does not fit, in either order."""
    from app.sync.answer_check import check_bundle_values
    rows = [{"id": f"r-{key}", "inspection_id": mini_inspection, "item_key": key, "value": "3"}
            for key in ("a.score", VETO)]
    rows.sort(key=lambda row: row["item_key"] != first)
    valid = [row for row in rows if row["item_key"] == "a.score"]
    check_bundle_values(ws.store, {"responses": valid * 3})
    with pytest.raises(BundleError, match=f"answer r-{VETO}: item {VETO}: answer yes, no or na"):
        check_bundle_values(ws.store, {"responses": rows})
