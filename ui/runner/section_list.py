"""The runner's left side: sections with per-section progress, and their items marked by
state (passed, failed, N/A, out of limits, missing before completion, differs from the
self-assessment). Choosing an item opens it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QHeaderView, QProgressBar, QStyledItemDelegate, QTreeWidget,
                               QTreeWidgetItem)

from app.domain.answers import NA
from app.domain.scoring import Result
from app.domain.templates import Template

KEY_ROLE = Qt.ItemDataRole.UserRole
COLOURS = {"passed": "#2e9d57", "failed": "#d64545", "na": "#8a94a6", "open": "#c9ced8",
           "limit": "#e08a00", "answered": "#3b6fd4"}
MISSING_BG = QColor("#fde2e2")
DIFFERS_BG = QColor("#fff1d6")


def _needs(result: Result) -> dict[str, list[str]]:
    """What each open item still needs before the inspection can be completed."""
    needs: dict[str, list[str]] = {}
    for need, keys in (("answer", result.missing_required), ("photo", result.missing_photos),
                       ("facts", [key for key, _ in result.missing_facts])):
        for key in dict.fromkeys(keys):
            needs.setdefault(key, []).append(need)
    return needs


def dot(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def item_state(key: str, result: Result, answers: dict) -> str:
    value = answers.get(key)
    if value is None:
        return "open"
    if value == NA:
        return "na"
    if key in result.out_of_limits:
        return "limit"
    if key in result.failed:
        return "failed"
    return "passed" if result.fractions.get(key) is not None else "answered"


class WrappingDelegate(QStyledItemDelegate):
    """Item titles wrap onto as many lines as the list's width needs: Qt's tree asks the
    delegate for a row height without the (spanned) width, so it is measured here."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt override)
        hint = super().sizeHint(option, index)
        view = self.parent()
        if not index.parent().isValid() or index.column() != 0:
            return hint          # section rows keep one line beside their progress bar
        width = view.viewport().width() - 2 * view.indentation() - view.iconSize().width() - 16
        text = index.data() or ""
        box = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 60), 10_000),
                                              int(Qt.TextFlag.TextWordWrap), text)
        hint.setHeight(max(hint.height(), box.height() + 8))
        return hint


class SectionList(QTreeWidget):
    item_chosen = Signal(str)

    def __init__(self, template: Template, lang: str, parent=None):
        super().__init__(parent)
        self.template = template
        self.setObjectName("sectionList")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setIndentation(14)
        self.setIconSize(QSize(12, 12))
        self.setUniformRowHeights(False)
        # Long item titles wrap onto a second line instead of being cut after a few
        # characters (at 1280×800 the list is narrow); the tooltip holds the whole text.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(0, WrappingDelegate(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.header().resizeSection(1, 74)
        # Qt keeps a row's height from when it was first laid out: when the list gets its real
        # width (or the splitter moves), lay the rows out again so wrapped titles get room.
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.rows: dict[str, QTreeWidgetItem] = {}
        self.texts: dict[str, str] = {}
        self.bars: dict[str, QProgressBar] = {}
        self._build(lang)
        self.itemClicked.connect(self._clicked)

    def _build(self, lang: str) -> None:
        number = 0
        for index, section in enumerate(self.template.sections, start=1):
            head = QTreeWidgetItem(self, [f"{index}. {section.title[lang]}", ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setData(0, KEY_ROLE, section.items[0].key if section.items else "")
            head.setToolTip(0, section.title[lang])
            bar = QProgressBar()
            bar.setRange(0, len(section.items))
            bar.setFormat("%v/%m")
            bar.setFixedHeight(16)
            bar.setObjectName("sectionProgress")
            self.setItemWidget(head, 1, bar)
            self.bars[section.key] = bar
            for item in section.items:
                number += 1
                row = QTreeWidgetItem(head, [f"{number}. {item.text[lang]}", ""])
                row.setData(0, KEY_ROLE, item.key)
                row.setToolTip(0, item.text[lang])
                row.setFirstColumnSpanned(True)  # the progress column is for sections
                self.rows[item.key] = row
                self.texts[item.key] = item.text[lang]
            head.setExpanded(True)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def _clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        key = row.data(0, KEY_ROLE)
        if key:
            self.item_chosen.emit(key)

    def update_state(self, result: Result, answers: dict, *, missing: set = frozenset(),
                     differing: set = frozenset()) -> None:
        """Colour every item and fill each section's progress bar."""
        for section_score in result.sections:
            bar = self.bars[section_score.key]
            bar.setValue(section_score.answered)
            bar.setProperty("complete", section_score.answered == section_score.total)
            bar.style().unpolish(bar)
            bar.style().polish(bar)
        meanings = self._meanings()
        needs = _needs(result)
        for key, row in self.rows.items():
            state = item_state(key, result, answers)
            row.setIcon(0, dot(COLOURS[state]))
            background = MISSING_BG if key in missing else \
                DIFFERS_BG if key in differing else None
            # The coloured dots and backgrounds explained on hover (there is no legend); a red
            # item says what it still needs, as the banner counts it.
            notes = [meanings[state]] + \
                [meanings[need] for need in needs.get(key, ()) if key in missing] + \
                ([meanings["differs"]] if key in differing else [])
            row.setToolTip(0, f"{self.texts[key]}\n— " + "; ".join(notes))
            for column in (0, 1):
                row.setBackground(column, QBrush(background) if background else QBrush())

    def _meanings(self) -> dict[str, str]:
        return {"passed": self.tr("meets the standard"),
                "failed": self.tr("does not meet the standard"),
                "na": self.tr("not applicable"), "open": self.tr("not answered yet"),
                "limit": self.tr("reading out of range"), "answered": self.tr("answered"),
                "answer": self.tr("needs an answer before completing"),
                "photo": self.tr("needs a photo before completing"),
                "facts": self.tr("needs the facts of the failure (note, evidence or corrective "
                                 "action) before completing"),
                "differs": self.tr("differs from the school's self-assessment")}

    def show_only(self, keys: set[str] | None) -> None:
        """Hide every item not in `keys` (None shows all) and sections left empty."""
        for index in range(self.topLevelItemCount()):
            head = self.topLevelItem(index)
            shown = 0
            for child in range(head.childCount()):
                row = head.child(child)
                hidden = keys is not None and row.data(0, KEY_ROLE) not in keys
                row.setHidden(hidden)
                shown += not hidden
            head.setHidden(shown == 0)

    def visible_keys(self) -> list[str]:
        return [key for key, row in self.rows.items() if not row.isHidden()
                and not (row.parent() and row.parent().isHidden())]

    def select(self, key: str) -> None:
        row = self.rows.get(key)
        if row is not None:
            self.setCurrentItem(row)
            self.scrollToItem(row)
            head = row.parent()
            if head is not None and head.indexOfChild(row) == 0:
                # The first item of a section: show the section's title and progress too
                # (scrolled to last, so it wins even while the list is still tiny).
                self.scrollToItem(head)
