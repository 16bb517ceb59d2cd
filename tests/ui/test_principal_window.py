"""A principal's window (docs/ROLES.md): it opens on their own school's self-assessment, shows
their own school's results only (no other school's teacher-ethics evaluations, also after a
sync), reads an inspector's findings without being able to change them, and offers no action
the role may not take."""

import pytest

from app.security import roles
from app.services import answers, inspections, schools
from tests.app.sync.helpers import send
from tests.ui.helpers import evaluate_teacher
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def world(ws):
    """Two schools with an inspection, an ethics evaluation each, and S's self-assessment;
    then the profile becomes the principal of S."""
    with roles.training(ws):
        s = schools.add_school(ws, name="育才小学").created
        t = schools.add_school(ws, name="实验小学").created
        found = {"s": s, "t": t}
        for key, school in (("s", s), ("t", t)):
            teacher = schools.add_teacher(ws, school, name=f"{key}老师").created
            found[f"ethics_{key}"] = evaluate_teacher(ws, school, teacher)
            found[f"visit_{key}"] = inspections.start_inspection(
                ws, school_id=school, template="mini").created
        found["own"] = inspections.start_inspection(ws, school_id=s, template="mini",
                                                    mode="self_assessment").created
    ws.set_identity(name="王校长", role="principal", schools=[s])
    return found


@pytest.fixture
def principal_window(ws, world, qtbot):
    window = MainWindow(ws)
    window.operations.show_errors = False
    qtbot.addWidget(window)
    return window


def test_opens_on_the_own_schools_self_assessment(principal_window, world):
    assert principal_window.current_page_key() == "runner"
    assert principal_window.runner_id == world["own"]
    runner = principal_window.runner
    assert not runner.read_only
    runner.save_answer("a.score", 4)
    assert answers.answers_of(principal_window.ctx.ws, world["own"])["a.score"] == 4


def test_an_inspectors_findings_are_read_only(principal_window, world):
    principal_window.open_inspection(world["visit_s"])
    runner = principal_window.runner
    assert runner.read_only
    runner.save_answer("a.score", 1)
    assert "a.score" not in answers.answers_of(principal_window.ctx.ws, world["visit_s"])


def _listed(page) -> set:
    while page.model.canFetchMore():        # what the view asks for as it is scrolled
        page.model.fetchMore()
    return {page.model.id_at(r) for r in range(page.model.rowCount())}


def test_lists_only_the_own_schools_results(principal_window, world):
    principal_window.show_page("inspections")
    page = principal_window.pages["inspections"]
    shown = _listed(page)
    assert page.model.total == len(shown) == 2
    assert world["visit_s"] in shown and world["visit_t"] not in shown
    assert world["ethics_t"] not in shown
    principal_window.show_page("ethics")
    combo = principal_window.pages["ethics"].school
    assert [combo.itemData(i) for i in range(combo.count())] == [world["s"]]


def test_offers_only_what_a_principal_may_do(principal_window, world, qtbot):
    principal_window.show_page("templates")
    assert not principal_window.pages["templates"].import_button.isVisibleTo(
        principal_window.pages["templates"])
    dialog = NewInspectionDialog(principal_window.ctx, principal_window)
    qtbot.addWidget(dialog)
    assert [dialog.mode.itemData(i) for i in range(dialog.mode.count())] == ["self_assessment"]
    assert [dialog.school.itemData(i) for i in range(dialog.school.count())] == [world["s"]]


def test_after_a_sync_other_schools_ethics_stay_unseen(make_workspace, ws, world, tmp_path,
                                                       qtbot):
    inspector = make_workspace("inspector")
    inspector.set_identity(name="李督学", role="inspector")
    # the inspector meets the principal (and learns the principal's encryption key)
    send(ws, inspector, tmp_path, kind="full", inspections=[world["own"]])
    other_school = schools.add_school(inspector, name="路上遇到的学校").created
    teacher = schools.add_teacher(inspector, other_school, name="新老师").created
    other = evaluate_teacher(inspector, other_school, teacher)
    result = send(inspector, ws, tmp_path)
    assert result["confidential"]["not_addressed"] > 0
    assert ws.store.get("inspections", other) is None
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show_page("inspections")
    page = window.pages["inspections"]
    assert world["own"] in _listed(page) and other not in _listed(page)
