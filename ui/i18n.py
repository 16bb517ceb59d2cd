"""Qt translations: every visible string goes through `tr()`; the Chinese catalogues live in
`resources/translations/*_zh_CN.qm` (one per feature area, built from `.ts` files with
`pyside6-lrelease`), all installed at start when the language is Chinese. English is the
source language; its small `*_en.qm` catalogues only carry the singular/plural forms of
`tr("%n item(s)", "", n)` ("1 item", "2 items")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
_installed: list[QTranslator] = []
_language = ["en"]  # the language installed last; English (the source) until one is


def current_language() -> str:
    """'zh' or 'en': the language whose catalogues are installed (for names taken from the
    domain's bilingual tables rather than from a catalogue)."""
    return _language[0]


def install_translations(app: QCoreApplication, language: str) -> int:
    """Install the catalogues for `language` ('zh' or 'en'); returns how many loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[0] = "zh" if language == "zh" else "en"
    pattern = "*_zh_CN.qm" if language == "zh" else "*_en.qm"
    for qm in sorted(TRANSLATIONS.glob(pattern)):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    ours = len(_installed)
    if language == "zh":
        _install_qt_catalogue(app)
    return ours


def _install_qt_catalogue(app: QCoreApplication) -> None:
    """Qt's own strings (OK/Cancel/Yes/No, file dialogs) from the catalogue Qt ships."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
        _installed.append(translator)
