"""The office's documents and workbooks on the Reports page: the chosen inspection's 督导意见书
and 整改通知书 and the 整改台账 are previewed like a report (then printed or saved, signed like
the report); the ledger and the results go to Excel; rosters come in from Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QWidget)

from app.errors import KnownError
from ui import jobs
from ui.runner.text import fill

XLSX_FILTER = "Excel (*.xlsx)"
ROSTER_FILTER = "Excel / CSV (*.xlsx *.csv)"


class OfficeTools(QWidget):
    """Buttons under the report controls; the PDF ones run on the page's background runner."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page, self.ctx = page, page.ctx
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Office documents"), self))
        for key, text, slot in (
                ("opinion", self.tr("Opinion letter"), lambda: self.document("opinion")),
                ("notice", self.tr("Rectification notice"), lambda: self.document("notice")),
                ("ledger", self.tr("Ledger"), self.ledger),
                ("ledger_xlsx", self.tr("Ledger to Excel…"), self.ledger_to_excel),
                ("results", self.tr("Results to Excel…"), self.results_to_excel),
                ("roster", self.tr("Import roster…"), self.import_roster),
                ("template", self.tr("Roster template…"), self.roster_template)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)

    # -- previewed documents --------------------------------------------------------------
    def document(self, kind: str):
        inspection_id, lang = self.page.inspection.currentData(), self.page.language.currentData()
        if inspection_id is None:
            return None
        self.page.suggested_name = f"{kind}_{inspection_id[:8]}_{lang}.pdf"
        return self.page._run(jobs.make_document(kind, inspection_id, lang),
                              self.tr("Making the document…"), self._document_done)

    def _document_done(self, made) -> None:
        note = self.tr("Document ready, signed digitally.") if made.signed else \
            self.tr("Document ready. The inspection is not signed: the document is a draft.")
        self.page.show_pdf(made.pdf, note)

    def ledger(self):
        lang = self.page.language.currentData()
        self.page.suggested_name = f"ledger_{lang}.pdf"
        return self.page._run(jobs.rectification_ledger(lang), self.tr("Making the ledger…"),
                              lambda pdf: self.page.show_pdf(pdf, self.tr("Ledger ready.")))

    # -- workbooks ------------------------------------------------------------------------
    def _save_path(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), str(self.ctx.ws.paths.default_output / name), XLSX_FILTER)
        return Path(path) if path else None

    def ledger_to_excel(self, path: Path | None = None) -> Path | None:
        path = path or self._save_path("ledger.xlsx")
        if path is None:
            return None
        from app.excel.ledger import write_ledger_xlsx
        from app.reports.ledger import gather_ledger
        return self._done(lambda: write_ledger_xlsx(
            gather_ledger(self.ctx.ws, lang=self.page.language.currentData()), path), path)

    def results_to_excel(self, path: Path | None = None) -> Path | None:
        path = path or self._save_path("results.xlsx")
        if path is None:
            return None
        from app.excel.results import export_results
        start = self.page.date_from.date().toString("yyyy-MM-dd")
        end = self.page.date_to.date().toString("yyyy-MM-dd")
        return self._done(lambda: export_results(
            self.ctx.ws, path, date_from=start, date_to=end,
            lang=self.page.language.currentData()), path)

    def roster_template(self, path: Path | None = None) -> Path | None:
        path = path or self._save_path("roster_template.xlsx")
        if path is None:
            return None
        from app.excel.roster import roster_template
        return self._done(lambda: roster_template(path), path)

    def _done(self, call, path: Path) -> Path | None:
        try:
            call()
        except (KnownError, OSError) as exc:
            self.ctx.operations.report(exc, self)
            return None
        self.page.status.setText(fill(self.tr("Saved to %1"), path))
        return path

    def import_roster(self, path: Path | None = None) -> dict | None:
        """Import all rows or none; a refused roster lists every bad row."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster"), "",
                                                    ROSTER_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        from app.excel.roster import RosterError, import_roster
        from app.services.changes import Changes
        try:
            result = import_roster(self.ctx.ws, path)
        except RosterError as exc:
            self.last_message = self._refused(exc.report)
            return exc.report
        except KnownError as exc:
            self.ctx.operations.report(exc, self)
            return None
        self.ctx.operations.changed.emit(Changes.of("schools") | Changes.of("teachers"))
        s, t = result["schools"], result["teachers"]
        self.page.status.setText(fill(
            self.tr("All rows imported: %1 schools added, %2 updated; %3 teachers added, "
                    "%4 updated."), s["added"], s["updated"], t["added"], t["updated"]))
        return result

    def _refused(self, report: dict) -> QMessageBox:
        lines = [f"{e['sheet']} · {e['row']}: {'; '.join(e['problems'])}"
                 for e in report["errors"]]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Roster not imported"),
                          self.tr("Nothing was imported: %n row(s) must be corrected first.",
                                  "", len(lines)), QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(lines))
        box.open()
        return box

