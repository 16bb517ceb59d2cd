"""User-visible polish: counts read "1 item" / "2 items" (Qt plural forms, not "item(s)"),
English school names in the English UI, carried-over corrective actions named as such,
the trusted sender devices listed on the Sync page, and a conflict about a deletion in
words rather than 0/1."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.services import answers, schools
from app.services.inspections import start_inspection
from app.sync.conflicts import list_conflicts
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from ui.context import UiContext
from ui.i18n import install_translations
from ui.operations import Operations
from ui.pages.sync_page import SyncPage
from ui.runner import InspectionRunner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def english(qapp):
    """The English UI with its plural forms installed, as the launcher does."""
    install_translations(QApplication.instance(), "en")
    yield
    install_translations(QApplication.instance(), "en")


@pytest.fixture
def chinese(qapp):
    install_translations(QApplication.instance(), "zh")
    yield
    install_translations(QApplication.instance(), "en")


def make_ctx(ws, lang: str = "en") -> UiContext:
    operations = Operations()
    operations.show_errors = False
    ws.set_identity(language=lang)
    return UiContext(ws, operations)


def open_runner(qtbot, ctx, inspection_id) -> InspectionRunner:
    runner = InspectionRunner(ctx, inspection_id)
    qtbot.addWidget(runner)
    return runner


@pytest.fixture
def office(make_workspace):
    return make_workspace("office")


def send(src, dst, path) -> dict:
    export_bundle(src, path)
    return import_bundle(dst, path, trust=True)


# -- 1. plural forms ----------------------------------------------------------------------------
def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def test_runner_counts_open_items_in_singular_and_plural(ws, mini_inspection, qtbot, english):
    runner = open_runner(qtbot, make_ctx(ws), mini_inspection)
    text = runner.score_panel.open_items.text()
    assert "(s)" not in text
    result = runner.result
    assert plural(len(result.missing_required), "required item open",
                  "required items open") in text


def test_runner_count_is_one_form_in_chinese(ws, mini_inspection, qtbot, chinese):
    runner = open_runner(qtbot, make_ctx(ws, "zh"), mini_inspection)
    text = runner.score_panel.open_items.text()
    assert f"{len(runner.result.missing_required)} " in text and "(s)" not in text
    assert not any(c.isascii() and c.isalpha() for c in text), text


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


# -- 5. a conflict about a deletion -------------------------------------------------------------
@pytest.fixture
def deletion_conflict(ws, office, mini_inspection, tmp_path) -> dict:
    """The office removed a photo of an inspection that was signed here meanwhile."""
    from tests.app.sync.helpers import fill, png
    from app.services import evidence, inspections, signoff
    fill(ws, mini_inspection)
    send(ws, office, tmp_path / "1.sibundle")
    photo = evidence.attachments_of(office, mini_inspection)[0]["id"]
    evidence.remove_attachment(office, photo)
    inspections.complete_inspection(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="张督学", image_png=png((0, 0, 0)))
    send(office, ws, tmp_path / "2.sibundle")
    return next(c for c in list_conflicts(ws) if c["table_name"] == "attachments")


def conflicts_page(ws, qtbot, lang="en"):
    from ui.pages.conflicts_page import ConflictsPage
    page = ConflictsPage(make_ctx(ws, lang))
    qtbot.addWidget(page)
    return page


def deleted_row(page, conflict) -> list[str]:
    page.list.setCurrentRow([c["id"] for c in page.conflicts].index(conflict["id"]))
    row = conflict["fields"].index("deleted")
    return [page.fields.item(row, c).text() for c in range(4)]


def test_a_deletion_conflict_reads_deleted_and_present(ws, deletion_conflict, qtbot):
    page = conflicts_page(ws, qtbot)
    assert deleted_row(page, deletion_conflict) == ["Deleted", "present", "deleted", "present"]


def test_a_deletion_conflict_in_chinese(ws, deletion_conflict, qtbot, chinese):
    page = conflicts_page(ws, qtbot, "zh")
    assert deleted_row(page, deletion_conflict)[1:3] == ["存在", "已删除"]


def test_typing_deleted_as_the_edited_value_deletes(ws, deletion_conflict, qtbot,
                                                    mini_inspection):
    from app.services.inspections import amend_inspection
    # The photo belongs to an inspection signed here: only an amendment lets the edit in.
    amend_inspection(ws, mini_inspection, "采纳督导室删除的照片")
    page = conflicts_page(ws, qtbot)
    row = deletion_conflict["fields"].index("deleted")
    deleted_row(page, deletion_conflict)
    page.fields.item(row, 3).setText("deleted")
    page.resolve("edited")
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 1
    assert not list_conflicts(ws)


def test_deleting_a_signed_photo_through_the_conflict_editor_is_refused(
        ws, deletion_conflict, qtbot):
    page = conflicts_page(ws, qtbot)
    row = deletion_conflict["fields"].index("deleted")
    deleted_row(page, deletion_conflict)
    page.fields.item(row, 3).setText("deleted")
    page.resolve("edited")
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 0
    assert len(list_conflicts(ws)) == 1


def test_an_unknown_edited_deleted_value_is_refused(ws, deletion_conflict, qtbot):
    page = conflicts_page(ws, qtbot)
    row = deletion_conflict["fields"].index("deleted")
    deleted_row(page, deletion_conflict)
    page.fields.item(row, 3).setText("maybe")
    page.resolve("edited")
    assert len(list_conflicts(ws)) == 1
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 0


# -- 2. English school names -------------------------------------------------------------------
@pytest.fixture
def named_school(ws) -> str:
    """A school with an English name, visited once, with an action raised."""
    from app.services.actions import raise_action
    school = schools.add_school(ws, name="青山区实验小学", name_en="Qingshan Experimental "
                                "Primary School", district="青山区").created
    inspection = start_inspection(ws, school_id=school, template="mini",
                                  visit_date="2026-05-01").created
    answers.answer_item(ws, inspection, "a.score", "3")
    raise_action(ws, inspection, description="补齐留样记录")
    return school


ENGLISH_NAME = "Qingshan Experimental Primary School"


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def school_name_views(ws, qtbot, lang) -> dict[str, list[str]]:
    """What each page shows for the school, page by page."""
    from ui.pages.actions_page import ActionsPage
    from ui.pages.ethics_page import EthicsPage
    from ui.pages.reports_page import ReportsPage
    ctx = make_ctx(ws, lang)
    actions, ethics, sync, reports = (ActionsPage(ctx), EthicsPage(ctx), SyncPage(ctx),
                                      ReportsPage(ctx))
    for page in (actions, ethics, sync, reports):
        qtbot.addWidget(page)
    model = actions.model
    return {"actions": [model.index(r, 1).data() for r in range(model.rowCount())],
            "actions filter": combo_texts(actions.school)[1:],
            "ethics": combo_texts(ethics.school),
            "sync": [sync.schools.item(i).text() for i in range(sync.schools.count())],
            "reports": combo_texts(reports.inspection)}


def runner_title(ws, qtbot, lang) -> str:
    from PySide6.QtWidgets import QLabel
    inspection = ws.store.query("select id from inspections")[0]["id"]
    runner = open_runner(qtbot, make_ctx(ws, lang), inspection)
    return runner.header.findChild(QLabel, "runnerTitle").text()


def test_the_english_ui_shows_english_school_names(ws, named_school, qtbot, english):
    views = school_name_views(ws, qtbot, "en")
    for page, texts in views.items():
        assert len(texts) == 1 and ENGLISH_NAME in texts[0], (page, texts)
        assert "青山区实验小学" not in texts[0], (page, texts)
    assert runner_title(ws, qtbot, "en").endswith("— " + ENGLISH_NAME)


def test_the_chinese_ui_keeps_chinese_school_names(ws, named_school, qtbot, chinese):
    for page, texts in school_name_views(ws, qtbot, "zh").items():
        assert len(texts) == 1 and "青山区实验小学" in texts[0], (page, texts)
    assert runner_title(ws, qtbot, "zh").endswith("— 青山区实验小学")


def test_without_an_english_name_the_english_ui_shows_the_chinese_one(ws, school_id, qtbot,
                                                                     english):
    start_inspection(ws, school_id=school_id, template="mini")
    assert runner_title(ws, qtbot, "en").endswith("— 青山区育才小学")


# -- 3. 回头看: actions carried over from the earlier visit -------------------------------------
@pytest.fixture
def follow_up(ws, school_id) -> str:
    """A visit on 2026-03-01 raised an action on a.score; the follow-up on 2026-06-01 carries
    it over to re-check it."""
    from app.services.actions import carry_over_actions, raise_action
    earlier = start_inspection(ws, school_id=school_id, template="mini",
                               visit_date="2026-03-01").created
    raise_action(ws, earlier, description="补齐留样记录", item_key="a.score")
    later = start_inspection(ws, school_id=school_id, template="mini",
                             visit_date="2026-06-01").created
    carry_over_actions(ws, later, earlier)
    return later


def runner_texts(runner, object_name: str) -> list[str]:
    from PySide6.QtWidgets import QLabel
    return [label.text() for label in runner.findChildren(QLabel, object_name)]


def test_a_carried_over_action_says_which_visit_it_comes_from(ws, follow_up, qtbot, english):
    runner = open_runner(qtbot, make_ctx(ws), follow_up)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("补齐留样记录 (Carried over from the visit of 2026-03-01)" in h for h in hints), \
        hints
    subtitle = runner_texts(runner.header, "runnerSubtitle")[0]
    assert "Follows up the visit of 2026-03-01" in subtitle


def test_a_carried_over_action_in_chinese(ws, follow_up, qtbot, chinese):
    runner = open_runner(qtbot, make_ctx(ws, "zh"), follow_up)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("上次督导（2026-03-01）遗留" in h for h in hints), hints
    assert "2026-03-01" in runner_texts(runner.header, "runnerSubtitle")[0]


def test_an_action_raised_in_this_visit_is_not_called_carried_over(ws, mini_inspection, qtbot,
                                                                   english):
    from app.services.actions import raise_action
    raise_action(ws, mini_inspection, description="更换灭火器", item_key="a.score")
    runner = open_runner(qtbot, make_ctx(ws), mini_inspection)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("更换灭火器" in h for h in hints) and not any("Carried" in h for h in hints)
    assert "Follows up" not in runner_texts(runner.header, "runnerSubtitle")[0]


# -- 4. trusted devices on the Sync page --------------------------------------------------------
def test_sync_page_lists_the_trusted_sender_devices(ws, make_workspace, qtbot, english,
                                                    tmp_path):
    from app.security.keys import fingerprint, public_key_b64
    from app.services.changes import Changes
    page = SyncPage(make_ctx(ws))
    qtbot.addWidget(page)
    assert page.devices.rows() == [] and not page.devices.empty.isHidden()
    sender = make_workspace("sender")
    sender.set_identity(name="李督学")
    schools.add_school(sender, name="青山区育才小学")
    send(sender, ws, tmp_path / "in.sibundle")
    page.on_changes(Changes(frozenset({"schools", "devices"})))   # as after an import
    [row] = page.devices.rows()
    assert row[0] == "李督学"
    assert row[1] == fingerprint(public_key_b64(sender.device_key))
    assert row[2][:4].isdigit() and "T" not in row[2]
    assert row[3] == "Yes"
    assert page.devices.empty.isHidden()


def test_trusted_devices_box_in_chinese(ws, make_workspace, qtbot, chinese, tmp_path):
    sender = make_workspace("sender")
    send(sender, ws, tmp_path / "in.sibundle")
    page = SyncPage(make_ctx(ws, "zh"))
    qtbot.addWidget(page)
    assert page.devices.title() == "受信任的设备"
    assert page.devices.rows()[0][3] == "是"
