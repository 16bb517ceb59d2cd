"""Filter combo boxes ("All schools", "All districts" …): they shrink to their share of a
filter bar (a long school name must not push a page wider than a 1280-pixel laptop screen)
while the open list still shows whole names, and they are refilled without losing the
choice."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QComboBox, QWidget


class FilterCombo(QComboBox):
    """Fits its open list to its entries when the list opens: measuring every entry (500
    schools in a district) when the box is filled cost the page's first paint."""

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        fit_popup(self)
        super().showPopup()


def filter_combo(parent: QWidget, min_chars: int = 12) -> QComboBox:
    combo = FilterCombo(parent)
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
    combo.clear()
    combo.addItem(all_label, None)
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
    if not isinstance(combo, FilterCombo):
        fit_popup(combo)
