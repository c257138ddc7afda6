"""`spt-desktop vault ...`: create, check, change the passphrase of, and recover a vault.

Secrets never reach argv (visible in `ps`) and are never printed, with one exception on
purpose: `vault create` shows the recovery key, once.

    SPT_PASSPHRASE       the vault's passphrase (create: the new vault's)
    SPT_NEW_PASSPHRASE   the new passphrase (passwd, recover)
    SPT_RECOVERY_KEY     the recovery key (recover)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from spt_common.enums import Role, Spt
from spt_desktop.cli.common import (
    ERROR,
    OK,
    command,
    extra_memory_security,
    new_secret,
    open_vault,
    print_json,
    secret,
    vault_at,
)

# Text mode shows this many problem lines; --json shows them all.
MAX_PROBLEM_LINES = 20


def register(subparsers: Any) -> None:
    """Add `vault create|check|passwd|recover` to the top-level parser."""
    vault = subparsers.add_parser("vault", help="een kluis maken, controleren of herstellen")
    sub = vault.add_subparsers(dest="vault_command", metavar="ACTIE", required=True)

    create = sub.add_parser(
        "create",
        help="maak een nieuwe kluis en toon de herstelsleutel (eenmalig)",
        description="Wachtwoordzin uit SPT_PASSPHRASE, anders tweemaal gevraagd.",
    )
    _vault_arg(create)
    create.add_argument(
        "--name", metavar="NAAM", default="Mijn profiel", help="naam van de eigenaar"
    )
    create.add_argument("--email", metavar="E-MAIL", default="", help="e-mailadres van de eigenaar")
    create.add_argument(
        "--role",
        action="append",
        choices=[r.value for r in Role],
        help="rol van de eigenaar (mag vaker; standaard loopbaancoach)",
    )
    create.add_argument(
        "--spt", default=Spt.NOORD_HOLLAND.value, choices=[s.value for s in Spt], help="het SPT"
    )
    create.set_defaults(handler=cmd_create)

    check = sub.add_parser(
        "check",
        help="ontgrendel, controleer de versleuteling en de samenhang, tel de records",
        description="Wachtwoordzin uit SPT_PASSPHRASE, anders gevraagd. "
        "Afsluitcode 0: in orde, 1: problemen gevonden.",
    )
    _vault_arg(check)
    check.add_argument("--json", action="store_true", help="uitvoer als JSON")
    check.set_defaults(handler=cmd_check)

    passwd = sub.add_parser(
        "passwd",
        help="wijzig de wachtwoordzin (de herstelsleutel blijft geldig)",
        description="Huidige wachtwoordzin uit SPT_PASSPHRASE, nieuwe uit "
        "SPT_NEW_PASSPHRASE; anders gevraagd.",
    )
    _vault_arg(passwd)
    passwd.set_defaults(handler=cmd_passwd)

    recover = sub.add_parser(
        "recover",
        help="open de kluis met de herstelsleutel en kies een nieuwe wachtwoordzin",
        description="Herstelsleutel uit SPT_RECOVERY_KEY, nieuwe wachtwoordzin uit "
        "SPT_NEW_PASSPHRASE; anders gevraagd. Schrijft het sleutelbestand opnieuw, "
        "ook als het ontbrak of beschadigd was.",
    )
    _vault_arg(recover)
    recover.set_defaults(handler=cmd_recover)


def _vault_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", required=True, metavar="PAD", help="pad naar het kluisbestand")


# --- create ----------------------------------------------------------------------------


@command
def cmd_create(args: argparse.Namespace) -> int:
    from spt_desktop.models.vault import Vault, check_passphrase_strength

    passphrase = new_secret("SPT_PASSPHRASE", "Nieuwe wachtwoordzin voor de kluis: ")
    check_passphrase_strength(passphrase)
    roles = tuple(Role(r) for r in (args.role or [Role.LOOPBAANCOACH.value]))
    vault, recovery = Vault.create(
        Path(args.vault),
        passphrase,
        owner_name=args.name,
        owner_email=args.email,
        owner_roles=roles,
        owner_spt=Spt(args.spt),
        memory_security=extra_memory_security(),
    )
    vault.lock()
    _show_recovery_key(vault.path, vault.key_path, recovery)
    return OK


def _show_recovery_key(path: Path, key_path: Path, recovery: str) -> None:
    sys.stdout.write(
        f"Kluis gemaakt: {path}\n"
        f"Sleutelbestand: {key_path}\n"
        "\n"
        "Uw herstelsleutel (wordt maar één keer getoond):\n"
        "\n"
        f"    {recovery}\n"
        "\n"
        "Schrijf hem op of druk hem af en bewaar hem op een veilige plek, niet bij deze\n"
        "laptop. Met de herstelsleutel opent u de kluis als u de wachtwoordzin kwijt bent of\n"
        "als het sleutelbestand ontbreekt of beschadigd is (`spt-desktop vault recover`).\n"
        "Wie de herstelsleutel heeft, kan de kluis openen: deel hem met niemand.\n"
    )


# --- check -----------------------------------------------------------------------------


@command
def cmd_check(args: argparse.Namespace) -> int:
    vault = open_vault(args.vault)
    try:
        report = _check_report(vault)
    finally:
        vault.lock()
    if args.json:
        print_json(report)
    else:
        _print_check(report)
    return OK if report["ok"] else ERROR


def _check_report(vault: Any) -> dict[str, Any]:
    from spt_desktop.models.errors import VaultDamaged
    from spt_desktop.models.migrate import current_revision
    from spt_desktop.models.vault import check_sqlcipher

    problems = [line for p in vault.integrity_problems() for line in p.splitlines() if line]
    try:
        counts, pending = _counts(vault)
    except VaultDamaged:
        counts, pending = None, None
        problems.append("tellen afgebroken: een deel van de kluis is niet te ontsleutelen")
    return {
        "vault": str(vault.path),
        "vault_id": vault.vault_id,
        "schema": current_revision(vault.engine),
        "sqlcipher": check_sqlcipher(),
        "ok": not problems,
        "problems": problems,
        "counts": counts,
        "outbox_pending": pending,
    }


def _counts(vault: Any) -> tuple[dict[str, int], int]:
    """Live rows (tombstones left out) per synced entity, and outbox entries not pushed."""
    import sqlalchemy as sa

    from spt_desktop.models import SYNCED_ENTITIES
    from spt_desktop.sync.apply import pending_count

    counts: dict[str, int] = {}
    with vault.transaction() as s:
        for name, cls in SYNCED_ENTITIES.items():
            stmt = sa.select(sa.func.count()).select_from(cls).where(cls.deleted.is_(False))
            counts[name] = s.scalar(stmt) or 0
        pending = pending_count(s.connection())
    return counts, pending


def _print_check(report: dict[str, Any]) -> None:
    out = sys.stdout
    out.write(f"Kluis: {report['vault']}\n")
    out.write(f"Schemaversie: {report['schema']}   SQLCipher: {report['sqlcipher']}\n")
    problems: list[str] = report["problems"]
    if problems:
        out.write(f"Controle: NIET IN ORDE, {len(problems)} melding(en):\n")
        for line in problems[:MAX_PROBLEM_LINES]:
            out.write(f"  {line}\n")
        if len(problems) > MAX_PROBLEM_LINES:
            out.write(f"  ... en nog {len(problems) - MAX_PROBLEM_LINES} (zie --json)\n")
        out.write(
            "Zet de kluis terug uit uw back-up en synchroniseer; neem contact op met de IT "
            "van uw SPT.\n"
        )
    else:
        out.write("Controle: in orde (versleuteling en samenhang)\n")
    if report["counts"] is not None:
        out.write("Aantallen:\n")
        width = max(len(name) for name in report["counts"])
        for name, n in report["counts"].items():
            out.write(f"  {name:<{width}}  {n}\n")
        out.write(f"Nog te synchroniseren wijzigingen: {report['outbox_pending']}\n")


# --- passwd and recover ----------------------------------------------------------------


@command
def cmd_passwd(args: argparse.Namespace) -> int:
    from spt_desktop.models.vault import check_passphrase_strength

    vault = vault_at(args.vault)
    old = secret("SPT_PASSPHRASE", "Huidige wachtwoordzin: ")
    new = new_secret("SPT_NEW_PASSPHRASE", "Nieuwe wachtwoordzin: ")
    check_passphrase_strength(new)
    vault.change_passphrase(old, new)
    print("De wachtwoordzin is gewijzigd. Uw herstelsleutel blijft geldig.")
    return OK


@command
def cmd_recover(args: argparse.Namespace) -> int:
    from spt_desktop.models import keyfile
    from spt_desktop.models.vault import check_passphrase_strength

    vault = vault_at(args.vault)
    recovery = secret("SPT_RECOVERY_KEY", "Herstelsleutel: ")
    keyfile.data_key_from_recovery(recovery)  # a typo is reported before the next prompt
    new = new_secret("SPT_NEW_PASSPHRASE", "Nieuwe wachtwoordzin: ")
    check_passphrase_strength(new)
    try:
        vault.unlock_with_recovery_key(recovery, new)
    finally:
        vault.lock()
    print(
        "De kluis is geopend met de herstelsleutel en het sleutelbestand is opnieuw "
        "geschreven: ontgrendel voortaan met de nieuwe wachtwoordzin."
    )
    return OK
