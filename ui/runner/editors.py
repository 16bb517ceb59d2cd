"""One fitting editor per item type (yes/no, score, rating, number, text, date, choice, photo).

Every editor emits `committed(value)` the moment an answer is final enough to store: a button
press, a finished edit, or a short pause while typing (so nothing typed is lost if the app is
killed). `None` clears the answer. The runner turns each commit into one `answer_item` call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QButtonGroup, QDateEdit, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from app.domain.answers import NA, describe_limits, out_of_limits
from app.domain.templates import Item
from ui.runner.text import fill

# Typing pauses longer than this are saved even before the field loses focus.
IDLE_SAVE_MS = 600
NO_DATE = QDate(2000, 1, 1)


class Editor(QWidget):
    """Base: shows a stored value, emits `committed` with the value to store."""

    committed = Signal(object)

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item, self.lang = item, lang

    def set_value(self, value: Any) -> None:
        """Show a stored value without emitting."""

    def answer_by_digit(self, digit: int) -> bool:
        """Keyboard answer (1/2/3 for yes/no/N-A, the score itself...); False if unused."""
        return False

    def answer_not_applicable(self) -> bool:
        """Keyboard N/A (the N key); False where N/A is not allowed."""
        button = getattr(self, "buttons", {}).get(NA) or getattr(self, "na", None)
        if button is None or not self.isEnabled():
            return False
        button.click()
        return True

    def flush(self) -> None:
        """Commit anything typed but not yet saved."""

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class OptionButtons(Editor):
    """A row of big exclusive toggle buttons, one per allowed answer."""

    def __init__(self, item: Item, lang: str, options: list[tuple[str, str, str]],
                 parent: QWidget | None = None, columns: int = 6):
        super().__init__(item, lang, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for index, (key, label, tone) in enumerate(options):
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setMinimumHeight(52)
            button.setMinimumWidth(96)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setProperty("tone", tone)
            button.setObjectName("answerButton")
            button.clicked.connect(lambda _=False, k=key: self.committed.emit(k))
            self.group.addButton(button)
            self.buttons[key] = button
            grid.addWidget(button, index // columns, index % columns)
        self.keys = [key for key, _, _ in options]

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)

    def choose(self, key: str) -> None:
        self.buttons[key].click()

    def answer_by_digit(self, digit: int) -> bool:
        if 1 <= digit <= len(self.keys):
            self.choose(self.keys[digit - 1])
            return True
        return False


class YesNoEditor(OptionButtons):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, [
            ("yes", QCoreApplication.translate("YesNoEditor", "Yes") + "   1", "good"),
            ("no", QCoreApplication.translate("YesNoEditor", "No") + "   2", "bad"),
            (NA, QCoreApplication.translate("YesNoEditor", "N/A") + "   3", "neutral")],
            parent)


class ScoreButtons(OptionButtons):
    """Scores 0..max (max ≤ 10) as buttons; the digit key is the score itself."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        options = [(str(n), str(n), _score_tone(n, item.max_score))
                   for n in range(item.max_score + 1)]
        super().__init__(item, lang, options + [
            (NA, QCoreApplication.translate("ScoreButtons", "N/A"), "neutral")], parent,
                         columns=12)
        for key, button in self.buttons.items():
            button.setMinimumWidth(56)
            if key != NA:
                button.clicked.disconnect()
                button.clicked.connect(lambda _=False, n=int(key): self.committed.emit(n))

    def set_value(self, value: Any) -> None:
        super().set_value(str(value) if value is not None else None)

    def answer_by_digit(self, digit: int) -> bool:
        if 0 <= digit <= self.item.max_score:
            self.choose(str(digit))
            return True
        return False


def _score_tone(n: int, top: int) -> str:
    return "good" if n / top >= 0.8 else "bad" if n / top < 0.6 else "warn"


class ScoreSpin(Editor):
    """Scores with a large range (e.g. 0..100 for ethics rater groups)."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.spin = QSpinBox(self)
        self.spin.setRange(-1, item.max_score)
        self.spin.setSpecialValueText("—")
        self.spin.setKeyboardTracking(False)
        self.spin.setMinimumHeight(44)
        self.spin.setMinimumWidth(120)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
        self.spin.setSuffix(f" / {item.max_score}")
        self.spin.valueChanged.connect(self._commit)
        self._idle = idle_timer(self, self.flush)
        self.spin.lineEdit().textEdited.connect(lambda _: self._idle.start())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addStretch(1)
        self._stored: Any = None

    def set_value(self, value: Any) -> None:
        self._stored = value
        self.spin.blockSignals(True)
        self.spin.setValue(value if isinstance(value, int) else -1)
        self.spin.blockSignals(False)

    def _commit(self, value: int) -> None:
        new = None if value < 0 else value
        if new != self._stored:
            self._stored = new
            self.committed.emit(new)

    def flush(self) -> None:
        self._idle.stop()
        self.spin.interpretText()
        self._commit(self.spin.value())

    def set_number(self, value: int) -> None:
        self.spin.setValue(value)


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
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self.flush)
        row = QHBoxLayout()
        for widget in (self.field, self.unit, self.na, self.limit):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self._stored: Any = None

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
        self.field.setMinimumHeight(60)


def idle_timer(parent: QWidget, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(IDLE_SAVE_MS)
    timer.timeout.connect(slot)
    return timer


def make_editor(item: Item, lang: str, parent: QWidget | None = None) -> Editor:
    """The editor that fits `item`."""
    if item.type == "yes_no":
        return YesNoEditor(item, lang, parent)
    if item.type == "score":
        return (ScoreButtons if item.max_score <= 10 else ScoreSpin)(item, lang, parent)
    if item.type in ("rating", "choice"):
        options = item.scale if item.type == "rating" else item.choices
        tones = _option_tones(item)
        return OptionButtons(item, lang, [(o["key"], f"{o['label'][lang]}   {n + 1}", tone)
                                          for n, (o, tone) in enumerate(zip(options, tones))]
                             + [(NA, QCoreApplication.translate("OptionButtons", "N/A"),
                                 "neutral")], parent, columns=5)
    if item.type == "number":
        return NumberEditor(item, lang, parent)
    if item.type == "date":
        return DateEditor(item, lang, parent)
    if item.type == "photo":
        return PhotoEditor(item, lang, parent)
    return TextEditor(item, lang, parent)


def _option_tones(item: Item) -> list[str]:
    if item.type == "rating":
        count = len(item.scale)
        return [_score_tone(n, max(count - 1, 1)) for n in range(count)]
    return [("good" if c["score"] >= 0.8 else "bad" if c["score"] < 0.6 else "warn")
            if "score" in c else "neutral" for c in item.choices]
