"""The Qt binding must not corrupt reference counts (PySide6 6.12.0 on Python 3.10/3.11 did).

Every signal emit there dropped one reference to ``True`` and every void call one to ``None``;
the process aborted with "Fatal Python error: bool_dealloc" after ~140 edits in the wizard.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QLabel

CALLS = 5000
# Unrelated code may take or drop a few references while the loop runs; the broken binding
# lost one per call, i.e. thousands.
TOLERANCE = 50


class _Emitter(QObject):
    toggled = Signal(bool)


def test_signal_emits_keep_the_reference_count_of_true(qtbot) -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.toggled.connect(seen.append)
    box = QCheckBox()
    qtbot.addWidget(box)
    before = sys.getrefcount(True)
    for n in range(CALLS):
        emitter.toggled.emit(True)
        box.setChecked(n % 2 == 0)  # a C++ signal (toggled) with a bool argument
    seen.clear()
    assert abs(sys.getrefcount(True) - before) < TOLERANCE


def test_void_calls_keep_the_reference_count_of_none(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n % 7))  # returns None from C++
        label.clear()
    assert abs(sys.getrefcount(None) - before) < TOLERANCE
