"""A read-only table view set up the same way everywhere: whole-row selection, sorting off
(models sort in SQL), stretched last column, Enter/double-click emits `activated_row`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QProxyStyle, QStyle,
                               QStyleOptionHeader, QTableView)


class SortArrowStyle(QProxyStyle):
    """Qt draws a descending sort as an up arrow (▲), which users read as "ascending".
    Swap the arrow so that ▲ means ascending (oldest / A first) and ▼ descending."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow \
                and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            up, down = QStyleOptionHeader.SortIndicator.SortUp, \
                QStyleOptionHeader.SortIndicator.SortDown
            option.sortIndicator = down if option.sortIndicator == up else \
                up if option.sortIndicator == down else option.sortIndicator
        super().drawPrimitive(element, option, painter, widget)


class RowTable(QTableView):
    activated_row = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._arrow_style = SortArrowStyle()  # kept: the header does not own its style
        self.horizontalHeader().setStyle(self._arrow_style)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def selected_row(self) -> int:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].row() if rows else -1

    def set_widths(self, widths: list[int], stretch: tuple[int, ...] = ()) -> None:
        """Column widths (call after setModel), none narrower than its title needs: the
        header's own size hint (text, margins, room for a sort arrow when the table sorts),
        so no title is clipped in either language or font. `stretch`: the columns of long
        names (elided, whole on hover) that share the width left over instead of the last
        column, which the widths before it would squeeze (Schools: "未完成整改" / "Open
        actions") or push past the window's edge (Inspections) at 1280×800."""
        header = self.horizontalHeader()
        for column in range(header.count()):
            wanted = widths[column] if column < len(widths) else header.sectionSize(column)
            self.setColumnWidth(column, max(wanted, header.sectionSizeHint(column)))
        if stretch:
            header.setStretchLastSection(False)
            for column in stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
