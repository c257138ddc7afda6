"""The mapped classes' annotations are objects, not strings (models/base.py): SQLAlchemy
compiles and evaluates each postponed one as the models are imported, which every
`spt-desktop` process pays (bench/SYNC.md, round 10, helper "case13")."""

from __future__ import annotations

from spt_desktop.models import Base
from spt_desktop.models.base import Synced


def test_no_mapped_class_has_postponed_annotations() -> None:
    classes = {Synced} | {m.class_ for m in Base.registry.mappers}
    assert len(classes) > 20
    postponed = sorted(
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in classes
        for name, annotation in vars(cls).get("__annotations__", {}).items()
        if isinstance(annotation, str)
    )
    assert postponed == []
