"""The Corrective actions page at district scale: it shows the first page of actions and
fetches more as the user scrolls, counts and filters the whole list in SQL, keeps the
selection across a reload even far down the list, and never reads every action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.actions import move_action
from app.services.inspections import start_inspection
from app.services.schools import add_school
from ui.models.actions_model import PAGE
from ui.pages.actions_page import OVERDUE, ActionsPage

COUNT = 450


@pytest.fixture
def many(ws):
    """COUNT actions over two schools (every third overdue), written as an import would."""
    schools = [add_school(ws, name=f"第{n}中学", district="青山区").created for n in range(2)]
    visits = [start_inspection(ws, school_id=s, template="mini").created for s in schools]
    rows = []
    for n in range(COUNT):
        due = f"20{20 if n % 3 == 0 else 99}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        rows.append((f"act-{n:04d}", f"r{n:04d}", "dev", visits[n % 2], schools[n % 2],
                     f"整改{n}", "medium", due, "pending", f"2025-01-01T00:00:{n % 60:02d}Z"))
    with ws.store.atomic():
        ws.store.conn.executemany(
            "insert into actions (id, rev, device_id, inspection_id, school_id, description, "
            "severity, due_date, status, created_at, deleted) values (?,?,?,?,?,?,?,?,?,?,0)",
            rows)
    return {"schools": schools, "visits": visits}


@pytest.fixture
def page(open_page, many, english):
    page = open_page(ActionsPage)
    page.resize(1000, 400)
    page.show()
    return page


def _scroll_to_end(page, qtbot) -> None:
    for _ in range(10):
        page.table.scrollToBottom()
        qtbot.wait(5)


def test_first_page_then_more_as_the_user_scrolls(page, qtbot):
    assert page.model.rowCount() == PAGE < COUNT
    assert page.count.text() == f"{COUNT} actions ({COUNT} open), 150 overdue"
    _scroll_to_end(page, qtbot)
    assert page.model.rowCount() == COUNT
    dues = [page.model.row_at(n)["due_date"] for n in range(COUNT)]
    assert dues == sorted(dues)                              # by due date, over every page
    first = page.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert "Overdue" in first.data(Qt.ItemDataRole.ToolTipRole)


def test_filters_count_the_whole_list(page, many, ws, qtbot):
    page.overdue_only.setChecked(True)
    assert page.count.text() == "150 actions (150 open), 150 overdue"
    assert page.model.rowCount() == 150 and all(r["overdue"] for r in page.model.rows)
    page.school.setCurrentIndex(page.school.findData(many["schools"][1]))
    assert page.count.text() == "75 actions (75 open), 75 overdue"
    assert {r["school_id"] for r in page.model.rows} == {many["schools"][1]}
    page.overdue_only.setChecked(False)
    page.school.setCurrentIndex(0)
    move_action(ws, "act-0449", "in_progress")
    page.status.setCurrentIndex(page.status.findData("in_progress"))
    assert page.count.text() == "1 action (1 open), 0 overdue"
    assert [r["id"] for r in page.model.rows] == ["act-0449"]


def test_selection_far_down_is_kept_across_a_reload(page, ctx, qtbot):
    _scroll_to_end(page, qtbot)
    last = page.model.rowCount() - 1
    chosen = page.model.row_at(last)["id"]
    page.table.selectRow(last)
    assert page.buttons["in_progress"].isEnabled()
    qtbot.mouseClick(page.buttons["in_progress"], Qt.MouseButton.LeftButton)
    # Reloaded from the first page (Operations.changed), the selection is fetched again.
    assert page.selected()["id"] == chosen and page.selected()["status"] == "in_progress"
    assert page.model.rowCount() > PAGE
    assert not page.buttons["in_progress"].isEnabled()


def test_double_click_opens_the_inspection_far_down(page, many, opened, qtbot):
    _scroll_to_end(page, qtbot)
    row = page.model.rowCount() - 1
    page.table.scrollTo(page.model.index(row, 2))
    rect = page.table.visualRect(page.model.index(row, 2))
    # A double click is a press, release and double-click on the same row, as a user's.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [page.model.row_at(row)["inspection_id"]]


def test_the_page_and_status_bar_never_read_every_action(ws, many, open_page, monkeypatch,
                                                         qtbot):
    from app.services import action_query
    from ui.widgets.status import StatusBar

    def every_action(*_args, **_kwargs):
        raise AssertionError("read every action")
    monkeypatch.setattr(action_query, "current_actions", every_action)
    page = open_page(ActionsPage)
    assert page.model.counts["total"] == COUNT
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.refresh_counts(ws)
    assert f"{COUNT}" in bar.counts.text()
