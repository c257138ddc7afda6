"""``login`` and ``sync``: bind a vault to the SPT server, and synchronise it."""

from __future__ import annotations

import argparse
from typing import Any

from spt_desktop.cli import messages
from spt_desktop.cli.common import (
    AUTH,
    OK,
    CommandError,
    command,
    imports_settled,
    open_vault,
    print_json,
    secret,
)
from spt_desktop.errors import Code


def register(sub: Any) -> None:
    sp = sub.add_parser("login", help="koppel een kluis aan uw account op de SPT-server")
    sp.add_argument("--vault", required=True, metavar="PAD", help="pad naar de kluis")
    sp.add_argument(
        "--server", required=True, metavar="ADRES", help="adres van de SPT-server (https://...)"
    )
    sp.add_argument(
        "--email", required=True, metavar="E-MAIL", help="uw e-mailadres bij de SPT-server"
    )
    sp.add_argument(
        "--device-name", metavar="NAAM", help="naam van dit apparaat (standaard: computernaam)"
    )
    sp.set_defaults(handler=cmd_login)

    sp = sub.add_parser("sync", help="synchroniseer de kluis met de SPT-server")
    sp.add_argument("--vault", required=True, metavar="PAD", help="pad naar de kluis")
    sp.add_argument("--json", action="store_true", help="uitvoer als JSON")
    sp.set_defaults(handler=cmd_sync)


# The server's advice when a newer SPT Desktop is recommended (not required): one calm line.
UPDATE_RECOMMENDED = (
    "Er is een nieuwere versie van SPT Desktop; de SPT-server raadt aan om bij te werken "
    "wanneer het u uitkomt. Synchroniseren werkt gewoon."
)


def _sync_error(exc: Any) -> CommandError:
    return CommandError(messages.text(exc), messages.exit_code(exc))


@command
def cmd_login(args: argparse.Namespace) -> int:
    from spt_desktop.services.demo_mark import refuse_link_of_demo
    from spt_desktop.sync.engine import login
    from spt_desktop.sync.transport import SyncError

    vault = open_vault(args.vault)
    try:
        refuse_link_of_demo(vault)  # made-up people never reach a server
        password = secret("SPT_PASSWORD", "Wachtwoord bij de SPT-server: ")
        coach = login(vault, args.server, args.email, password, device_name=args.device_name)
    except SyncError as exc:
        raise _sync_error(exc) from None
    finally:
        vault.lock()
    print(f"Aangemeld als {coach.name}; de kluis is gekoppeld aan dit account.")
    return OK


@command
def cmd_sync(args: argparse.Namespace) -> int:
    with imports_settled():
        from spt_desktop.services.demo_mark import refuse_link_of_demo
        from spt_desktop.sync.engine import sync
        from spt_desktop.sync.transport import SyncError

        vault = open_vault(args.vault)
    try:
        refuse_link_of_demo(vault)
        report = sync(vault)
    except SyncError as exc:
        raise _sync_error(exc) from None
    finally:
        vault.lock()
    if args.json:
        print_json(report.as_dict())
    elif report.wiped:
        print(messages.MESSAGES[Code.VAULT_WIPED][0])
    else:
        print(
            f"Verstuurd: {report.pushed}, ontvangen: {report.pulled}, "
            f"conflicten: {report.conflicts}, niet aangenomen: {report.refused}, "
            f"verwijderd: {report.purged}."
        )
    if report.held and not args.json:
        # Changes from colleagues on a newer version of the app (``sync.held``): kept,
        # applied after the update. Only how many, never what they hold.
        print(held_notice(report.held))
    if report.update and not args.json:
        print(UPDATE_RECOMMENDED)
    return AUTH if report.wiped else OK


def held_notice(n: int) -> str:
    """What the coach reads about ``n`` held changes (``sync.held``)."""
    if n == 1:
        return "1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij."
    return f"{n} wijzigingen kan deze versie van de app nog niet verwerken; werk de app bij."
