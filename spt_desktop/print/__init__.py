"""ReportLab documents: pure functions from the plain data in ``data`` to PDF bytes.

No Qt, no SQLAlchemy, no session: ``spt_desktop.services.documents`` reads the vault and
fills the data; these functions only lay it out. Each returns the PDF as bytes and writes
nothing; the caller saves it where the user chose.
"""

from __future__ import annotations

from spt_desktop.print.aanbodkrant import aanbodkrant_pdf
from spt_desktop.print.dossier import dossier_pdf
from spt_desktop.print.plan import plan_pdf
from spt_desktop.print.visit_report import visit_report_pdf

__all__ = ["aanbodkrant_pdf", "dossier_pdf", "plan_pdf", "visit_report_pdf"]
