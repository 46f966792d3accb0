"""PySide6's import hook asks of every module imported after it whether it uses PySide6, by
reading its source through inspect (~0.1 ms a module on the start-up path). Ours reads the bytes:
it must give PySide6's own answer, and be installed once the window's module is imported."""

from __future__ import annotations

import importlib
import inspect
import sys

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
    ):
        module = importlib.import_module(name)
        assert check(module) is uses, name
        assert ("PySide6" in inspect.getsource(module)) is uses, name  # what PySide6 itself asks
    assert check(sys) is False  # a built-in module: PySide6's own check answers
