"""`spt-desktop demo`: fill a vault with a realistic demo caseload (for trying the app,
training coaches, and benchmarks).

    spt-desktop demo --vault PAD --candidates 200 [--seed 1] [--today 2026-11-30]

A missing vault is created first (passphrase from SPT_PASSPHRASE, else asked twice) and
its recovery key shown once; an existing vault is unlocked (SPT_PASSPHRASE or a prompt).
The demo data are added in one transaction, with outbox entries, like any other change.
The vault is marked a demo vault: ``login`` and ``sync`` refuse it, and a vault linked to
a server is refused here (``services/demo_mark.py``). Benchmarks that push a demo
caseload to a throwaway server fill their vault with ``spt_desktop.demo.fill_vault``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from spt_common.entities import SYNCED_ENTITIES, WORDS
from spt_common.enums import Role, Spt
from spt_desktop.cli.common import (
    OK,
    USAGE,
    CommandError,
    command,
    new_secret,
    open_vault,
)

MAX_CANDIDATES = 100_000


def register(subparsers: Any) -> None:
    """Add `demo` to the top-level parser."""
    demo = subparsers.add_parser(
        "demo",
        help="vul een kluis met demogegevens (maakt de kluis zo nodig aan)",
        description="Wachtwoordzin uit SPT_PASSPHRASE, anders gevraagd. Een nieuwe kluis "
        "krijgt een eigenaar met de rollen loopbaan-, arbeidsmarkt- en jobcoach.",
    )
    demo.add_argument("--vault", required=True, metavar="PAD", help="pad naar het kluisbestand")
    demo.add_argument(
        "--candidates", required=True, type=int, metavar="N", help="aantal kandidaten"
    )
    demo.add_argument("--seed", type=int, default=1, help="startwaarde: zelfde seed, zelfde data")
    demo.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        metavar="JJJJ-MM-DD",
        help="peildatum van de demo (standaard vandaag)",
    )
    demo.add_argument(
        "--visits-per-placement",
        type=float,
        default=10.0,
        metavar="X",
        help="gemiddeld aantal werkplekbezoeken per plaatsing (standaard 10)",
    )
    demo.add_argument(
        "--spt",
        default=Spt.NOORD_HOLLAND.value,
        choices=[s.value for s in Spt],
        help="het SPT van de eigenaar van een nieuwe kluis",
    )
    demo.set_defaults(handler=cmd_demo)


@command
def cmd_demo(args: argparse.Namespace) -> int:
    from spt_desktop.demo import fill_vault
    from spt_desktop.services.demo_mark import mark_demo, refuse_demo_into_linked

    if not 1 <= args.candidates <= MAX_CANDIDATES:
        raise CommandError(f"--candidates moet tussen 1 en {MAX_CANDIDATES} liggen.", USAGE)
    if args.visits_per_placement < 0:
        raise CommandError("--visits-per-placement mag niet negatief zijn.", USAGE)
    vault = _create_or_open(Path(args.vault), Spt(args.spt))
    today = args.today or date.today()
    try:
        # Made-up people never go into a vault that syncs with a server; the vault they
        # go into is a demo vault from now on, never to be linked (services/demo_mark.py).
        refuse_demo_into_linked(vault)
        mark_demo(vault, "spt-desktop demo")
        counts = fill_vault(
            vault,
            args.candidates,
            args.seed,
            today,
            visits_per_placement=args.visits_per_placement,
        )
    finally:
        vault.lock()
    _print_counts(vault.path, args.seed, today, counts)
    return OK


def _create_or_open(path: Path, spt: Spt) -> Any:
    from spt_desktop.models.vault import Vault, key_path_for

    if path.exists() or key_path_for(path).exists():
        return open_vault(str(path))
    passphrase = new_secret("SPT_PASSPHRASE", "Nieuwe wachtwoordzin voor de demokluis: ")
    vault, recovery = Vault.create(
        path,
        passphrase,
        owner_name="Demo-coach",
        owner_roles=(Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH),
        owner_spt=spt,
    )
    sys.stdout.write(
        f"Demokluis gemaakt: {vault.path}\n"
        "Herstelsleutel (wordt maar één keer getoond; bewaar hem als u deze kluis "
        f"houdt):\n    {recovery}\n\n"
    )
    return vault


def _print_counts(path: Path, seed: int, today: date, counts: dict[str, int]) -> None:
    out = sys.stdout
    out.write(f"Demogegevens toegevoegd aan {path} (seed {seed}, peildatum {today}):\n")
    # The demo's tables in sync order, by their Dutch names (spt_common.entities).
    labels = {name: WORDS[name].counted for name in SYNCED_ENTITIES if name in counts}
    width = max(len(label) for label in labels.values())
    for table, label in labels.items():
        out.write(f"  {label:<{width}}  {counts.get(table, 0):>8}\n")
    out.write(f"  {'totaal':<{width}}  {sum(counts.values()):>8}\n")
