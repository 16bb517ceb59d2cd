"""Shared fixtures. Tests copy a prepared empty database instead of building one each time
(as Anki's tests do), and every profile lives in its own tmp folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.workspace import Workspace  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
MINI_TEMPLATE = FIXTURES / "mini_template.json"


def open_profile(prepared_db: Path, home: Path, *, copy_db: bool = True) -> Workspace:
    """A profile in `home` (created if missing) on a copy of the prepared database; for
    fixtures with a wider scope than `make_workspace`. The caller closes it."""
    home.mkdir(parents=True, exist_ok=True)
    if copy_db:
        shutil.copy(prepared_db, home / "school-inspect.db")
    return Workspace.open(home)


@pytest.fixture(scope="session")
def prepared_db(tmp_path_factory) -> Path:
    """A database with the built-in templates and the small test template installed."""
    home = tmp_path_factory.mktemp("prepared")
    ws = Workspace.open(home)
    from app.services.templates import import_template
    import_template(ws, MINI_TEMPLATE)
    ws.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.close()
    return home / "school-inspect.db"


@pytest.fixture
def make_workspace(prepared_db, tmp_path):
    """Factory: a fresh profile (own device id and keys) on a copy of the prepared database."""
    opened: list[Workspace] = []

    def make(name: str = "profile", *, copy_db: bool = True) -> Workspace:
        home = tmp_path / name
        home.mkdir()  # a name used twice is a mistake in the test
        ws = open_profile(prepared_db, home, copy_db=copy_db)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def ws(make_workspace) -> Workspace:
    workspace = make_workspace("home")
    workspace.set_identity(name="张督学", role="inspector")
    return workspace


@pytest.fixture
def school_id(ws) -> str:
    from app.services.schools import add_school
    return add_school(ws, name="青山区育才小学", district="青山区", level="primary").created


@pytest.fixture
def mini_inspection(ws, school_id) -> str:
    from app.services.inspections import start_inspection
    return start_inspection(ws, school_id=school_id, template="mini").created


def pytest_addoption(parser):
    parser.addoption("--reverse", action="store_true",
                     help="run the tests in reverse order (they must not depend on order)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--reverse"):
        items.reverse()
