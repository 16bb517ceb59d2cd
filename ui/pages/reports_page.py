"""The Reports page: choose an inspection and a language, generate its PDF report off the GUI
thread (signed digitally when the inspection is signed), preview it with QtPdf, print it
through the system print dialog, save it as PDF; and the district summary report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from app.errors import PasswordError, WrongPasswordError
from app.reports.naming import report_file_name, safe_part
from app.security import roles
from app.services.schools import districts, list_schools
from app.services.templates import list_templates
from ui import jobs
from ui.pages.office_tools import OfficeTools
from ui.pages.printing import print_document
from ui.runner.text import fill
from ui.state.report_picker import LIMIT, PickerFilter, ReportPicker
from ui.widgets import labels
from ui.widgets.filters import filter_combo, refill_filter

LANGUAGES = (("zh", "中文"), ("en", "English"))


class ReportsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pdf: bytes | None = None
        self.suggested_name = "report.pdf"
        self._buffer: QBuffer | None = None
        self.worker = None
        self._build()
        self.reload()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.inspection = QComboBox(self)
        self.inspection.setMinimumContentsLength(40)
        self._build_picker_filters()
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(1 if self.ctx.lang == "en" else 0)
        self.generate_button = QPushButton(self.tr("Generate report"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.district = QComboBox(self)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        today = QDate.currentDate()
        for edit, date in ((self.date_from, today.addMonths(-6)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(date)
        self.summary_button = QPushButton(self.tr("District summary"), self)
        self.status = QLabel(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fit to width reads well but shows only the top of page 1: offer the whole page
        # too, and say how long the report is and where the reader is.
        self.zoom = QComboBox(self)
        self.zoom.addItem(self.tr("Fit width"), QPdfView.ZoomMode.FitToWidth)
        self.zoom.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView)
        self.zoom.currentIndexChanged.connect(
            lambda _: self.view.setZoomMode(self.zoom.currentData()))
        self.page_label = QLabel(self)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._arrange()
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        self.summary_button.clicked.connect(self.generate_summary)
        self.inspection.currentIndexChanged.connect(self._update_buttons)
        self.inspection.currentIndexChanged.connect(lambda _: self._follow_district())
        self._update_buttons()

    def _build_picker_filters(self) -> None:
        """Search and filters that narrow the inspection drop-down (one page of rows)."""
        self.picker = ReportPicker(self.ctx.ws)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search school, template, teacher, inspector…"))
        self.search.setClearButtonEnabled(True)
        self.school_filter, self.template_filter = filter_combo(self), filter_combo(self)
        self.teacher_filter = QLineEdit(self)
        self.teacher_filter.setPlaceholderText(self.tr("Teacher"))
        self.use_dates = QCheckBox(self.tr("Visited from"), self)
        self.visit_from, self.visit_to = QDateEdit(self), QDateEdit(self)
        today = QDate.currentDate()
        for edit, date in ((self.visit_from, today.addYears(-1)), (self.visit_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(date)
            edit.dateChanged.connect(self._picker_changed)
        self.found = QLabel(self)
        self.found.setObjectName("hint")
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        for field in (self.search, self.teacher_filter):
            field.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.school_filter, self.template_filter):
            combo.currentIndexChanged.connect(self._picker_changed)
        self.use_dates.toggled.connect(self._picker_changed)
        # The text fields keep room to type; the combos shrink to their share.
        self.search.setMinimumWidth(220)
        self.teacher_filter.setMinimumWidth(110)
        self._fill_picker_choices()

    def _fill_picker_choices(self) -> None:
        refill_filter(self.school_filter, self.tr("All schools"),
                      [(labels.school_name(s, self.ctx.lang), s["id"])
                       for s in list_schools(self.ctx.ws)])
        seen: dict[str, str] = {}
        for template in list_templates(self.ctx.ws):
            seen.setdefault(template["key"], labels.bilingual(template["title"], self.ctx.lang))
        refill_filter(self.template_filter, self.tr("All templates"),
                      [(title, key) for key, title in seen.items()])

    def _picker_changed(self, *_args) -> None:
        if not self.signalsBlocked():
            self.reload()

    def picker_filter(self) -> PickerFilter:
        dates = self.use_dates.isChecked()
        return PickerFilter(
            search=self.search.text(), school_id=self.school_filter.currentData(),
            template_key=self.template_filter.currentData(), teacher=self.teacher_filter.text(),
            date_from=self.visit_from.date().toString("yyyy-MM-dd") if dates else None,
            date_to=self.visit_to.date().toString("yyyy-MM-dd") if dates else None)

    def _arrange(self) -> None:
        filters = QHBoxLayout()
        for widget, stretch in ((self.search, 3), (self.school_filter, 2),
                                (self.template_filter, 2), (self.teacher_filter, 1),
                                (self.use_dates, 0), (self.visit_from, 0),
                                (QLabel(self.tr("to"), self), 0), (self.visit_to, 0)):
            filters.addWidget(widget, stretch)
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Inspection"), self))
        first.addWidget(self.inspection, 1)
        first.addWidget(QLabel(self.tr("Language"), self))
        for widget in (self.language, self.generate_button, self.print_button,
                       self.save_button):
            first.addWidget(widget)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("District"), self))
        second.addWidget(self.district, 1)
        second.addWidget(QLabel(self.tr("From"), self))
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("To"), self))
        second.addWidget(self.date_to)
        second.addWidget(self.summary_button)
        third = QHBoxLayout()
        third.addWidget(self.found)
        third.addWidget(self.status, 1)
        third.addWidget(self.page_label)
        third.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(first)
        layout.addLayout(second)
        self.office = OfficeTools(self, self)     # 督导意见书, 整改通知书, 台账, Excel
        layout.addWidget(self.office)
        layout.addLayout(third)
        layout.addWidget(self.view, 1)

    def _page_changed(self, _page: int) -> None:
        self._show_page()

    def _show_page(self) -> None:
        count = self.document.pageCount()
        current = self.view.pageNavigator().currentPage() + 1
        self.page_label.setText(fill(self.tr("Page %1 of %2"), min(current, count), count)
                                if count > 0 else "")

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.inspection.currentData()
        self._debounce.stop()
        self.picker.filter = self.picker_filter()
        rows = self.picker.page()
        self.inspection.blockSignals(True)
        self.inspection.clear()
        for row in rows:
            self._add_row(row)
        self.inspection.blockSignals(False)
        total = self.picker.count() if len(rows) >= LIMIT else len(rows)
        self.found.setText(fill(self.tr("%1 of %2 shown — search or filter to narrow"),
                                len(rows), total) if total > len(rows)
                           else fill(self.tr("%1 found"), total))
        self._fill_districts()
        self._select(current)
        if current is None:
            self._follow_district()
        self._update_buttons()

    def _add_row(self, row: dict, at: int | None = None) -> None:
        """One inspection as the drop-down shows it: date · school · template (teacher)."""
        title = row["title_en"] if self.ctx.lang == "en" else row["title_zh"]
        state = self.tr("signed") if row["status"] == "signed" else self.tr("not signed")
        school = labels.school_name(row, self.ctx.lang, key="school_name")
        teacher = f" · {row['teacher_name']}" if row.get("teacher_name") else ""
        text = f"{row['visit_date']} · {school} · {title}{teacher} ({state})"
        if at is None:
            self.inspection.addItem(text, row["id"])
        else:
            self.inspection.insertItem(at, text, row["id"])

    def _fill_districts(self) -> None:
        """Districts by their name in the UI language; the stored name is the item's data."""
        current = self.district.currentData()
        self.district.clear()
        for district in districts(self.ctx.ws):
            self.district.addItem(labels.district(district, self.ctx.lang), district)
        if current:
            self.district.setCurrentIndex(max(0, self.district.findData(current)))

    def _follow_district(self) -> None:
        """The district summary offers the district of the inspection being looked at."""
        store = self.ctx.ws.store
        inspection = store.get("inspections", self.inspection.currentData() or "")
        school = store.get("schools", inspection["school_id"]) if inspection else None
        index = self.district.findData(school["district"]) if school else -1
        if index >= 0:
            self.district.setCurrentIndex(index)

    def _select(self, inspection_id: str | None) -> bool:
        index = self.inspection.findData(inspection_id) if inspection_id else -1
        if index >= 0:
            self.inspection.setCurrentIndex(index)
        return index >= 0

    def on_changes(self, changes) -> None:
        if changes.touches("schools", "templates"):
            self._fill_picker_choices()
        if changes.touches("inspections") or changes.touches("schools"):
            self.reload()

    def show_inspection(self, inspection_id: str):
        """Select an inspection and generate its report (used by the main window)."""
        if not self._select(inspection_id):
            self.reload()
            rows = [] if self._select(inspection_id) else self.picker.rows([inspection_id])
            if rows and rows[0]["status"] != "draft":   # beyond the first page: add it
                self._add_row(rows[0], at=0)
            if not self._select(inspection_id):
                self.status.setText(self.tr("This inspection has no report yet: answer it "
                                            "first."))
                return None
        return self.generate()

    def _update_buttons(self) -> None:
        busy = self.worker is not None
        self.generate_button.setEnabled(not busy and self.inspection.currentData() is not None)
        self.summary_button.setEnabled(not busy and self.district.count() > 0)
        # The district summary is the office's and the inspectors' (a principal reads their
        # own school only).
        self.summary_button.setVisible(roles.may(self.ctx.ws, "district.summary"))
        self.print_button.setEnabled(not busy and self.pdf is not None)
        self.save_button.setEnabled(not busy and self.pdf is not None)

    # -- generating -----------------------------------------------------------------------
    def generate(self):
        """Build (and sign) the chosen inspection's report in the background."""
        inspection_id, lang = self.inspection.currentData(), self.language.currentData()
        if inspection_id is None:
            return None
        self.suggested_name = report_file_name(self.ctx.ws, inspection_id, lang)
        return self._run(jobs.make_report(inspection_id, lang),
                         self.tr("Generating the report…"), self._report_done)

    def generate_summary(self):
        district = self.district.currentData()
        start = self.date_from.date().toString("yyyy-MM-dd")
        end = self.date_to.date().toString("yyyy-MM-dd")
        lang = self.language.currentData()
        self.suggested_name = (f"{safe_part(labels.district(district, lang))}_summary_"
                               f"{start}_{end}.pdf")
        return self._run(jobs.district_summary(district, start, end, lang),
                         self.tr("Generating the district summary…"),
                         lambda pdf: self.show_pdf(pdf, self.tr("District summary ready.")))

    def _run(self, job: jobs.Job, title: str, done):
        self._last_run = (job, title, done)
        self.status.setText(title)
        self.worker = self.ctx.operations.run_in_background(
            job, parent=self, title=title,
            on_done=lambda result: self._finished(done, result), on_error=self._failed)
        self._update_buttons()
        return self.worker

    def _finished(self, done, result) -> None:
        self.worker = None
        done(result)

    def _failed(self, exc: BaseException) -> None:
        self.worker = None
        if isinstance(exc, PasswordError) and self._ask_key_password(exc):
            self._run(*self._last_run)  # signed with the password just given
            return
        self.status.setText(self.tr("The report could not be made."))
        self._update_buttons()
        if not isinstance(exc, PasswordError):  # a cancelled password needs no error box
            self.ctx.operations.report(exc, self)

    def _ask_key_password(self, exc: BaseException) -> bool:
        """The signing key is protected (`key-password`): ask for its password, keep it in
        memory for this session only. False when the user cancels."""
        wrong = isinstance(exc, WrongPasswordError)
        text = self.tr("That password does not open your signing key. Try again:") if wrong \
            else self.tr("Your signing key is protected by a password. Type it to sign the "
                         "report:")
        password, ok = QInputDialog.getText(self, self.tr("Signing key password"), text,
                                            QLineEdit.EchoMode.Password)
        if not ok or not password:
            return False
        self.ctx.ws.key_password = password
        return True

    def _report_done(self, made) -> None:
        note = self.tr("Report ready, signed digitally.") if made.signed else \
            self.tr("Report ready. The inspection is not signed: the report is a draft.")
        self.show_pdf(made.pdf, note)

    def show_pdf(self, pdf: bytes, note: str = "") -> None:
        """Preview PDF bytes; Print and Save then act on them."""
        self.pdf = pdf
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._show_page()
        self.status.setText(note)
        self._update_buttons()

    # -- print and save -------------------------------------------------------------------
    def print_report(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print report"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page of the previewed PDF onto `printer`; returns pages printed."""
        printed = print_document(self.document, printer)
        if printed is None:
            self.status.setText(self.tr("The printer could not be started."))
        return printed or 0

    def save_report(self) -> None:
        # The profile's exports folder: not wherever the app happened to be started from.
        folder = self.ctx.ws.paths.exports
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as PDF"),
                                              str(folder / self.suggested_name),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from app.reports.service import write_atomically
        from app.errors import KnownError
        if self.pdf is None:
            return False
        try:
            write_atomically(path, self.pdf)
        except KnownError as exc:
            self.ctx.operations.report(exc, self)
            return False
        self.status.setText(fill(self.tr("Saved to %1"), path))
        return True
