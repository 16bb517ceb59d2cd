"""The count badge on the sidebar's Conflicts entry: after an import that left conflicts,
the entry reads "Conflicts (2)" in bold red, so the clerk sees there is something to decide
without opening the page; it goes back to plain when the last one is resolved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget

from app.security.roles import visible_schools

ALERT = QColor("#c62828")


def open_conflicts(ws) -> int:
    """Open conflicts this profile may see (a principal: their own school's only)."""
    if visible_schools(ws) is not None:
        from app.sync.conflicts import list_conflicts
        return len(list_conflicts(ws))
    return ws.store.scalar("select count(*) from conflicts where resolved_at is null") or 0


def show_badge(nav: QListWidget, key: str, title: str, count: int) -> None:
    """Write `title` with `count` onto the entry whose key is `key` (no count: plain)."""
    for row in range(nav.count()):
        item = nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != key:
            continue
        item.setText(f"{title}  ({count})" if count else title)
        font = item.font()
        font.setBold(bool(count))
        item.setFont(font)
        item.setForeground(QBrush(ALERT) if count else QBrush())
        item.setToolTip(title)
        return
