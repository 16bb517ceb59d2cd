"""Two (or three) independent profiles with names, as an inspector and the office; a
small demo bundle."""

import pytest

from app.services.demo import generate_demo
from app.sync.export import export_bundle


@pytest.fixture
def office(make_workspace):
    ws = make_workspace("office")
    ws.set_identity(name="区督导室王主任", role="admin")
    return ws


@pytest.fixture
def inspector(make_workspace):
    ws = make_workspace("inspector")
    ws.set_identity(name="李督学", role="inspector")
    return ws


@pytest.fixture
def colleague(make_workspace):
    """A second inspector of the same team, on their own laptop."""
    ws = make_workspace("colleague")
    ws.set_identity(name="赵督学", role="inspector")
    return ws


@pytest.fixture
def demo_bundle(make_workspace, tmp_path):
    """A full bundle of a small deterministic demo (3 schools, 12 inspections)."""
    sender = make_workspace("sender")
    sender.set_identity(name="督学甲", role="inspector")
    generate_demo(sender, schools=3, inspections=12, seed=3)
    path = tmp_path / "demo.sibundle"
    export_bundle(sender, path, kind="full")
    return path
