"""The client's memory and the vault's WAL during a sync: by ``engine.sync`` and by the
window's steps (issue 13, round 18: bench/SYNC.md).

    .venv/bin/python bench/bench_sync_memory.py prepare --size 10000 --dir /tmp/NAME-mem
    .venv/bin/python bench/bench_sync_memory.py run MODE --dir /tmp/NAME-mem \
        [--tree PATH] [--count] [--trace]

``prepare`` (once per size): a vault with SIZE demo candidates (seed 2026), logged in to
a fresh `spt-server` account and not pushed (``DIR/push``), and a server database that
holds them pushed (``DIR/pull``, pushed by ``engine.sync``).

``run MODE`` copies the server's database (and for a push the filled vault) to
``DIR/work``, starts `spt-server` on it and makes one sync in a child process of
``--tree`` (default: this tree), the vault unlocked before the clock:

  pull-run      a first pull into a new vault by ``engine.sync`` (``Syncer.run``)
  pull-window   the same by the window's steps (``services.session.SyncRun``), driven as
                ``ui.window.MainWindow`` drives them: a QCoreApplication, the window's
                ``ui.ops.Ops`` (the vault thread, the pool for work without the vault),
                ``sync_start`` / ``send`` / ``sync_step`` chained by the same callbacks
  push-run      the filled vault's first push by ``engine.sync``
  push-window   the same by the window's steps

Printed (one JSON line): the child's resident memory before the sync and its peak during
it (``VmHWM``, reset by ``/proc/self/clear_refs`` just before), its CPU, and, polled by
this process every 10 ms, the vault's WAL file at its largest, its size after the sync
and the vault file's. ``--count``: at every vault step, the live objects of the sync's
own types (``gc.get_objects``: answers, requests, pages, futures, responses), their
largest count and at the last step. ``--trace``: ``tracemalloc`` (25 frames), the
memory at every vault step, and the twelve sources whose memory grew most between the
step a quarter into the run and the last (slow: for finding, not for timing).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402

CHILD = r"""
import gc, json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[1] + "/bench")
import memsec; memsec.off()
mode, vault_path, url = sys.argv[2], sys.argv[3], sys.argv[4]
count, trace = sys.argv[5] == "1", sys.argv[6] == "1"

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024  # MiB
    return 0

import ctypes
import sqlcipher3._sqlite3 as driver
lite = ctypes.CDLL(driver.__file__)  # SQLCipher is linked into the driver
lite.sqlite3_memory_used.restype = lite.sqlite3_memory_highwater.restype = ctypes.c_int64
def sqlite_mib(peak=False):
    got = lite.sqlite3_memory_highwater(1) if peak else lite.sqlite3_memory_used()
    return got // 2**20
from spt_desktop.sync import engine
from spt_desktop.sync.transport import PulledPage, SyncAnswer
import importlib
for setting in json.loads(os.environ.get("BENCH_SET", "[]")):  # ``--set``
    name, value = setting.split("=", 1)
    module, attr = name.rsplit(".", 1)
    setattr(importlib.import_module(module), attr, int(value))
import httpx
from concurrent.futures import Future
KINDS = {"Answer": engine.Answer, "Exchange": engine.Exchange, "SyncAnswer": SyncAnswer,
         "PulledPage": PulledPage, "Future": Future, "Response": httpx.Response}
steps, lites, counts, traced = [], [], {k: [] for k in KINDS}, []
snaps = {}
if trace:
    import tracemalloc
    tracemalloc.start(25)
apply = engine.Syncer.apply
def noting(self, answer):
    if count:
        live = dict.fromkeys(KINDS, 0)
        for o in gc.get_objects():
            for k, t in KINDS.items():
                if type(o) is t:
                    live[k] += 1
        for k in KINDS:
            counts[k].append(live[k])
    if trace:
        traced.append(tracemalloc.get_traced_memory()[0] // 2**20)
        if len(traced) == 20:
            snaps["early"] = tracemalloc.take_snapshot()
        elif len(traced) > 20 and len(traced) % 40 == 0:
            snaps["late"] = (len(traced), tracemalloc.take_snapshot())
    steps.append(status("VmRSS"))
    lites.append(sqlite_mib())
    return apply(self, answer)
engine.Syncer.apply = noting
cut = []  # the end's WAL cut (``Syncer._truncate_wal``): wall and thread CPU, ms
truncate = getattr(engine.Syncer, "_truncate_wal", None)
if truncate is not None:
    def timing(self, own):
        w, c = time.perf_counter(), time.thread_time()
        try:
            return truncate(self, own)
        finally:
            cut.append((round((time.perf_counter() - w) * 1000, 1),
                        round((time.thread_time() - c) * 1000, 1)))
    engine.Syncer._truncate_wal = timing

from spt_desktop.models.vault import Vault
from spt_desktop.sync.engine import S_SERVER, _put
vault = Vault(vault_path); vault.unlock(os.environ["SPT_PASSPHRASE"])
with vault.engine.begin() as conn:  # the server of this run (a new port each)
    _put(conn, {S_SERVER: url})
vault.lock()
if mode.endswith("-run"):
    vault = Vault(vault_path); vault.unlock(os.environ["SPT_PASSPHRASE"])
    def sync():
        return engine.sync(vault).as_dict()
    def lock():
        vault.lock()
else:
    from PySide6.QtCore import QCoreApplication
    from spt_desktop.services.session import VaultSession
    from spt_desktop.ui.ops import Ops, without_gc_pauses
    app = QCoreApplication([])
    gc.collect(); gc.freeze()  # as the app's start (``app.freeze_startup_objects``)
    session = VaultSession(vault_path)
    ops = Ops(session)
    out = {}
    def done(value):
        out["value"] = value; app.quit()
    def failed(exc):
        out["error"] = repr(exc); app.quit(); return True
    def unlock(s):
        s.unlock(os.environ["SPT_PASSPHRASE"]); return s.sync_status()
    ops.vault(unlock).success(done).failure(failed).run()
    app.exec()
    def step(run):
        if run.finished:
            done(run.report); return
        ops.work(run.send).success(lambda _sent: answer(run)).failure(failed).run()
    def answer(run):
        ops.vault(lambda s: without_gc_pauses(lambda: s.sync_step(run))).success(step).failure(
            failed).run()
    def sync():
        ops.vault(lambda s: without_gc_pauses(s.sync_start)).success(step).failure(failed).run()
        app.exec()
        if "error" in out:
            raise SystemExit(out["error"])
        return out.pop("value")
    def lock():
        ops.vault(lambda s: s.lock()).success(done).failure(failed).run()
        app.exec()

print("ready", flush=True); sys.stdin.readline()
before = status("VmRSS")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak (VmHWM) from here
sqlite_mib(peak=True)  # and SQLite's
def io():
    return dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
io0 = io()
r0 = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
report = sync()
wall = time.perf_counter() - start
r1 = resource.getrusage(resource.RUSAGE_SELF)
io1 = io()
peak = status("VmHWM")
sqlite_peak = sqlite_mib(peak=True)
after = status("VmRSS")
sqlite_after = sqlite_mib()
libc = ctypes.CDLL("libc.so.6")
t_trim = time.perf_counter()
libc.malloc_trim(0)  # what the C heap holds free, given back: what a trim would gain
t_trim = time.perf_counter() - t_trim
trimmed = status("VmRSS")
result = {"mode": mode, "pushed": report["pushed"], "pulled": report["pulled"],
          "requests": report["requests"], "wall": round(wall, 2),
          "cpu": round(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, 2),
          "minflt": r1.ru_minflt - r0.ru_minflt,
          "written_mb": round((int(io1["wchar"]) - int(io0["wchar"])) / 2**20, 1),
          "rss_before": before, "rss_peak": peak, "rss_after": after,
          "steps": len(steps), "rss_steps": steps[:: max(1, len(steps) // 12)],
          "sqlite_peak": sqlite_peak, "sqlite_after": sqlite_after,
          "rss_trimmed": trimmed, "trim_ms": round(t_trim * 1000, 1),
          "sqlite_steps": lites[:: max(1, len(lites) // 12)], "cut_ms": cut}
if count:
    result["live_max"] = {k: max(v, default=0) for k, v in counts.items()}
    result["live_last"] = {k: (v[-1] if v else 0) for k, v in counts.items()}
if trace:
    import tracemalloc
    result["traced_steps"] = traced[:: max(1, len(traced) // 12)]
    if "late" in snaps:
        at, late = snaps["late"]
        result["grown_20_to"] = at
        grown = late.compare_to(snaps["early"], "traceback")
        result["grown"] = [
            {"mib": round(g.size_diff / 2**20, 2), "count": g.count_diff,
             "where": [f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in g.traceback[-8:]]}
            for g in grown[:12]
        ]
print(json.dumps(result), flush=True)
sys.stdin.readline()  # the parent has read the files
lock()
"""


def _copy(src: Path, dst: Path) -> None:
    for f in src.parent.glob(src.name + "*"):
        shutil.copy2(f, dst.parent / (dst.name + f.name[len(src.name) :]))


def prepare(size: int, root: Path) -> None:
    from spt_desktop import demo
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    push, pull = root / "push", root / "pull"
    shutil.rmtree(root, ignore_errors=True)
    push.mkdir(parents=True)
    pull.mkdir()
    server = bs.SptServer(push)
    vault = bs.fresh_vault(push, "a.sptvault")
    with Transport(server.url) as t:
        engine.login(vault, server.url, bs.EMAIL, bs.PASSWORD, transport=t, device_name="a")
    server.stop()
    counts = demo.fill_vault(vault, size, bs.SEED, bs.TODAY)
    print(f"filled: {sum(v for k, v in counts.items() if k != 'coach'):,} records", flush=True)
    vault.lock()
    for f in push.iterdir():
        shutil.copy2(f, pull / f.name)
    server = bs.SptServer(pull, existing=True)
    vault = bs.Vault(pull / "a.sptvault")
    vault.unlock(bs.PASSPHRASE)
    with Transport(server.url) as t:
        report = engine.sync(vault, transport=t)
    print(f"pushed: {report.pushed:,}", flush=True)
    vault.lock()
    server.stop()
    (pull / "a.sptvault").unlink()
    for f in pull.glob("a.sptvault-*"):
        f.unlink()
    (root / "size").write_text(str(size))


NEW_VAULT = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[1] + "/bench")
import bench_sync as bs
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
v = bs.fresh_vault(Path(sys.argv[2]), sys.argv[3])
with Transport(sys.argv[4]) as t:
    engine.login(v, sys.argv[4], bs.EMAIL, bs.PASSWORD, transport=t, device_name=sys.argv[3])
v.lock()
"""


def run(
    mode: str, root: Path, tree: Path, count: bool, trace: bool, settings: list[str], strace: bool
) -> dict[str, Any]:
    work = root / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source = root / ("pull" if mode.startswith("pull") else "push")
    for f in source.glob("server.db*"):
        shutil.copy2(f, work / f.name)
    env = {**bs.env(), "PYTHONPATH": str(tree), "SPT_PASSPHRASE": bs.PASSPHRASE}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BENCH_SET"] = json.dumps(settings)
    server = bs.SptServer(work, existing=True)
    try:
        vault = work / "b.sptvault"
        if mode.startswith("pull"):
            subprocess.run(
                [bs.PYTHON, "-c", NEW_VAULT, str(tree), str(work), vault.name, server.url],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
        else:
            _copy(source / "a.sptvault", vault)
        bs.settled(vault, work / "server.db")
        cmd = [bs.PYTHON, "-c", CHILD, str(tree), mode, str(vault), server.url,
               str(int(count)), str(int(trace))]  # fmt: skip
        syscalls = work / "fsyncs.txt"
        if strace:  # only the syncs are stopped at (seccomp): the rest runs as it does
            cmd = ["strace", "-f", "--seccomp-bpf", "-c", "-w", "-e", "trace=fsync,fdatasync",
                   "-o", str(syscalls), *cmd]  # fmt: skip
        proc = subprocess.Popen(
            cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        wal = Path(f"{vault}-wal")
        largest = [0]
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                with contextlib.suppress(FileNotFoundError):
                    largest[0] = max(largest[0], wal.stat().st_size)
                time.sleep(0.01)

        poller = threading.Thread(target=poll, daemon=True)
        load = os.getloadavg()[0]
        poller.start()
        proc.stdin.write("\n")
        proc.stdin.flush()
        out = json.loads(proc.stdout.readline())
        stop.set()
        poller.join()
        out["wal_largest_mb"] = round(largest[0] / 2**20, 1)
        out["wal_after_mb"] = round(wal.stat().st_size / 2**20, 1) if wal.exists() else 0.0
        out["vault_mb"] = round(vault.stat().st_size / 2**20, 1)
        out["load"] = round(load, 1)
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(120)
        out["wal_locked_mb"] = round(wal.stat().st_size / 2**20, 1) if wal.exists() else 0.0
        if strace:
            for line in syscalls.read_text().splitlines():
                parts = line.split()
                if parts and parts[-1] in ("fsync", "fdatasync"):
                    out[parts[-1]] = [int(parts[3]), float(parts[1])]  # calls, seconds
        return dict(out)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    pre = sub.add_parser("prepare")
    pre.add_argument("--size", type=int, default=10_000)
    pre.add_argument("--dir", type=Path, required=True)
    go = sub.add_parser("run")
    go.add_argument("mode", choices=("pull-run", "pull-window", "push-run", "push-window"))
    go.add_argument("--dir", type=Path, required=True)
    go.add_argument("--tree", type=Path, default=BENCH.parent)
    go.add_argument("--count", action="store_true")
    go.add_argument("--trace", action="store_true")
    go.add_argument("--set", action="append", default=[], help="MODULE.NAME=INT in the child")
    go.add_argument("--strace", action="store_true", help="count the child's fsyncs")
    args = parser.parse_args()
    if args.what == "prepare":
        prepare(args.size, args.dir)
        return 0
    tree = args.tree.resolve()
    print(json.dumps(run(args.mode, args.dir, tree, args.count, args.trace, args.set, args.strace)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
