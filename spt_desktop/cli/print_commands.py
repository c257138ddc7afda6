"""`spt-desktop print ...`: a document as PDF, written only to the file given with -o.

    spt-desktop print dossier     --vault PATH --candidate ID -o dossier.pdf
    spt-desktop print plan        --vault PATH --candidate ID [--plan ID] -o plan.pdf
    spt-desktop print bezoekverslag --vault PATH --visit ID -o verslag.pdf
    spt-desktop print aanbodkrant --vault PATH [--candidate ID ...] -o aanbodkrant.pdf
    spt-desktop print stuurgroep  --vault PATH --from JJJJ-MM-DD --to JJJJ-MM-DD -o rapport.pdf

The passphrase comes from SPT_PASSPHRASE, else a prompt. The PDF is written atomically
(temp file beside it, fsync, rename) and readable by the owner only; nothing else is
written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spt_desktop.cli.common import OK, USAGE, CommandError, candidate_id, command, open_vault

DOCUMENTS = ("dossier", "plan", "bezoekverslag", "aanbodkrant", "stuurgroep")
WHO = (
    'de kandidaat: haar naam zoals in het dossier ("Fatima el Amrani"), of het '
    "dossiernummer uit de kop van het dossier"
)


def register(subparsers: Any) -> None:
    """Add `print dossier|plan|bezoekverslag|aanbodkrant` to the top-level parser."""
    printing = subparsers.add_parser("print", help="een document als PDF maken")
    sub = printing.add_subparsers(dest="print_command", metavar="DOCUMENT", required=True)

    dossier = _document(sub, "dossier", "dossiersamenvatting van één kandidaat")
    dossier.add_argument("--candidate", required=True, metavar="KANDIDAAT", help=WHO)
    dossier.set_defaults(handler=cmd_dossier)

    plan = _document(sub, "plan", "plan van aanpak om te ondertekenen")
    plan.add_argument("--candidate", required=True, metavar="KANDIDAAT", help=WHO)
    plan.add_argument("--plan", metavar="ID", help="id van een versie (standaard: de huidige)")
    plan.set_defaults(handler=cmd_plan)

    visit = _document(
        sub, "bezoekverslag", "bezoekverslag voor de werkgever (alleen wat gedeeld mag worden)"
    )
    visit.add_argument("--visit", required=True, metavar="ID", help="id van het bezoek")
    visit.set_defaults(handler=cmd_visit_report)

    krant = _document(sub, "aanbodkrant", "geanonimiseerde profielen voor werkgevers")
    krant.add_argument(
        "--candidate",
        action="append",
        metavar="ID",
        help="alleen deze kandidaat (mag vaker; standaard: alle actieve kandidaten met "
        "toestemming voor de aanbodkrant)",
    )
    krant.set_defaults(handler=cmd_aanbodkrant)

    board = _document(
        sub, "stuurgroep", "rapportage voor de stuurgroep (cijfers van het SPT, van de server)"
    )
    board.add_argument("--from", dest="start", required=True, type=_day, metavar="JJJJ-MM-DD")
    board.add_argument("--to", dest="end", required=True, type=_day, metavar="JJJJ-MM-DD")
    board.set_defaults(handler=cmd_stuurgroep)


def _day(text: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("geef een datum als JJJJ-MM-DD") from None


def _document(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help_text,
        description=f"Maakt de {help_text} als PDF. Wachtwoordzin uit SPT_PASSPHRASE, "
        "anders gevraagd.",
    )
    parser.add_argument("--vault", required=True, metavar="PAD", help="pad naar de kluis")
    parser.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf", help="doelbestand")
    return parser


def _target(args: argparse.Namespace) -> Path:
    """The output path, checked before the vault is opened (no wasted unlock)."""
    target = Path(args.output)
    if target.suffix.lower() != ".pdf":
        raise CommandError("Geef een doelbestand dat eindigt op .pdf.", USAGE)
    if not target.parent.is_dir():
        raise CommandError(f"De map {target.parent} bestaat niet; maak hem eerst aan.", USAGE)
    if target.is_dir():
        raise CommandError(f"{target} is een map; geef een bestandsnaam.", USAGE)
    return target


def _produce(args: argparse.Namespace, make: Callable[[Any], tuple[bytes, str]]) -> int:
    """Open the vault, build the PDF, write it atomically where the user chose."""
    from spt_desktop.cli import messages
    from spt_desktop.models.atomic import write_atomic
    from spt_desktop.services.errors import ServiceError

    target = _target(args)
    vault = open_vault(args.vault)
    try:
        pdf, summary = make(vault)
    except ServiceError as exc:
        raise CommandError(messages.text(exc), messages.exit_code(exc)) from None
    finally:
        vault.lock()
    write_atomic(target, pdf)
    print(f"{summary} opgeslagen in {target}.", file=sys.stderr)
    return OK


@command
def cmd_dossier(args: argparse.Namespace) -> int:
    def make(vault: Any) -> tuple[bytes, str]:
        from spt_desktop.print import dossier_pdf
        from spt_desktop.services.documents import dossier_data

        cid = candidate_id(vault, args.candidate)
        return dossier_pdf(dossier_data(vault, cid)), "Dossiersamenvatting"

    return _produce(args, make)


@command
def cmd_plan(args: argparse.Namespace) -> int:
    def make(vault: Any) -> tuple[bytes, str]:
        from spt_desktop.print import plan_pdf
        from spt_desktop.services.documents import plan_data

        cid = candidate_id(vault, args.candidate)
        return plan_pdf(plan_data(vault, cid, args.plan)), "Plan van aanpak"

    return _produce(args, make)


@command
def cmd_visit_report(args: argparse.Namespace) -> int:
    def make(vault: Any) -> tuple[bytes, str]:
        from spt_desktop.print import visit_report_pdf
        from spt_desktop.services.documents import visit_report_data

        data = visit_report_data(vault, args.visit)
        note = "" if data.shared else " (zonder inhoud: geen toestemming om te delen)"
        return visit_report_pdf(data), f"Bezoekverslag{note}"

    return _produce(args, make)


@command
def cmd_aanbodkrant(args: argparse.Namespace) -> int:
    def make(vault: Any) -> tuple[bytes, str]:
        from spt_desktop.print import aanbodkrant_pdf
        from spt_desktop.services.documents import aanbodkrant_data

        data = aanbodkrant_data(vault, args.candidate)
        summary = f"Aanbodkrant met {len(data.profiles)} profiel(en)"
        if args.candidate:
            skipped = len(set(args.candidate)) - len(data.profiles)
            if skipped:
                summary += (
                    f"; {skipped} kandidaat/kandidaten overgeslagen (geen toestemming of onbekend)"
                )
        return aanbodkrant_pdf(data), summary

    return _produce(args, make)


@command
def cmd_stuurgroep(args: argparse.Namespace) -> int:
    if args.end < args.start:
        raise CommandError("De einddatum ligt vóór de begindatum.", USAGE)

    def make(vault: Any) -> tuple[bytes, str]:
        from spt_desktop.services.coordination import stuurgroep_pdf_for

        return stuurgroep_pdf_for(vault, args.start, args.end), "Rapportage stuurgroep"

    return _produce(args, make)
