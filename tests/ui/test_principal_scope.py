"""A principal's window after a sync (school A; A's and B's records held): the Actions page,
the Schools page, the Reports picker, the ledger workbook, the status bar and the Conflicts
page show A's data only, and one of B's inspections does not open. The office's Actions page
offers verification (销号), the principal's does not (docs/ROLES.md)."""

import openpyxl
import pytest

from app.services.action_query import action_state
from tests.app.scope_world import leaks, world_fixture
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


world = world_fixture("ui-scope")


def _window(ws, qtbot) -> MainWindow:
    window = MainWindow(ws)
    window.operations.show_errors = False
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(world, qtbot):
    return _window(world["principal"], qtbot)


def _combo(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]


def _select(page, action_id: str) -> None:
    page.table.selectRow(page.model.row_of_id(action_id))


def test_the_actions_page_lists_only_the_own_schools_actions(window, world):
    window.show_page("actions")
    page = window.pages["actions"]
    assert [r["id"] for r in page.model.rows] == [world["A"]["action"]]
    assert _combo(page.school) == [world["A"]["school"]]
    assert "1" in page.count.text() and not leaks(page.count.text(), world)
    _select(page, world["A"]["action"])
    assert not page.buttons["verified"].isEnabled()       # verification is not the school's
    assert page.buttons["history"].isEnabled()


def test_the_schools_page_and_its_teachers_are_the_own_school(window, world):
    window.show_page("schools")
    page = window.pages["schools"]
    assert [r["id"] for r in page.model.rows] == [world["A"]["school"]]
    page.table.selectRow(0)
    assert {t["school_id"] for t in page.teachers.rows} <= {world["A"]["school"]}


def test_the_reports_picker_offers_only_the_own_schools_inspections(window, world, tmp_path):
    window.show_page("reports")
    page = window.pages["reports"]
    offered = _combo(page.inspection)
    assert world["A"]["visit"] in offered
    assert not {world["B"]["visit"], world["B"]["local_ethics"]} & set(offered)
    assert _combo(page.school_filter) == [world["A"]["school"]]
    assert not page.summary_button.isVisibleTo(page)        # the district summary: office's
    path = page.office.ledger_to_excel(tmp_path / "ledger.xlsx")
    cells = " ".join(str(c.value) for sheet in openpyxl.load_workbook(path)
                     for row in sheet.iter_rows() for c in row if c.value is not None)
    assert world["A"]["name"] in cells and not leaks(cells, world)


def test_the_status_bar_and_conflicts_count_the_own_school(window, world):
    assert window.status.counts.text().startswith("1 ")
    window.show_page("conflicts")
    page = window.pages["conflicts"]
    assert not page.conflicts
    from ui.widgets.nav_badge import open_conflicts
    held = world["principal"].store.scalar("select count(*) from conflicts")
    assert held == 1 and open_conflicts(world["principal"]) == 0     # B's: not counted


def test_another_schools_inspection_does_not_open(window, world):
    window.open_inspection(world["B"]["visit"])
    assert not hasattr(window.runner, "inspection")          # the placeholder, not a runner
    window.open_inspection(world["A"]["visit"])
    assert window.runner.inspection["id"] == world["A"]["visit"]


def test_the_offices_actions_page_verifies_and_closes(world, qtbot):
    office = world["office"]
    window = _window(office, qtbot)
    window.show_page("actions")
    page = window.pages["actions"]
    action = world["B"]["action"]
    assert {r["school_id"] for r in page.model.rows} == \
        {world["A"]["school"], world["B"]["school"]}
    _select(page, action)
    assert page.buttons["verified"].isEnabled()
    page.act("verified")
    page.dialog.note.setPlainText("督导室核查属实，销号")
    page.dialog.accept()
    assert action_state(office, action)["status"] == "verified"
