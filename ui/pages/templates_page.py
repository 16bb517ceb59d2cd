"""The Templates page: installed checklist templates (key, version, kind, title in the UI
language, item count), the sections and items of the selected one, and importing a template
file (a refused file shows every problem the validator found)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app.services.templates import get_template, import_template, list_templates
from ui.models.rows_model import Column, RowsModel
from ui.widgets import labels
from ui.widgets.table import RowTable


class TemplatesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        self.model = RowsModel([
            Column(self.tr("Title"), lambda r: labels.bilingual(r["title"], lang)),
            Column(self.tr("Key"), lambda r: r["key"]),
            Column(self.tr("Version"), lambda r: r["version"], align_right=True),
            Column(self.tr("Kind"), lambda r: labels.kind(r["kind"])),
            Column(self.tr("Items"), lambda r: r["items"], align_right=True),
            Column(self.tr("Modes"), lambda r: labels.join(
                labels.mode(m) for m in r["modes"])),
            Column(self.tr("Source"), lambda r: self.tr("Built-in") if r["builtin"]
                   else self.tr("Imported"))], self)
        self.table = RowTable(self)
        self.table.setModel(self.model)
        self.table.set_widths([260, 170, 60, 100, 60, 200])
        self.table.selectionModel().selectionChanged.connect(self.show_selected)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Section / item"), self.tr("Type"),
                                   self.tr("Weight"), self.tr("Source regulation")])
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 60)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        import_button = QPushButton(self.tr("Import template…"), self)
        import_button.clicked.connect(self.choose_file)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Installed templates"), self), 1)
        bar.addWidget(import_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        detail = QWidget(self)
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.description)
        box.addWidget(self.tree, 1)
        split.addWidget(detail)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_templates(self.ctx.ws))
        if self.model.rowCount():
            self.table.selectRow(0)

    def show_selected(self, *_args) -> None:
        row = self.model.row_at(self.table.selected_row())
        self.tree.clear()
        if not row:
            self.description.clear()
            return
        lang = self.ctx.lang
        template = get_template(self.ctx.ws, row["id"])
        self.description.setText(labels.bilingual(template.description, lang) + "\n"
                                 + self.tr("★ marks a veto item, ☆ a grade-limiting item."))
        for section in template.sections:
            parent = QTreeWidgetItem(self.tree, [labels.bilingual(section.title, lang), "",
                                                 f"{section.weight:g}", ""])
            for item in section.items:
                text = item.label(lang) + ("  ★" if item.veto else "  ☆" if item.critical else "")
                child = QTreeWidgetItem(parent, [text, labels.item_type(item.type), f"{item.weight:g}",
                                                 labels.bilingual(item.source, lang)])
                child.setToolTip(0, item.label(lang))
                child.setToolTip(3, labels.bilingual(item.source, lang))
        self.tree.expandAll()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template"), "",
                                              self.tr("Template files (*.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str):
        """Import through the validator; a refused file is reported with all its problems."""
        return self.ctx.operations.run(lambda: import_template(self.ctx.ws, path), parent=self)

    def on_changes(self, changes) -> None:
        if changes.touches("templates"):
            self.reload()
