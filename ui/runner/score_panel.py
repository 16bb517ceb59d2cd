"""Live score: total, grade (and the failed critical items that cap it), section scores and
completeness, recomputed by `app.services.reads.evaluate` after every answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout,
                               QWidget)

from app.domain.scoring import Result
from app.domain.templates import Band, Template
from ui.runner.text import fill


def band_tone(template: Template, band: Band | None) -> str:
    """good / warn / bad for colouring a grade: the upper half of the bands (优秀, 良好) is
    good, the last band (不合格) bad, the ones between (合格) a warning."""
    if band is None:
        return "neutral"
    keys = [b.key for b in template.bands]
    index = keys.index(band.key)
    if index == len(keys) - 1:
        return "bad"
    return "good" if index < len(keys) / 2 else "warn"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def format_score(total: float | None) -> str:
    return "—" if total is None else f"{total:.1f}"


class ScorePanel(QFrame):
    def __init__(self, template: Template, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.template, self.lang = template, lang
        self.setObjectName("scorePanel")
        self.total = QLabel("—", self)
        self.total.setObjectName("bigScore")
        self.grade = QLabel(self)
        self.grade.setObjectName("grade")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cap = QLabel(self)
        self.cap.setObjectName("capNotice")
        self.cap.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("overallProgress")
        # The count is written above the bar: drawn on it, the filled part covered half the
        # text (white on blue, dark on white).
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.answered = QLabel(self.tr("Answered"), self)
        self.open_items = QLabel(self)
        self.open_items.setWordWrap(True)
        self.open_items.setObjectName("hint")
        self.own = QLabel(self)
        self.own.setWordWrap(True)
        self.own.setObjectName("ownScore")
        self.own.hide()
        self.sections = QGridLayout()
        self.sections.setColumnStretch(0, 1)
        self.section_scores: dict[str, QLabel] = {}
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        heading = QLabel(self.tr("Score"), self)
        heading.setObjectName("panelHeading")
        layout.addWidget(heading)
        layout.addWidget(self.total)
        layout.addWidget(self.grade)
        layout.addWidget(self.cap)
        layout.addWidget(self.own)
        layout.addSpacing(6)
        layout.addWidget(self.answered)
        layout.addWidget(self.progress)
        layout.addWidget(self.open_items)
        layout.addSpacing(6)
        sections = QLabel(self.tr("Sections"), self)
        sections.setObjectName("panelHeading")
        layout.addWidget(sections)
        for row, section in enumerate(self.template.sections):
            name = QLabel(section.title[self.lang], self)
            name.setWordWrap(True)
            value = QLabel("—", self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sections.addWidget(name, row, 0)
            self.sections.addWidget(value, row, 1)
            self.section_scores[section.key] = value
        layout.addLayout(self.sections)
        layout.addStretch(1)

    def update_result(self, result: Result, own: Result | None = None,
                      reason: str | None = None, differences: int = 0) -> None:
        """`reason` replaces the grade line (ethics, e.g. "不合格 — red line: …")."""
        self.total.setText(format_score(result.total))
        self.grade.setText(reason or (result.grade.label[self.lang] if result.grade else
                                      (self.tr("not graded yet") if result.graded else
                                       self.tr("Visit record: not graded"))))
        self.grade.setWordWrap(True)
        self.grade.setProperty("tone", band_tone(self.template, result.grade))
        self.grade.style().unpolish(self.grade)
        self.grade.style().polish(self.grade)
        if reason is None:
            self._show_cap(result)
        else:
            self.cap.hide()
        self.progress.setRange(0, result.item_count)
        self.progress.setValue(result.answered)
        self.answered.setText(fill(self.tr("Answered: %1 of %2"), result.answered,
                                   result.item_count))
        self.open_items.setText(self._open_text(result))
        for section in result.sections:
            self.section_scores[section.key].setText(format_score(section.score))
        if own is not None:
            grade = own.grade.label[self.lang] if own.grade else ""
            text = fill(self.tr("Self-assessment: %1 %2"), format_score(own.total), grade)
            if differences:
                text += "\n" + self.tr("%n answer(s) differ from the self-assessment", "",
                                        differences)
            self.own.setText(text)
        self.own.setVisible(own is not None)

    def _show_cap(self, result: Result) -> None:
        """One stable sentence per judgement: the vetoes (一票否决), then the caps with the
        band they limit the grade to (not the grade that results, which moves)."""
        if not result.limited_by:
            self.cap.hide()
            return
        lines = []
        if result.vetoed_by:
            lines.append(fill(self.tr("Veto: %1"), self._names(result.vetoed_by)))
        by_band: dict[str, list[str]] = {}
        for key in result.capped_by:
            by_band.setdefault(self.template.item(key).cap, []).append(key)
        for band, keys in by_band.items():
            lines.append(fill(self.tr("Grade-limiting item not met (at most %1): %2"),
                              self.template.band(band).label[self.lang], self._names(keys)))
        self.cap.setText("\n".join(lines))
        # The panel is narrow: short names here, the whole items on hover.
        self.cap.setToolTip("\n".join(self.template.item(k).text[self.lang]
                                      for k in result.limited_by))
        self.cap.show()

    def _names(self, keys) -> str:
        return "".join("\n• " + _short(self.template.item(k).short_label(self.lang))
                       for k in keys)

    def _open_text(self, result: Result) -> str:
        parts = []
        if result.missing_required:
            parts.append(self.tr("%n required item(s) open", "", len(result.missing_required)))
        if result.missing_photos:
            parts.append(self.tr("%n required photo(s) missing", "", len(result.missing_photos)))
        if result.missing_facts:
            parts.append(self.tr("%n failed item(s) still need facts (note, evidence or "
                                 "corrective action)", "", len(result.missing_facts)))
        if result.out_of_limits:
            parts.append(self.tr("%n reading(s) out of limits", "", len(result.out_of_limits)))
        return " · ".join(parts) if parts else self.tr("All required items answered")
