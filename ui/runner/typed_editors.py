"""Editors you type into: a number reading with its limit and an out-of-range warning,
free text, a date, and the description of a photo item. Each saves on leaving the field and
after a short pause while typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.domain.answers import NA, describe_limits, out_of_limits
from app.domain.templates import Item
from ui.runner.editor_base import Editor, idle_timer
from ui.runner.text import fill

NO_DATE = QDate(2000, 1, 1)


class NumberEditor(Editor):
    """A reading with its limit shown and an inline warning when it is out of range."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.field = QLineEdit(self)
        self.field.setMinimumHeight(44)
        self.field.setMaximumWidth(200)
        self.field.setPlaceholderText(self.tr("Reading"))
        self.field.setObjectName("readingField")
        unit = item.unit[lang] if item.unit else ""
        self.unit = QLabel(unit, self)
        self.limit = QLabel(fill(self.tr("Limit: %1"), describe_limits(item, lang)), self)
        self.limit.setObjectName("limitLabel")
        self.na = QPushButton(self.tr("N/A"), self)
        self.na.setCheckable(True)
        self.na.setMinimumHeight(44)
        self.na.setObjectName("answerButton")
        self.na.setProperty("tone", "neutral")
        self.na.clicked.connect(self._toggle_na)
        self.warning = QLabel(self)
        self.warning.setObjectName("limitWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self._idle = idle_timer(self, self._idle_save)
        self.field.installEventFilter(self)  # N in the reading field means N/A, as elsewhere
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self.flush)
        row = QHBoxLayout()
        for widget in (self.field, self.unit, self.na, self.limit):
            row.addWidget(widget)
        row.addStretch(1)
        self.na.setVisible(item.na_allowed)  # a reading on a veto item is never 不适用
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self._stored: Any = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        # A reading never contains the letter N, so the runner's N key (not applicable)
        # keeps working while the cursor is in the field instead of being swallowed by it.
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_N and not (event.modifiers() & ~(
                    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier))):
            if not self.na.isChecked():
                self.answer_not_applicable()
            return True
        return super().eventFilter(watched, event)

    def set_value(self, value: Any) -> None:
        self._stored = value
        self.na.setChecked(value == NA)
        self.field.setText("" if value in (None, NA) else _number_text(value))
        self._show_warning()

    def _edited(self, _text: str) -> None:
        self.na.setChecked(False)
        self._show_warning()
        self._idle.start()

    def parsed(self) -> tuple[bool, Any]:
        """(valid, value) of the field: an empty field clears the answer."""
        text = self.field.text().strip().replace(",", ".")
        if not text:
            return True, None
        try:
            value = float(text)
        except ValueError:
            return False, None
        return True, int(value) if value.is_integer() else value

    def _show_warning(self) -> None:
        valid, value = self.parsed()
        if not valid:
            message = self.tr("Not a number: type a reading such as 4.5")
        elif value is not None and out_of_limits(self.item, value):
            reading = f"{_number_text(value)} {self.unit.text()}".strip()
            message = fill(self.tr("Out of range: %1 is outside the limit %2"), reading,
                           describe_limits(self.item, self.lang))
        else:
            message = ""
        self.warning.setText(("⚠ " + message) if message else "")
        self.warning.setVisible(bool(message))

    def _idle_save(self) -> None:
        valid, value = self.parsed()
        if valid:
            self._commit(value)

    def flush(self) -> None:
        self._idle.stop()
        if self.na.isChecked():
            return
        self._idle_save()

    def _toggle_na(self, checked: bool) -> None:
        if checked:
            self.field.clear()
            self._show_warning()
        self._commit(NA if checked else None)

    def _commit(self, value: Any) -> None:
        if value != self._stored:
            self._stored = value
            self.committed.emit(value)

    def out_of_range(self) -> bool:
        return self.warning.isVisible()


def _number_text(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


class TextEditor(Editor):
    """Free text: saved when focus leaves and after a short pause while typing."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.field = _FocusOutText(self)
        self.field.setPlaceholderText(self.tr("Type here; it is saved as you type"))
        self.field.setMinimumHeight(110)
        self.field.setTabChangesFocus(True)
        self._idle = idle_timer(self, self.flush)
        self.field.textChanged.connect(self._idle.start)
        self.field.focus_lost.connect(self.flush)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        self._stored: Any = None

    def set_value(self, value: Any) -> None:
        self._stored = value
        self.field.blockSignals(True)
        self.field.setPlainText(value or "")
        self.field.blockSignals(False)

    def flush(self) -> None:
        self._idle.stop()
        value = self.field.toPlainText() or None
        if value != self._stored:
            self._stored = value
            self.committed.emit(value)

    def set_read_only(self, read_only: bool) -> None:
        self.field.setReadOnly(read_only)
        if read_only:
            self.field.setPlaceholderText("—")


class _FocusOutText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.focus_lost.emit()


class DateEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.field = QDateEdit(self)
        self.field.setCalendarPopup(True)
        self.field.setDisplayFormat("yyyy-MM-dd")
        self.field.setMinimumDate(NO_DATE)
        self.field.setSpecialValueText("—")
        self.field.setMinimumHeight(44)
        self.field.setKeyboardTracking(False)
        self.field.dateChanged.connect(lambda _: self.flush())
        self.today = QPushButton(self.tr("Today"), self)
        self.today.setMinimumHeight(44)
        self.today.clicked.connect(lambda: self.field.setDate(QDate.currentDate()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.today)
        layout.addStretch(1)
        self._stored: Any = None

    def set_value(self, value: Any) -> None:
        self._stored = value
        self.field.blockSignals(True)
        self.field.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)
        self.field.blockSignals(False)

    def flush(self) -> None:
        date = self.field.date()
        value = None if date == NO_DATE else date.toString("yyyy-MM-dd")
        if value != self._stored:
            self._stored = value
            self.committed.emit(value)


class PhotoEditor(TextEditor):
    """A photo item: the answer is what the photo shows; the photo itself is evidence."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.field.setPlaceholderText(self.tr("What the photo shows (filled in with the file "
                                              "name when you add a photo)"))
        # A caption, not an essay: keep "Add photo" near the question.
        self.field.setMinimumHeight(60)
        self.field.setMaximumHeight(80)
