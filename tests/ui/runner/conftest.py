"""Fixtures shared by the tests of ui/runner."""

from __future__ import annotations

import pytest

from app.services.inspections import start_inspection


@pytest.fixture
def canteen(ws, school_id) -> str:
    return start_inspection(ws, school_id=school_id, template="canteen_food_safety").created
