"""Fixtures shared by the tests of ui/models."""

from __future__ import annotations

import pytest

from app.services.actions import raise_action
from app.services.inspections import start_inspection
from app.services.schools import add_school


@pytest.fixture
def data(ws, school_id, mini_inspection):
    add_school(ws, name="河西区光明高级中学", district="河西区", level="senior")
    start_inspection(ws, school_id=school_id, template="mini", visit_date="2026-01-05")
    ws.store.update("inspections", mini_inspection, {"visit_date": "2020-01-02"})
    raise_action(ws, mini_inspection, description="补齐留样记录", due_date="2020-01-31")
