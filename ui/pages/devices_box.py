"""The Sync page's "Trusted devices" box: this device's own key fingerprint (what a receiver
compares), then every sender device whose bundles were imported here (its name, key
fingerprint, when it was first seen, whether it is trusted) from
`app.sync.trust.list_devices`, and Revoke… to refuse a device's later bundles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.services.changes import Changes
from app.sync.revocation import revoke_device, whoami
from app.sync.trust import list_devices
from ui.runner.text import fill


class DevicesBox(QGroupBox):
    def __init__(self, ws, parent: QWidget | None = None, *, operations=None):
        super().__init__(self.tr("Trusted devices"), parent)
        self.ws, self.operations = ws, operations
        me = whoami(ws)
        self.own = QLabel(fill(self.tr("This device: %1 · key fingerprint %2 — read it out "
                                       "when a receiver asks to compare."), me["name"],
                               me["fingerprint"]), self)
        self.own.setObjectName("ownFingerprint")
        self.own.setWordWrap(True)
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.setToolTip(self.tr("Stop trusting the selected device: its later "
                                              "bundles are refused"))
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Key fingerprint"),
                                              self.tr("First seen"), self.tr("Trusted")])
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(150)  # a few devices; the import summary keeps the room
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No other device has sent a bundle here yet."), self)
        top = QHBoxLayout()
        top.addWidget(self.own, 1)
        top.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.devices: list[dict] = []
        self.reload()

    def reload(self) -> None:
        self.devices = devices = list_devices(self.ws)
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            trusted = self.tr("Yes") if device["trusted"] else self.tr("No")
            if device.get("revoked_at"):
                trusted = fill(self.tr("Revoked %1"), _day(device["revoked_at"])[:10])
            values = (device["name"] or device["id"], device["fingerprint"] or "",
                      _day(device["first_seen"]), trusted)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(device["id"] if column == 0 else text)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not devices)
        self.table.setVisible(bool(devices))
        self._selection_changed()

    def selected_device(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.devices[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        device = self.selected_device()
        self.revoke_button.setEnabled(device is not None and not device.get("revoked_at")
                                      and self.operations is not None)

    def revoke_selected(self) -> bool:
        """Ask, then revoke the selected device; True when it was revoked."""
        device = self.selected_device()
        if device is None or self.operations is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Revoke device"),
            fill(self.tr("Stop trusting %1 (fingerprint %2)? Every bundle it signs from now "
                         "on is refused; what it sent before stays."),
                 device["name"] or device["id"], device["fingerprint"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = self.operations.run(lambda: revoke_device(self.ws, device["id"]), parent=self)
        if done and done["unsigned"]:   # its sign-offs no longer count: lists and runners reload
            self.operations.announce(Changes.of("inspections", *done["unsigned"]))
        self.reload()
        return done is not None

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for checks and screenshots)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def _day(stamp: str | None) -> str:
    """First seen as a date and minute ("2026-11-22 21:05"), not a full ISO time stamp."""
    return (stamp or "").replace("T", " ")[:16]
