"""Self-assessment → verification: the principal's answer and score beside each item that the
inspector verifies, with differences highlighted.

The self-assessment variant of a template has the same item keys (`based_on`), so the two
inspections line up item by item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.answers import NA
from app.domain.scoring import Result, item_fraction
from app.domain.templates import Item
from app.services.answers import responses_of
from app.services.evidence import attachments_of
from app.services.reads import evaluate
from ui.runner.photos import PhotoViewer, photo_caption, thumbnail_button
from ui.runner.text import fill


@dataclass(frozen=True)
class SelfAssessment:
    """The principal's answers, notes and result, by item key."""

    inspection_id: str
    answers: dict
    notes: dict
    result: Result

    def answer(self, key: str) -> Any:
        return self.answers.get(key)

    def differs(self, item: Item, verified: Any) -> bool:
        """Both sides answered and they disagree."""
        own = self.answers.get(item.key)
        return own is not None and verified is not None and own != verified

    def differing(self, items: list[Item], verified: dict) -> list[str]:
        return [i.key for i in items if self.differs(i, verified.get(i.key))]


def load_self_assessment(ws, inspection: dict) -> SelfAssessment | None:
    """The self-assessment an inspection verifies, or None."""
    own_id = inspection.get("self_assessment_id")
    if not own_id or ws.store.get("inspections", own_id) is None:
        return None
    responses = responses_of(ws, own_id)
    return SelfAssessment(
        inspection_id=own_id,
        answers={k: r["value"] for k, r in responses.items() if r["value"] is not None},
        notes={k: r["note"] for k, r in responses.items() if r["note"]},
        result=evaluate(ws, own_id))


def answer_text(item: Item, value: Any, lang: str) -> str:
    """An answer as a person reads it: 是 / 3 / 5 / 良好 / 4.5 °C."""
    if value is None:
        return QCoreApplication.translate("Answers", "not answered")
    if value == NA:
        return QCoreApplication.translate("Answers", "N/A")
    if item.type == "yes_no":
        if value == "yes":
            return QCoreApplication.translate("Answers", "Yes")
        return QCoreApplication.translate("Answers", "No")
    if item.type == "score":
        return f"{value} / {item.max_score}"
    if item.type in ("rating", "choice"):
        options = item.scale if item.type == "rating" else item.choices
        return next((o["label"][lang] for o in options if o["key"] == value), str(value))
    if item.type == "number" and item.unit:
        return f"{value} {item.unit[lang]}"
    return str(value)


def score_text(item: Item, value: Any) -> str:
    fraction = item_fraction(item, value)
    return "" if fraction is None else f"{round(fraction * 100)}%"


class ComparisonBox(QFrame):
    """Beside one item: what the principal answered in the self-assessment."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparison")
        self.answer = QLabel(self)
        self.answer.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.answer)
        layout.addWidget(self.note)
        self.photos_row = QHBoxLayout()
        layout.addLayout(self.photos_row)
        self.photos: list[dict] = []
        self.viewer: PhotoViewer | None = None
        self.different = False

    def show_photos(self, ws, own: SelfAssessment, item: Item, lang: str) -> None:
        """The principal's evidence photos for this item, beside their answer."""
        self.photos = attachments_of(ws, own.inspection_id, item.key)
        if not self.photos:
            return
        self.photos_row.addWidget(QLabel(self.tr("Principal's photos:"), self))
        for index, row in enumerate(self.photos):
            self.photos_row.addWidget(thumbnail_button(
                ws, row, photo_caption(row, item, lang),
                lambda _=False, i=index: self.open_viewer(ws, i, item, lang), self))
        self.photos_row.addStretch(1)

    def open_viewer(self, ws, index: int, item: Item, lang: str) -> PhotoViewer:
        self.viewer = PhotoViewer(ws, self.photos, index, item, lang, self)
        self.viewer.open()
        return self.viewer

    def show_for(self, item: Item, lang: str, own: SelfAssessment, verified: Any) -> None:
        value = own.answer(item.key)
        score = score_text(item, value)
        text = fill(self.tr("Principal's self-assessment: %1"), answer_text(item, value, lang))
        if score:
            text += "  ·  " + fill(self.tr("score %1"), score)
        self.different = own.differs(item, verified)
        if self.different:
            text += "  —  " + fill(self.tr("differs from your verification (%1)"),
                                   answer_text(item, verified, lang))
        self.answer.setText(text)
        self.note.setText(fill(self.tr("Principal's note: %1"), own.notes[item.key])
                          if item.key in own.notes else "")
        self.note.setVisible(item.key in own.notes)
        self.setProperty("differs", self.different)
        self.style().unpolish(self)
        self.style().polish(self)
