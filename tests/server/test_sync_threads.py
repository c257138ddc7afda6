"""The sync fast path's threads (workers.Workers, issue 18): a call's result or exception
comes back to the awaiting request; a request that left does not break the thread; no
more threads than asked, started as work comes; shut down, they end."""

from __future__ import annotations

import asyncio
import threading

import pytest

from spt_server.workers import CREDIT, CREDIT_ENV, LONG_MAX_ENV, Workers, lanes_from_env


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


def _in_order(workers: Workers, calls: list[tuple[str, bool, float]]) -> list[str]:
    """The order in which ``workers`` (one thread, held while the calls are queued) runs
    ``calls``: (name, long, when queued by its clock)."""
    release = threading.Event()
    started = threading.Event()
    ran: list[str] = []
    now = [0.0]
    workers.clock = lambda: now[0]

    def hold() -> None:
        started.set()
        release.wait()

    async def main() -> None:
        first = workers.run(hold)
        await asyncio.to_thread(started.wait)
        queued = []
        for name, long, when in calls:
            now[0] = when
            run = workers.run_long if long else workers.run
            queued.append(run(ran.append, name))
        release.set()
        await asyncio.gather(first, *queued)

    try:
        asyncio.run(main())
    finally:
        workers.shutdown(wait=True)
    return ran


def test_a_short_call_goes_before_the_long_calls_that_came_less_than_credit_before_it() -> None:
    calls = [("push", True, 0.0), ("idle", False, 0.05), ("push2", True, 0.06)]
    assert _in_order(Workers(1, "test", credit=0.1), calls) == ["idle", "push", "push2"]


def test_a_long_call_is_not_passed_by_short_calls_that_came_credit_after_it() -> None:
    """The bound on a push's wait: a short call that came ``credit`` or more after it
    does not go first."""
    calls = [("push", True, 0.0), ("idle", False, 0.1), ("idle2", False, 0.3)]
    assert _in_order(Workers(1, "test", credit=0.1), calls) == ["push", "idle", "idle2"]
    calls = [("push", True, 0.0), ("idle", False, 0.05), ("idle2", False, 0.3)]
    assert _in_order(Workers(1, "test", credit=0.1), calls) == ["idle", "push", "idle2"]


def test_without_credit_the_calls_go_in_the_order_they_came() -> None:
    calls = [
        ("push", True, 0.0),
        ("idle", False, 0.01),
        ("push2", True, 0.02),
        ("idle2", False, 0.03),
    ]
    assert _in_order(Workers(1, "test"), calls) == ["push", "idle", "push2", "idle2"]


def test_no_more_long_calls_at_once_than_long_max() -> None:
    """Two threads, one long call at a time: a second long call waits while a short one
    takes the other thread."""
    workers = Workers(2, "test", long_max=1)
    release = threading.Event()
    started = threading.Semaphore(0)
    running: list[str] = []

    def held(name: str) -> str:
        running.append(name)
        started.release()
        release.wait()
        return name

    async def main() -> list[str]:
        calls = [workers.run_long(held, "push"), workers.run_long(held, "push2")]
        calls.append(workers.run(held, "idle"))
        for _ in range(2):
            await asyncio.to_thread(started.acquire)
        assert sorted(running) == ["idle", "push"]  # push2 waits for push's thread
        release.set()
        return list(await asyncio.gather(*calls))

    try:
        assert asyncio.run(main()) == ["push", "push2", "idle"]
    finally:
        workers.shutdown(wait=True)


def test_the_lanes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LONG_MAX_ENV, raising=False)
    monkeypatch.delenv(CREDIT_ENV, raising=False)
    assert lanes_from_env(16) == (CREDIT, None)
    monkeypatch.setenv(CREDIT_ENV, "250")
    monkeypatch.setenv(LONG_MAX_ENV, "40")
    assert lanes_from_env(16) == (0.25, 16)
    monkeypatch.setenv(CREDIT_ENV, "nee")
    monkeypatch.setenv(LONG_MAX_ENV, "0")
    assert lanes_from_env(16) == (CREDIT, 1)
