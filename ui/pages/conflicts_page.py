"""The Conflicts page: a record changed on two devices in the same field. The list shows the
open conflicts; for the selected one, each field side by side — ours (current here) and
theirs (from the bundle) — with take ours / take theirs / save an edited value. The decision
is a new version that syncs back to the other device."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.errors import KnownError, ValidationError
from app.sync.conflicts import list_conflicts, resolve_conflict
from ui.runner.text import fill

EDITED = QColor("#fff9c4")
JSON_FIELDS = {("responses", "value")}
translate = QCoreApplication.translate


def _deletion_words() -> dict[int, str]:
    """The `deleted` flag in words (a literal `translate` call so that lupdate finds it)."""
    return {1: translate("ConflictsPage", "deleted", "state of a record"),
            0: translate("ConflictsPage", "present", "state of a record")}


def shown(table: str, field: str, value) -> str:
    """A stored value as a person reads it (answers are stored as JSON; the deleted flag
    as "deleted" / "present")."""
    if field == "deleted" and value in (0, 1):
        return _deletion_words()[value]
    if value is None:
        return ""
    if (table, field) in JSON_FIELDS:
        try:
            value = json.loads(value)
        except (TypeError, ValueError):
            pass
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def stored(table: str, field: str, text: str):
    """What a person typed, as the column stores it."""
    if field == "deleted":
        typed = text.strip().lower()
        for flag, word in _deletion_words().items():
            if typed in (word.lower(), str(flag)):
                return flag
        words = _deletion_words()
        raise ValidationError(fill(translate("ConflictsPage", "Type “%1” or “%2” as the "
                                             "edited value of Deleted."), words[1], words[0]))
    if (table, field) in JSON_FIELDS:
        try:
            number = json.loads(text)
            if isinstance(number, (int, float)):
                return json.dumps(number)
        except ValueError:
            pass
        return json.dumps(text, ensure_ascii=False) if text else None
    return text


class ConflictsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[dict] = []
        self.list = QListWidget(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.fields = QTableWidget(0, 4, self)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Ours (this device)"),
                                               self.tr("Theirs (from the bundle)"),
                                               self.tr("Edited value")])
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        self.take_ours = QPushButton(self.tr("Keep ours"), self)
        self.take_theirs = QPushButton(self.tr("Take theirs"), self)
        self.save_edited = QPushButton(self.tr("Save edited value"), self)
        self.take_ours.clicked.connect(lambda: self.resolve("ours"))
        self.take_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.save_edited.clicked.connect(lambda: self.resolve("edited"))
        self.empty = QLabel(self.tr("No open conflicts: every change merged by itself."), self)
        self._layout()
        self.list.currentRowChanged.connect(self._show_selected)
        self.reload()

    def _layout(self) -> None:
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.addWidget(self.heading)
        column.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        for button in (self.take_ours, self.take_theirs, self.save_edited):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([320, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

    # -- content --------------------------------------------------------------------------
    def _table_name(self, table: str) -> str:
        return {"schools": self.tr("School"), "teachers": self.tr("Teacher"),
                "users": self.tr("User"), "templates": self.tr("Template"),
                "inspections": self.tr("Inspection"), "responses": self.tr("Answer"),
                "attachments": self.tr("Evidence"), "actions": self.tr("Corrective action"),
                "signatures": self.tr("Signature")}.get(table, table)

    def _field_name(self, field: str) -> str:
        return {"value": self.tr("Answer"), "note": self.tr("Note"), "name": self.tr("Name"),
                "phone": self.tr("Phone"), "principal": self.tr("Principal"),
                "address": self.tr("Address"), "subject": self.tr("Subject"),
                "status": self.tr("Status"), "summary": self.tr("Summary"),
                "description": self.tr("Description"), "due_date": self.tr("Due date"),
                "responsible": self.tr("Responsible"), "severity": self.tr("Severity"),
                "caption": self.tr("Caption"), "visit_date": self.tr("Visit date"),
                "deleted": self.tr("Deleted")}.get(field, field)

    def _record_name(self, conflict: dict) -> str:
        row = conflict["ours"] or conflict["theirs"]
        if conflict["table_name"] == "responses":
            return self._item_text(row)
        for key in ("name", "item_key", "description", "filename", "signer"):
            if row.get(key):
                return str(row[key])
        return row["id"][:8]

    def _item_text(self, row: dict) -> str:
        """An answer is named by its school and the item's wording, as the user knows it."""
        from app.services.templates import get_template
        try:
            inspection = self.ctx.ws.store.get("inspections", row["inspection_id"])
            school = self.ctx.ws.store.get("schools", inspection["school_id"])
            item = get_template(self.ctx.ws, inspection["template_id"]).item(row["item_key"])
            return f"{school['name']} · {item.text.get(self.ctx.lang) or item.text['zh']}"
        except (KnownError, KeyError, TypeError):  # undescribable: still shown, by its key
            return row["item_key"]

    def reload(self) -> None:
        current = self.selected()
        self.conflicts = list_conflicts(self.ctx.ws)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            text = f"{self._table_name(conflict['table_name'])}: {self._record_name(conflict)}"
            QListWidgetItem(text, self.list).setToolTip(text)
        self.list.blockSignals(False)
        ids = [c["id"] for c in self.conflicts]
        row = ids.index(current["id"]) if current and current["id"] in ids else 0
        self.empty.setVisible(not self.conflicts)
        self.list.setCurrentRow(row if self.conflicts else -1)
        self._show_selected()

    def selected(self) -> dict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_selected(self, *_args) -> None:
        conflict = self.selected()
        for button in (self.take_ours, self.take_theirs, self.save_edited):
            button.setEnabled(conflict is not None)
        self.fields.setRowCount(0)
        if conflict is None:
            self.heading.setText("")
            return
        table, ours, theirs = conflict["table_name"], conflict["ours"], conflict["theirs"]
        self.heading.setText(fill(self.tr("%1 “%2” was changed here and on another device. "
                                          "Choose what to keep."),
                                  self._table_name(table), self._record_name(conflict)))
        if ours is None:
            self.heading.setText(self.heading.text() + "\n" + self.tr(
                "It is new and belongs to an inspection signed here: keeping ours leaves it "
                "out."))
        self.fields.setRowCount(len(conflict["fields"]))
        for row, field in enumerate(conflict["fields"]):
            mine = shown(table, field, ours.get(field)) if ours else ""
            values = (self._field_name(field), mine, shown(table, field, theirs.get(field)), mine)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, field)
                if column < 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setBackground(EDITED)
                self.fields.setItem(row, column, item)

    def edited_values(self) -> dict:
        conflict = self.selected()
        names = [self.fields.item(r, 0).data(Qt.ItemDataRole.UserRole)
                 for r in range(self.fields.rowCount())]
        return {name: stored(conflict["table_name"], name, self.fields.item(r, 3).text())
                for r, name in enumerate(names)}

    def resolve(self, take: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        # Reading the edited values may refuse what was typed: shown like any other error.
        self.ctx.operations.run(lambda: resolve_conflict(
            self.ctx.ws, conflict["id"], take,
            self.edited_values() if take == "edited" else None), parent=self)
        self.reload()

    def on_changes(self, changes) -> None:
        if changes.touches("conflicts", "responses", "schools", "teachers", "inspections",
                           "actions", "attachments"):
            self.reload()
