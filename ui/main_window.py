"""The main window: a navigation list on the left and the pages on the right (Schools,
Inspections, Corrective actions, Teacher ethics, Templates, Sync, Conflicts, Reports), the
inspection runner opened in the same area, menus with shortcuts, a status bar, remembered
window state, the Chinese/English switch, and the first-start offer of demo data.

Every `Operations.changed` is routed to each page's `on_changes`, so a page refreshes only
when something it shows was touched.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QSplitter, QStackedWidget)

from app.errors import KnownError
from app.paths import RESOURCES
from app.services.changes import Changes
from ui.context import UiContext
from ui.i18n import install_translations
from ui.lazy_pages import LazyPages
from ui.operations import Operations, initiated_by
from ui.page_classes import PAGE_CLASSES, PAGE_KEYS
from ui.lock import IdleLock
from ui.widgets.nav_badge import open_conflicts, show_badge
from ui.widgets.status import StatusBar
from ui.window_state import RUNNER, WindowStateFlow

ICONS = RESOURCES / "icons"


def nav_icon(key: str) -> QIcon:
    path = ICONS / f"{key}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class MainWindow(WindowStateFlow, QMainWindow):
    def __init__(self, ws, parent=None, start_page: str | None = None,
                 defer_start: bool = False):
        """`defer_start`: leave what the first screen does not need to `finish_start()`,
        which the launcher calls once the window has painted."""
        super().__init__(parent)
        self.ws = ws
        self._counted = not defer_start
        self.settings = QSettings(str(ws.paths.home / "ui.ini"), QSettings.Format.IniFormat)
        self.operations = Operations(self, ws=ws)
        self.operations.changed.connect(self.route_changes)
        self.ctx = UiContext(ws, self.operations, open_inspection=self.open_inspection,
                             show_page=self.show_page, open_report=self.open_report,
                             after_start=[] if defer_start else None)
        self.pages: LazyPages | dict = {}
        self.runner = None
        self.runner_id: str | None = None
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.build()
        self.restore_state(start_page)
        # A protected profile locks itself when the laptop is left alone.
        self.idle_lock = IdleLock(self) if ws.protected else None

    def flush_before_lock(self) -> None:
        self._flush_runner()

    # -- building (again after a language switch) -----------------------------------------
    def build(self) -> None:
        self.setWindowTitle(self.tr("School Inspect — school inspection"))
        self.menuBar().clear()
        for action in self.actions():
            self.removeAction(action)
        self._build_menus()
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget { font-size: 14px; outline: 0; } "
                               "QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget(self)
        self.runner = None
        self.pages = LazyPages(self.stack, PAGE_KEYS, self._make_page)
        for key, title in zip(PAGE_KEYS, self.page_titles()):
            item = QListWidgetItem(nav_icon(key), title, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.runner_item = QListWidgetItem(nav_icon(RUNNER), self.tr("Open inspection"),
                                           self.nav)
        self.runner_item.setData(Qt.ItemDataRole.UserRole, RUNNER)
        self.runner_item.setHidden(True)
        self.nav.currentRowChanged.connect(self._nav_changed)
        split = QSplitter(self)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 1100])
        old = self.centralWidget()
        self.setCentralWidget(split)
        if old is not None:
            old.deleteLater()
        self.status.retranslate(self.ws)
        if self._counted:
            self.status.refresh_counts(self.ws)
        self.update_conflict_badge()

    def update_conflict_badge(self) -> None:
        title = self.page_titles()[PAGE_KEYS.index("conflicts")]
        show_badge(self.nav, "conflicts", title, open_conflicts(self.ws))

    def page_titles(self) -> list[str]:
        return [self.tr("Schools"), self.tr("Inspections"), self.tr("Corrective actions"),
                self.tr("Teacher ethics"), self.tr("Templates"), self.tr("Sync"),
                self.tr("Conflicts"), self.tr("Reports")]

    def _make_page(self, key: str):
        page_class = PAGE_CLASSES[key]  # an import error is a bug: never a placeholder
        try:
            return page_class(self.ctx, self)
        except Exception as exc:  # one broken page must not stop the others
            self.operations.report(exc, self)
            return self._placeholder(self.tr("This page could not be opened."))

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New inspection…"), self.new_inspection, "Ctrl+N")
        self._action(file_menu, self.tr("&Import bundle…"), lambda: self.bundle("import"),
                     "Ctrl+I")
        self._action(file_menu, self.tr("&Export bundle…"), lambda: self.bundle("export"),
                     "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")
        profile_menu = bar.addMenu(self.tr("&Profile"))
        self._action(profile_menu, self.tr("My &profile…"), self.edit_profile)
        self._action(profile_menu, self.tr("Signing key &password…"), self.key_password)
        view_menu = bar.addMenu(self.tr("&View"))
        self._action(view_menu, self.tr("&Find on this page"), self.focus_search, "Ctrl+F")
        view_menu.addSeparator()
        for n, (key, title) in enumerate(zip(PAGE_KEYS, self.page_titles()), start=1):
            self._action(view_menu, title, lambda _=False, k=key: self.show_page(k),
                         f"Ctrl+{n}")
        language_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("zh", "中文"), ("en", "English")):
            action = self._action(language_menu, name, lambda _=False, c=code:
                                  self.set_language(c))
            action.setCheckable(True)
            action.setChecked(self.ws.profile.language == code)
            group.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&User guide"), lambda: self.show_help("guide"), "F1")
        self._action(help_menu, self.tr("&Keyboard shortcuts"),
                     lambda: self.show_help("shortcuts"))
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About School Inspect"), self.about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            self.addAction(action)  # the shortcut works wherever the focus is in the window
        return action

    # -- navigation -----------------------------------------------------------------------
    def _nav_changed(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        widget = self.runner if key == RUNNER else self.pages.get(key)
        if widget is not None:
            self.stack.setCurrentWidget(widget)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the current page's search box, if it has one."""
        page = self.stack.currentWidget()
        search = getattr(page, "search", None)
        if search is not None and hasattr(search, "setFocus") and search.isVisible():
            search.setFocus()
            search.selectAll()

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def open_inspection(self, inspection_id: str) -> None:
        """Open the inspection runner in the main area (replacing an open one)."""
        if self.runner is not None:
            self._flush_runner()
            self.stack.removeWidget(self.runner)
            self.runner.deleteLater()
        from ui.runner import InspectionRunner
        try:
            self.runner = InspectionRunner(self.ctx, inspection_id, self)
        except Exception as exc:
            self.operations.report(exc, self)
            self.runner = self._placeholder(self.tr("This inspection could not be opened."))
        self.runner_id = inspection_id
        self.stack.addWidget(self.runner)
        self.runner_item.setHidden(False)
        self.show_page(RUNNER)
        self.stack.setCurrentWidget(self.runner)

    def _flush_runner(self) -> None:
        """Let the runner save what is still in an editor before it goes away."""
        flush = getattr(self.runner, "flush", None)
        if callable(flush):
            try:
                flush()
            except Exception as exc:
                self.operations.report(exc, self)

    def open_report(self, inspection_id: str) -> None:
        self.show_page("reports")
        page = self.pages.get("reports")
        if isinstance(page, PAGE_CLASSES["reports"]):
            page.show_inspection(inspection_id)

    # -- data changes ---------------------------------------------------------------------
    def route_changes(self, changes: Changes, initiator=None) -> None:
        """Every page and the runner hear of a change once; the one that asked for it
        (itself or through one of its widgets or dialogs) has refreshed already."""
        targets = list(self.pages.built()) + ([self.runner] if self.runner else [])
        for page in targets:
            handler = getattr(page, "on_changes", None)
            if handler is None or initiated_by(page, initiator):
                continue
            try:
                handler(changes)
            except Exception as exc:  # a page that fails to refresh reports, others go on
                self.operations.report(exc, self)
        self.status.changed(self.ws, changes)
        if changes.touches("conflicts"):
            self.update_conflict_badge()
        self._close_deleted_runner(changes)

    def _close_deleted_runner(self, changes: Changes) -> None:
        """The open inspection was deleted (here or by an imported tombstone): close it."""
        if self.runner is None or self.runner_id not in changes.ids:
            return
        row = self.ws.store.get("inspections", self.runner_id)
        if row is not None and not row["deleted"]:
            return
        self.stack.removeWidget(self.runner)
        self.runner.deleteLater()
        self.runner, self.runner_id = None, None
        self.runner_item.setHidden(True)
        self.show_page("inspections")

    # -- menu commands --------------------------------------------------------------------
    def new_inspection(self) -> None:
        dialog = self.new_inspection_dialog()
        if dialog.exec() and dialog.result_changes and dialog.result_changes.created:
            self.open_inspection(dialog.result_changes.created)

    def new_inspection_dialog(self):
        """The New inspection dialog for the school the user is looking at, if any."""
        from ui.dialogs.new_inspection import NewInspectionDialog
        return NewInspectionDialog(self.ctx, self, school_id=self.current_school_id())

    def current_school_id(self) -> str | None:
        """The school selected on (or opened from) the Schools page, or chosen as the
        Inspections page's filter, when that page is showing."""
        page = self.pages.get(self.current_page_key() or "")
        if isinstance(page, PAGE_CLASSES["schools"]):
            if page.stack.currentWidget() is page.detail and page.detail.school_id:
                return page.detail.school_id
            school = page.selected_school()
            return school["id"] if school else None
        if isinstance(page, PAGE_CLASSES["inspections"]):
            return page.school.currentData()
        return None

    def bundle(self, direction: str) -> None:
        """Bundles live on the Sync page: show it and start its import/export there."""
        self.show_page("sync")
        page = self.pages.get("sync")
        if isinstance(page, PAGE_CLASSES["sync"]):  # not the placeholder of a page that failed to open
            (page.choose_import_file if direction == "import" else page.choose_export_file)()

    def show_help(self, page: str):
        """The offline guide or shortcut sheet in the current language (non-blocking)."""
        from ui.dialogs.help_dialog import HelpDialog
        self.help_dialog = HelpDialog(page, self.ws.profile.language, self)
        self.help_dialog.show()
        return self.help_dialog

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox
        from ui.runner.text import fill
        QMessageBox.about(self, self.tr("About School Inspect"), fill(self.tr(
            "School Inspect — offline school inspection (教育督导): checklists, canteen food "
            "safety, teacher ethics, signed reports and sync by bundle files.\n\n"
            "Profile: %1"), self.ws.paths.home))

    def set_language(self, language: str) -> None:
        """Switch language: remember it, reinstall translators, rebuild the widgets."""
        if language == self.ws.profile.language:
            return
        self.ws.set_identity(language=language)
        install_translations(QApplication.instance(), language)
        page, runner_id = self.current_page_key(), self.runner_id
        self._flush_runner()
        self.build()
        if runner_id:
            self.open_inspection(runner_id)
        self.show_page(page if page != RUNNER or runner_id else "schools")

    # -- who the user is -------------------------------------------------------------------
    def profile_dialog(self, first_start: bool = False):
        from ui.dialogs.profile_dialog import ProfileDialog
        dialog = ProfileDialog(self.ctx, self, first_start=first_start)
        dialog.accepted.connect(lambda: self._profile_saved(dialog))
        return dialog

    def _profile_saved(self, dialog) -> None:
        self.status.retranslate(self.ws)
        if dialog.wants_demo():
            self.load_demo_data()

    def edit_profile(self) -> None:
        self.profile_dialog().exec()

    def key_password(self) -> None:
        from ui.dialogs.profile_dialog import KeyPasswordDialog
        if KeyPasswordDialog(self.ctx, self).exec():
            self.status.showMessage(self.tr("The signing key password was changed."), 5000)

    # -- first start ----------------------------------------------------------------------
    def finish_start(self) -> None:
        """Once the first screen has painted: what it did not need (the launcher opened
        the workspace without it) — built-in template versions new to this profile, the
        check that the signing certificate follows the user's name, the status bar's
        counts, what the pages left for then — then the first-start questions."""
        from app.services.templates import install_builtin_templates
        try:
            installed = install_builtin_templates(self.ws)
            self.ws.signing_identity()
        except KnownError as exc:
            self.operations.report(exc, self)
        else:
            self.operations.announce(installed)
        self._counted = True
        self.status.refresh_counts(self.ws)
        self.ctx.started()
        self.first_start()

    def first_start(self):
        """Once the window is up: ask who the user is (the name is never guessed from the
        login name) and offer demo data; a known user only gets the demo-data offer.
        Returns the welcome dialog, opened window-modal without blocking."""
        if self.ws.profile.user_name:
            self.offer_demo_data()
            return None
        dialog = self.profile_dialog(first_start=True)
        dialog.open()
        return dialog

    def offer_demo_data(self) -> bool:
        """On an empty database, ask whether to load demo schools and inspections."""
        if self.ws.store.scalar("select count(*) from schools where deleted = 0"):
            return False
        from PySide6.QtWidgets import QMessageBox  # message boxes: not before the first paint
        answer = QMessageBox.question(
            self, self.tr("Load demo data?"),
            self.tr("This profile has no schools yet. Load demo data (12 schools with "
                    "teachers, inspections and corrective actions) to try School Inspect? "
                    "You can also start empty and add your own schools."))
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo_data()
            return True
        return False

    def load_demo_data(self, schools: int = 12, inspections: int = 60):
        from ui import jobs
        return self.operations.run_in_background(
            jobs.load_demo_data(schools, inspections), parent=self,
            title=self.tr("Loading demo data…"))

    def closeEvent(self, event) -> None:
        self._flush_runner()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.save_state()
        super().closeEvent(event)
