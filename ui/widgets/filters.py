"""Filter combo boxes ("All schools", "All districts" …): they shrink to their share of a
filter bar (a long school name must not push a page wider than a 1280-pixel laptop screen)
while the open list still shows whole names, and they are refilled without losing the
choice. A filter's entries are a plain list behind the box (`Choices`): 500 schools are
put in with one call, not one item (and one change signal) each."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QWidget

DISPLAY, EDIT, USER = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                       Qt.ItemDataRole.UserRole)


class Choices(QAbstractListModel):
    """(text, data) entries of a filter box, replaced all at once; rows can also be added,
    set and removed one by one, as QComboBox's own item calls do."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[list] = []

    def replace(self, entries: list[tuple[str, object]]) -> None:
        self.beginResetModel()
        self.entries = [[text, data] for text, data in entries]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=DISPLAY):
        row = index.row()
        if not 0 <= row < len(self.entries):
            return None
        if role in (DISPLAY, EDIT):
            return self.entries[row][0]
        return self.entries[row][1] if role == USER else None

    def setData(self, index, value, role=EDIT) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or role not in (DISPLAY, EDIT, USER):
            return False
        self.entries[index.row()][role == USER] = value
        self.dataChanged.emit(index, index)
        return True

    def insertRows(self, row: int, count: int, parent=QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid() or not 0 <= row <= len(self.entries):
            return False
        self.beginInsertRows(parent, row, row + count - 1)
        self.entries[row:row] = [["", None] for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid() or count <= 0 or row < 0 or row + count > len(self.entries):
            return False
        self.beginRemoveRows(parent, row, row + count - 1)
        del self.entries[row:row + count]
        self.endRemoveRows()
        return True


class FilterCombo(QComboBox):
    """Fits its open list to its entries when the list opens: measuring every entry (500
    schools in a district) when the box is filled cost the page's first paint."""

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        fit_popup(self)
        super().showPopup()


def filter_combo(parent: QWidget, min_chars: int = 12) -> QComboBox:
    combo = FilterCombo(parent)
    combo.setModel(Choices(combo))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    return combo


def fit_popup(combo: QComboBox) -> None:
    """The open list as wide as its longest entry, however narrow the closed box is (a
    `filter_combo` does this itself each time its list opens)."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())


def refill_filter(combo: QComboBox, all_label: str, entries: Iterable[tuple[str, object]]):
    """Replace the entries (text, data) after an "all" entry, keeping the current choice and
    emitting no change signals: refilling is not the user choosing."""
    current = combo.currentData()
    combo.blockSignals(True)
    entries = [(all_label, None), *entries]
    if isinstance(combo.model(), Choices):
        combo.model().replace(entries)
    else:
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)
    if not isinstance(combo, FilterCombo):
        fit_popup(combo)
