"""What every headless command shares: exit codes, secrets, opening a vault, errors."""

from __future__ import annotations

import gc
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

from spt_desktop.cli import messages
from spt_desktop.cli.messages import AUTH, ERROR, OK, TOO_NEW, UNREACHABLE, USAGE
from spt_desktop.errors import SptError

__all__ = ["AUTH", "ERROR", "OK", "TOO_NEW", "UNREACHABLE", "USAGE", "CommandError"]


class CommandError(Exception):
    """A failure to report in one line, with its exit code."""

    def __init__(self, message: str, code: int = ERROR) -> None:
        super().__init__(message)
        self.message, self.code = message, code


def secret(env: str, prompt: str) -> str:
    """A secret from the environment variable ``env``, else asked for without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(
            f"{env} is niet gezet en er is geen terminal om ernaar te vragen.", USAGE
        )
    return getpass.getpass(prompt)


def new_secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    first = secret(env, prompt)
    if getpass.getpass("Nogmaals ter controle: ") != first:
        raise CommandError("De twee invoeren zijn niet gelijk; er is niets gewijzigd.", USAGE)
    return first


def open_vault(path: str) -> Any:
    """The vault at ``path``, unlocked with SPT_PASSPHRASE or a prompt."""
    vault = vault_at(path)
    vault.unlock(secret("SPT_PASSPHRASE", "Wachtwoordzin van de kluis: "))
    return vault


@contextmanager
def imports_settled() -> Iterator[None]:
    """A command's heavy imports (the ORM, the sync engine, httpx) and its vault's
    unlock without the cyclic garbage collector, whose collections walked every object
    imported so far again and again (a seventh of an ``spt-desktop sync`` process's
    CPU); then what they made is frozen (``gc.freeze``: kept for the process's short
    life, never walked by a collection again) and the collector runs as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def extra_memory_security() -> bool:
    """This device's "Extra geheugenbeveiliging" choice: the headless commands honour it
    as the app does (models/preferences.py)."""
    from spt_desktop.models.preferences import load_preferences, preferences_path

    return load_preferences(preferences_path()).extra_memory_security


def vault_at(path: str) -> Any:
    """The vault at ``path`` (locked), with this device's memory-security choice."""
    from spt_desktop.models.vault import Vault

    return Vault(Path(path), memory_security=extra_memory_security())


def print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def command(fn: Callable[[Any], int]) -> Callable[[Any], int]:
    """Map every expected failure to one line on stderr and its exit code: never a
    traceback, never personal data (coded errors carry none; ``cli.messages`` words
    them)."""

    @wraps(fn)
    def run(args: Any) -> int:
        try:
            return fn(args)
        except SptError as exc:
            print(f"spt-desktop: {messages.text(exc)}", file=sys.stderr)
            return messages.exit_code(exc)
        except CommandError as exc:
            print(f"spt-desktop: {exc.message}", file=sys.stderr)
            return exc.code
        except KeyboardInterrupt:
            print("spt-desktop: afgebroken; er is niets half opgeslagen.", file=sys.stderr)
            return ERROR

    return run


def candidate_id(vault: Any, ref: str) -> str:
    """The id of the one candidate ``ref`` names (id, dossier number or name); a usage
    error that says what to give instead when it names none or several."""
    from spt_desktop.services import Services

    found = Services(vault).queries.find_candidates(ref)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise CommandError(
            "Geen kandidaat gevonden met deze naam of dit dossiernummer. Geef de naam zoals "
            "in het dossier, of het dossiernummer uit de kop van het dossier.",
            USAGE,
        )
    lines = "\n".join(f"  {c.dossier_number}  {c.municipality}" for c in found[:20])
    more = f"\n  … en nog {len(found) - 20}" if len(found) > 20 else ""
    raise CommandError(
        f"{len(found)} kandidaten passen bij deze naam; geef het dossiernummer:\n{lines}{more}",
        USAGE,
    )
