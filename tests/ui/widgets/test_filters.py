"""Filter combo boxes: narrow when closed, their open list wide enough for the longest
entry, and a refill keeps the choice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from ui.widgets.filters import filter_combo, refill_filter

LONG = "Qingshan No. 1 Experimental School of the Eastern Lake District, Primary Section"


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_the_open_list_shows_the_longest_entry_whole(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    combo = filter_combo(parent)
    refill_filter(combo, "All schools", [("一小", "s1"), (LONG, "s2")])
    combo.setCurrentIndex(combo.findData("s2"))
    refill_filter(combo, "All schools", [("一小", "s1"), (LONG, "s2"), ("二小", "s3")])
    assert combo.currentData() == "s2"                  # a refill keeps the choice
    parent.show()
    text = combo.view().fontMetrics().horizontalAdvance(LONG)
    assert combo.width() < text                         # the closed box stays narrow
    combo.showPopup()
    assert combo.view().width() >= text
    combo.hidePopup()
