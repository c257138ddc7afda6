"""What SQLCipher's ``cipher_memory_security`` costs the vault side of a sync.

    python bench/memory_security.py [--candidates 1000] [--rounds 2]

Each round runs, for "off" and for "on", a child process of its own (the switch is
process-wide and cannot be turned off once on): a fresh server (SQLite, uvicorn in a
thread of the child), vault A filled with demo candidates and pushed, vault B of the
same coach pulling everything. The sync runs in its steps (``Syncer``), all on the main
thread, so the CPU time of the vault steps (reading the outbox, applying answers and
pages) and of the network steps (HTTP, JSON) is each measured with ``thread_time``,
apart from the server's thread. Medians over the rounds; figures: README, "The vault".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench wachtwoordzin geheugen"
PASSWORD = "wachtwoord-van-de-bench-server"
EMAIL = "anna@spt.nl"


def child(candidates: int, on: bool) -> dict[str, Any]:
    """One measurement in this process, with memory security ``on`` or off."""
    import uvicorn
    from sqlalchemy.orm import Session

    from spt_common.enums import Role
    from spt_desktop import demo
    from spt_desktop.models.keyfile import KdfParams
    from spt_desktop.models.vault import Vault, memory_security_active
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport
    from spt_server import setup
    from spt_server.app import create_app
    from spt_server.db import make_engine

    roles = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)
    kdf = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
    with tempfile.TemporaryDirectory(prefix="spt-memsec-") as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'server.db'}"
        eng = make_engine(url)
        setup.upgrade(eng)
        with Session(eng) as s, s.begin():
            setup.add_coach(
                s, email=EMAIL, name="Anna", roles=[r.value for r in roles],
                spt="spt_noord_holland", password=PASSWORD,
            )  # fmt: skip
        eng.dispose()
        config = uvicorn.Config(
            create_app(url), host="127.0.0.1", port=0, log_level="error", access_log=False,
            lifespan="off",
        )  # fmt: skip
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        try:
            a, _ = Vault.create(
                work / "a.sptvault", PASSPHRASE, owner_roles=roles, kdf=kdf, memory_security=on
            )
            b, _ = Vault.create(
                work / "b.sptvault", PASSPHRASE, owner_roles=roles, kdf=kdf, memory_security=on
            )
            engine.login(a, base, EMAIL, PASSWORD, device_name="a")
            engine.login(b, base, EMAIL, PASSWORD, device_name="b")
            cpu = time.thread_time()
            counts = demo.fill_vault(a, candidates, 2026, date(2026, 11, 30))
            fill = time.thread_time() - cpu
            push = _timed(a, Transport(base))
            pull = _timed(b, Transport(base))
            a.lock()
            b.lock()
        finally:
            server.should_exit = True
            thread.join()
    return {
        "on": memory_security_active(),
        "records": sum(v for k, v in counts.items() if k != "coach"),
        "fill_cpu": fill,
        "push": push,
        "pull": pull,
    }


def _timed(vault: Any, transport: Any) -> dict[str, float]:
    """One sync in its steps on this thread: CPU of the vault steps, of the network
    steps, and the wall time."""
    from spt_desktop.sync.engine import Syncer

    syncer = Syncer(vault, transport)
    local = network = 0.0
    wall = time.perf_counter()
    cpu = time.thread_time()
    exchange = syncer.begin()
    local += time.thread_time() - cpu
    while exchange is not None:
        cpu = time.thread_time()
        answer = syncer.send(exchange)
        network += time.thread_time() - cpu
        cpu = time.thread_time()
        exchange = syncer.apply(answer)
        local += time.thread_time() - cpu
    wall = time.perf_counter() - wall
    transport.close()
    report = syncer.report()
    return {
        "vault_cpu": local,
        "network_cpu": network,
        "wall": wall,
        "records": report.pushed + report.pulled,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.candidates, args.child == "on")))
        return 0
    runs: dict[str, list[dict[str, Any]]] = {"off": [], "on": []}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for i in range(args.rounds):
        for mode in ("off", "on") if i % 2 == 0 else ("on", "off"):
            out = subprocess.run(
                [sys.executable, __file__, "--candidates", str(args.candidates), "--child", mode],
                capture_output=True, text=True, check=True, env=env,
            )  # fmt: skip
            result = json.loads(out.stdout.strip().splitlines()[-1])
            assert result["on"] == (mode == "on"), result
            runs[mode].append(result)
            print(f"  round {i + 1} {mode}: {_line(result)}", flush=True)

    def med(mode: str, *path: str) -> float:
        values = []
        for r in runs[mode]:
            v: Any = r
            for key in path:
                v = v[key]
            values.append(float(v))
        return statistics.median(values)

    load = os.getloadavg()[0]
    records = runs["off"][0]["records"]
    print(f"\n{args.candidates:,} demo candidates ({records:,} records), {args.rounds} "
          f"rounds, median; load average {load:.1f} on {os.cpu_count()} cores")  # fmt: skip
    print(f"{'':28}{'off':>9}{'on':>9}{'on/off':>9}")
    for label, path in (
        ("push: vault steps CPU s", ("push", "vault_cpu")),
        ("pull: vault steps CPU s", ("pull", "vault_cpu")),
        ("push: network steps CPU s", ("push", "network_cpu")),
        ("pull: network steps CPU s", ("pull", "network_cpu")),
        ("push: wall s", ("push", "wall")),
        ("pull: wall s", ("pull", "wall")),
        ("demo fill (ORM writes) CPU s", ("fill_cpu",)),
    ):
        off, on = med("off", *path), med("on", *path)
        print(f"{label:28}{off:9.2f}{on:9.2f}{on / off if off else 0:8.1f}x")
    return 0


def _line(r: dict[str, Any]) -> str:
    return (
        f"push vault {r['push']['vault_cpu']:.2f} s CPU, pull vault {r['pull']['vault_cpu']:.2f}"
        f" s CPU, fill {r['fill_cpu']:.2f} s CPU"
    )


if __name__ == "__main__":
    sys.exit(main())
