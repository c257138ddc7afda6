"""The bench's vaults with SQLCipher's ``cipher_memory_security`` OFF (SQLCipher's own
default since 4.5.0, where issue 13 §1 moves the app's default).

    .venv/bin/python bench/memsec.py <spt-desktop arguments>   # the CLI, memory security off

``off()`` patches the vault's connection setup in this process only: the one PRAGMA that
turns it on is sent as OFF; every other vault setting stays. ``state(vault)`` reads what a
connection really runs with, for the bench's report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_ON = "PRAGMA cipher_memory_security = ON"


class _Cursor:
    def __init__(self, cur: Any) -> None:
        self._cur = cur

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip() == _ON:
            sql = "PRAGMA cipher_memory_security = OFF"
        return self._cur.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _Connection:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def cursor(self) -> _Cursor:
        return _Cursor(self._conn.cursor())


def off() -> None:
    """Open every vault of this process with memory security off."""
    from spt_desktop.models import vault

    original = vault._key_connection
    if getattr(original, "bench_memsec_off", False):
        return

    def key_connection(dbapi_conn: Any, key_pragma: str | None, path: str) -> None:
        original(_Connection(dbapi_conn), key_pragma, path)

    key_connection.bench_memsec_off = True  # type: ignore[attr-defined]
    vault._key_connection = key_connection


def state(vault: Any) -> str:
    """``on`` or ``off``: what a connection of ``vault`` runs with."""
    raw = vault.engine.raw_connection()
    try:
        row = raw.cursor().execute("PRAGMA cipher_memory_security").fetchone()
    finally:
        raw.close()
    return "on" if row and str(row[0]) == "1" else "off"


if __name__ == "__main__":
    off()
    from spt_desktop.cli import main

    sys.exit(main(sys.argv[1:]))
