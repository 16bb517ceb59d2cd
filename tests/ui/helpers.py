"""Helpers for the UI tests (plain functions and classes; the fixtures are in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStackedWidget

from app.services.answers import answer_item, set_note
from app.services.inspections import complete_inspection, start_inspection
from app.services.templates import get_template
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from ui.context import UiContext
from ui.operations import Operations, initiated_by
from ui.runner import InspectionRunner


class RecordingOperations(Operations):
    """Operations that remember reported errors instead of opening message boxes."""

    def __init__(self):
        super().__init__()
        self.show_errors = False
        self.errors: list[BaseException] = []

    def report(self, exc, parent=None) -> None:
        self.errors.append(exc)
        super().report(exc, parent)


def evaluate_teacher(ws, school_id, teacher_id, score: int = 95,
                     violated: str | None = None) -> str:
    """A completed ethics evaluation: every rater gives `score`, every red line is kept but
    `violated`. Returns its id."""
    template = get_template(ws, "teacher_ethics")
    evaluation = start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                  teacher_id=teacher_id).created
    for item in template.items:
        if item.type == "score":
            answer_item(ws, evaluation, item.key, score)
        elif item.type == "yes_no":
            answer_item(ws, evaluation, item.key, "no" if item.key == violated else "yes")
    if violated:  # a failed veto is completed only with the facts written down
        set_note(ws, evaluation, violated, "经调查核实，情况属实。")
    complete_inspection(ws, evaluation)
    return evaluation


def answer_every_mini_item(ws, inspection_id: str) -> None:
    """Answer every item of the mini template and attach its required photo, so that the
    inspection can be completed."""
    from app.services.evidence import attach_file
    for key, value in (("a.samples", "yes"), ("a.score", 5), ("a.rating", "good"),
                       ("b.fridge", 3), ("b.choice", "full")):
        answer_item(ws, inspection_id, key, value)
    attach_file(ws, inspection_id, "b.fridge", data=b"\x89PNG fake", filename="f.png")


def answers_in_database(path, inspection_id: str) -> dict:
    """Read answers through a SEPARATE sqlite3 connection, as a crashed app would leave
    them on disk."""
    import json
    import sqlite3
    connection = sqlite3.connect(str(path))
    try:
        rows = connection.execute(
            "select item_key, value, note from responses where inspection_id = ? "
            "and deleted = 0", [inspection_id]).fetchall()
    finally:
        connection.close()
    return {key: (json.loads(value) if value else None, note) for key, value, note in rows}


def write_png(path, colour=(200, 40, 40)):
    from PIL import Image
    Image.new("RGB", (64, 48), colour).save(path)
    return path


def open_runner(qtbot, ctx, inspection_id):
    runner = InspectionRunner(ctx, inspection_id)
    qtbot.addWidget(runner)
    ctx.operations.changed.connect(  # as the main window routes changes
        lambda changes, initiator: initiated_by(runner, initiator) or runner.on_changes(changes))
    runner.resize(1280, 800)
    runner.show()
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    return runner


def draw_signature(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 80))
    for x, y in ((60, 50), (90, 100), (130, 40), (170, 90), (220, 60)):
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(240, 70))


def make_ctx(ws, lang: str = "en") -> UiContext:
    operations = Operations()
    operations.show_errors = False
    ws.set_identity(language=lang)
    return UiContext(ws, operations)


def runner_widget(qtbot, ctx, inspection_id) -> InspectionRunner:
    runner = InspectionRunner(ctx, inspection_id)
    qtbot.addWidget(runner)
    return runner


def send(src, dst, path) -> dict:
    export_bundle(src, path)
    return import_bundle(dst, path, trust=True)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def runner_in_shown_window(qtbot, ctx, inspection_id):
    """As in the main window: the runner is made inside an already shown window, then shown.
    Returns (window, runner)."""
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.resize(1110, 800)
    stack.show()
    runner = InspectionRunner(ctx, inspection_id, stack)
    stack.addWidget(runner)
    stack.setCurrentWidget(runner)
    return stack, runner  # the caller keeps the window: qtbot holds it only weakly


def visit_with_two_actions(ws, school_id: str) -> str:
    """A signed visit of 2026-03-01 with two corrective actions due in March."""
    from app.services.actions import raise_action
    from tests.app.sync.helpers import sign
    visit = start_inspection(ws, school_id=school_id, template="mini",
                             visit_date="2026-03-01").created
    raise_action(ws, visit, description="每餐留样", due_date="2026-03-10")
    raise_action(ws, visit, description="更换灭火器", due_date="2026-03-20")
    sign(ws, visit)
    return visit
