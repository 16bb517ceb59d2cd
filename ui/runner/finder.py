"""Finding items in a long checklist: a search field (Ctrl+F) and a filter (all, unanswered,
failed, differing from the self-assessment) above the section list.

The search field is its own text box: what is typed there only narrows the list and never
reaches the current answer (a reading typed into "search" once became 125 °C). Enter opens
the first match, Esc clears the search and gives the keys back to the item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.domain.answers import NA
from app.domain.scoring import Result

FILTERS = ("all", "unanswered", "failed", "differing")


def matching_keys(items, lang: str, query: str, mode: str, *, answers: dict,
                  result: Result, differing: set) -> list[str]:
    """Keys of the items that match the typed words (in either language, or the item's key
    or number) and the chosen filter, in checklist order."""
    words = query.casefold().split()
    keys = []
    for number, item in enumerate(items, start=1):
        haystack = " ".join([str(number), item.key, *item.text.values()]).casefold()
        if words and not all(word in haystack for word in words):
            continue
        if not _passes(mode, item.key, answers, result, differing):
            continue
        keys.append(item.key)
    return keys


def _passes(mode: str, key: str, answers: dict, result: Result, differing: set) -> bool:
    if mode == "unanswered":
        return answers.get(key) is None
    if mode == "failed":
        return answers.get(key) not in (None, NA) and (
            key in result.failed or key in result.out_of_limits)
    if mode == "differing":
        return key in differing
    return True


class ItemFinder(QWidget):
    """Emits `changed` when the search or the filter changes, `open_first` on Enter and
    `done` on Esc."""

    changed = Signal()
    open_first = Signal()
    done = Signal()

    def __init__(self, can_differ: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("itemSearch")
        self.search.setPlaceholderText(self.tr("Find an item (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self.changed.emit())
        self.search.installEventFilter(self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("itemFilter")
        names = {"all": self.tr("All items"), "unanswered": self.tr("Unanswered"),
                 "failed": self.tr("Failed"), "differing": self.tr("Differ from self-assessment")}
        for key in FILTERS:
            if key != "differing" or can_differ:
                self.filter.addItem(names[key], key)
        self.filter.currentIndexChanged.connect(lambda _: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(6)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.filter)

    @property
    def query(self) -> str:
        return self.search.text()

    @property
    def mode(self) -> str:
        return self.filter.currentData()

    @property
    def active(self) -> bool:
        return bool(self.query.strip()) or self.mode != "all"

    def start(self) -> None:
        """Ctrl+F: put the cursor in the search field with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        # Enter and Esc belong to the search while it has the cursor: without this the
        # runner's Enter (next item) would fire instead of opening the match.
        if watched is self.search and event.type() in (QEvent.Type.ShortcutOverride,
                                                        QEvent.Type.KeyPress):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                elif key == Qt.Key.Key_Escape:
                    self.search.clear()
                    self.done.emit()
                else:
                    self.open_first.emit()
                return True
        return super().eventFilter(watched, event)


class FinderFlow:
    """Mixed into InspectionRunner: the finder narrows its section list."""

    def _focus_editor_or_row(self) -> None:
        if self.ethics_view is not None:
            self._focus_ethics_row()
        elif self.item_view is not None:
            self._focus_editor()

    def apply_finder(self) -> None:
        """Narrow the section list to the items matching the search and the filter."""
        if not self.finder.active:
            self.section_list.show_only(None)
            return
        self.section_list.show_only(set(matching_keys(
            self.items, self.lang, self.finder.query, self.finder.mode, answers=self.answers,
            result=self.result, differing=self.differing)))

    def open_first_match(self) -> None:
        keys = self.section_list.visible_keys()
        if keys:
            self.show_item(keys[0])
            self._focus_editor_or_row()
