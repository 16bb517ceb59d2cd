"""The Sync page: export a signed bundle (changes since the last export, everything, chosen
schools, or an assignment for an inspector) and import one, both off the GUI thread with
progress. A first-time signer is shown with its key fingerprint for the user to confirm;
after an import a table says per kind of record what was added, updated, unchanged, in
conflict or skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QListWidgetItem, QMessageBox, QProgressBar,
                               QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.services.schools import list_schools
from app.sync.trust import UnknownSignerError
from ui import jobs
from ui.pages.devices_box import DevicesBox
from ui.runner.text import fill
from ui.widgets import labels

SCOPES = ("changes", "full", "schools", "assignment")
OUTCOMES = ("added", "updated", "unchanged", "conflicts", "skipped")


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    moved = Signal(int, int, str)


class SyncPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_result: dict | None = None
        self.last_export: dict | None = None
        self.relay = _Progress(self)
        self.relay.moved.connect(self._show_progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self._export_box())
        layout.addWidget(self._import_box(), 1)
        self.devices = DevicesBox(ctx.ws, self, operations=ctx.operations)
        layout.addWidget(self.devices)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self._fill_schools()

    # -- building -------------------------------------------------------------------------
    def _export_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export a bundle"), self)
        self.scope = QButtonGroup(self)
        texts = {"changes": self.tr("Changes since the last export"),
                 "full": self.tr("Everything"),
                 "schools": self.tr("Only the chosen schools"),
                 "assignment": self.tr("Assignment for an inspector (schools, templates, "
                                       "planned visits)")}
        column = QVBoxLayout()
        self.scope_buttons = {}
        for n, scope in enumerate(SCOPES):
            button = QRadioButton(texts[scope], box)
            self.scope.addButton(button, n)
            self.scope_buttons[scope] = button
            column.addWidget(button)
        self.scope_buttons["changes"].setChecked(True)
        self.schools = QListWidget(box)
        self.schools.setMaximumHeight(160)
        self.export_button = QPushButton(self.tr("Export…"), box)
        self.export_button.clicked.connect(self.choose_export_file)
        self.export_status = QLabel(box)
        self.export_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addLayout(column, 1)
        row.addWidget(self.schools, 1)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.export_status, 1)
        inner.addLayout(bottom)
        self.scope.idToggled.connect(lambda *_: self._update_schools_enabled())
        self._update_schools_enabled()
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Import a bundle"), self)
        self.import_button = QPushButton(self.tr("Import…"), box)
        self.import_button.clicked.connect(self.choose_import_file)
        self.import_status = QLabel(self.tr("Bundles are checked completely before anything "
                                            "is changed."), box)
        self.import_status.setWordWrap(True)
        self.summary = QTableWidget(0, len(OUTCOMES) + 1, box)
        self.summary.setHorizontalHeaderLabels(
            [self.tr("Records"), self.tr("Added"), self.tr("Updated"), self.tr("Unchanged"),
             self.tr("Conflicts"), self.tr("Skipped")])
        self.summary.verticalHeader().setVisible(False)
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.summary.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.import_status, 1)
        inner = QVBoxLayout(box)
        inner.addLayout(top)
        inner.addWidget(self.summary, 1)
        return box

    def _table_names(self) -> dict[str, str]:
        return {"schools": self.tr("Schools"), "teachers": self.tr("Teachers"),
                "users": self.tr("Users"), "templates": self.tr("Templates"),
                "inspections": self.tr("Inspections"), "responses": self.tr("Answers"),
                "attachments": self.tr("Evidence"), "actions": self.tr("Corrective actions"),
                "signatures": self.tr("Signatures")}

    def _fill_schools(self) -> None:
        chosen = set(self.chosen_schools())
        self.schools.clear()
        for school in list_schools(self.ctx.ws):
            item = QListWidgetItem(labels.school_name(school, self.ctx.lang), self.schools)
            item.setData(Qt.ItemDataRole.UserRole, school["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if school["id"] in chosen
                               else Qt.CheckState.Unchecked)

    def _update_schools_enabled(self) -> None:
        self.schools.setEnabled(self.current_scope() in ("schools", "assignment"))

    # -- state ----------------------------------------------------------------------------
    def current_scope(self) -> str:
        return SCOPES[max(self.scope.checkedId(), 0)]

    def set_scope(self, scope: str) -> None:
        self.scope_buttons[scope].setChecked(True)

    def chosen_schools(self) -> list[str]:
        return [self.schools.item(n).data(Qt.ItemDataRole.UserRole)
                for n in range(self.schools.count())
                if self.schools.item(n).checkState() == Qt.CheckState.Checked]

    def check_school(self, school_id: str, checked: bool = True) -> None:
        for n in range(self.schools.count()):
            item = self.schools.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == school_id:
                item.setCheckState(Qt.CheckState.Checked if checked else
                                   Qt.CheckState.Unchecked)

    # -- export ---------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        default = self.ctx.ws.paths.default_output / f"school-inspect-{stamp}.sibundle"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export a bundle"), str(default),
                                              self.tr("Sync bundles (*.sibundle)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path):
        """Start the export in the background; returns the worker."""
        scope, schools = self.current_scope(), self.chosen_schools()
        if scope == "schools" and not schools:
            self.export_status.setText(self.tr("Choose at least one school to export."))
            return None
        kind = {"schools": "full"}.get(scope, scope)
        chosen = schools if scope in ("schools", "assignment") else ()
        self._busy(True)
        return self.ctx.operations.run_in_background(
            jobs.export_bundle(path, kind=kind, schools=chosen, progress=self._relay_progress),
            parent=self, title=self.tr("Exporting…"), on_done=self._exported,
            on_error=self._failed)

    def _relay_progress(self, done: int, total: int, stage: str) -> None:
        """Called on the worker thread: the queued signal carries it to the GUI thread."""
        self.relay.moved.emit(done, total, stage)

    def _exported(self, summary: dict) -> None:
        self._busy(False)
        self.last_export = summary
        records = sum(summary["counts"].values())
        self.export_status.setText(fill(
            self.tr("Exported %1 and %2 to %3"), self.tr("%n record(s)", "", records),
            self.tr("%n evidence file(s)", "", summary["evidence_files"]), summary["path"]))

    # -- import ---------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a bundle"),
                                              str(self.ctx.ws.paths.default_output),
                                              self.tr("Sync bundles (*.sibundle)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path, *, trust: bool = False):
        """Verify and merge in the background; returns the worker."""
        self._busy(True)
        return self.ctx.operations.run_in_background(
            jobs.import_bundle(path, trust=trust, progress=self._relay_progress), parent=self,
            title=self.tr("Importing…"), on_done=self._imported,
            on_error=lambda exc: self._import_failed(exc, path))

    def _imported(self, result: dict) -> None:
        self._busy(False)
        self.show_summary(result)

    def _import_failed(self, exc: BaseException, path: Path) -> None:
        self._busy(False)
        if isinstance(exc, UnknownSignerError):
            if self.confirm_signer(exc):
                self.import_from(path, trust=True)
            else:
                self.import_status.setText(self.tr("Not imported: the sender was not "
                                                   "confirmed."))
            return
        self.import_status.setText(str(exc))
        self._failed(exc)

    def signer_dialog(self, exc: UnknownSignerError) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Trust this sender?"),
                          fill(self.tr("This bundle is signed by a device not seen before:"
                                       "\n\n%1\nKey fingerprint: %2\n\nCompare the fingerprint "
                                       "with the sender (for example by phone) before you trust "
                                       "it."), exc.name or exc.device_id, exc.fingerprint),
                          parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Trust and import"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not import"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def confirm_signer(self, exc: UnknownSignerError) -> bool:
        return self.signer_dialog(exc).exec() == QMessageBox.StandardButton.Yes

    def show_summary(self, result: dict) -> None:
        self.last_result = result
        if result["status"] == "already_imported":
            self.import_status.setText(self.tr("This bundle was already imported; nothing "
                                               "changed."))
            self.summary.setRowCount(0)
            return
        names = self._table_names()
        rows = [(t, n) for t, n in result["tables"].items()]
        self.summary.setRowCount(len(rows))
        for r, (table, outcomes) in enumerate(rows):
            self.summary.setItem(r, 0, QTableWidgetItem(names.get(table, table)))
            for c, outcome in enumerate(OUTCOMES, 1):
                item = QTableWidgetItem(str(outcomes.get(outcome, 0)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.summary.setItem(r, c, item)
        conflicts = sum(n["conflicts"] for n in result["tables"].values())
        sender = result["sender"]["name"] or result["sender"]["device_id"]
        text = fill(self.tr("Imported from %1."), sender)
        if conflicts:
            text += " " + self.tr("%n conflict(s) need a decision on the Conflicts page.", "",
                                  conflicts)
        self.import_status.setText(text)

    # -- shared ---------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.ctx.operations.report(exc, self)

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    def _show_progress(self, done: int, total: int, _stage: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_changes(self, changes) -> None:
        if changes.touches("schools"):
            self._fill_schools()
        if changes.touches("devices"):
            self.devices.reload()
