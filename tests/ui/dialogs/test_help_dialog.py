"""Offline help from the Help menu: the guide (with how to verify a report and compare a
fingerprint) and the shortcut sheet, in the user's language, from files in resources/help."""

from __future__ import annotations

import pytest

from ui.dialogs.help_dialog import HELP, PAGES, help_file

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def menu_action(window, menu_text, action_text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_text)
    return next(a for a in menu.actions() if a.text() == action_text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_help_page_exists_in_both_languages(page, lang):
    text = help_file(page, lang).read_text("utf-8")
    assert help_file(page, lang).parent == HELP and f"_{lang}.html" in help_file(page, lang).name
    assert "http://" not in text and "https://" not in text      # nothing online


def test_the_help_menu_opens_the_guide_and_the_shortcuts(window, ws):
    ws.set_identity(language="en")
    menu_action(window, "&Help", "&User guide").trigger()
    guide = window.help_dialog.browser.toPlainText()
    assert "How to verify a report" in guide and "verify-report" in guide
    assert "fingerprint" in guide and "trust whoami" in guide
    menu_action(window, "&Help", "&Keyboard shortcuts").trigger()
    sheet = window.help_dialog.browser.toPlainText()
    assert "Ctrl+Z" in sheet and "Ctrl+F" in sheet
    window.help_dialog.close()


def test_the_guide_in_chinese(window, ws):
    ws.set_identity(language="zh")
    dialog = window.show_help("guide")
    text = dialog.browser.toPlainText()
    assert "如何核验报告" in text and "密钥指纹" in text
    dialog.close()
