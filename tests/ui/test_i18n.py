"""Every Chinese catalogue is complete and compiled: no unfinished or empty translation in
any resources/translations/*_zh_CN.ts, each has its .qm, and Chinese is what the user sees
when the catalogues are installed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ui.i18n import TRANSLATIONS, install_translations

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
