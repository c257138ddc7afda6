"""A shaping TCP proxy on loopback: a field connection (4G at an employer's site).

Each direction is a link of ``mbit`` Mbit/s with ``rtt_ms / 2`` of one-way delay: a chunk
read at t leaves at max(t + delay, when the link is free) + its serialisation time. Counts
the bytes that cross it each way (headers included: what the radio carries, less TCP/IP).
Runs in a thread with its own event loop; ``close()`` stops it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque


class Shaper:
    def __init__(self, target_port: int, mbit: float = 10.0, rtt_ms: float = 60.0) -> None:
        self.target_port = target_port
        self.rate = mbit * 1e6 / 8  # bytes per second
        self.delay = rtt_ms / 2000  # one way, seconds
        self.up = 0  # client -> server bytes
        self.down = 0
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        self.up = self.down = self.connections = 0

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def close(self) -> None:
        def stop() -> None:
            self._server.close()
            self._loop.stop()

        self._loop.call_soon_threadsafe(stop)
        self._thread.join(5)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._pipe(reader, up_w, "up"), self._pipe(up_r, writer, "down"),
            return_exceptions=True,
        )  # fmt: skip

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter, way: str) -> None:
        queue: deque[tuple[float, bytes]] = deque()
        arrived = asyncio.Event()
        done = False

        async def read() -> None:
            nonlocal done
            while True:
                chunk = await src.read(16384)
                if not chunk:
                    break
                if way == "up":
                    self.up += len(chunk)
                else:
                    self.down += len(chunk)
                queue.append((time.monotonic(), chunk))
                arrived.set()
            done = True
            arrived.set()

        async def write() -> None:
            free = 0.0  # when the link has sent what it was given
            while True:
                if not queue:
                    if done:
                        break
                    arrived.clear()
                    await arrived.wait()
                    continue
                t, chunk = queue.popleft()
                start = max(t, free)
                free = start + len(chunk) / self.rate
                wait = free + self.delay - time.monotonic()  # sent, then on its way
                if wait > 0:
                    await asyncio.sleep(wait)
                dst.write(chunk)
                await dst.drain()
            dst.close()

        await asyncio.gather(read(), write(), return_exceptions=True)
