"""The Inspections table model: ids arrive a page at a time through Qt's
`canFetchMore`/`fetchMore` (the view asks for more as the user scrolls), and display rows are
loaded in small blocks only for rows that are painted. A row whose record cannot be loaded
(deleted by a sync meanwhile, broken data) shows as a disabled row instead of breaking the view.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.state.inspections import InspectionQuery
from ui.widgets import labels

PAGE = 200   # ids fetched per fetchMore
BLOCK = 50   # display rows loaded per query
COLUMNS = ("visit_date", "school", "template", "mode", "status", "score", "grade",
           "inspectors")
SORTABLE = {"visit_date", "school", "template", "mode", "status", "score", "grade",
            "inspectors"}
Index = QModelIndex | QPersistentModelIndex
# Looked up once: the view asks data() tens of thousands of times while scrolling, and
# each attribute access on a PySide6 enum builds an enum value.
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
ALIGNMENT, FOREGROUND = Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole
HANDLED_ROLES = frozenset({DISPLAY, TOOLTIP, ALIGNMENT, FOREGROUND})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
DISABLED = Qt.ItemFlag.NoItemFlags
SIGNED_COLOUR = "#1b5e20"


class InspectionsModel(QAbstractTableModel):
    def __init__(self, query: InspectionQuery, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.query = query
        self.lang = lang
        self._ids: list[str] = []
        self._cache: dict[str, dict | None] = {}
        self._exhausted = False
        self._last: tuple | None = None  # (id, sort value) of the last fetched row
        self.total = 0

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (new filter, order or data): nothing is loaded until the view asks.
        The count reads one small index (app/storage m007), so recounting is cheap."""
        self.beginResetModel()
        self._ids, self._cache, self._exhausted, self._last = [], {}, False, None
        self.total = self.query.count()
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and len(self._ids) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        new = self.query.ids(PAGE, self._last)
        if not new:
            self._exhausted = True
            return
        self._last = new[-1]
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(new) - 1)
        self._ids.extend(record_id for record_id, _key in new)
        self.endInsertRows()
        if len(new) < PAGE:
            self._exhausted = True

    def _row(self, row: int) -> dict | None:
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = row - row % BLOCK
            block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
            loaded = self.query.rows(block)
            for i in block:
                self._cache[i] = loaded.get(i)
        return self._cache[record_id]

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def refresh_ids(self, ids) -> None:
        """Forget cached rows for changed records and repaint them."""
        for n, record_id in enumerate(self._ids):
            if record_id in ids:
                self._cache.pop(record_id, None)
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=DISPLAY):
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal \
                or not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("Date"), self.tr("School"), self.tr("Template"), self.tr("Mode"),
                self.tr("Status"), self.tr("Score"), self.tr("Grade"),
                self.tr("Inspectors"))[section]

    def data(self, index: Index, role=DISPLAY):
        if role not in HANDLED_ROLES or not index.isValid() \
                or not 0 <= index.row() < len(self._ids):
            return None
        row = self._row(index.row())
        if row is None:
            if role == DISPLAY:
                return self.tr("(could not be loaded)") if index.column() == 1 else ""
            if role == TOOLTIP:
                return self.tr("This inspection could not be loaded; it may have been "
                               "removed by a sync. Refresh the list.")
            return None
        column = COLUMNS[index.column()]
        if role == DISPLAY:
            return self._display(row, column)
        if role == TOOLTIP:
            return self._tooltip(row, column)
        if role == ALIGNMENT and column == "score":
            return RIGHT
        if role == FOREGROUND and row["status"] == "signed":
            return QBrush(QColor(SIGNED_COLOUR))
        return None

    def _tooltip(self, row: dict, column: str) -> str | None:
        """The whole text of a cell too narrow for it, and what the cell cannot say."""
        text = self._display(row, column)
        if column == "school":
            text = "\n".join(filter(None, [text, labels.district(row["district"], self.lang)]))
        elif column == "grade" and row["capped"]:
            text += "\n" + self.tr("A veto item failed or a grade-limiting item is not met.")
        return text or None

    def _display(self, row: dict, column: str) -> str:
        if column == "visit_date":
            return row["visit_date"] or ""
        if column == "school":
            # The English UI shows a school's English name when it has one.
            name = labels.school_name({"name": row["school_name"],
                                       "name_en": row.get("school_name_en")}, self.lang)
            return name + (f" · {row['teacher_name']}" if row["teacher_name"] else "")
        if column == "template":
            return labels.bilingual({"zh": row["title_zh"], "en": row["title_en"]}, self.lang)
        if column == "mode":
            # A follow-up visit (回头看) is marked as such in the list.
            return labels.mode(row["mode"]) + (" · " + self.tr("follow-up")
                                               if row.get("follow_up_of") else "")
        if column == "status":
            return labels.inspection_status(row["status"])
        if column == "score":
            return "" if row["total"] is None else f"{row['total']:.1f}"
        if column == "grade":
            grade = labels.bilingual(row["grade"], self.lang)
            return grade + (" ⚠" if grade and row["capped"] else "")
        return labels.join(row.get("inspector_list") or [])

    def flags(self, index: Index):
        if not index.isValid():
            return DISABLED
        if 0 <= index.row() < len(self._ids) and self._row(index.row()) is None:
            return DISABLED
        return ENABLED

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is an SQL ORDER BY: reload from the first page in the new order (score
        and grade are stored, so they sort too)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        self.query.filter = self.query.filter.with_(
            order=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()
