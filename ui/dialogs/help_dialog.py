"""Offline help: the user guide and the shortcut sheet, plain HTML shipped in resources/help
(one file per language), shown in a text browser — no network, no Qt help engine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.paths import RESOURCES

HELP = RESOURCES / "help"
PAGES = ("guide", "shortcuts")


def help_file(page: str, lang: str) -> Path:
    """resources/help/<page>_<lang>.html, English when a language has no copy."""
    path = HELP / f"{page}_{lang}.html"
    return path if path.exists() else HELP / f"{page}_en.html"


class HelpDialog(QDialog):
    def __init__(self, page: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide") if page == "guide"
                            else self.tr("Keyboard shortcuts"))
        self.resize(760, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)   # offline: no web links to follow
        self.browser.setSource(QUrl.fromLocalFile(str(help_file(page, lang))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
