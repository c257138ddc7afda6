"""The sync fast path's threads (workers.Workers, issue 18): a call's result or exception
comes back to the awaiting request; a request that left does not break the thread; no
more threads than asked, started as work comes; shut down, they end."""

from __future__ import annotations

import asyncio
import threading

import pytest

from spt_server.workers import Workers


def test_a_call_gives_its_result_or_its_exception() -> None:
    workers = Workers(2, "test")

    def fail() -> None:
        raise ValueError("nee")

    async def main() -> tuple[int, str]:
        got = await workers.run(lambda a, b: a + b, 2, 3)
        with pytest.raises(ValueError, match="nee"):
            await workers.run(fail)
        name: str = await workers.run(lambda: threading.current_thread().name)
        return got, name

    try:
        got, name = asyncio.run(main())
    finally:
        workers.shutdown(wait=True)
    assert got == 5
    assert name.startswith("test_")  # one of the workers' threads, not the loop's


def test_a_request_that_left_does_not_stop_the_thread() -> None:
    """The awaiting request cancelled (the client left) while its call runs: the call
    finishes, its answer is dropped, and the thread takes the next call."""
    workers = Workers(1, "test")
    release = threading.Event()

    async def main() -> str:
        slow = asyncio.ensure_future(workers.run(release.wait))
        await asyncio.sleep(0.05)
        slow.cancel()
        release.set()
        after: str = await workers.run(lambda: "verder")
        return after

    try:
        assert asyncio.run(main()) == "verder"
    finally:
        workers.shutdown(wait=True)
    assert len(workers.threads) == 1


def test_no_more_threads_than_asked_and_none_before_work() -> None:
    workers = Workers(2, "test")
    assert workers.threads == []
    release = threading.Event()
    started = threading.Semaphore(0)

    def held(i: int) -> int:
        started.release()
        release.wait()
        return i

    async def main() -> list[int]:
        calls = [workers.run(held, i) for i in range(5)]
        for _ in range(2):  # two run at once, the other three wait in the queue
            await asyncio.to_thread(started.acquire)
        assert len(workers.threads) == 2
        release.set()
        return list(await asyncio.gather(*calls))

    try:
        assert asyncio.run(main()) == [0, 1, 2, 3, 4]
    finally:
        workers.shutdown(wait=True)
    assert len(workers.threads) == 2
    assert not any(t.is_alive() for t in workers.threads)  # shut down: ended

    async def after() -> None:
        await workers.run(lambda: None)

    with pytest.raises(RuntimeError):
        asyncio.run(after())
