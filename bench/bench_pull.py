"""The first pull, client side, two code trees side by side on one server (issue 13).

    .venv/bin/python bench/bench_pull.py [--size 10000] [--caseload 200] [--rounds 3] \
        [--tree before=/tmp/old-checkout] [--tree after=.] [--profile DIR] \
        [--workdir /tmp/NAME-bench]

One `spt-server` (this tree's) with a coach whose ``--size`` demo candidates are pushed
once; then, round after round with the trees alternating, each tree's client pulls them
into a new vault:

  pull       in a child process of that tree (``engine.sync``, as bench_sync's first pull):
             the child's CPU seconds and wall of the sync alone (no interpreter start)
  caseload   a second coach-free server holding a ``--caseload`` candidates caseload:
             `spt-desktop sync` as a process of that tree (start to exit), on loopback and
             through the shaping proxy (10 Mbit/s, 60 ms round trip), its CPU seconds
             (getrusage of the child) and the bytes the proxy counted

With ``--window``, the run's own path and the window's, side by side in each round
(issue 13, round 14), each in a child process of that tree, timed from the sync's start
(its transport made inside, as both make it) to its end:

  run        ``engine.sync(vault)``: ``Syncer.run()``, as `spt-desktop sync` runs it
  window     the window's sync in steps (``services.session.SyncRun``) driven as
             ``ui.window.MainWindow`` drives it, without a display: a QCoreApplication,
             the window's ``ui.ops.Ops`` (the vault thread, the pool for work without
             the vault), ``sync_start`` / ``send`` / ``sync_step`` chained by the same
             callbacks on the UI thread

for the ``--size`` pull on loopback, and for the caseload on loopback and through the
shaping proxy; the table gives window ÷ run of the median walls.

The server is the same for every tree, so the difference is the client's. Figures go to
stdout as a table (medians per tree) with the load average beside them; bench/SYNC.md.
With ``--profile DIR`` each tree's first pull also runs under py-spy (raw format; the
venv's, or the one ``PY_SPY`` names).
With ``--workdir DIR`` the filled servers' databases are kept there and used again by
the next run with the same sizes (a 10k push takes minutes on a loaded machine).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402
from shaper import Shaper  # noqa: E402

from spt_desktop import demo  # noqa: E402
from spt_desktop.sync import engine  # noqa: E402
from spt_desktop.sync.transport import Transport  # noqa: E402

# The child that pulls: a fresh vault, logged in (not timed), then one sync (timed).
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1] + "/bench")
import memsec; memsec.off()
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
vault = Vault(sys.argv[2]); vault.unlock(sys.argv[3])
with Transport(sys.argv[4]) as t:
    print("ready", flush=True); sys.stdin.readline()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    report = engine.sync(vault, transport=t)
    wall = time.perf_counter() - start
    r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu, "requests": report.requests,
                  "pulled": report.pulled}), flush=True)
"""


# The same pull by ``engine.sync`` ("run") or by the window's steps ("window"), timed
# from the sync's start (each makes its own transport) to its end (``--window``).
MODES = r"""
import gc, json, resource, sys, time
sys.path.insert(0, sys.argv[1] + "/bench")
import memsec; memsec.off()
mode = sys.argv[5]
if mode == "run":
    from spt_desktop.models.vault import Vault
    from spt_desktop.sync import engine
    vault = Vault(sys.argv[2]); vault.unlock(sys.argv[3])
    print("ready", flush=True); sys.stdin.readline()
    gc0 = [g["collections"] for g in gc.get_stats()]
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    report = engine.sync(vault).as_dict()
    wall = time.perf_counter() - start
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    steps = 0
else:
    from PySide6.QtCore import QCoreApplication
    from spt_desktop.services.session import VaultSession
    from spt_desktop.ui.ops import Ops, without_gc_pauses
    from spt_desktop.sync import engine  # imported before the clock, as in "run"
    app = QCoreApplication([])
    # As the app's start does before any unlock (``app.freeze_startup_objects``): what the
    # imports made is frozen out of the collector's full passes.
    gc.collect(); gc.freeze()
    session = VaultSession(sys.argv[2])
    ops = Ops(session)
    out = {}
    def done(value):
        out["value"] = value; app.quit()
    def failed(exc):
        out["error"] = repr(exc); app.quit(); return True
    # As the window unlocks (``services.desk.after_unlock``): the sync status read
    # then, so the ORM is warm before the clock, as it is in the window.
    def unlock(s):
        s.unlock(sys.argv[3]); return s.sync_status()
    ops.vault(unlock).success(done).failure(failed).run()
    app.exec()
    print("ready", flush=True); sys.stdin.readline()
    steps = 0
    spent = {"vault": 0.0, "send": 0.0}  # inside the vault steps / the network steps
    def timed(what, fn):
        def go(*args):
            t = time.perf_counter()
            try:
                return fn(*args)
            finally:
                spent[what] += time.perf_counter() - t
        return go
    # MainWindow.sync_now / _sync_step / _sync_answer, without the widgets.
    def step(run):
        global steps
        steps += 1
        if run.finished:
            done(run.report); return
        ops.work(timed("send", run.send)).success(lambda _sent: answer(run)).failure(
            failed).run()
    def answer(run):
        ops.vault(timed("vault", lambda s: without_gc_pauses(lambda: s.sync_step(run)))
                  ).success(step).failure(failed).run()
    gc0 = [g["collections"] for g in gc.get_stats()]
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    ops.vault(timed("vault", lambda s: without_gc_pauses(s.sync_start))).success(step).failure(
        failed).run()
    app.exec()
    wall = time.perf_counter() - start
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    if "error" in out:
        raise SystemExit(out["error"])
    report = out["value"]
    ops.vault(lambda s: s.lock()).success(done).failure(failed).run()
    app.exec()
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
out = {"wall": wall, "cpu": cpu, "requests": report["requests"], "pulled": report["pulled"],
       "steps": steps}
# The collector's full collections during the sync (the run pauses it for its whole
# run; the window for its vault steps only).
out["gc2"] = gc.get_stats()[2]["collections"] - gc0[2]
if mode == "window":  # the wall outside both: the hand-offs through the UI thread
    out.update({"vault_s": spent["vault"], "send_s": spent["send"],
                "between_s": wall - spent["vault"] - spent["send"]})
print(json.dumps(out), flush=True)
"""


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "SPT_PASSPHRASE": bs.PASSPHRASE}


# A new vault, logged in, made by a tree's own code: its schema is that tree's (a vault
# of a newer schema does not open in an older tree; an older one would be upgraded
# inside the timed process).
NEW_VAULT = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/bench")
import bench_sync as bs
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
v = bs.fresh_vault(Path(sys.argv[2]), sys.argv[3])
with Transport(sys.argv[4]) as t:
    engine.login(v, sys.argv[4], bs.EMAIL, bs.PASSWORD, transport=t, device_name=sys.argv[3])
v.lock()
"""


def _new_vault(workdir: Path, name: str, url: str, tree: Path = BENCH.parent) -> Path:
    cmd = [bs.PYTHON, "-c", NEW_VAULT, str(tree), str(workdir), name, url]
    subprocess.run(cmd, env=_env(tree), check=True, capture_output=True)
    return workdir / name


def _pull(
    tree: Path, vault: Path, url: str, profile: Path | None, mode: str | None = None
) -> dict[str, Any]:
    """``mode`` None: ``CHILD``; "run" or "window": ``MODES``."""
    cmd = [bs.PYTHON, "-c", CHILD, str(tree), str(vault), bs.PASSPHRASE, url]
    if mode is not None:
        cmd = [bs.PYTHON, "-c", MODES, str(tree), str(vault), bs.PASSPHRASE, url, mode]
    env = {**_env(tree), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "ready"
    spy = None
    if profile is not None:
        py_spy = os.environ.get("PY_SPY") or str(Path(bs.PYTHON).parent / "py-spy")
        spy = subprocess.Popen(
            [py_spy, "record", "-r", "200", "-f", "raw",
             "-o", str(profile), "--pid", str(proc.pid)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(1.0)
    proc.stdin.write("\n")
    proc.stdin.flush()
    out = json.loads(proc.stdout.readline())
    proc.wait(60)
    if spy is not None:
        spy.wait(60)
    return dict(out)


def _cli(tree: Path, vault: Path) -> tuple[float, float]:
    """`spt-desktop sync` of ``tree`` as a process: (wall, CPU seconds)."""
    cmd = [bs.PYTHON, str(tree / "bench" / "memsec.py"), "sync", "--vault", str(vault)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=_env(tree), check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _filled_server(workdir: Path, size: int) -> bs.SptServer:
    done = workdir / f"filled-{size}"
    if done.exists():
        return bs.SptServer(workdir, existing=True)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    server = bs.SptServer(workdir)
    a = bs.fresh_vault(workdir, "a.sptvault")
    with Transport(server.url) as t:
        engine.login(a, server.url, bs.EMAIL, bs.PASSWORD, transport=t, device_name="a")
        demo.fill_vault(a, size, bs.SEED, bs.TODAY)
        engine.sync(a, transport=t)
    a.lock()
    done.touch()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--caseload", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH")
    parser.add_argument("--profile", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the servers here")
    parser.add_argument(
        "--window", action="store_true", help="the run's path and the window's, side by side"
    )
    parser.add_argument("--no-cli", action="store_true", help="without the CLI/CHILD rows")
    parser.add_argument(
        "--modes", default="run,window", help="with --window: which of the two (run,window)"
    )
    args = parser.parse_args()
    trees = {n: Path(p).resolve() for n, p in (t.split("=", 1) for t in args.tree)}
    trees = trees or {"this": BENCH.parent}
    bs.memsec.off()
    kept = args.workdir is not None
    work = args.workdir.resolve() if kept else Path(tempfile.mkdtemp(prefix="bench-pull-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
    try:
        servers = []
        if args.size:
            t0 = time.perf_counter()
            servers.append(("pull", _filled_server(work / "big", args.size)))
            print(f"# {args.size} candidates pushed in {time.perf_counter() - t0:.0f} s")
        if args.caseload:
            servers.append(("caseload", _filled_server(work / "case", args.caseload)))
        for kind, server in servers:
            shaper = Shaper(server.port) if kind == "caseload" else None
            for r in range(args.rounds):
                for name, tree in trees.items():
                    d = work / f"{kind}-{name}-{r}"
                    shutil.rmtree(d, ignore_errors=True)
                    d.mkdir()
                    if args.window:
                        places = [("pull", server.url)]
                        if kind == "caseload":
                            assert shaper is not None
                            places = [("case", server.url), ("field", shaper.url)]
                        for place, url in places:
                            # Each first in turn: neither always meets the load first.
                            modes = [m for m in ("run", "window") if m in args.modes.split(",")]
                            for mode in modes[:: 1 if r % 2 == 0 else -1]:
                                v = _new_vault(d, f"{place}-{mode}.sptvault", url, tree)
                                if shaper is not None:
                                    shaper.reset()
                                s0 = server.cpu()
                                out = _pull(tree, v, url, None, mode)
                                out["server_cpu"] = server.cpu() - s0
                                if place == "field" and shaper is not None:
                                    out["down"] = shaper.down
                                out["load"] = _load()
                                rows.setdefault((f"{place}-{mode}", name), []).append(out)
                                print(f"{place}-{mode}", name, r, json.dumps(out), flush=True)
                    if args.no_cli:
                        shutil.rmtree(d)
                        continue
                    if kind == "pull":
                        prof = None
                        if args.profile is not None and r == 0:
                            args.profile.mkdir(parents=True, exist_ok=True)
                            prof = args.profile / f"pull-{name}.txt"
                        v = _new_vault(d, "v.sptvault", server.url, tree)
                        s0 = server.cpu()
                        out = _pull(tree, v, server.url, prof)
                        out["server_cpu"] = server.cpu() - s0
                        out["load"] = _load()
                        rows.setdefault((kind, name), []).append(out)
                    else:
                        assert shaper is not None
                        v = _new_vault(d, "v.sptvault", server.url, tree)
                        wall, cpu = _cli(tree, v)
                        f = _new_vault(d, "f.sptvault", shaper.url, tree)
                        shaper.reset()
                        fwall, fcpu = _cli(tree, f)
                        out = {"wall": wall, "cpu": cpu, "field_wall": fwall,
                               "field_cpu": fcpu, "up": shaper.up, "down": shaper.down,
                               "load": _load()}  # fmt: skip
                        rows.setdefault((kind, name), []).append(out)
                    print(kind, name, r, json.dumps(out), flush=True)
                    shutil.rmtree(d)
            if shaper is not None:
                # Raw JSON of the same pull: an uncompressed in-process client.
                v = bs.fresh_vault(work, "raw.sptvault")
                with Transport(shaper.url, compress=False) as t:
                    engine.login(v, shaper.url, bs.EMAIL, bs.PASSWORD, transport=t,
                                 device_name="raw")  # fmt: skip
                    shaper.reset()
                    engine.sync(v, transport=t)
                print(f"# caseload raw JSON: up {shaper.up} down {shaper.down} bytes")
                v.lock()
                shaper.close()
            server.stop()
    finally:
        if not kept:
            shutil.rmtree(work, ignore_errors=True)
    print("\n| what | tree | n | median wall s | median cpu s | other |")
    print("|---|---|---:|---:|---:|---|")
    for (kind, name), outs in rows.items():
        med = {k: statistics.median(o[k] for o in outs) for k in outs[0] if k != "load"}
        other = ", ".join(f"{k} {v:.3g}" for k, v in med.items() if k not in ("wall", "cpu"))
        loads = " ".join(o["load"] for o in outs)
        print(f"| {kind} | {name} | {len(outs)} | {med['wall']:.2f} | {med['cpu']:.2f} | "
              f"{other}; load {loads} |")  # fmt: skip
    if args.window:
        print("\n| what | tree | window ÷ run, median wall | each round's | cpu |")
        print("|---|---|---:|---|---:|")
        for (kind, name), outs in rows.items():
            if not kind.endswith("-window"):
                continue
            runs = rows.get((kind.removesuffix("-window") + "-run", name))
            if runs is None:
                continue
            each = " ".join(f"{w['wall'] / r['wall']:.2f}" for w, r in zip(outs, runs, strict=True))
            wall = statistics.median(o["wall"] for o in outs) / statistics.median(
                o["wall"] for o in runs
            )
            cpu = statistics.median(o["cpu"] for o in outs) / statistics.median(
                o["cpu"] for o in runs
            )
            print(f"| {kind.removesuffix('-window')} | {name} | {wall:.3f} | {each} | {cpu:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
