"""The 回头看 worksheet: a follow-up visit opens with the carried-over actions, each verified
or found not rectified on the spot with a note and photo, recorded in this visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import actions, inspections
from app.services.action_query import action_history
from tests.ui.helpers import visit_with_two_actions
from ui.runner.runner import InspectionRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def earlier(ws, school_id):
    return visit_with_two_actions(ws, school_id)


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
