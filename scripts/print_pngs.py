"""Render every printed document for demo candidates with an Arabic and a Tigrinya name,
and each page as PNG (pdftoppm), to look at: right-to-left notes that wrap, names in the
fonts of their scripts, a script no shipped font has (its stand-in), and the dates.

    .venv/bin/python scripts/print_pngs.py [OUT_DIR] [--docs]   (default /tmp/print-pngs)

The data are the demo caseload (``spt_desktop.demo``, 30 candidates, seed 2026) read from
a real vault in a temporary folder, as the app reads it; then the busiest candidate is
given an Arabic name with Arabic and mixed Dutch/Arabic texts, and another a Tigrinya
name. The same dossier is also printed as it is (``dossier-nl``), and its first page with
names in many scripts (``namen``). The Rapportage stuurgroep is computed from the same
vault with the monitor's own figures (``spt_common.monitor_figures``), as the server
computes them. Nothing but the PDFs and PNGs in OUT_DIR is written; with ``--docs`` the
pages shown in the README and docs are written to docs/screenshots/print-*.png too.
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

from spt_common import protocol as p  # noqa: E402
from spt_common.enums import LetterMoment, Role, Spt  # noqa: E402
from spt_common.monitor_figures import _LABELS, Period, Prepared, compute  # noqa: E402
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
from spt_desktop.print.data import AssignedCoach, IntakeSummary, Letterhead, NoteLine  # noqa: E402
from spt_desktop.print.letter_data import ReferralLetterData  # noqa: E402
from spt_desktop.print.stuurgroep import Quarter, StuurgroepData, stuurgroep_pdf  # noqa: E402
from spt_desktop.services.coordination import quarters  # noqa: E402
from spt_desktop.services.documents import (  # noqa: E402
    aanbodkrant_data,
    dossier_data,
    plan_data,
    visit_report_data,
)
from spt_desktop.services.monitor import read_prepared  # noqa: E402

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
MANY_SCRIPTS_NAME = "Mohamed (محمد) el Amrani"
MANY_SCRIPTS_SKILLS = "Lassen; spreekt Arabisch (عربي) en Tigrinya (ትግርኛ); 中文 een beetje"
MANY_SCRIPTS_NOTE = "Gesprek met محمد علي over werk, 3 keer.\nНаталья Иванова — Gülşen Yılmaz"

# The pages shown in the README and docs: (document, page, dpi, docs/screenshots name).
DOCS = (
    ("dossier-nl", 1, 60, "print-dossier"),
    ("plan", 1, 60, "print-plan"),
    ("bezoekverslag", 1, 60, "print-bezoekverslag"),
    ("aanbodkrant", 1, 60, "print-aanbodkrant"),
    ("stuurgroep", 1, 60, "print-stuurgroep"),
    ("dossier", 3, 110, "print-right-to-left-notes"),
    ("namen", 1, 110, "print-names-in-every-script"),
)


def _shown(n: int) -> int | str:
    """A count as the server sends it: 1 to 4 as "<5"."""
    return n if n == 0 or n >= 5 else "<5"


def _intake(ready: Prepared, spt: str, first: date, last: date) -> p.IntakeReport:
    """The instroom of a quarter from the prepared facts, grouped as the server does."""
    lo, hi = first.toordinal(), last.toordinal()
    came = {cid: row for cid, row in ready.candidates.items() if lo <= row[5] <= hi}
    placed = {pl[0] for pl in ready.placements}

    def rows(index: int, kind: str) -> list[p.IntakeRow]:
        groups = Counter(_LABELS[kind].get(row[index], row[index]) for row in came.values())
        hits = Counter(
            _LABELS[kind].get(row[index], row[index]) for cid, row in came.items() if cid in placed
        )
        return [
            p.IntakeRow(group=g, count=_shown(n), placed=_shown(hits[g]))
            for g, n in sorted(groups.items())
        ]

    return p.IntakeReport(
        spt=spt, start=first, end=last, total=_shown(len(came)),
        by_referrer=rows(3, "referral_source"), by_persona=rows(0, "persona"),
    )  # fmt: skip


def stuurgroep(vault: Vault, letterhead: Letterhead, start: date, end: date) -> StuurgroepData:
    """The report over ``start``–``end`` from the demo vault's facts."""
    with vault.engine.connect() as c:
        ready = read_prepared(c)
    spt = letterhead.spt.value
    parts = tuple(
        Quarter(label, first, last, _intake(ready, spt, first, last),
                compute(ready, Period(first, last)).suppressed())
        for label, first, last in quarters(start, end)
    )  # fmt: skip
    came = sum(1 for row in ready.candidates.values() if row[5] >= start.toordinal())
    placed = sum(1 for pl in ready.placements if pl[1] >= start.toordinal())
    target = p.TargetsReport(
        spt=spt, year=start.year,
        targets=p.TargetValues(instroom=60, placements=20, sustained=10, dropout_rate=20.0),
        realised=p.Realised(instroom=_shown(came), placements=_shown(placed), sustained="<5"),
    )  # fmt: skip
    return StuurgroepData(letterhead, start, end, parts, (target,))


def busiest(vault: Vault) -> list[str]:
    """Candidate ids by number of visits, most first."""
    with vault.engine.connect() as c:
        ids = c.scalars(sa.text("SELECT candidate_id FROM visit")).all()
    return [cid for cid, _ in Counter(ids).most_common()]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "/tmp/print-pngs")
    out.mkdir(parents=True, exist_ok=True)
    pdfs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(
            Path(tmp) / "demo.sptvault",
            "demo passphrase",
            owner_name="Karin de Wit",  # the employers' contact in the aanbodkrant
            owner_email="k.dewit@spt.example",
            owner_roles=ROLES,
            kdf=FAST_KDF,
        )
        fill_vault(vault, 30, 2026, TODAY, n_visits=300)
        first, second = busiest(vault)[:2]
        data = dossier_data(vault, first, TODAY)
        pdfs["dossier-nl"] = dossier_pdf(data)
        names = dataclasses.replace(
            data,
            candidate=dataclasses.replace(
                data.candidate,
                full_name=MANY_SCRIPTS_NAME,
                skills=MANY_SCRIPTS_SKILLS,
                motivation=MANY_SCRIPTS_NOTE,
            ),
            coaches=(
                AssignedCoach(Role.LOOPBAANCOACH, "Karin de Wit"),
                AssignedCoach(Role.ARBEIDSMARKTCOACH, "Mehmet Yılmaz"),
                AssignedCoach(Role.JOBCOACH, "Олена Ковальчук"),
            ),
        )
        pdfs["namen"] = dossier_pdf(names)
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
        region = data.letterhead.spt.label.removeprefix("SPT ")
        lh = Letterhead(Spt(data.letterhead.spt), region, TODAY)
        pdfs["stuurgroep"] = stuurgroep_pdf(
            stuurgroep(vault, lh, date(2026, 1, 1), date(2026, 9, 30))
        )
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
    if "--docs" in sys.argv and pdftoppm:
        shots = ROOT / "docs" / "screenshots"
        for name, page, dpi, shot in DOCS:
            subprocess.run(
                [pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                 "-singlefile", str(out / f"{name}.pdf"), str(shots / shot)],
                check=True,
            )  # fmt: skip
            print("wrote", shots / f"{shot}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
