"""The core, storage, services, exchange and reports are plain Python: no Qt, enforced here,
and the layers of pyproject.toml's import-linter contracts hold.

The command line may start the GUI (``jianfu`` with no arguments) but imports no Qt itself.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import jianfu
from helpers.tools import find_tool

QT_FREE = ("core", "storage", "services", "exchange", "reports", "cli")
PACKAGE = Path(jianfu.__file__).parent


def test_qt_free_packages_do_not_import_qt_in_source() -> None:
    for folder in QT_FREE:
        for path in (PACKAGE / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                forbidden = ("PySide6", "shiboken6") if folder == "cli" else ("PySide6", "shiboken6", "jianfu.ui")
                for name in names:
                    assert not name.startswith(forbidden), (path, name)


def test_importing_the_core_loads_no_qt() -> None:
    modules = [
        f"jianfu.{folder}.{p.stem}"
        for folder in ("core", "storage", "services", "exchange")
        for p in (PACKAGE / folder).glob("*.py")
        if p.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + ("bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\nassert not bad, bad\n")
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_import_linter_contracts_are_kept() -> None:
    """core <- exchange/reports <- storage <- services <- ui <- cli; see pyproject.toml."""
    command = find_tool("lint-imports")
    assert command, "import-linter is part of the test extra"
    root = PACKAGE.parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([command], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
