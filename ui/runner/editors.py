"""One fitting editor per item type (yes/no, score, rating, number, text, date, choice, photo).

Every editor emits `committed(value)` the moment an answer is final enough to store: a button
press, a finished edit, or a short pause while typing (so nothing typed is lost if the app is
killed). `None` clears the answer. The runner turns each commit into one `answer_item` call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QButtonGroup, QGridLayout, QHBoxLayout,
                               QPushButton, QSpinBox, QWidget)

from app.domain.answers import NA
from app.domain.templates import Item
from ui.runner.editor_base import Editor, idle_timer
from ui.runner.typed_editors import DateEditor, NumberEditor, PhotoEditor, TextEditor

__all__ = ["Editor", "idle_timer", "make_editor"]


class OptionButtons(Editor):
    """A row of big exclusive toggle buttons, one per allowed answer."""

    def __init__(self, item: Item, lang: str, options: list[tuple[str, str, str]],
                 parent: QWidget | None = None, columns: int = 6):
        super().__init__(item, lang, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.max_columns = self._columns = columns
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

    # -- wrapping: on a narrow window the buttons go onto more rows instead of running off
    # the right edge (which hid "N/A" and pushed a horizontal scroll bar onto the item).
    def _widest(self) -> int:
        return max(max(b.sizeHint().width(), b.minimumWidth()) for b in self.buttons.values())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._widest(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        spacing = max(self.grid.horizontalSpacing(), 0)
        columns = max(1, min(self.max_columns, (width + spacing) // (self._widest() + spacing)))
        if columns == self._columns:
            return
        self._columns = columns
        for index, button in enumerate(self.buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // columns, index % columns)

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
            ("no", QCoreApplication.translate("YesNoEditor", "No") + "   2", "bad")]
            + _na(item, QCoreApplication.translate("YesNoEditor", "N/A") + "   3"), parent)


class ScoreButtons(OptionButtons):
    """Scores 0..max (max ≤ 10) as buttons; the digit key is the score itself."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        options = [(str(n), str(n), _score_tone(n, item.max_score))
                   for n in range(item.max_score + 1)]
        super().__init__(item, lang, options + _na(
            item, QCoreApplication.translate("ScoreButtons", "N/A")), parent, columns=12)
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
                             + _na(item, QCoreApplication.translate("OptionButtons", "N/A")),
                             parent, columns=5)
    if item.type == "number":
        return NumberEditor(item, lang, parent)
    if item.type == "date":
        return DateEditor(item, lang, parent)
    if item.type == "photo":
        return PhotoEditor(item, lang, parent)
    return TextEditor(item, lang, parent)


def _na(item: Item, label: str) -> list[tuple[str, str, str]]:
    """The N/A button, unless the item must be judged (a veto item is never 不适用)."""
    return [(NA, label, "neutral")] if item.na_allowed else []


def _option_tones(item: Item) -> list[str]:
    if item.type == "rating":
        count = len(item.scale)
        return [_score_tone(n, max(count - 1, 1)) for n in range(count)]
    return [("good" if c["score"] >= 0.8 else "bad" if c["score"] < 0.6 else "warn")
            if "score" in c else "neutral" for c in item.choices]
