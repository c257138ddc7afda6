"""`spt-desktop export`: the AVG access request, as JSON on standard output."""

from __future__ import annotations

import argparse
from typing import Any

from spt_desktop.cli.common import OK, candidate_id, command, open_vault, print_json


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="alles wat de kluis over één of alle kandidaten bevat, als JSON (AVG-inzage)",
        description="Schrijft alles wat de kluis over één kandidaat (of alle) bevat als JSON "
        "naar standaarduitvoer: een object met een lijst 'candidates'.",
    )
    p.add_argument("--vault", required=True, metavar="PAD", help="pad naar de kluis")
    p.add_argument(
        "--candidate",
        metavar="KANDIDAAT",
        help="één kandidaat, bij naam of dossiernummer (standaard: alle)",
    )
    p.set_defaults(handler=export)


@command
def export(args: argparse.Namespace) -> int:
    from spt_desktop.services import Services

    vault = open_vault(args.vault)
    try:
        cid = candidate_id(vault, args.candidate) if args.candidate else None
        print_json(Services(vault).export.export(cid))
    finally:
        vault.lock()
    return OK
