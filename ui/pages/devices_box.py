"""The Sync page's "Trusted devices" box: every sender device whose bundles were imported
here (its name, key fingerprint, when it was first seen, whether it is trusted), read-only,
from `app.sync.trust.list_devices`. Compare a fingerprint here with the sender's own."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.sync.trust import list_devices


class DevicesBox(QGroupBox):
    def __init__(self, ws, parent: QWidget | None = None):
        super().__init__(self.tr("Trusted devices"), parent)
        self.ws = ws
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
        self.empty = QLabel(self.tr("No other device has sent a bundle here yet."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        devices = list_devices(self.ws)
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            trusted = self.tr("Yes") if device["trusted"] else self.tr("No")
            values = (device["name"] or device["id"], device["fingerprint"] or "",
                      _day(device["first_seen"]), trusted)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(device["id"] if column == 0 else text)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not devices)
        self.table.setVisible(bool(devices))

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for checks and screenshots)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def _day(stamp: str | None) -> str:
    """First seen as a date and minute ("2026-11-22 21:05"), not a full ISO time stamp."""
    return (stamp or "").replace("T", " ")[:16]
