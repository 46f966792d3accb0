"""The core, storage, exchange and reports are plain Python: no Qt, enforced here.

The command line may start the GUI (``jianfu`` with no arguments) but imports no Qt itself.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import jianfu

QT_FREE = ("core", "storage", "exchange", "reports", "cli")
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
        for folder in ("core", "storage", "exchange")
        for p in (PACKAGE / folder).glob("*.py")
        if p.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + ("bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\nassert not bad, bad\n")
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
