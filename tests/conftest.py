from __future__ import annotations

import os
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
