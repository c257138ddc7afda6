"""A first push as a timeline of both ends (issue 13, helper "pushgap": bench/SYNC.md).

    .venv/bin/python bench/trace_push.py SIZE [--log /tmp/NAME-trace]

The filled vault of ``bench_push_client.py`` (SPT_BENCH_PUSH_DIR) pushed once, as that
bench does, with both ends traced: the client's steps (the engine's, the transport's) in
this process and the server's (a request's head in, its body read and unpacked, parsed,
its thread's work, the answer packed and out) in the ``spt-server`` process, which runs
with the same hooks. Each span is written with ``time.perf_counter`` (CLOCK_MONOTONIC on
Linux: one clock for both processes) and its thread's CPU, to LOG-client.jsonl and
LOG-server.jsonl; then the timeline is read back: where the wall went that was neither
side's work. The hooks wrap functions from outside; nothing of the product changes, and
nothing is traced unless this script runs it.
"""

from __future__ import annotations

import functools
import itertools
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

_out: Any = None
_lock = threading.Lock()


def _queued() -> float:
    """Seconds this thread has waited on a run queue for a CPU (the kernel's schedstat):
    wall that is neither its CPU nor a sleep (I/O, a lock, the GIL)."""
    with open("/proc/thread-self/schedstat", "rb") as f:
        return int(f.read().split()[1]) / 1e9


def _write(name: str, start: float, end: float, cpu: float, queued: float = 0.0) -> None:
    row = {"n": name, "t": threading.current_thread().name, "s": start, "e": end, "c": cpu}
    row["q"] = queued
    with _lock:
        _out.write(json.dumps(row) + "\n")


def _wrap(owner: Any, attr: str, name: str | None = None) -> None:
    """``owner.attr`` written as a span each call (an older tree without it: nothing)."""
    fn = getattr(owner, attr, None)
    if fn is None:
        return
    label = name or attr

    if _is_async(fn):

        @functools.wraps(fn)
        async def awrapped(*args: Any, **kwargs: Any) -> Any:
            q, c, s = _queued(), time.thread_time(), time.perf_counter()
            try:
                return await fn(*args, **kwargs)
            finally:
                e, c = time.perf_counter(), time.thread_time() - c
                _write(label, s, e, c, _queued() - q)

        setattr(owner, attr, awrapped)
        return

    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        q, c, s = _queued(), time.thread_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            e, c = time.perf_counter(), time.thread_time() - c
            _write(label, s, e, c, _queued() - q)

    setattr(owner, attr, wrapped)


def _is_async(fn: Any) -> bool:
    import inspect

    return inspect.iscoroutinefunction(fn)


def open_log(path: str) -> None:
    global _out
    _out = open(path, "w", buffering=1)  # noqa: SIM115 (open for the process's life)


# --- the server's hooks ---------------------------------------------------------------


def server_hooks() -> None:
    from spt_common import encoding
    from spt_common import protocol as p
    from spt_server import app, store

    _wrap(app.Guard, "__call__", "request")  # head in .. answer out
    _wrap(app.Guard, "_unpacked", "body_read_unpack")
    _wrap(encoding, "decode", "decode")
    _wrap(encoding, "encode", "encode")
    try:  # round 11: the body read by msgspec in the sync thread, the rest handed on
        from spt_server import wire
    except ImportError:
        _wrap(p, "parse_sync", "parse")
    else:
        _wrap(wire, "parse_sync", "parse")
        _wrap(p, "parse_sync", "parse_handed_on")
    _wrap(app, "sync_answer", "sync_answer")  # in the sync thread
    _wrap(app, "_push", "push")
    _wrap(app, "_whole_body", "whole_body")
    # The sync thread's whole call (round 18, hand18): the body read and answered, and
    # what is freed after ``sync_answer`` returns (the parsed request) before the
    # answer goes back to the event loop.
    _wrap(app, "_read_and_answer", "read_and_answer")
    for attr in ("push",):
        if hasattr(store, attr):
            _wrap(store, attr, f"store.{attr}")


def serve(argv: list[str]) -> None:
    open_log(os.environ["PUSHGAP_TRACE_SERVER"])
    server_hooks()
    from spt_server.cli import main

    sys.exit(main(argv))


# --- the client's hooks -----------------------------------------------------------------


def client_hooks() -> None:
    from spt_desktop.models import later_indexes
    from spt_desktop.sync import apply, engine, transport

    _wrap(transport.Transport, "post_bytes", "post")
    _wrap(transport, "read_answer", "read_answer")
    if hasattr(engine, "read_answer"):  # the engine reads answers itself (pushgap)
        _wrap(engine, "read_answer", "read_answer")
    _wrap(transport.httpx.Client, "post", "httpx.post")
    for attr in ("begin", "apply", "_prebuild", "_pipeline", "_flush", "_first",
                 "_pending_or_next", "_build", "_apply", "_commit_open", "_release",
                 "_send_after", "_checkpoint_early"):  # fmt: skip
        _wrap(engine.Syncer, attr, attr)
    for attr in ("build_batch", "apply_results", "apply_page", "read_outbox",
                 "sweep_outbox", "stored_batch", "request_body", "acknowledge"):  # fmt: skip
        _wrap(engine, attr, attr)
    _wrap(later_indexes, "build_later", "build_later")
    # The run's end (round 19, helper "end19"): the pages' purge, the connection given
    # back as it came, the WAL cut, the vault's checkpoint thread, and every commit (the
    # end's last one checkpoints the WAL the run wrote).
    for attr in ("_restore", "_checkpoint_as_before", "_truncate_wal", "_checkpoint_rest"):
        _wrap(engine.Syncer, attr, attr)
    for attr in ("purge_candidates", "gone_candidates"):
        _wrap(engine, attr, attr)
    if hasattr(engine, "Checkpointer"):
        _wrap(engine.Checkpointer, "_checkpoint", "ckpt_thread")
    import sqlalchemy as sa

    _wrap(sa.engine.base.RootTransaction, "commit", "commit")
    if hasattr(engine, "_hand"):  # the answer before handed to the vault thread (gaps14)
        _wrap(engine, "_hand", "hand")
    _ = apply


def threads(pid: int) -> dict[str, tuple[float, float]]:
    """Each thread of ``pid`` (by name; threads of one name summed): its CPU and its
    wait on a run queue, in seconds."""
    seen: dict[str, tuple[float, float]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            cpu, queued = (int(x) / 1e9 for x in (task / "schedstat").read_text().split()[:2])
        except OSError:
            continue
        a, b = seen.get(name, (0.0, 0.0))
        seen[name] = (a + cpu, b + queued)
    return seen


def io(pid: int) -> dict[str, int]:
    lines = Path(f"/proc/{pid}/io").read_text().splitlines()
    return {k: int(v) for k, v in (line.split(": ") for line in lines)}


def delta(after: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in after.items():
        w = before.get(k)
        if isinstance(v, tuple):
            w = w or (0.0, 0.0)
            out[k] = tuple(round(x - y, 3) for x, y in zip(v, w, strict=True))
        else:
            out[k] = v - (w or 0)
    return out


def _spans(path: str) -> list[dict[str, Any]]:
    with open(path) as f:
        return [json.loads(line) for line in f]


def gaps(log: str) -> str:
    """Where the push's wall went that no request of the server's covers (issue 13,
    round 14, helper "gaps14"): the start (the run's start to the first request's head
    in), between requests (an answer out to the next head in: the server waiting), the
    end (the last answer out to the run's end); and the client's hand-over between two
    batches, the network thread's ``post`` of one returning to its ``post`` of the next
    starting (the GIL: bench/SYNC.md round 14). Medians a batch in ms."""
    client, server = _spans(f"{log}-client.jsonl"), _spans(f"{log}-server.jsonl")
    run = next(r for r in client if r["n"] == "SYNC")
    requests = sorted(
        (r for r in server if r["n"] == "request" and r["s"] >= run["s"]), key=lambda r: r["s"]
    )
    posts = sorted((r for r in client if r["n"] == "post"), key=lambda r: r["s"])

    def median(xs: list[float]) -> float:
        return sorted(xs)[len(xs) // 2] * 1e3 if xs else float("nan")

    between = [b["s"] - a["e"] for a, b in itertools.pairwise(requests)]
    handover = [b["s"] - a["e"] for a, b in itertools.pairwise(posts)]
    return (
        f"wall {run['e'] - run['s']:.3f} s: start {requests[0]['s'] - run['s']:.3f}, "
        f"between requests {sum(between):.3f} (median {median(between):.2f} ms), "
        f"end {run['e'] - requests[-1]['e']:.3f}; client hand-over {sum(handover):.3f} s "
        f"(median {median(handover):.2f} ms)"
    )


def _within(spans: list[dict[str, Any]], outer: dict[str, Any]) -> dict[str, Any] | None:
    """The first of ``spans`` (sorted by start) inside ``outer``'s time."""
    return next((r for r in spans if r["s"] >= outer["s"] and r["e"] <= outer["e"]), None)


def segments(log: str) -> str:
    """Each push request's way through both ends, segment by segment, as the median and
    the 90th percentile over the push's requests in ms, and their sum in s (issue 13,
    round 18, helper "hand18"). The server's side by the spans of one request (its head
    in: the Guard's call; the body read and unpacked; the sync thread's parse, its
    ``sync_answer`` and the rest of its call; the answer packed on the loop; the
    request's end), then its idle time to the next head; the client's by the network
    thread's ``post`` that holds the request. The hand-over on the serial path is the
    last row: batch n's ``sync_answer`` done -> batch n+1's parse begun. A segment a tree
    does not trace is left out."""
    client, server = _spans(f"{log}-client.jsonl"), _spans(f"{log}-server.jsonl")
    run = next(r for r in client if r["n"] == "SYNC")

    def named(rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
        return sorted((r for r in rows if r["n"] == name and r["s"] >= run["s"]),
                      key=lambda r: r["s"])  # fmt: skip

    requests, posts = named(server, "request"), named(client, "post")
    unpacked, decoded = named(server, "body_read_unpack"), named(server, "decode")
    parsed, answered = named(server, "parse"), named(server, "sync_answer")
    whole, packed = named(server, "read_and_answer"), named(server, "encode")
    rows: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        rows.setdefault(name, []).append(value)

    for i, req in enumerate(requests):
        body, parse = _within(unpacked, req), _within(parsed, req)
        answer, pack = _within(answered, req), _within(packed, req)
        if body is None or parse is None or answer is None or pack is None:
            continue  # not a push through the Guard (the first request, a page)
        add("server: head in -> body read and unpacked", body["e"] - req["s"])
        unpack = _within(decoded, body)
        if unpack is not None:
            add("  of which the unpacking (zstd)", unpack["e"] - unpack["s"])
        add("server: unpacked -> parse begins (loop -> sync thread)", parse["s"] - body["e"])
        add("server: parse", parse["e"] - parse["s"])
        add("server: parse -> sync_answer (the token)", answer["s"] - parse["e"])
        add("server: sync_answer (the push, its commit)", answer["e"] - answer["s"])
        call = _within(whole, req)
        if call is not None:
            add("server: sync_answer done -> the thread's call done", call["e"] - answer["e"])
        add("server: sync_answer done -> answer packing (on the loop)", pack["s"] - answer["e"])
        add("server: answer packed -> request's end", req["e"] - pack["e"])
        if i + 1 < len(requests):
            add("server idle: request's end -> next head in", requests[i + 1]["s"] - req["e"])
        post = next((p for p in posts if p["s"] <= req["s"] and p["e"] >= req["e"]), None)
        if post is not None:
            add("client: post begins -> server's head in", req["s"] - post["s"])
            add("client: server's request end -> post returns", post["e"] - req["e"])
            j = posts.index(post)
            if j + 1 < len(posts):
                add("client: post returns -> next post begins", posts[j + 1]["s"] - post["e"])
    # The batch behind (n+1) is queued by the vault thread (``_pipeline``) once it has
    # applied the answer before (n-1): when answer n is in first, the network thread
    # waits for that, not for a hand-over (the vault thread the slower end).
    queued = named(client, "_pipeline")
    late = 0
    for before, after in itertools.pairwise(posts):
        queuing = [q for q in queued if q["s"] < after["s"]]
        if queuing and queuing[-1]["e"] > before["e"]:
            late += 1
            add("client: answer n in -> n+1 queued (vault thread later)",
                queuing[-1]["e"] - before["e"])  # fmt: skip
    for before, after in itertools.pairwise(answered):
        following = next((p for p in parsed if p["s"] >= before["e"]), None)
        if following is not None and following["s"] < after["s"]:
            add("HAND-OVER: sync_answer n done -> parse n+1 begins", following["s"] - before["e"])
    lines = [f"{'segment (push requests)':58s} {'median ms':>9s} {'p90 ms':>8s} {'sum s':>7s}"]
    for name, xs in rows.items():
        xs.sort()
        median, p90 = xs[len(xs) // 2] * 1e3, xs[int(len(xs) * 0.9)] * 1e3
        lines.append(f"{name:58s} {median:9.2f} {p90:8.2f} {sum(xs):7.3f}")
    lines.append(f"batches whose answer came before the batch behind was queued: {late}")
    return "\n".join(lines)


def push_end(log: str) -> str:
    """The push's end (issue 13, round 19, helper "end19"): from the server's end of
    the last push request (its answer holds the first page after the push) to the sync's
    return, the vault thread's spans by name (count, wall, thread CPU, run-queue wait, in
    ms; nested spans are inside their parents' figures), the pages' requests on the
    network thread, and the vault thread's wall under no traced step (waiting for a page,
    untraced work)."""
    client, server = _spans(f"{log}-client.jsonl"), _spans(f"{log}-server.jsonl")
    run = next(r for r in client if r["n"] == "SYNC")
    pushed = [r for r in server if r["n"] == "push" and r["s"] >= run["s"]]
    last = max(pushed, key=lambda r: r["s"])
    start = next(r["e"] for r in server if r["n"] == "request" and r["s"] <= last["s"] <= r["e"])
    pages = [r for r in server if r["n"] == "sync_answer" and r["s"] > start]
    vault = run["t"]
    inside = [r for r in client if r["s"] >= start and r["e"] <= run["e"] and r["n"] != "SYNC"]
    top = ("apply", "read_answer", "_release", "_flush")
    rows: dict[str, list[float]] = {}
    busy = 0.0
    for r in sorted(inside, key=lambda r: r["s"]):
        key = r["n"] if r["t"] == vault else f"{r['n']} ({r['t']})"
        row = rows.setdefault(key, [0, 0.0, 0.0, 0.0])
        row[0] += 1
        row[1] += r["e"] - r["s"]
        row[2] += r["c"]
        row[3] += r.get("q", 0.0)
        if r["t"] == vault and r["n"] in top:
            busy += r["e"] - r["s"]
    # A step begun before ``start`` (the last answer's apply) counted from ``start``.
    for r in client:
        if r["t"] == vault and r["n"] in top and r["s"] < start < r["e"]:
            busy += r["e"] - start
    total = run["e"] - start
    lines = [
        f"the push's end: {total * 1e3:.1f} ms (the server's last push request's end -> "
        f"sync returns); the server's sync_answer of {len(pages)} pages after it: "
        f"{sum(r['e'] - r['s'] for r in pages) * 1e3:.1f} ms",
        f"{'span':40s} {'n':>3s} {'wall ms':>8s} {'cpu ms':>7s} {'queue ms':>8s}",
    ]
    for name, (n, wall, cpu, queued) in rows.items():
        lines.append(f"{name:40s} {n:3d} {wall * 1e3:8.1f} {cpu * 1e3:7.1f} {queued * 1e3:8.1f}")
    lines.append(f"{'vault thread under no traced step':40s} {'':3s} {(total - busy) * 1e3:8.1f}")
    return "\n".join(lines)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("size", type=int)
    ap.add_argument("--log", default="/tmp/pushgap-trace")
    ap.add_argument("--strace", action="store_true", help="strace -c -w both processes")
    ap.add_argument("--strace-calls", default="fsync,fdatasync,pwrite64,pread64,write,read,futex")
    ap.add_argument("--gaps", action="store_true", help="only read LOG back (gaps())")
    args = ap.parse_args()
    if args.gaps:
        print(gaps(args.log))
        print(segments(args.log))
        print(push_end(args.log))
        return

    import bench_push_client as bp
    import bench_sync as b

    from spt_desktop.models.vault import Vault
    from spt_desktop.sync import engine

    kept = bp.filled(args.size)
    open_log(f"{args.log}-client.jsonl")
    client_hooks()
    work = bp.CACHE / f"trace-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(kept, work)
    if hasattr(b, "settled"):
        b.settled(*sorted(work.iterdir()))
    server = b.SptServer.__new__(b.SptServer)
    server.db, server.port = f"sqlite:///{work / 'server.db'}", b.free_port()
    env = {**b.env(), "PUSHGAP_TRACE_SERVER": f"{args.log}-server.jsonl"}
    server.proc = subprocess.Popen(
        [b.PYTHON, str(Path(__file__)), "--serve", "serve", "--db", server.db, "--port",
         str(server.port), "--no-retention", "--log-level", "error"],
        env=env,
    )  # fmt: skip
    try:
        b.wait_port(server.port, server.proc, "spt-server")
        # --strace: the syscalls that wait without CPU (fsyncs above all), by wall time,
        # of both processes' threads over the sync (strace -c -w).
        straced = []
        if args.strace:
            for who, traced in (("server", server.proc.pid), ("client", os.getpid())):
                straced.append(
                    subprocess.Popen(
                        ["strace", "-f", "-c", "-w", "-o", f"{args.log}-strace-{who}.txt",
                         "-e", f"trace={args.strace_calls}",
                         "-p", str(traced)],
                        stderr=subprocess.DEVNULL,
                    )
                )  # fmt: skip
            time.sleep(1.0)
        vault = Vault(work / "a.sptvault")
        vault.unlock(b.PASSPHRASE)
        with bp.Timed(server.url) as t:
            pid = server.proc.pid
            st, ct, sio = threads(pid), threads(os.getpid()), io(pid)
            scpu, cpu, wall = server.cpu(), time.process_time(), time.perf_counter()
            q0, c0 = _queued(), time.thread_time()
            report = engine.sync(vault, transport=t)
            end = time.perf_counter()
            _write("SYNC", wall, end, time.thread_time() - c0, _queued() - q0)
            print("server threads (cpu, run queue):", delta(threads(pid), st))
            print("client threads (cpu, run queue):", delta(threads(os.getpid()), ct))
            print("server io:", delta(io(pid), sio))
            cpu, wall = time.process_time() - cpu, end - wall
            scpu = server.cpu() - scpu
        for proc in straced:
            proc.send_signal(2)
            proc.wait(30)
        s = time.perf_counter()
        vault.lock()
        _write("lock", s, time.perf_counter(), 0.0)
        print(
            f"{args.size:,}: pushed {report.pushed:,} pulled {report.pulled:,} in "
            f"{report.requests} requests; client cpu {cpu:.2f} s, server cpu {scpu:.2f} s, "
            f"wall {wall:.2f} s, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
        _out.close()
    print(gaps(args.log), flush=True)
    print(segments(args.log), flush=True)
    print(push_end(args.log), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2:])
    else:
        main()
