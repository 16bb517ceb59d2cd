"""Main window: navigation by list and Ctrl+1..8, the runner opened in the main area,
changes routed to the pages and the status bar, window state and language remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.security.keys import certificate_name
from app.services.answers import answers_of
from app.services.changes import Changes
from app.services.schools import add_school
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.dialogs.profile_dialog import ProfileDialog
from ui.i18n import install_translations
from ui.main_window import MainWindow, PAGE_CLASSES, PAGE_KEYS, RUNNER

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_window(ws, qtbot):
    windows = []

    def make() -> MainWindow:
        window = MainWindow(ws)
        window.operations.show_errors = False
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    # Translators are application-wide: leave English for the next test.
    install_translations(QApplication.instance(), "en")


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


# Showing a window on the offscreen platform logs a harmless size-hint warning.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_page_is_reachable_from_the_list_and_by_shortcut(make_window, qtbot):
    window = make_window()
    assert [window.nav.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(len(PAGE_KEYS))] == list(PAGE_KEYS)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "inspections"
    assert window.stack.currentWidget() is window.pages["inspections"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["actions"]
    window.nav.setCurrentRow(PAGE_KEYS.index("templates"))
    assert window.stack.currentWidget() is window.pages["templates"]


def test_open_inspection_shows_it_in_the_main_area(make_window, mini_inspection):
    window = make_window()
    window.ctx.open_inspection(mini_inspection)
    assert window.current_page_key() == RUNNER
    assert window.stack.currentWidget() is window.runner
    assert window.runner_id == mini_inspection
    window.show_page("schools")
    window.show_page(RUNNER)
    assert window.stack.currentWidget() is window.runner


def test_changes_reach_the_pages_and_the_status_bar(make_window, ws):
    window = make_window()
    window.operations.run(lambda: add_school(ws, name="青山区朝阳中学", district="青山区"))
    schools = window.pages["schools"]
    assert "青山区朝阳中学" in [r["name"] for r in schools.model.rows]
    assert window.status.counts.text().startswith("1 school ·")
    assert "schools" in window.status.currentMessage()


def test_window_size_and_page_are_remembered(make_window, ws):
    window = make_window()
    window.resize(700, 500)
    window.show_page("actions")
    window.close()
    assert (ws.paths.home / "ui.ini").exists()
    again = make_window()
    assert (again.width(), again.height()) == (700, 500)
    assert again.current_page_key() == "actions"


def test_language_switch_changes_texts_and_is_remembered(make_window, ws):
    window = make_window()
    window.set_language("en")
    assert menu_titles(window)[0] == "&File"
    assert window.nav.item(0).text() == "Schools"
    window.set_language("zh")
    assert ws.profile.language == "zh"
    assert menu_titles(window)[0] == "文件(&F)"
    assert window.nav.item(0).text() == "学校"
    window.close()
    again = make_window()
    assert again.ws.profile.language == "zh"
    assert menu_titles(again)[0] == "文件(&F)"


def test_empty_profile_can_load_demo_data_in_the_background(make_window, ws, qtbot):
    window = make_window()
    worker = window.load_demo_data(schools=2, inspections=4)
    with qtbot.waitSignal(window.operations.changed, timeout=60000):
        pass
    worker.wait()
    assert ws.store.scalar("select count(*) from schools") == 2
    assert len(window.pages["schools"].model.rows) == 2


def test_file_menu_bundle_commands_lead_to_the_sync_page(make_window, monkeypatch):
    window = make_window()
    sync = window.pages["sync"]
    asked = []
    # The file dialog itself is the Sync page's business; here only the routing is checked.
    monkeypatch.setattr(sync, "choose_import_file", lambda: asked.append("import"))
    import_action = next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+I")
    import_action.trigger()
    assert window.current_page_key() == "sync" and asked == ["import"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_first_start_offers_demo_data_and_no_leaves_the_profile_empty(make_window, ws, qtbot):
    window = make_window()
    asked = []

    def answer_no():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.windowTitle())
            box.button(QMessageBox.StandardButton.No).click()
        else:
            QTimer.singleShot(10, answer_no)

    QTimer.singleShot(0, answer_no)
    assert window.offer_demo_data() is False
    assert asked == ["Load demo data?"]
    assert ws.store.scalar("select count(*) from schools") == 0


def test_no_demo_offer_once_there_are_schools(make_window, school_id):
    assert make_window().offer_demo_data() is False


def test_language_switch_keeps_the_open_inspection(make_window, mini_inspection):
    window = make_window()
    window.open_inspection(mini_inspection)
    window.set_language("en")
    assert window.runner_id == mini_inspection
    assert window.stack.currentWidget() is window.runner


def test_ctrl_f_puts_the_cursor_in_the_page_search(make_window, qtbot):
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("inspections")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.pages["inspections"].search


def test_every_page_is_built_from_its_own_class(make_window):
    """A page that fails to build shows a placeholder to the user; here it fails the test."""
    window = make_window()
    assert {key: type(page) for key, page in window.pages.items()} == PAGE_CLASSES


def test_every_page_module_is_imported_by_the_window():
    """A new page cannot be left out (and so never imported by any test)."""
    pages = {path.stem for path in (ROOT / "ui" / "pages").glob("*_page.py")}
    assert {cls.__module__.rsplit(".", 1)[1] for cls in PAGE_CLASSES.values()} == pages


def test_a_page_that_fails_to_import_fails_the_window():
    """The window imports each page (by a plain import statement) when it is first needed:
    a broken page is an ImportError there, not a logged placeholder."""
    code = ("import sys; sys.modules['ui.pages.sync_page'] = None\n"
            "import ui.main_window\n"
            "ui.main_window.PAGE_CLASSES['sync']")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "ModuleNotFoundError" in run.stderr


def test_a_page_that_fails_to_import_is_no_placeholder(make_window, monkeypatch):
    window = make_window()
    monkeypatch.setitem(sys.modules, "ui.pages.sync_page", None)
    with pytest.raises(ModuleNotFoundError):
        window.pages["sync"]
    assert not window.pages.is_built("sync")


def test_ctrl_n_on_the_schools_page_preselects_the_selected_school(ws, window):
    first = add_school(ws, name="青山区第一小学", district="青山区").created
    second = add_school(ws, name="青山区第二小学", district="青山区").created
    window.operations.announce(Changes.of("schools"))
    window.show_page("schools")
    schools = window.pages["schools"]
    schools.select_school(second)
    dialog = window.new_inspection_dialog()
    assert dialog.school.currentData() == second
    schools.select_school(first)
    assert window.new_inspection_dialog().school.currentData() == first


@pytest.fixture
def window_of(qtbot):
    def make(ws) -> MainWindow:
        window = MainWindow(ws)
        window.operations.show_errors = False
        qtbot.addWidget(window)
        return window
    return make


def test_first_start_asks_the_name_and_it_is_used_everywhere(fresh, window_of, qtbot):
    window = window_of(fresh)
    dialog = window.first_start()
    assert isinstance(dialog, ProfileDialog) and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # the name is required
    qtbot.keyClicks(dialog.name, "Wang")
    dialog.name.setText("王丽")  # typed through an input method
    dialog.role.setCurrentIndex(dialog.role.findData("principal"))
    dialog.organisation.setText("青山区育才小学")
    assert dialog.offers_demo  # empty database: demo data is offered
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert (fresh.profile.user_name, fresh.profile.role, fresh.profile.organisation) == \
        ("王丽", "principal", "青山区育才小学")
    assert fresh.actor == "王丽"
    assert certificate_name(fresh.signing_identity()[1]) == "王丽"
    assert "王丽" in window.status.profile.text()
    assert NewInspectionDialog(window.ctx, window).inspectors.text() == "王丽"


def test_a_known_user_is_not_asked_again(ws, window_of, monkeypatch):
    window = window_of(ws)
    asked = []
    monkeypatch.setattr(window, "profile_dialog", lambda **kw: asked.append(kw))
    add_school(ws, name="青山区朝阳中学", district="青山区")
    window.first_start()
    assert asked == []


def test_my_profile_changes_name_and_certificate(ws, window_of, qtbot):
    window = window_of(ws)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Profile")
    items = [a.text() for a in menu.actions()]
    assert items == ["My &profile…", "Signing key &password…"]
    dialog = window.profile_dialog()
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "张督学" and not dialog.offers_demo
    dialog.name.setText("李文")
    dialog.ok_button.click()
    assert ws.actor == "李文"
    assert certificate_name(ws.signing_identity()[1]) == "李文"
    assert "李文" in window.status.profile.text()


def test_keys_answer_at_once_when_the_main_window_opens_an_inspection(qtbot, ws,
                                                                      mini_inspection, window):
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.focus_search()                       # the cursor is somewhere on a page
    window.open_inspection(mini_inspection)     # e.g. after the new-inspection dialog
    runner = window.runner
    focused = QApplication.focusWidget()
    assert focused is runner or runner.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_1)       # no click into the runner needed
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"


def test_back_to_the_open_inspection_by_the_side_list_keys_answer(qtbot, ws, mini_inspection,
                                                                 window):
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_inspection(mini_inspection)
    window.show_page("templates")               # look something up elsewhere…
    row = next(r for r in range(window.nav.count())
               if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == RUNNER)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.runner   # …and back by mouse
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"


def test_one_answer_refreshes_the_runner_once_and_every_page_once(qtbot, ws, mini_inspection,
                                                                   window, monkeypatch):
    """The answer walk: runner → database → back. The runner asked for the change and reloads
    once after it; the window does not tell it again, while the other pages hear it once."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_inspection(mini_inspection)
    runner, page = window.runner, window.pages["inspections"]
    reloads, heard = [], []
    reload, hear = runner._reload, page.on_changes
    monkeypatch.setattr(runner, "_reload", lambda: reloads.append(1) or reload())
    monkeypatch.setattr(page, "on_changes", lambda changes: heard.append(changes) or hear(changes))
    qtbot.keyClick(runner, Qt.Key.Key_1)
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"       # in the database
    assert runner.responses["a.samples"]["value"] == "yes"               # and back
    assert len(reloads) == 1
    assert len(heard) == 1 and heard[0].touches("responses")
