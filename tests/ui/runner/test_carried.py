"""Follow-up visits (回头看): an action carried over from the earlier visit says which visit
it comes from; one raised in this visit does not."""

from __future__ import annotations

import pytest

from app.services.inspections import start_inspection
from tests.ui.helpers import make_ctx, runner_widget

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def follow_up(ws, school_id) -> str:
    """A visit on 2026-03-01 raised an action on a.score; the follow-up on 2026-06-01 carries
    it over to re-check it."""
    from app.services.actions import carry_over_actions, raise_action
    earlier = start_inspection(ws, school_id=school_id, template="mini",
                               visit_date="2026-03-01").created
    raise_action(ws, earlier, description="补齐留样记录", item_key="a.score")
    later = start_inspection(ws, school_id=school_id, template="mini",
                             visit_date="2026-06-01").created
    carry_over_actions(ws, later, earlier)
    return later


def runner_texts(runner, object_name: str) -> list[str]:
    from PySide6.QtWidgets import QLabel
    return [label.text() for label in runner.findChildren(QLabel, object_name)]


def test_a_carried_over_action_says_which_visit_it_comes_from(ws, follow_up, qtbot, english):
    runner = runner_widget(qtbot, make_ctx(ws), follow_up)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("补齐留样记录 (Carried over from the visit of 2026-03-01)" in h for h in hints), \
        hints
    subtitle = runner_texts(runner.header, "runnerSubtitle")[0]
    assert "Follows up the visit of 2026-03-01" in subtitle


def test_a_carried_over_action_in_chinese(ws, follow_up, qtbot, chinese):
    runner = runner_widget(qtbot, make_ctx(ws, "zh"), follow_up)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("上次督导（2026-03-01）遗留" in h for h in hints), hints
    assert "2026-03-01" in runner_texts(runner.header, "runnerSubtitle")[0]


def test_an_action_raised_in_this_visit_is_not_called_carried_over(ws, mini_inspection, qtbot,
                                                                   english):
    from app.services.actions import raise_action
    raise_action(ws, mini_inspection, description="更换灭火器", item_key="a.score")
    runner = runner_widget(qtbot, make_ctx(ws), mini_inspection)
    runner.show_item("a.score")
    hints = runner_texts(runner.item_view, "hint")
    assert any("更换灭火器" in h for h in hints) and not any("Carried" in h for h in hints)
    assert "Follows up" not in runner_texts(runner.header, "runnerSubtitle")[0]
