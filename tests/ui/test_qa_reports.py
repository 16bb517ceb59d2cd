"""Reports page frictions found in the QA walk-through: the district summary offers the
district of the inspection being looked at, not simply the first district in the list."""

from __future__ import annotations

import pytest

from app.services.inspections import start_inspection
from app.services.schools import add_school
from ui.pages.reports_page import ReportsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_district_follows_the_chosen_inspection(qtbot, ws, ctx):
    schools = {district: add_school(ws, name=f"{district}实验小学", district=district,
                                    level="primary").created
               for district in ("城南区", "青山区")}
    ids = {}
    for district, school in schools.items():
        ids[district] = start_inspection(ws, school_id=school, template="mini").created
        ws.store.update("inspections", ids[district], {"status": "completed"})
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    for district in ("青山区", "城南区", "青山区"):
        page.inspection.setCurrentIndex(page.inspection.findData(ids[district]))
        assert page.district.currentText() == district


def test_the_preview_says_how_many_pages_and_can_show_a_whole_page(qtbot, ws, ctx):
    from PySide6.QtPdfWidgets import QPdfView
    from app.services.demo import DemoBuilder
    builder = DemoBuilder(ws, seed=5)
    signed = builder.inspection(builder.add_schools(1)[0], "canteen_food_safety",
                                "inspection", "signed")
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.show_inspection(signed)
    qtbot.waitUntil(lambda: page.document.pageCount() > 1, timeout=60000)
    count = page.document.pageCount()
    qtbot.waitUntil(lambda: page.page_label.text() != "")
    assert page.page_label.text() == f"Page 1 of {count}"
    page.view.pageNavigator().jump(count - 1, page.view.pageNavigator().currentLocation())
    assert page.page_label.text() == f"Page {count} of {count}"
    page.zoom.setCurrentIndex(page.zoom.findData(QPdfView.ZoomMode.FitInView))
    assert page.view.zoomMode() == QPdfView.ZoomMode.FitInView


def test_a_password_protected_signing_key_is_asked_for_then_the_report_is_signed(
        qtbot, ws, tmp_path, ctx):
    import subprocess
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog
    from app.services.demo import DemoBuilder
    builder = DemoBuilder(ws, seed=9)
    signed = builder.inspection(builder.add_schools(1)[0], "canteen_food_safety",
                                "inspection", "signed")
    ws.set_key_password(None, "s3cret")
    ws.key_password = None                      # a new session: the app does not know it
    answers, asked = ["wrong", "s3cret"], []

    def answer_password_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog) and box.isVisible():
            asked.append(box.labelText())
            box.setTextValue(answers.pop(0))
            box.accept()
    timer = QTimer()
    timer.timeout.connect(answer_password_box)
    timer.start(50)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_inspection(signed)
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=60000)
    timer.stop()
    assert len(asked) == 2 and "does not open" in asked[1]   # the wrong one was refused
    assert "signed digitally" in page.status.text()
    assert page.save_to(tmp_path / "signed.pdf")
    assert "Signature is Valid." in subprocess.run(["pdfsig", str(tmp_path / "signed.pdf")],
                                                   capture_output=True, text=True).stdout
