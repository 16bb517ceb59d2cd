"""Corrective actions page: overdue actions stand out, filters narrow the list, and the
buttons move an action along its life cycle (in progress, report rectification with a note and
photo, verify), and its history shows every move."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.services.action_query import action_history
from app.services.actions import raise_action, set_action_status
from tests.ui.helpers import visit_with_two_actions
from ui.context import UiContext
from ui.i18n import install_translations
from ui.operations import Operations
from ui.pages.actions_page import ActionsPage, OVERDUE


@pytest.fixture
def actions(ws, mini_inspection):
    ws.store.update("inspections", mini_inspection, {"visit_date": "2020-01-02"})
    late = raise_action(ws, mini_inspection, description="补齐留样记录",
                        due_date="2020-01-31").created
    later = raise_action(ws, mini_inspection, description="更换灭火器",
                         due_date="2099-12-31").created
    return late, later


@pytest.fixture
def page(open_page, actions):
    return open_page(ActionsPage)


def test_overdue_action_is_highlighted_with_a_tooltip(page, actions, qapp):
    late_row = page.model.row_of_id(actions[0])
    index = page.model.index(late_row, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert "2020-01-31" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    on_time = page.model.index(page.model.row_of_id(actions[1]), 0)
    assert on_time.data(Qt.ItemDataRole.BackgroundRole) is None
    install_translations(qapp, "en")  # English plural forms
    page.reload()
    assert page.count.text() == "2 actions (2 open), 1 overdue"


def test_overdue_only_filter(page, actions, qtbot):
    page.overdue_only.setChecked(True)
    assert [r["id"] for r in page.model.rows] == [actions[0]]


def test_report_rectification_then_verify_with_notes_photos_and_history(page, ws, actions,
                                                                        qtbot, tmp_path):
    page.table.selectRow(page.model.row_of_id(actions[0]))
    qtbot.mouseClick(page.buttons["reported"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.accept()                       # no note: refused, the dialog stays open
    assert dialog.isVisible() and dialog.error.isVisible()
    photo = tmp_path / "留样柜.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    dialog.note.setPlainText("已购置留样柜，每餐留样")
    dialog.add_photo(str(photo))
    dialog.accept()
    assert not dialog.isVisible()
    # The list refreshed through Operations.changed and kept the selection; reported is
    # open but no longer overdue.
    assert page.selected()["status"] == "reported"
    assert page.model.index(page.model.row_of_id(actions[0]), 0).data(
        Qt.ItemDataRole.BackgroundRole) is None
    qtbot.mouseClick(page.buttons["verified"], Qt.MouseButton.LeftButton)
    page.dialog.not_rectified.setChecked(True)
    page.dialog.note.setPlainText("留样不足125克")
    page.dialog.accept()
    assert page.selected()["status"] == "not_rectified" and page.selected()["overdue"]
    qtbot.mouseClick(page.buttons["history"], Qt.MouseButton.LeftButton)
    tree = page.dialog.tree
    assert tree.topLevelItemCount() == 2
    first = [tree.topLevelItem(0).text(c) for c in range(5)]
    assert first[1].startswith("张督学") and first[3] == "已购置留样柜，每餐留样"
    assert first[4] == "留样柜.jpg"
    # Shown in the district's time (Asia/Shanghai, UTC+8), not the stored UTC.
    stored = action_history(ws, actions[0])[0]["at"]
    local = datetime.fromisoformat(stored.replace("Z", "+00:00")) + timedelta(hours=8)
    assert first[0] == local.strftime("%Y-%m-%d %H:%M")
    assert tree.topLevelItem(1).text(3) == "留样不足125克"


def test_status_filter(page, ws, actions, qtbot):
    page.table.selectRow(page.model.row_of_id(actions[1]))
    qtbot.mouseClick(page.buttons["in_progress"], Qt.MouseButton.LeftButton)
    page.status.setCurrentIndex(page.status.findData("in_progress"))
    assert [r["id"] for r in page.model.rows] == [actions[1]]


def test_enter_opens_the_inspection_the_action_came_from(ws, actions, mini_inspection, qtbot):
    opened = []
    operations = Operations()
    operations.show_errors = False
    page = ActionsPage(UiContext(ws, operations, open_inspection=opened.append))
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [mini_inspection]


def test_actions_count_and_columns_fit(ctx, ws, mini_inspection, qtbot, english):
    ws.store.update("inspections", mini_inspection, {"visit_date": "2020-01-02"})
    raise_action(ws, mini_inspection, description="补齐留样记录" * 20, due_date="2020-01-31")
    done = raise_action(ws, mini_inspection, description="更换灭火器").created
    set_action_status(ws, done, "verified", note="现场核查属实")
    page = ActionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    qtbot.waitExposed(page)
    assert page.count.text() == "2 actions (1 open), 1 overdue"
    assert not page.table.horizontalScrollBar().isVisible()
    long_row = next(n for n, r in enumerate(page.model.rows) if r["overdue"])
    assert "补齐留样记录" * 20 in page.model.index(long_row, 2).data(
        Qt.ItemDataRole.ToolTipRole)
    from app.domain.status import ACTION_SEVERITIES, ACTION_STATUSES
    from ui.widgets import labels
    metrics = page.table.fontMetrics()
    for column, names in ((3, [labels.severity(c) for c in ACTION_SEVERITIES]),
                          (4, [labels.action_status(c) for c in ACTION_STATUSES])):
        widest = max(metrics.horizontalAdvance(name) for name in names)
        assert widest + 12 <= page.table.columnWidth(column), names


def test_a_principal_reports_rectification_but_cannot_verify(qtbot, open_page, ws, school_id):
    visit_with_two_actions(ws, school_id)
    ws.set_identity(role="principal", schools=[school_id])   # the principal of that school
    page = open_page(ActionsPage)
    page.table.selectRow(0)
    assert page.buttons["reported"].isEnabled() and not page.buttons["verified"].isEnabled()
    page.act("reported")
    page.dialog.note.setPlainText("已整改完毕")
    page.dialog.accept()
    assert page.selected()["status"] == "reported"
    assert action_history(ws, page.selected()["id"])[0]["actor_role"] == "principal"
