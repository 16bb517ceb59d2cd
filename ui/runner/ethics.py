"""Teacher-ethics evaluation (师德考核) in the runner: rater-group scores first (self, peers,
students, parents, school panel — the template's `raters` map each group to a weighted
`score` item), then the ten standards with their red lines, then the grade with its reason,
e.g. "不合格 — red line: 关心爱护学生"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget)

from app.domain import explain
from app.domain.scoring import Result
from app.domain.templates import Item, Template
from ui.runner.editors import Editor, make_editor
from ui.runner.item_view import tag
from ui.runner.score_panel import band_tone, format_score
from ui.runner.text import fill


def short_name(item: Item, lang: str) -> str:
    """The standard's short name (关心爱护学生)."""
    return item.short_label(lang)


def grade_reason(template: Template, result: Result, lang: str) -> str:
    """不合格 — 一票否决：关心爱护学生 / 优秀 — weighted score 93.5 (the domain's wording for
    vetoes and caps, the same as in reports)."""
    if result.grade is None:
        return QCoreApplication.translate(
            "Ethics", "Not graded yet: enter the rater groups' scores.")
    grade = result.grade.label[lang]
    if result.limited_by:
        return explain.grade_reason(template, result, lang)
    return fill(QCoreApplication.translate("Ethics", "%1 — weighted score %2"), grade,
                format_score(result.total))


def rater_weights(template: Template) -> dict[str, float]:
    """Each rater group's share of the total, from its score item's weight."""
    weights = {r["key"]: template.item(r["item"]).weight for r in template.raters}
    total = sum(weights.values()) or 1.0
    return {key: weight / total for key, weight in weights.items()}


class EthicsView(QFrame):
    """All of one teacher's evaluation on one page."""

    answered = Signal(str, object)

    def __init__(self, template: Template, lang: str, answers: dict, teacher: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.template, self.lang = template, lang
        self.setObjectName("itemView")
        self.editors: dict[str, Editor] = {}
        self.rows: dict[str, QWidget] = {}
        self.grade = QLabel(self)
        self.grade.setObjectName("ethicsGrade")
        self.grade.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        self.title = QLabel(fill(self.tr("Teacher-ethics evaluation: %1"), teacher), self)
        self.title.setObjectName("question")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.grade)
        layout.addWidget(self._heading(self.tr("1. Scores by rater group")))
        layout.addLayout(self._raters(answers))
        layout.addWidget(self._heading(self.tr("2. Standards and checks")))
        rater_items = {r["item"] for r in template.raters}
        for item in template.items:
            if item.key not in rater_items:
                layout.addWidget(self._standard(item, answers.get(item.key)))
        layout.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("fieldHeading")
        return label

    def _editor(self, item: Item, value) -> Editor:
        editor = make_editor(item, self.lang, self)
        editor.set_value(value)
        editor.committed.connect(lambda v, k=item.key: self.answered.emit(k, v))
        editor.setMaximumWidth(560)
        self.editors[item.key] = editor
        return editor

    def _raters(self, answers: dict) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        shares = rater_weights(self.template)
        for row, rater in enumerate(self.template.raters):
            item = self.template.item(rater["item"])
            name = QLabel(rater["label"][self.lang], self)
            name.setObjectName("raterName")
            share = QLabel(fill(self.tr("weight %1%"), round(shares[rater["key"]] * 100)), self)
            share.setObjectName("hint")
            grid.addWidget(name, row, 0)
            grid.addWidget(share, row, 1)
            grid.addWidget(self._editor(item, answers.get(item.key)), row, 2)
            self.rows[item.key] = name
        grid.setColumnStretch(3, 1)
        return grid

    def _standard(self, item: Item, value) -> QFrame:
        box = QFrame(self)
        box.setObjectName("standardRow")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 8)
        head = QGridLayout()
        name = QLabel(short_name(item, self.lang), box)
        name.setObjectName("raterName")
        name.setWordWrap(True)  # a standard without a colon names itself in a long sentence
        head.addWidget(name, 0, 0)
        if item.veto:
            head.addWidget(tag(self.tr("Veto"), "bad", box), 0, 1)
        elif item.cap is not None:
            head.addWidget(tag(self.tr("Grade-limiting item"), "warn", box), 0, 1)
        head.setColumnStretch(2, 1)
        layout.addLayout(head)
        text = QLabel(item.text[self.lang], box)
        text.setWordWrap(True)
        text.setObjectName("hint")
        layout.addWidget(text)
        layout.addWidget(self._editor(item, value))
        self.rows[item.key] = box
        return box

    def update_result(self, result: Result) -> None:
        self.grade.setText(grade_reason(self.template, result, self.lang))
        self.grade.setProperty("tone", band_tone(self.template, result.grade))
        self.grade.style().unpolish(self.grade)
        self.grade.style().polish(self.grade)

    def mark_missing(self, keys: set) -> None:
        """Outline the rows that still need an answer (after a refused completion)."""
        for item_key, row in self.rows.items():
            if bool(row.property("missing")) != (item_key in keys):
                row.setProperty("missing", item_key in keys)
                row.style().unpolish(row)
                row.style().polish(row)

    def focus_item(self, key: str) -> QWidget | None:
        for item_key, row in self.rows.items():
            row.setProperty("current", item_key == key)
            row.style().unpolish(row)
            row.style().polish(row)
        return self.rows.get(key)

    def flush(self) -> None:
        for editor in self.editors.values():
            editor.flush()

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)

    def answer_by_digit(self, key: str, digit: int) -> bool:
        editor = self.editors.get(key)
        return editor is not None and editor.isEnabled() and editor.answer_by_digit(digit)
