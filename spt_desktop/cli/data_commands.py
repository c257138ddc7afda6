"""`spt-desktop export`: the AVG access request, as JSON on standard output."""

from __future__ import annotations

import argparse
from typing import Any

from spt_desktop.cli.common import OK, command, open_vault, print_json


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="alles wat de kluis over één of alle kandidaten bevat, als JSON (AVG-inzage)",
        description="Schrijft alles wat de kluis over één kandidaat (of alle) bevat als JSON "
        "naar standaarduitvoer: een object met een lijst 'candidates'.",
    )
    p.add_argument("--vault", required=True, metavar="PAD", help="pad naar de kluis")
    p.add_argument("--candidate", help="id van één kandidaat (standaard: alle)")
    p.set_defaults(handler=export)


@command
def export(args: argparse.Namespace) -> int:
    from spt_desktop.services import Services

    vault = open_vault(args.vault)
    try:
        print_json(Services(vault).export.export(args.candidate))
    finally:
        vault.lock()
    return OK
