"""Evidence photos in the runner: a thumbnail opens a viewer (enlarge, next / previous,
rotate), captions default to the item rather than the file name, and the principal's photos
appear beside their answer when verifying."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

import pytest

from app.services.answers import answer_item
from app.services.evidence import attach_file
from app.services.inspections import start_inspection
from tests.ui.helpers import write_png
from tests.ui.helpers import open_runner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def photo_bytes(tmp_path, name, size, colour=(10, 120, 200)):
    from PIL import Image
    path = tmp_path / name
    Image.new("RGB", size, colour).save(path)
    return path


def test_a_thumbnail_opens_the_viewer_which_steps_and_rotates(qtbot, ui_ctx, ws, tmp_path,
                                                              mini_inspection):
    attach_file(ws, mini_inspection, "b.fridge", photo_bytes(tmp_path, "IMG_2041.JPG",
                                                             (300, 200)))
    attach_file(ws, mini_inspection, "b.fridge", photo_bytes(tmp_path, "IMG_2042.png",
                                                             (120, 240)))
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    runner.show_item("b.fridge")
    strip = runner.item_view.evidence
    thumbs = [b for b in strip.findChildren(QToolButton) if b.objectName() == "photoThumb"]
    assert len(thumbs) == 2 and "IMG_2041" not in thumbs[0].toolTip()
    assert "冷藏温度" in thumbs[0].toolTip()
    qtbot.mouseClick(thumbs[0], Qt.MouseButton.LeftButton)
    viewer = strip.viewer
    assert viewer is not None and viewer.isVisible()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    assert viewer.caption.text().startswith("冷藏温度")
    names = [row["filename"] for row in strip.attachments]  # in the order shown
    assert "photo 1 of 2" in viewer.caption.text() and viewer.file.text() == names[0]
    big = viewer.picture.pixmap()
    assert big.width() > 112                                 # larger than the thumbnail
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 1 and viewer.file.text() == names[1]
    assert not viewer.following.isEnabled()
    before = viewer.shown_pixmap().size()
    qtbot.mouseClick(viewer.rotate_button, Qt.MouseButton.LeftButton)
    after = viewer.shown_pixmap().size()
    assert (after.width(), after.height()) == (before.height(), before.width())
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.index == 0 and viewer.rotation == 0


def test_principal_photos_are_shown_beside_their_answer(qtbot, ui_ctx, ws, tmp_path,
                                                        school_id):
    own = start_inspection(ws, school_id=school_id, template="mini",
                           mode="self_assessment").created
    answer_item(ws, own, "a.samples", "yes")
    attach_file(ws, own, "a.samples", write_png(tmp_path / "cabinet.png"))
    verify = start_inspection(ws, school_id=school_id, template="mini",
                              self_assessment_id=own).created
    runner = open_runner(qtbot, ui_ctx, verify)
    box = runner.item_view.comparison
    assert len(box.photos) == 1
    thumb = next(b for b in box.findChildren(QToolButton) if b.objectName() == "photoThumb")
    assert thumb.isVisible()
    qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)
    assert box.viewer.isVisible() and box.viewer.file.text() == "cabinet.png"
    assert runner.item_view.evidence.attachments == []       # the inspector's own: none yet


def test_a_photo_captioned_with_its_items_chinese_name_reads_in_english(qtbot, ui_ctx, ws,
                                                                        tmp_path, canteen):
    ws.set_identity(language="en")
    item = "staff.health_certs"
    runner = open_runner(qtbot, ui_ctx, canteen)
    short = runner.template.item(item).short_label
    attach_file(ws, canteen, item, photo_bytes(tmp_path, "IMG_7.png", (90, 60)),
                caption=short("zh"))                       # as the demo captions them
    attach_file(ws, canteen, item, photo_bytes(tmp_path, "IMG_8.png", (90, 60)),
                caption="后厨门口")                         # typed: shown as typed
    runner.show_item("staff.morning_check")
    runner.show_item(item)
    tips = [b.toolTip() for b in runner.item_view.evidence.findChildren(QToolButton)
            if b.objectName() == "photoThumb"]
    assert any(t.startswith(short("en")) for t in tips) and short("zh") not in "".join(tips)
    assert any(t.startswith("后厨门口") for t in tips)
