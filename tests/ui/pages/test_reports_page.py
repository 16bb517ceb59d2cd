"""Given signed and unsigned inspections, the Reports page generates the report in the
background, previews it, prints every page and saves the signed PDF."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.services.demo import DemoBuilder
from app.services.inspections import start_inspection
from app.services.schools import add_school
from ui.pages.reports_page import ReportsPage

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def cases(ws):
    builder = DemoBuilder(ws, seed=21)
    school = builder.add_schools(1)[0]
    return {"signed": builder.inspection(school, "canteen_food_safety", "inspection",
                                         "signed"),
            "completed": builder.inspection(school, "term_start_safety", "inspection",
                                            "completed"),
            "district": school["district"]}


@pytest.fixture
def page(qtbot, ctx, cases):
    widget = ReportsPage(ctx)
    qtbot.add_widget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def _wait_for_pdf(qtbot, page):
    qtbot.waitUntil(lambda: page.pdf is not None and page.document.pageCount() > 0,
                    timeout=60000)


def test_show_inspection_previews_the_signed_report(qtbot, page, cases, tmp_path):
    page.show_inspection(cases["signed"])
    _wait_for_pdf(qtbot, page)
    assert page.document.pageCount() >= 2
    assert "signed digitally" in page.status.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    page.grab().save(str(tmp_path / "reports_page.png"))
    target = tmp_path / "saved.pdf"
    assert page.save_to(target)
    assert "Signature is Valid." in subprocess.run(["pdfsig", str(target)],
                                                   capture_output=True, text=True).stdout


def test_printing_renders_every_page(qtbot, page, cases, tmp_path):
    page.show_inspection(cases["signed"])
    _wait_for_pdf(qtbot, page)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_to(printer) == page.document.pageCount()
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True,
                          text=True).stdout
    assert re.search(rf"Pages:\s+{page.document.pageCount()}\n", info)


def test_unsigned_inspection_gives_a_draft(qtbot, page, cases):
    page.show_inspection(cases["completed"])
    _wait_for_pdf(qtbot, page)
    assert "draft" in page.status.text()


def test_english_report_when_english_is_chosen(qtbot, page, cases):
    page.language.setCurrentIndex(page.language.findData("en"))
    page.show_inspection(cases["signed"])
    _wait_for_pdf(qtbot, page)
    text = subprocess.run(["pdftotext", "-", "-"], input=page.pdf,
                          capture_output=True).stdout.decode()
    assert "Inspection report" in text


def test_district_summary_is_previewed(qtbot, page, cases):
    page.district.setCurrentText(cases["district"])
    page.date_from.setDate(page.date_from.date().addYears(-2))
    page.generate_summary()
    _wait_for_pdf(qtbot, page)
    text = subprocess.run(["pdftotext", "-", "-"], input=page.pdf,
                          capture_output=True).stdout.decode()
    assert cases["district"] in text and "督导工作汇总报告" in text


def test_the_english_ui_offers_districts_by_their_english_names(qtbot, ws, ctx, cases):
    from app.services.names_en import district_en
    ws.set_identity(language="en")
    page = ReportsPage(ctx)
    qtbot.add_widget(page)
    english = district_en(cases["district"])
    index = page.district.findText(english)
    assert index >= 0 and page.district.findText(cases["district"]) < 0
    page.district.setCurrentIndex(index)
    page.language.setCurrentIndex(page.language.findData("en"))
    page.date_from.setDate(page.date_from.date().addYears(-2))
    page.generate_summary()
    _wait_for_pdf(qtbot, page)
    text = subprocess.run(["pdftotext", "-", "-"], input=page.pdf,
                          capture_output=True).stdout.decode()
    assert english in text and cases["district"] not in text
    assert page.suggested_name.startswith(english)


def test_print_before_any_report_prints_nothing(page, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "none.pdf"))
    assert page.print_to(printer) == 0
    assert not page.print_button.isEnabled()


def test_new_signed_inspection_appears_after_changes(qtbot, page, ws, cases):
    before = page.inspection.count()
    builder = DemoBuilder(ws, seed=22)
    school = builder.add_schools(1)[0]
    new_id = builder.inspection(school, "canteen_food_safety", "inspection", "signed")
    from app.services.changes import Changes
    page.on_changes(Changes.of("inspections", new_id))
    assert page.inspection.count() == before + 1
    assert page.inspection.findData(new_id) >= 0


def test_draft_inspection_has_no_report_to_show(page, ws, cases):
    builder = DemoBuilder(ws, seed=23)
    school = builder.add_schools(1)[0]
    draft = builder.inspection(school, "canteen_food_safety", "inspection", "draft")
    assert page.show_inspection(draft) is None
    assert "no report yet" in page.status.text()


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
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog
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


def test_save_as_proposes_the_exports_folder_and_a_readable_name(qtbot, page, cases, ws,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from app.reports.naming import report_file_name
    page.show_inspection(cases["signed"])
    _wait_for_pdf(qtbot, page)
    proposed = []

    def save_dialog(parent, title, path, filters):
        proposed.append(path)
        return path, filters                                 # the user just clicks Save
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    lang = page.language.currentData()
    expected = ws.paths.exports / report_file_name(ws, cases["signed"], lang)
    assert proposed == [str(expected)]
    assert "_canteen" not in expected.name and cases["signed"][:8] not in expected.name
    assert expected.read_bytes().startswith(b"%PDF-")


def test_the_inspection_picker_searches_and_filters(qtbot, ws, ctx, cases):
    from tests.ui.helpers import evaluate_teacher
    from app.services.schools import add_teacher
    ws.set_identity(language="en")
    builder = DemoBuilder(ws, seed=5)
    other = builder.add_schools(1)[0]
    builder.inspection(other, "canteen_food_safety", "inspection", "completed")
    teacher = add_teacher(ws, other["id"], name="Wang Fang", subject="数学").created
    evaluation = evaluate_teacher(ws, other["id"], teacher)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    everything = page.inspection.count()
    assert everything == 4 and "4 found" in page.found.text()
    page.school_filter.setCurrentIndex(page.school_filter.findData(other["id"]))
    assert page.inspection.count() == 2
    qtbot.keyClicks(page.teacher_filter, "wang")
    qtbot.waitUntil(lambda: page.inspection.count() == 1)
    assert page.inspection.currentData() == evaluation
    assert "Wang Fang" in page.inspection.currentText()       # ethics: the teacher's name
    page.teacher_filter.clear()
    page.school_filter.setCurrentIndex(0)
    page.template_filter.setCurrentIndex(page.template_filter.findData("canteen_food_safety"))
    assert page.inspection.count() == 2
    page.template_filter.setCurrentIndex(0)
    page.use_dates.setChecked(True)
    page.visit_from.setDate(page.visit_to.date().addDays(1))  # nothing visited tomorrow
    assert page.inspection.count() == 0 and not page.generate_button.isEnabled()


def test_the_picker_counts_by_teacher_and_again_without(ws, cases):
    """The count of a teacher filter alone (no search) reads the teachers' names, and the
    count is not kept across a change of the teacher filter."""
    from tests.ui.helpers import evaluate_teacher
    from app.services.schools import add_teacher
    from ui.state.report_picker import ReportPicker
    school = DemoBuilder(ws, seed=5).add_schools(1)[0]
    teacher = add_teacher(ws, school["id"], name="Wang Fang", subject="数学").created
    evaluate_teacher(ws, school["id"], teacher)
    picker = ReportPicker(ws)
    assert picker.count() == len(picker.page()) == 3
    picker.filter = picker.filter.with_(teacher="wang")
    assert picker.count() == len(picker.page()) == 1
    picker.filter = picker.filter.with_(teacher="")
    assert picker.count() == 3


def test_the_picker_offers_one_page_and_counts_the_rest(ws, ctx, qtbot, cases,
                                                        monkeypatch):
    from ui.state import report_picker
    from ui.pages import reports_page
    monkeypatch.setattr(reports_page, "LIMIT", 1)
    monkeypatch.setattr(report_picker, "LIMIT", 1)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    assert page.inspection.count() == 1
    assert page.found.text().startswith("1 of 2 shown")
    hidden = next(i for i in (cases["signed"], cases["completed"])
                  if page.inspection.findData(i) < 0)
    page.show_inspection(hidden)                             # beyond the page: still found
    assert page.inspection.currentData() == hidden
    _wait_for_pdf(qtbot, page)                               # its report is made, as asked
