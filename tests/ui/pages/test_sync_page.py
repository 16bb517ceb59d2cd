"""Sync page: export and import run in the background; a first-time sender is confirmed by
fingerprint; the summary table shows what the import did; refusals are shown, not crashes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import schools
from app.services.schools import add_school
from app.storage.digest import stats
from app.sync.export import export_bundle
from app.sync.importer import verify_bundle
from tests.ui.helpers import make_ctx, plural, send
from ui.pages.sync_page import SyncPage

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(open_page):
    return open_page(SyncPage)


@pytest.fixture
def sender(make_workspace):
    other = make_workspace("sender")
    other.set_identity(name="李督学")
    add_school(other, name="青山区育才小学")
    add_school(other, name="青山区实验中学")
    return other


def finish(qtbot, ctx, condition):
    qtbot.waitUntil(condition, timeout=20000)
    qtbot.waitUntil(lambda: not ctx.operations._workers, timeout=20000)


def bundle_from(sender, tmp_path, name="in.sibundle"):
    path = tmp_path / name
    export_bundle(sender, path, kind="full")
    return path


def test_export_everything_in_the_background(school_id, page, ctx, ws, tmp_path, qtbot):
    page.set_scope("full")
    out = tmp_path / "out.sibundle"
    page.export_to(out)
    finish(qtbot, ctx, lambda: page.last_export is not None)
    assert verify_bundle(ws, out)["counts"]["schools"] == 1
    assert "out.sibundle" in page.export_status.text()


def test_export_only_the_chosen_schools(school_id, page, ctx, ws, tmp_path, qtbot):
    ctx.operations.run(lambda: add_school(ws, name="另一所学校"))
    page.set_scope("schools")
    assert page.schools.isEnabled() and page.schools.count() == 2
    page.export_to(tmp_path / "none.sibundle")
    assert "Choose at least one school" in page.export_status.text()
    page.check_school(school_id)
    page.export_to(tmp_path / "one.sibundle")
    finish(qtbot, ctx, lambda: page.last_export is not None)
    assert page.last_export["counts"]["schools"] == 1


def test_a_first_time_sender_is_confirmed_then_the_summary_shows(page, ctx, ws, sender,
                                                                  tmp_path, qtbot,
                                                                  monkeypatch):
    shown = []

    def confirm(exc):
        dialog = page.signer_dialog(exc)
        shown.append(dialog.text())
        dialog.deleteLater()
        return True
    monkeypatch.setattr(page, "confirm_signer", confirm)
    page.import_from(bundle_from(sender, tmp_path))
    finish(qtbot, ctx, lambda: page.last_result is not None)
    assert shown and exc_fingerprint(sender) in shown[0]
    rows = {page.summary.item(r, 0).text(): page.summary.item(r, 1).text()
            for r in range(page.summary.rowCount())}
    assert rows["Schools"] == "2"
    assert stats(ws.store)["counts"]["schools"] == 2
    assert "李督学" in page.import_status.text()


def test_declining_the_sender_imports_nothing(page, ctx, ws, sender, tmp_path, qtbot,
                                              monkeypatch):
    before = stats(ws.store)["digest"]
    monkeypatch.setattr(page, "confirm_signer", lambda exc: False)
    page.import_from(bundle_from(sender, tmp_path))
    finish(qtbot, ctx, lambda: "not confirmed" in page.import_status.text())
    assert stats(ws.store)["digest"] == before


def test_a_broken_bundle_is_refused_with_its_reason(page, ctx, ws, tmp_path, qtbot):
    bad = tmp_path / "bad.sibundle"
    bad.write_bytes(b"garbage")
    page.import_from(bad)
    finish(qtbot, ctx, lambda: "not a zip" in page.import_status.text())
    assert page.import_button.isEnabled()


def test_importing_again_says_nothing_changed(page, ctx, sender, tmp_path, qtbot):
    path = bundle_from(sender, tmp_path)
    page.import_from(path, trust=True)
    finish(qtbot, ctx, lambda: page.last_result is not None)
    page.last_result = None
    page.import_from(path)
    finish(qtbot, ctx, lambda: page.last_result is not None)
    assert "already imported" in page.import_status.text()


def test_new_schools_appear_in_the_export_choice(page, ctx, ws):
    ctx.operations.run(lambda: add_school(ws, name="新建学校"))
    assert [page.schools.item(n).text() for n in range(page.schools.count())] == ["新建学校"]
    assert page.schools.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable


def exc_fingerprint(ws) -> str:
    from app.security.keys import fingerprint, public_key_b64
    return fingerprint(public_key_b64(ws.device_key))


@pytest.fixture
def one_conflict(ws, office, school_id, tmp_path) -> dict:
    """The same school's phone changed here and at the office: one conflict here."""
    send(ws, office, tmp_path / "1.sibundle")
    schools.edit_school(ws, school_id, phone="0571-111")
    schools.edit_school(office, school_id, phone="0571-222")
    return send(office, ws, tmp_path / "2.sibundle")


def test_sync_summary_says_one_conflict_needs_a_decision(ws, one_conflict, qtbot, english):
    page = SyncPage(make_ctx(ws))
    qtbot.addWidget(page)
    page.show_summary(one_conflict)
    assert "1 conflict needs a decision on the Conflicts page." in page.import_status.text()


def test_sync_summary_in_chinese(ws, one_conflict, qtbot, chinese):
    page = SyncPage(make_ctx(ws, "zh"))
    qtbot.addWidget(page)
    page.show_summary(one_conflict)
    assert "1 个冲突需要在“冲突”页面处理。" in page.import_status.text()


def test_export_status_counts_records_and_files(ws, school_id, qtbot, english, tmp_path):
    page = SyncPage(make_ctx(ws))
    qtbot.addWidget(page)
    summary = export_bundle(ws, tmp_path / "out.sibundle", kind="full")
    page._exported(summary)
    records = sum(summary["counts"].values())
    assert page.export_status.text() == (
        f"Exported {plural(records, 'record', 'records')} and "
        f"{plural(summary['evidence_files'], 'evidence file', 'evidence files')} to "
        f"{summary['path']}")
