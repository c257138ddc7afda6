"""The client's CPU of a first push, apart (issue 13, round 4: bench/SYNC.md).

    .venv/bin/python bench/bench_push_client.py SIZE [RUNS]

A vault with SIZE demo candidates (seed 2026, bound to a fresh `spt-server` account) is
filled once and kept in /tmp/spt-bench-push/SIZE with the server's SQLite file; every
run pushes a copy of both with `engine.sync` to an `spt-server` process and prints the
pushing process's CPU (both threads), the server's, requests and the machine's load.
Run it from another tree (PYTHONPATH and the script of that tree) for a "before".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as b  # noqa: E402

from spt_desktop import demo  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.sync import engine  # noqa: E402

# SPT_BENCH_PUSH_DIR: a directory of ones own (the default is shared by every tree).
CACHE = Path(os.environ.get("SPT_BENCH_PUSH_DIR", "/tmp/spt-bench-push"))


def filled(size: int) -> Path:
    """The filled vault and its server's database (made once per size)."""
    kept = CACHE / str(size)
    if (kept / "done").exists():
        return kept
    shutil.rmtree(kept, ignore_errors=True)
    kept.mkdir(parents=True)
    server = b.SptServer(kept)
    vault = b.fresh_vault(kept, "a.sptvault")
    with b.Transport(server.url) as t:
        engine.login(vault, server.url, b.EMAIL, b.PASSWORD, transport=t, device_name="laptop")
    server.stop()
    counts = demo.fill_vault(vault, size, b.SEED, b.TODAY)
    print(f"filled: {sum(v for k, v in counts.items() if k != 'coach'):,} records", flush=True)
    vault.lock()
    (kept / "done").write_text("1")
    return kept


class Timed(b.Transport):  # type: ignore[misc,name-defined]
    """The bench's transport; keeps when each sync request went out and its answer came
    back, for the time the server had nothing to do between two requests, and the bytes
    of each way: requests as sent (compressed), answers as they came (compressed) and
    as read (their JSON)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.spans: list[tuple[float, float]] = []
        self.sent = self.received = self.answers = 0
        self.largest = 0  # the largest answer's JSON (a full batch's results)
        self._client.event_hooks["request"].append(self._count)

    def _count(self, request: Any) -> None:
        self.sent += len(request.content)

    def _answer(self, resp: Any) -> bytes:
        self.received += resp.num_bytes_downloaded
        self.answers += len(resp.content)
        self.largest = max(self.largest, len(resp.content))
        return super()._answer(resp)  # type: ignore[no-any-return]

    def sync_bytes(self, token: str, request: Any) -> Any:
        # Every sync request goes out here (``Transport.sync`` too); an older tree's
        # engine calls ``sync``, which has no ``sync_bytes`` to call: see ``sync``.
        start = time.perf_counter()
        try:
            return super().sync_bytes(token, request)
        finally:
            self.spans.append((start, time.perf_counter()))

    def sync(self, token: str, request: Any) -> Any:
        if hasattr(b.Transport, "sync_bytes"):
            return super().sync(token, request)
        start = time.perf_counter()
        try:
            return super().sync(token, request)
        finally:
            self.spans.append((start, time.perf_counter()))

    def idle(self) -> float:
        """Seconds between an answer and the next request (the server waiting for the
        client: a client that sends the next batch before it applies the answer has
        it waiting behind the one on the server)."""
        ends = [end for _, end in self.spans[:-1]]
        return sum(
            max(0.0, start - end) for (start, _), end in zip(self.spans[1:], ends, strict=True)
        )


def wal_frames(wal: Path) -> int:
    """The pages the run wrote to the vault's WAL (each encrypted and HMACed by
    SQLCipher, then copied by the checkpoint): the WAL is checkpointed once, at the run's
    end, and not truncated until the vault closes, so its size counts them all. A figure
    the machine's load does not move (issue 13, round 9)."""
    size = wal.stat().st_size if wal.exists() else 0
    return max(0, size - 32) // (4096 + 24)  # the WAL's header; a frame's header and page


def written(pid: int) -> tuple[int, int]:
    """The bytes a process has written so far: by its write calls (``wchar``: the WAL's
    frames, the checkpoint's copies, the logs), and those that went to the disk's block
    layer (``write_bytes``: moved by when the kernel writes back, so only the first is a
    figure to compare between runs)."""
    with open(f"/proc/{pid}/io") as f:
        io = dict(line.split(": ") for line in f.read().splitlines())
    return int(io["wchar"]), int(io["write_bytes"])


def push(kept: Path, size: int) -> None:
    work = CACHE / f"run-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(kept, work)
    if hasattr(b, "settled"):  # the copy on disk before the timed push (bench_sync.settled)
        b.settled(*sorted(work.iterdir()))
    server = b.SptServer.__new__(b.SptServer)
    server.db, server.port = f"sqlite:///{work / 'server.db'}", b.free_port()
    server.proc = subprocess.Popen(
        [b.PYTHON, "-m", "spt_server.cli", "serve", "--db", server.db, "--port",
         str(server.port), "--no-retention", "--log-level", "error"],
        env=b.env(),
    )  # fmt: skip
    try:
        b.wait_port(server.port, server.proc, "spt-server")
        vault = Vault(work / "a.sptvault")
        vault.unlock(b.PASSPHRASE)
        with Timed(server.url) as t:
            scpu, cpu, wall = server.cpu(), time.process_time(), time.perf_counter()
            report = engine.sync(vault, transport=t)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            scpu = server.cpu() - scpu
        wchar, _disk = written(server.proc.pid)
        frames = wal_frames(work / "a.sptvault-wal")
        vault.lock()
        print(
            f"{size:,} candidates: pushed {report.pushed:,} (pulled {report.pulled:,}) in "
            f"{report.requests} requests; client cpu {cpu:.2f} s "
            f"({cpu / max(report.pushed, 1) * 1e6:.1f} us a record), server cpu {scpu:.2f} s, "
            f"wall {wall:.2f} s, server idle between requests {t.idle():.2f} s, "
            f"bytes sent {t.sent / 2**20:.2f} MiB, answers {t.received / 2**20:.2f} MiB on "
            f"the wire ({t.answers / 2**20:.2f} MiB JSON, largest {t.largest / 1024:.1f} "
            f"KiB), WAL frames {frames:,}, server wrote {wchar / 2**20:.1f} MiB, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    size = int(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    kept = filled(size)
    for _ in range(runs):
        push(kept, size)


if __name__ == "__main__":
    main()
