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
        self._total: int | None = None
        self._signed: QBrush | None = None
        self._words: dict[tuple, str] = {}

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (new filter, order or data): nothing is loaded until the view asks,
        and nothing is counted until `total` is read (the first rows do not need it)."""
        self.beginResetModel()
        self._restart()
        self._total = None
        # Stored scores made stale by a change elsewhere (an import, another window) are
        # recomputed before any row is read.
        self.query.refresh_scores()
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many rows match. The count reads one small index (app/storage m007), and
        is not read again while neither the filter nor the database changed (a new sort
        order counts the same rows)."""
        if self._total is None:
            self._total = self.query.count()
        return self._total

    def known_total(self) -> int | None:
        return self._total

    def _fetch_ids(self, limit, after):
        return self.query.ids(limit, after)

    def _load_rows(self, ids):
        return self.query.rows(ids)

    def _cells(self, row: dict) -> tuple[str, ...]:
        """The row's texts in column order, made once when its block loads."""
        lang = self.lang
        # The English UI shows a school's English name when it has one.
        school = labels.school_name(row, lang, key="school_name")
        if row["teacher_name"]:
            school += f" · {row['teacher_name']}"
        mode = self._word(labels.mode, row["mode"])
        if row.get("follow_up_of"):         # a follow-up visit (回头看) is marked as such
            mode += " · " + self.tr("follow-up")
        grade = labels.bilingual(row["grade"], lang)
        if grade and row["capped"]:
            grade += " ⚠"
        total = row["total"]
        return (row["visit_date"] or "",
                school,
                labels.bilingual({"zh": row["title_zh"], "en": row["title_en"]}, lang),
                mode,
                self._word(labels.inspection_status, row["status"]),
                "" if total is None else f"{total:.1f}",
                grade,
                labels.join(row.get("inspector_list") or []))

    def _word(self, name, code: str | None) -> str:
        """A code's display word, looked up once per model (a page repeats a few codes)."""
        key = (name, code)
        if key not in self._words:
            self._words[key] = name(code)
        return self._words[key]

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
            return self._tooltip(entry, column)
        if role == ALIGNMENT:
            return RIGHT if column == SCORE else None
        if role == FOREGROUND and entry.row["status"] == "signed":
            if self._signed is None:
                self._signed = QBrush(QColor(SIGNED_COLOUR))
            return self._signed
        return None

    def _tooltip(self, entry: Entry, column: int) -> str | None:
        """The whole text of a cell too narrow for it, and what the cell cannot say."""
        text, row = entry.cells[column], entry.row
        if COLUMNS[column] == "school":
            text = "\n".join(filter(None, [text, labels.district(row["district"], self.lang)]))
        elif COLUMNS[column] == "grade" and row["capped"]:
            text += "\n" + self.tr("A veto item failed or a grade-limiting item is not met.")
        return text or None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is an SQL ORDER BY: reload from the first page in the new order (score
        and grade are stored, so they sort too)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] not in SORTABLE:
            return
        self.query.filter = self.query.filter.with_(
            order=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()
