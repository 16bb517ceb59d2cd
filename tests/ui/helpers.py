"""Helpers for the UI tests (plain functions and classes; the fixtures are in conftest.py)."""

from __future__ import annotations

from app.services.answers import answer_item, set_note
from app.services.inspections import complete_inspection, start_inspection
from app.services.templates import get_template
from ui.operations import Operations


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
