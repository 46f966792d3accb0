"""PySide6's import hook asks of every module imported after it whether it uses PySide6, by
reading its source through inspect (~0.1 ms a module on the start-up path). Ours reads the bytes
(or nothing, for built-in and standard-library modules): it must give PySide6's own answer, and be
installed once the window's module is imported."""

from __future__ import annotations

import importlib
import inspect
import sys

import pytest

import jianfu.ui.app  # noqa: F401 - installs the faster check


def test_the_faster_check_is_installed_and_agrees_with_pysides() -> None:
    feature = sys.modules["shibokensupport.feature"]
    check = feature._mod_uses_pyside
    assert getattr(check, "jianfu", False), "PySide6's hook changed: see jianfu/ui/qt_import.py"
    for name, uses in (
        ("jianfu.ui.main_window", True),
        ("jianfu.ui.pages.start_page", True),
        ("jianfu.core.answers", False),
        ("jianfu.storage.database", False),
        ("json", False),
        ("datetime", False),  # the standard library, answered without reading it
        ("logging", False),
    ):
        module = importlib.import_module(name)
        assert check(module) is uses, name
        assert ("PySide6" in inspect.getsource(module)) is uses, name  # what PySide6 itself asks
    assert check(sys) is False  # built-in modules: no source, as PySide6's own check says
    assert check(importlib.import_module("gc")) is False
    for compiled in ("_sqlite3", "math", "PySide6.QtWidgets"):  # extension modules: no source either
        module = importlib.import_module(compiled)
        assert check(module) is False
        with pytest.raises(OSError):
            inspect.getsource(module)
