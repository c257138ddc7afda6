"""Render every printed document for demo candidates with an Arabic and a Tigrinya name,
and each page as PNG (pdftoppm), to look at: right-to-left notes that wrap, names in the
fonts of their scripts, a script no shipped font has (its stand-in), and the dates.

    .venv/bin/python scripts/print_pngs.py [OUT_DIR]   (default /tmp/print-pngs)

The data are the demo caseload (``spt_desktop.demo``, 30 candidates, seed 2026) read from
a real vault in a temporary folder, as the app reads it; then the busiest candidate is
given an Arabic name with Arabic and mixed Dutch/Arabic texts, and another a Tigrinya
name. Nothing but the PDFs and PNGs in OUT_DIR is written.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from spt_common.enums import LetterMoment, Role  # noqa: E402
from spt_desktop.demo import fill_vault  # noqa: E402
from spt_desktop.models.keyfile import KdfParams  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.print import (  # noqa: E402
    aanbodkrant_pdf,
    dossier_pdf,
    plan_pdf,
    referral_letter_pdf,
    visit_report_pdf,
)
from spt_desktop.print.data import IntakeSummary, NoteLine  # noqa: E402
from spt_desktop.print.letter_data import ReferralLetterData  # noqa: E402
from spt_desktop.services.documents import (  # noqa: E402
    aanbodkrant_data,
    dossier_data,
    plan_data,
    visit_report_data,
)

TODAY = date(2026, 11, 30)
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)

ARABIC_NAME = "محمد العلي"
TIGRINYA_NAME = "ሰላም ተስፋይ"
ARABIC_NOTE = (
    "محمد العلي يبحث عن عمل في التقنية ويريد أن يتعلم اللحام في أمستردام. عمل ثماني "
    "سنوات في ورشة في حلب، ويتحدث الهولندية جيدا منذ عام 2024."
)
MIXED_NOTE = (
    "Gesprek met محمد العلي over werk: hij wil lassen leren bij Tata Steel in IJmuiden "
    "en vraagt naar de BBL-opleiding (niveau 2). Zijn vrouw سارة werkt al 3 jaar in de zorg."
)
FARSI_NOTE = "پریسا کریمی، همکار او از کابل، هم می‌خواهد در برق‌کاری کار کند."
TAMIL_NOTE = "Tolk geregeld voor de buurman தமிழ்செல்வி ராஜன் (Tamil)."


def busiest(vault: Vault) -> list[str]:
    """Candidate ids by number of visits, most first."""
    with vault.engine.connect() as c:
        ids = c.scalars(sa.text("SELECT candidate_id FROM visit")).all()
    return [cid for cid, _ in Counter(ids).most_common()]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/print-pngs")
    out.mkdir(parents=True, exist_ok=True)
    pdfs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(
            Path(tmp) / "demo.sptvault", "demo passphrase", owner_roles=ROLES, kdf=FAST_KDF
        )
        fill_vault(vault, 30, 2026, TODAY, n_visits=300)
        first, second = busiest(vault)[:2]
        data = dossier_data(vault, first, TODAY)
        intake = data.intake or IntakeSummary(held_on=TODAY, coach="Karin de Wit")
        data = dataclasses.replace(
            data,
            candidate=dataclasses.replace(
                data.candidate, full_name=ARABIC_NAME, motivation=MIXED_NOTE
            ),
            intake=dataclasses.replace(intake, background=ARABIC_NOTE, wishes=FARSI_NOTE),
            notes=(
                NoteLine(datetime(2026, 11, 20, 10, 30), "Karin de Wit", MIXED_NOTE),
                NoteLine(datetime(2026, 11, 27, 14, 0), "Karin de Wit", ARABIC_NOTE),
                NoteLine(datetime(2026, 11, 28, 9, 0), "Karin de Wit", TAMIL_NOTE),
                *data.notes,
            ),
        )
        pdfs["dossier"] = dossier_pdf(data)
        plan = plan_data(vault, second, today=TODAY)
        pdfs["plan"] = plan_pdf(dataclasses.replace(plan, candidate_name=TIGRINYA_NAME))
        with vault.engine.connect() as c:
            visit = c.scalar(
                sa.text("SELECT id FROM visit WHERE candidate_id = :c ORDER BY visited_at DESC"),
                {"c": first},
            )
            everyone = list(c.scalars(sa.text("SELECT id FROM candidate ORDER BY rowid")))
        report = visit_report_data(vault, visit, TODAY)
        pdfs["bezoekverslag"] = visit_report_pdf(
            dataclasses.replace(report, candidate_name=ARABIC_NAME, topics=MIXED_NOTE)
        )
        krant = aanbodkrant_data(vault, everyone, TODAY)
        if krant.profiles:
            first_profile = dataclasses.replace(
                krant.profiles[0], skills="Lassen; spreekt Arabisch (عربي) en Tigrinya (ትግርኛ)"
            )
            krant = dataclasses.replace(krant, profiles=(first_profile, *krant.profiles[1:4]))
        pdfs["aanbodkrant"] = aanbodkrant_pdf(krant)
        vault.lock()
    facts: dict[LetterMoment, tuple[tuple[str, str | date], ...]] = {
        LetterMoment.INTAKE: (("Intake gehouden op", date(2026, 11, 30)), ("Fase", "Oriëntatie")),
        LetterMoment.PLACEMENT: (
            ("Werkgever", "Zon & Dak Installaties B.V."),
            ("Functie", "Monteur zonnepanelen"),
            ("Gestart op", date(2026, 12, 1)),
        ),
        LetterMoment.DROPOUT: (("Gestopt op", date(2026, 10, 2)),),
        LetterMoment.CLOSING: (("Afgesloten op", date(2026, 11, 3)), ("Uitkomst", "Aan het werk")),
    }
    for i, (moment, moment_facts) in enumerate(facts.items()):
        pdfs[f"brief-{moment.value}"] = referral_letter_pdf(
            ReferralLetterData(
                letterhead=data.letterhead,
                moment=moment,
                recipient_organisation="Werkcentrum Zaanstad",
                recipient_person="Fatima El Idrissi",
                candidate_name=(ARABIC_NAME, TIGRINYA_NAME)[i % 2],
                referred_on=date(2026, 9, 14),
                facts=moment_facts,
                coach_name="Karin de Wit",
            )
        )
    pdftoppm = shutil.which("pdftoppm")
    for name, pdf in pdfs.items():
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        if pdftoppm:
            subprocess.run([pdftoppm, "-png", "-r", "80", str(path), str(out / name)], check=True)
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
