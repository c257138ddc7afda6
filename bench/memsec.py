"""The bench's vaults with SQLCipher's ``cipher_memory_security`` OFF (SQLCipher's own
default since 4.5.0, where issue 13 §1 moves the app's default).

    .venv/bin/python bench/memsec.py <spt-desktop arguments>   # the CLI, memory security off

``force(on)`` patches the vault's connection setup in this process only: the one PRAGMA
is sent (or not) as the bench asks; every other vault setting stays. ``state(vault)`` reads what a
connection really runs with, for the bench's report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def force(on: bool = False) -> None:
    """Open every vault of this process with memory security ``on`` or off, whatever the
    vault or the device's preferences ask (the app's default is off since issue 13 §1)."""
    from spt_desktop.models import vault

    original = getattr(vault._key_connection, "bench_original", vault._key_connection)

    def key_connection(
        dbapi_conn: Any, key_pragma: str | None, path: str, memory_security: bool = False
    ) -> None:
        original(dbapi_conn, key_pragma, path, on)  # the bench's choice, not the caller's

    key_connection.bench_original = original  # type: ignore[attr-defined]
    vault._key_connection = key_connection


def off() -> None:
    """Open every vault of this process with memory security off."""
    force(False)


def state(vault: Any) -> str:
    """``on`` or ``off``: what a connection of ``vault`` runs with."""
    raw = vault.engine.raw_connection()
    try:
        row = raw.cursor().execute("PRAGMA cipher_memory_security").fetchone()
    finally:
        raw.close()
    return "on" if row and str(row[0]) == "1" else "off"


if __name__ == "__main__":
    # SPT_BENCH_MEMSEC=on: the organisation setting's figure (see bench_sync --memory-security).
    import os

    force(os.environ.get("SPT_BENCH_MEMSEC") == "on")
    from spt_desktop.cli import main

    sys.exit(main(sys.argv[1:]))
