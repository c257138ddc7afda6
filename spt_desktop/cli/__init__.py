"""Headless commands, for IT and support (as keepassxc-cli is for KeePassXC).

Each command module has ``register(subparsers)``; each command returns an exit code:
0 ok, 1 other error, 2 usage, 3 wrong passphrase or credentials, 4 server unreachable,
5 this app is too old (for the vault, or for the server), 6 the server's certificate is not
trusted (``cli/messages.py``; README, "Headless commands").
Secrets come from SPT_PASSPHRASE / SPT_NEW_PASSPHRASE / SPT_PASSWORD, else a prompt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from spt_desktop import __version__
from spt_desktop.cli import dutch

# One line per command module; a module adds itself here.
COMMAND_MODULES = (
    "spt_desktop.cli.vault_commands",
    "spt_desktop.cli.sync_commands",
    "spt_desktop.cli.data_commands",
    "spt_desktop.cli.print_commands",
    "spt_desktop.cli.demo_commands",
)


def build_parser() -> argparse.ArgumentParser:
    dutch.install()
    parser = argparse.ArgumentParser(
        prog="spt-desktop",
        description="SPT Desktop — de app van de coaches van de Servicepunten Techniek.",
    )
    parser.add_argument(
        "--demo", action="store_true", help="start de app op een demokluis (met demogegevens)"
    )
    parser.add_argument(
        "--vault", metavar="KLUIS", help="pad naar de kluis voor de app (standaard: gebruikersmap)"
    )
    parser.add_argument("--selftest", action="store_true", help="controleer de installatie en stop")
    parser.add_argument(
        "--version", action="version", version=f"spt-desktop {__version__}", help="toon de versie"
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if args.selftest:
        from spt_desktop.selftest import run_selftest

        return run_selftest()
    if handler is None:
        from spt_desktop.app import run_gui

        return run_gui(demo=args.demo, vault_path=args.vault)
    code: int = handler(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
