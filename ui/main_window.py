"""The main window (placeholder listing inspections; the full shell replaces it)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTableWidget, QTableWidgetItem

from app.services.inspections import list_inspections


class MainWindow(QMainWindow):
    def __init__(self, ws):
        super().__init__()
        self.ws = ws
        self.setWindowTitle(self.tr("School Inspect"))
        rows = list_inspections(ws, limit=500)
        table = QTableWidget(len(rows), 4, self)
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("School"),
                                         self.tr("Template"), self.tr("Status")])
        for r, row in enumerate(rows):
            for c, key in enumerate(("visit_date", "school_name", "template_title_zh",
                                     "status")):
                table.setItem(r, c, QTableWidgetItem(str(row[key] or "")))
        self.setCentralWidget(table)
        self.resize(1000, 640)
