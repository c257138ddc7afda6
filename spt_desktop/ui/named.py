"""``named(QLabel(text), "pageTitle")``: a widget with its object name, which the
stylesheet and the tests find it by.

Qt also takes ``objectName="..."`` as a constructor keyword, but PySide6's type stubs
know no property keywords, so mypy could check none of those constructor calls; this
says the same in a form it checks."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

QObj = TypeVar("QObj", bound=QObject)


def named(obj: QObj, name: str) -> QObj:
    """``obj`` with ``objectName`` set to ``name``."""
    obj.setObjectName(name)
    return obj


__all__ = ["named"]
