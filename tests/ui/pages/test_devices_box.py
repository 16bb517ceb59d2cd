"""The trusted devices box on the Sync page: each sender device this profile trusts, with
its fingerprint, in English and Chinese."""

from __future__ import annotations

import pytest

from app.services import schools
from tests.ui.helpers import make_ctx, send
from ui.pages.sync_page import SyncPage

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


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


def answer_next_box(button):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    QTimer.singleShot(0, answer)


def test_own_fingerprint_is_shown_for_comparing(ws, qtbot, english):
    from app.sync.revocation import whoami
    page = SyncPage(make_ctx(ws))
    qtbot.addWidget(page)
    assert whoami(ws)["fingerprint"] in page.devices.own.text()


def test_revoke_a_device_then_its_bundles_are_refused(ws, make_workspace, qtbot, english,
                                                      tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    from app.storage.digest import stats
    from app.sync.export import export_bundle
    ctx = make_ctx(ws)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    sender = make_workspace("sender")
    send(sender, ws, tmp_path / "in.sibundle")
    page.devices.reload()
    box = page.devices
    assert not box.revoke_button.isEnabled()                 # nothing selected
    box.table.selectRow(0)
    assert box.revoke_button.isEnabled()
    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(box.revoke_button, Qt.MouseButton.LeftButton)
    assert box.rows()[0][3].startswith("Revoked ")
    assert not box.revoke_button.isEnabled()
    schools.add_school(sender, name="撤销后的学校")
    before = stats(ws.store)["digest"]
    later = tmp_path / "later.sibundle"
    export_bundle(sender, later)
    page.import_from(later, trust=True)                      # even offering trust again
    qtbot.waitUntil(lambda: "revoked" in page.import_status.text(), timeout=10000)
    assert stats(ws.store)["digest"] == before
