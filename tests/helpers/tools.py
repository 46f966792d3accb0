"""Command-line tools of the test environment.

Tests run as ``.venv/bin/python -m pytest`` without activating the virtual environment, so
the environment's scripts are not on PATH: look beside the interpreter first.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def find_tool(name: str) -> str | None:
    """The path of the console script ``name`` of this interpreter's environment, else PATH's."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)
