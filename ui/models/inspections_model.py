"""The Inspections table model: a `PagedModel` (ids a page at a time as the user scrolls,
display rows loaded in blocks only for rows that are painted, each row's cell texts made
once when it loads) over `InspectionQuery`. A row whose record cannot be loaded (deleted by
a sync meanwhile, broken data) shows as a disabled row instead of breaking the view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ui.models.paged_model import DISPLAY, TOOLTIP, Entry, PagedModel
from ui.state.inspections import InspectionQuery
from ui.state.paging import PAGE  # noqa: F401 - the page size, for the page's tests
from ui.widgets import labels

COLUMNS = ("visit_date", "school", "template", "mode", "status", "score", "grade",
           "inspectors")
SORTABLE = {"visit_date", "school", "template", "mode", "status", "score", "grade",
            "inspectors"}
ALIGNMENT, FOREGROUND = Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SCORE = COLUMNS.index("score")
SIGNED_COLOUR = "#1b5e20"


class InspectionsModel(PagedModel):
    ROLES = frozenset({DISPLAY, TOOLTIP, ALIGNMENT, FOREGROUND})

    def __init__(self, query: InspectionQuery, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.query = query
        self.lang = lang
        self._total = 0
        self._signed: QBrush | None = None

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (new filter, order or data): nothing is loaded until the view asks.
        The count reads one small index (app/storage m007), and is not read again while
        neither the filter nor the database changed (a new sort order)."""
        self.beginResetModel()
        self._restart()
        self._total = self.query.count()
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def _fetch_ids(self, limit, after):
        return self.query.ids(limit, after)

    def _load_rows(self, ids):
        return self.query.rows(ids)

    def _cells(self, row: dict) -> tuple[str, ...]:
        return tuple(self._display(row, column) for column in COLUMNS)

    # -- Qt model API ---------------------------------------------------------------------
    def titles(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("School"), self.tr("Template"), self.tr("Mode"),
                self.tr("Status"), self.tr("Score"), self.tr("Grade"),
                self.tr("Inspectors"))

    def unloaded_text(self) -> str:
        return self.tr("(could not be loaded)")

    def unloaded_tooltip(self) -> str:
        return self.tr("This inspection could not be loaded; it may have been removed by a "
                       "sync. Refresh the list.")

    def _role(self, entry: Entry, column: int, role):
        if role == TOOLTIP:
            return self._tooltip(entry.row, COLUMNS[column])
        if role == ALIGNMENT:
            return RIGHT if column == SCORE else None
        if role == FOREGROUND and entry.row["status"] == "signed":
            if self._signed is None:
                self._signed = QBrush(QColor(SIGNED_COLOUR))
            return self._signed
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

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is an SQL ORDER BY: reload from the first page in the new order (score
        and grade are stored, so they sort too)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        self.query.filter = self.query.filter.with_(
            order=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()
