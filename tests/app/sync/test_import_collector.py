"""An import pauses Python's cycle collector for its own duration only (it walked a gigabyte of
held records at district scale): the collector is back on after an import, a refused bundle
or a second import of the same bundle, and a caller who had it off finds it off."""

import gc
import zipfile

import pytest

from app.errors import BundleError
from app.sync.export import export_bundle
from app.sync.importer import import_bundle


@pytest.fixture
def bundle(ws, mini_inspection, tmp_path):
    path = tmp_path / "full.sibundle"
    export_bundle(ws, path, kind="full")
    return path


def test_the_collector_is_on_again_after_an_import(make_workspace, bundle):
    office = make_workspace("office")
    assert gc.isenabled()
    assert import_bundle(office, bundle, trust=True)["status"] == "imported"
    assert gc.isenabled()
    assert import_bundle(office, bundle, trust=True)["status"] == "already_imported"
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_refused_bundle(make_workspace, bundle, tmp_path):
    broken = tmp_path / "broken.sibundle"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            if info.filename != "manifest.json":
                out.writestr(info, source.read(info))
    with pytest.raises(BundleError):
        import_bundle(make_workspace("office"), broken, trust=True)
    assert gc.isenabled()


def test_a_caller_who_paused_the_collector_finds_it_paused(make_workspace, bundle):
    gc.disable()
    try:
        import_bundle(make_workspace("office"), bundle, trust=True)
        assert not gc.isenabled()
    finally:
        gc.enable()
