from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jianfu.core.checklist import Checklist
from jianfu.core.library import ChecklistLibrary
from jianfu.paths import resources_dir
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database


@pytest.fixture(scope="session")
def library() -> ChecklistLibrary:
    return ChecklistLibrary(resources_dir() / "checklists")


@pytest.fixture(scope="session")
def checklist(library: ChecklistLibrary) -> Checklist:
    return library.latest()


@pytest.fixture
def store(tmp_path: Path) -> AssessmentStore:
    db = open_database(tmp_path / "jianfu.sqlite3")
    yield AssessmentStore(db)
    db.conn.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the real user data directory.
    monkeypatch.setenv("JIANFU_HOME", str(tmp_path / "home"))


_GUARD = pytest.StashKey[object]()


@pytest.fixture(autouse=True)
def _unexpected_dialogs_fail(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog the test does not answer (tests/unit/ui/dialogs.py) fails it at once with
    its title and text, instead of waiting for a click that never comes (tests/helpers/modal_guard.py)."""
    if "qapp" in request.fixturenames or "PySide6.QtWidgets" in sys.modules:  # a GUI test
        from helpers.modal_guard import install

        request.node.stash[_GUARD] = install(monkeypatch)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fails the test for a refused dialog whose exception did not fail it already (the
    application caught it); outside pytest-qt's own check, so it is not reported twice."""
    result = yield  # raises when the test (or pytest-qt, for an exception in a slot) failed it
    guard = item.stash.get(_GUARD, None)
    failures = getattr(guard, "failures", None)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
    return result
