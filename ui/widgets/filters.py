"""Filter combo boxes ("All schools", "All districts" …) refilled without losing the choice."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtWidgets import QComboBox


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
