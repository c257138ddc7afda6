"""The Qt binding itself: faults of a PySide6 release that would bring the app down."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def test_calls_that_return_nothing_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 drops a reference to None on every call that returns nothing
    (setText, invalidate, updateGeometry, ...). On Python 3.11 None is not immortal: a
    long session's timers and repaints count it down, and at zero the interpreter aborts
    ("Fatal Python error: none_dealloc"), the coach's window gone. pyproject.toml excludes
    that release. (On Python 3.12+ None is immortal and its count does not move.)"""
    widget = QWidget()
    qtbot.addWidget(widget)
    row = QHBoxLayout(widget)
    label = QLabel("x")
    row.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(1000):
        label.setText(str(i))
        row.invalidate()
        widget.updateGeometry()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 3,000 calls"
