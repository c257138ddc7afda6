"""ReportLab documents: pure functions from the plain data in ``data`` to PDF bytes.

No Qt, no SQLAlchemy, no session: ``spt_desktop.services.documents`` reads the vault and
fills the data; these functions only lay it out. Each returns the PDF as bytes and writes
nothing; the caller saves it where the user chose.

The functions load on first use (PEP 562): the services import ``print.data`` at start,
and ReportLab (~120 ms) is not needed until something is printed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spt_desktop.print.aanbodkrant import aanbodkrant_pdf
    from spt_desktop.print.dossier import dossier_pdf
    from spt_desktop.print.plan import plan_pdf
    from spt_desktop.print.referral_letter import referral_letter_pdf
    from spt_desktop.print.visit_report import visit_report_pdf

_WHERE = {
    "aanbodkrant_pdf": "aanbodkrant",
    "dossier_pdf": "dossier",
    "plan_pdf": "plan",
    "referral_letter_pdf": "referral_letter",
    "visit_report_pdf": "visit_report",
}

__all__ = [
    "aanbodkrant_pdf",
    "dossier_pdf",
    "plan_pdf",
    "referral_letter_pdf",
    "visit_report_pdf",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
