"""PySide6, imported with its import hook's source check made cheap.

On every module imported after it, PySide6's ``__feature__`` hook asks whether the module uses
PySide6 by reading its source through ``inspect.getsource`` (tokenizer, line cache): about 0.1 ms
a module, ~5 ms of the start-up before the first paint. The same question answered by reading the
file's bytes gives the same answer (the text "PySide6" in the source); built-in and extension
modules (no source: inspect fails, so PySide6 says no) and the standard library (which never names
PySide6) are answered without reading anything. Anything else unusual (a .pyc alone, a PySide6
without the hook) falls back to PySide6's own check.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from typing import Any

import PySide6.QtCore  # noqa: F401 - installs the hook this module speeds up


def _speed_up_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "jianfu", False):
        return

    stdlib = os.path.dirname(os.__file__) + os.sep
    extensions = tuple(EXTENSION_SUFFIXES)

    def mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if path is None or (isinstance(path, str) and path.endswith(extensions)):
            return False  # built in or compiled: inspect finds no source, so PySide6 says False too
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        if path.startswith(stdlib) and "-packages" not in path:
            return False  # os, logging, datetime…: read for nothing, ~0.5 ms before the first paint
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.jianfu = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


_speed_up_feature_check()
