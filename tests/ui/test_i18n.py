"""Every Chinese catalogue is complete and compiled: no unfinished or empty translation in
any resources/translations/*_zh_CN.ts, each has its .qm, and Chinese is what the user sees
when the catalogues are installed."""

from __future__ import annotations

from pathlib import Path

import pytest
import xml.etree.ElementTree as ET
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from ui.i18n import TRANSLATIONS, install_translations

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


CATALOGUES = sorted(TRANSLATIONS.glob("*_zh_CN.ts"))


def open_messages(path) -> list[str]:
    problems = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform") or [translation]
            if kind == "unfinished" or any(not (f.text or "").strip() for f in forms):
                problems.append(f"{name}: {message.findtext('source')!r}")
    return problems


def test_there_is_a_main_catalogue():
    assert TRANSLATIONS / "main_zh_CN.ts" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_has_no_unfinished_or_empty_translation(path):
    assert open_messages(path) == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_is_compiled(path):
    assert path.with_suffix(".qm").exists(), f"run pyside6-lrelease {path}"


def test_installed_catalogues_translate_labels(qapp):
    try:
        assert install_translations(QApplication.instance(), "zh") >= 1
        assert QCoreApplication.translate("Labels", "Signed") == "已签署"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        # Qt's own buttons too (qtbase catalogue shipped with Qt).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        install_translations(QApplication.instance(), "en")
    assert QCoreApplication.translate("Labels", "Signed") == "Signed"


def test_qt_file_dialog_labels_are_chinese_too(qapp):
    from PySide6.QtWidgets import QFileDialog
    install_translations(qapp, "zh")
    try:
        dialog = QFileDialog(None, "", str(Path.home()))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.deleteLater()
    finally:
        install_translations(qapp, "en")
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not any("Look in" in t or "Files of" in t for t in texts)
