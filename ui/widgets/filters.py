"""Filter combo boxes ("All schools", "All districts" …): they shrink to their share of a
filter bar (a long school name must not push a page wider than a 1280-pixel laptop screen)
while the open list still shows whole names, and they are refilled without losing the
choice."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QComboBox, QWidget


def filter_combo(parent: QWidget, min_chars: int = 12) -> QComboBox:
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    return combo


def fit_popup(combo: QComboBox) -> None:
    """The open list as wide as its longest entry, however narrow the closed box is."""
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
    fit_popup(combo)
