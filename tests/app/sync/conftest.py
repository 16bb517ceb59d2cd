"""Two (or three) independent profiles with names, as an inspector and the office."""

import pytest


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
