"""The Conflicts page: a record changed on two devices in the same field. The list shows the
open conflicts; for the selected one, what it is about (school, inspection, item, action),
who changed each side and when, and each field side by side in words — ours (current here)
and theirs (from the bundle) — with take ours / take theirs / save an edited value. A field
with a fixed set of values (a status, a yes/no answer, a score) is edited with a drop-down of
exactly those values. The decision is a new version that syncs back to the other device."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QStyledItemDelegate,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.domain import limits
from app.errors import KnownError, ValidationError
from app.sync.conflicts import list_conflicts, resolve_conflict
from ui.runner.comparison import answer_text
from ui.runner.text import fill
from ui.state.conflicts import ConflictContext, describe, device_names, side
from ui.widgets import labels

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
            number = limits.loads(text, "value")   # strict: no NaN, no 10^400, no deep nesting
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                return json.dumps(number)
        except ValidationError:
            pass
        return json.dumps(text, ensure_ascii=False) if text else None
    return text


class ChoiceDelegate(QStyledItemDelegate):
    """The edited-value cell of a field with fixed values: a drop-down of those values only
    (a typed "finished" once left an action in a status nothing knows)."""

    def __init__(self, page: "ConflictsPage"):
        super().__init__(page.fields)
        self.page = page

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        words = self.page.choice_words(index.row())
        if words is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("conflictChoice")
        combo.addItems(words)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(index.data()), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


class ConflictsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[dict] = []
        self.context = ConflictContext()
        self.list = QListWidget(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.about = QLabel(self)
        self.about.setObjectName("conflictContext")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.sides = QLabel(self)
        self.sides.setObjectName("conflictSides")
        self.sides.setWordWrap(True)
        self.sides.setTextFormat(Qt.TextFormat.PlainText)
        self.fields = QTableWidget(0, 4, self)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Ours (this device)"),
                                               self.tr("Theirs (from the bundle)"),
                                               self.tr("Edited value")])
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        self.fields.setItemDelegateForColumn(3, ChoiceDelegate(self))
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
        column.addWidget(self.about)
        column.addWidget(self.sides)
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
        if conflict["table_name"] == "actions" and row.get("description"):
            return f"{self._school_of(row)} · {_short(row['description'])}".lstrip(" ·")
        for key in ("name", "description", "item_key", "filename", "signer"):
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

    def _school_of(self, row: dict) -> str:
        school = self.ctx.ws.store.get("schools", row.get("school_id") or "")
        return labels.school_name(school, self.ctx.lang) if school else ""

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
            self.about.setText("")
            self.sides.setText("")
            return
        table, ours, theirs = conflict["table_name"], conflict["ours"], conflict["theirs"]
        self.context = describe(self.ctx.ws, conflict)
        self.heading.setText(fill(self.tr("%1 “%2” was changed here and on another device. "
                                          "Choose what to keep."),
                                  self._table_name(table), self._record_name(conflict)))
        if ours is None:
            self.heading.setText(self.heading.text() + "\n" + self.tr(
                "It is new and belongs to an inspection signed here: keeping ours leaves it "
                "out."))
        self.about.setText("\n".join(self._context_lines()))
        self.sides.setText(self._sides_text(ours, theirs))
        self.fields.setRowCount(len(conflict["fields"]))
        for row, field in enumerate(conflict["fields"]):
            mine = self.word(table, field, ours.get(field)) if ours else ""
            values = (self._field_name(field), mine, self.word(table, field, theirs.get(field)),
                      mine)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, field)
                if column < 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setBackground(EDITED)
                    if field in self.context.choices:
                        item.setToolTip(self.tr("Double-click to choose one of the valid "
                                                "values"))
                self.fields.setItem(row, column, item)
        self.fields.resizeRowsToContents()

    def _context_lines(self) -> list[str]:
        """School, inspection, item and action the conflict is about, as the user knows them."""
        context, lang, lines = self.context, self.ctx.lang, []
        if context.school:
            lines.append(fill(self.tr("School: %1"), labels.school_name(context.school, lang)))
        if context.inspection:
            title = context.template.title[lang] if context.template else \
                context.inspection.get("template_key", "")
            lines.append(fill(self.tr("Inspection: %1 of %2 (%3)"), title,
                              context.inspection.get("visit_date") or "?",
                              labels.inspection_status(context.inspection["status"])))
        if context.item is not None:
            lines.append(fill(self.tr("Item: %1"),
                              context.item.text.get(lang) or context.item.text["zh"]))
        if context.action:
            lines.append(fill(self.tr("Corrective action: %1"),
                              context.action.get("description") or ""))
        return lines

    def _sides_text(self, ours: dict | None, theirs: dict | None) -> str:
        names = device_names(self.ctx.ws)
        parts = []
        for title, row in ((self.tr("Ours"), ours), (self.tr("Theirs"), theirs)):
            who = side(self.ctx.ws, row, names)
            if who is None:
                continue
            device = self.tr("this device") if who.this_device else who.device
            parts.append(fill(self.tr("%1: changed by %2 (%3) at %4"), title, who.person,
                              device, who.when or "?"))
        return "\n".join(parts)

    # -- values in words ------------------------------------------------------------------
    def word(self, table: str, field: str, value) -> str:
        """A stored value as a person reads it: 整改中, 是, 3 / 5, 已删除 …"""
        choices = self.context.choices.get(field)
        if choices is None or value is None:
            return shown(table, field, value)
        if field == "deleted":
            return _deletion_words().get(value, str(value))
        if (table, field) == ("responses", "value"):
            try:
                value = json.loads(value) if isinstance(value, str) else value
            except ValueError:
                return str(value)
            return answer_text(self.context.item, value, self.ctx.lang)
        return _code_word(table, field, value)

    def choice_words(self, row: int) -> list[str] | None:
        conflict = self.selected()
        item = self.fields.item(row, 0)
        if conflict is None or item is None:
            return None
        field = item.data(Qt.ItemDataRole.UserRole)
        choices = self.context.choices.get(field)
        if choices is None:
            return None
        table = conflict["table_name"]
        encoded = [json.dumps(c) if (table, field) == ("responses", "value") else c
                   for c in choices]
        return [self.word(table, field, c) for c in encoded]

    def _stored(self, table: str, field: str, text: str):
        """What the edited cell holds, as the column stores it; a fixed-value field takes
        only one of its values (by word or by code)."""
        choices = self.context.choices.get(field)
        if choices is None or field == "deleted":
            return stored(table, field, text)
        answer = (table, field) == ("responses", "value")
        for choice in choices:
            code = json.dumps(choice) if answer else choice
            if text.strip() in (self.word(table, field, code), str(choice)):
                return code
        raise ValidationError(fill(self.tr("“%1” is not a valid value of %2; choose one from "
                                           "the list."), text, self._field_name(field)))

    def edited_values(self) -> dict:
        conflict = self.selected()
        names = [self.fields.item(r, 0).data(Qt.ItemDataRole.UserRole)
                 for r in range(self.fields.rowCount())]
        return {name: self._stored(conflict["table_name"], name, self.fields.item(r, 3).text())
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


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _code_word(table: str, field: str, value) -> str:
    """Codes of fixed-value columns in words (labels shared with the rest of the window)."""
    if (table, field) == ("actions", "status"):
        return labels.action_status(value)
    if (table, field) == ("actions", "severity"):
        return labels.severity(value)
    if (table, field) == ("inspections", "status"):
        return labels.inspection_status(value)
    if (table, field) == ("inspections", "mode"):
        return labels.mode(value)
    if (table, field) == ("schools", "level"):
        return labels.level(value)
    if value in (0, 1):
        return (translate("ConflictsPage", "Yes") if value else
                translate("ConflictsPage", "No"))
    return str(value)
