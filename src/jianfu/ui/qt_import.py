"""PySide6, imported with its import hook's source check made cheap.

On every module imported after it, PySide6's ``__feature__`` hook asks whether the module uses
PySide6 by reading its source through ``inspect.getsource`` (tokenizer, line cache): about 0.1 ms
a module, ~5 ms of the start-up before the first paint. The same question answered by reading the
file's bytes gives the same answer (the text "PySide6" in the source). Anything unusual (no file,
not a .py, a PySide6 without the hook) falls back to PySide6's own check.
"""

from __future__ import annotations

import sys
from typing import Any

import PySide6.QtCore  # noqa: F401 - installs the hook this module speeds up


def _speed_up_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "jianfu", False):
        return

    def mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.jianfu = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


_speed_up_feature_check()
