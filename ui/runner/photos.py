"""Evidence photos on screen: cached thumbnails that open a viewer when clicked, and the
viewer itself (the photo enlarged to the window, previous / next, rotate).

A photo's caption is what the user typed, else the item it documents — never the camera's
file name (IMG_2041.JPG tells a reader nothing); the file name is shown small beneath. A
caption that is one of the item's own names reads in the UI language, as on the report.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QToolButton, QVBoxLayout, QWidget)

from app.domain.templates import Item
from app.services import evidence as evidence_service
from ui.runner.text import fill

THUMB = QSize(112, 84)
MAX_CACHED = 300
# Thumbnails by content hash (the same bytes always give the same picture).
_THUMBNAILS: dict[str, QPixmap] = {}


def photo_caption(row: dict, item: Item | None, lang: str) -> str:
    if item is None:
        return (row.get("caption") or "").strip()
    return item.photo_caption(row.get("caption"), lang)


def full_pixmap(ws, sha256: str) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(evidence_service.evidence_bytes(ws, sha256))
    return pixmap


def thumbnail_pixmap(ws, sha256: str) -> QPixmap:
    """Scaled once per photo: camera files are large and items are revisited often."""
    cached = _THUMBNAILS.get(sha256)
    if cached is None:
        full = full_pixmap(ws, sha256)
        cached = full if full.isNull() else full.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        if len(_THUMBNAILS) >= MAX_CACHED:
            _THUMBNAILS.pop(next(iter(_THUMBNAILS)))
        _THUMBNAILS[sha256] = cached
    return cached


def thumbnail_button(ws, row: dict, caption: str, on_click, parent: QWidget) -> QToolButton:
    """A thumbnail that opens the viewer (mouse or Space/Enter when focused)."""
    button = QToolButton(parent)
    button.setObjectName("photoThumb")
    pixmap = thumbnail_pixmap(ws, row["sha256"])
    if pixmap.isNull():
        button.setText(row.get("filename") or "")
    else:
        button.setIcon(QIcon(pixmap))
        button.setIconSize(THUMB)
    button.setFixedSize(THUMB + QSize(8, 8))
    button.setAutoRaise(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setToolTip(fill(QCoreApplication.translate("PhotoViewer", "%1 — click to enlarge"),
                          caption))
    button.clicked.connect(on_click)
    return button


class PhotoViewer(QDialog):
    """One item's photos, one at a time, as large as the window allows."""

    def __init__(self, ws, rows: list[dict], index: int, item: Item | None, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.rows, self.item, self.lang = ws, rows, item, lang
        self.index, self.rotation = index, 0
        self.setWindowTitle(self.tr("Evidence photo"))
        self.resize(900, 700)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(200, 150)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setObjectName("photoCaption")
        self.file = QLabel(self)
        self.file.setObjectName("hint")
        self.previous = QPushButton(self.tr("◀ Previous  (←)"), self)
        self.following = QPushButton(self.tr("Next  (→) ▶"), self)
        self.rotate_button = QPushButton(self.tr("Rotate  (R)"), self)
        close = QPushButton(self.tr("Close"), self)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.following.clicked.connect(lambda: self.step(1))
        self.rotate_button.clicked.connect(self.rotate)
        close.clicked.connect(self.accept)
        for keys, slot in (("Left", lambda: self.step(-1)), ("Right", lambda: self.step(1)),
                           ("R", self.rotate)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        buttons = QHBoxLayout()
        for widget in (self.previous, self.rotate_button, self.following):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.file)
        layout.addLayout(buttons)
        self._pixmap = QPixmap()
        self._load()

    @property
    def row(self) -> dict:
        return self.rows[self.index]

    def step(self, by: int) -> None:
        index = self.index + by
        if 0 <= index < len(self.rows):
            self.index, self.rotation = index, 0
            self._load()

    def rotate(self) -> None:
        """A quarter turn clockwise (phone photos often arrive on their side)."""
        self.rotation = (self.rotation + 90) % 360
        self._show()

    def _load(self) -> None:
        self._pixmap = full_pixmap(self.ws, self.row["sha256"])
        self.caption.setText(fill(self.tr("%1  (photo %2 of %3)"),
                                  photo_caption(self.row, self.item, self.lang), self.index + 1,
                                  len(self.rows)))
        self.file.setText(self.row.get("filename") or "")
        self.previous.setEnabled(self.index > 0)
        self.following.setEnabled(self.index < len(self.rows) - 1)
        self._show()

    def shown_pixmap(self) -> QPixmap:
        """The photo turned as asked (full size, before fitting to the window)."""
        if self._pixmap.isNull() or not self.rotation:
            return self._pixmap
        return self._pixmap.transformed(QTransform().rotate(self.rotation))

    def _show(self) -> None:
        pixmap = self.shown_pixmap()
        if pixmap.isNull():
            self.picture.setText(self.tr("This file is not a picture that can be shown."))
            return
        self.picture.setPixmap(pixmap.scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._show()  # enlarge with the window
