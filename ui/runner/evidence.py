"""Evidence photos of one item: thumbnails, add by file dialog or by dropping image files,
remove. Files go through `app.services.evidence`, so the bytes and the record are written in
one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QToolButton, QVBoxLayout, QWidget)

from app.domain.templates import Item
from app.services import evidence as evidence_service
from ui.runner.photos import PhotoViewer, photo_caption, thumbnail_button
from ui.runner.text import fill

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff")


_last_folder: Path | None = None


def start_folder() -> Path:
    """Where "Add photo…" opens: the folder photos came from last time, else the user's
    pictures folder, else home — never the folder the app happened to be started in."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    pictures = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()


def image_paths(mime: QMimeData) -> list[Path]:
    """Local image files named by a drag-and-drop payload."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]


def image_mime(paths: list[Path]) -> QMimeData:
    """The payload a file manager sends when image files are dropped (used by tests too)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


class EvidenceStrip(QWidget):
    """Thumbnails of the photos attached to one item, with add and remove."""

    changed = Signal(object)  # Changes

    def __init__(self, ctx, inspection_id: str, item_key: str, parent: QWidget | None = None,
                 *, item: Item | None = None):
        super().__init__(parent)
        self.ctx, self.inspection_id, self.item_key = ctx, inspection_id, item_key
        self.item = item
        self.read_only = False
        self.viewer: PhotoViewer | None = None
        self.thumbs = QHBoxLayout()
        self.thumbs.setSpacing(8)
        self.add_button = QPushButton(self.tr("Add photo…  (P)"), self)
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel(self.tr("or drop image files here"), self)
        self.hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.hint)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.thumbs)
        layout.addLayout(row)
        self.attachments: list[dict] = []
        self.refresh()

    def refresh(self) -> None:
        while self.thumbs.count():
            widget = self.thumbs.takeAt(0).widget()
            if widget:
                widget.setParent(None)  # gone from the strip now, freed later
                widget.deleteLater()
        self.attachments = evidence_service.attachments_of(self.ctx.ws, self.inspection_id,
                                                           self.item_key)
        for row in self.attachments:
            self.thumbs.addWidget(self._thumbnail(row))
        self.thumbs.addStretch(1)

    def _thumbnail(self, row: dict) -> QWidget:
        frame = QFrame(self)
        frame.setObjectName("thumb")
        remove = QToolButton(frame)
        remove.setObjectName("removePhoto")
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this photo"))
        remove.setEnabled(not self.read_only)
        remove.clicked.connect(lambda _=False, r=row: self.confirm_remove(r))
        index = self.attachments.index(row)
        picture = thumbnail_button(self.ctx.ws, row, photo_caption(row, self.item, self.ctx.lang),
                                   lambda _=False, i=index: self.open_viewer(i), frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(picture)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        return frame

    def open_viewer(self, index: int = 0) -> PhotoViewer:
        """The photo enlarged, with the item's other photos a key away (non-blocking)."""
        self.viewer = PhotoViewer(self.ctx.ws, self.attachments, index, self.item,
                                  self.ctx.lang, self)
        self.viewer.open()
        return self.viewer

    def choose_files(self) -> None:
        global _last_folder
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), str(start_folder()),
            fill(self.tr("Images (%1)"), " ".join(f"*{s}" for s in IMAGE_SUFFIXES)))
        if names:
            _last_folder = Path(names[0]).parent  # the next item's photos are usually there
        self.add_files([Path(n) for n in names])

    def confirm_remove(self, row: dict) -> bool:
        """The small ✕ sits right under the photo: ask before evidence is thrown away."""
        answer = QMessageBox.question(
            self, self.tr("Remove photo"),
            fill(self.tr("Remove the photo %1 from this item?"), row["filename"] or ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.remove(row["id"])
        return True

    def add_files(self, paths: list[Path]) -> int:
        """Attach files (the file dialog and drag and drop both end here); returns how many."""
        added = 0
        for path in paths:
            changes = self.ctx.operations.run(
                lambda p=path: evidence_service.attach_file(self.ctx.ws, self.inspection_id,
                                                            self.item_key, p),
                parent=self, initiator=self)
            if changes is not None:
                added += 1
                self.changed.emit(changes)
        if added:
            self.refresh()
        return added

    def remove(self, attachment_id: str) -> None:
        changes = self.ctx.operations.run(
            lambda: evidence_service.remove_attachment(self.ctx.ws, attachment_id),
            parent=self, initiator=self)
        if changes is not None:
            self.refresh()
            self.changed.emit(changes)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.add_button.setVisible(not read_only)
        self.refresh()
        # Read-only, an empty strip under "Evidence photos" looked like a display fault.
        self.hint.setText(self.tr("No photos.") if read_only
                          else self.tr("or drop image files here"))
        self.hint.setVisible(not read_only or not self.attachments)
