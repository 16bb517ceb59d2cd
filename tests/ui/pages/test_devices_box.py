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
