"""A busy server (503 with Retry-After: no database connection came free in time, see
tests/server/test_login_pool.py) is retried no sooner than it asked: the client's own
backoff starts at a fifth of a second, and a whole team retrying on that schedule would
keep the server busy. Real vault, real server on loopback, the fault proxy between."""

from __future__ import annotations

from pathlib import Path

from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, FaultProxy, LiveServer, make_vault


def test_a_busy_server_is_retried_after_the_wait_it_asks(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl", roles="loopbaancoach")
    vault = make_vault(tmp_path / "anna.sptvault")
    proxy = FaultProxy(live.port)
    try:
        engine.login(vault, proxy.url, "anna@spt.nl", PASSWORD, device_name="laptop")
        proxy.faults = ["busy"]
        start = len(proxy.arrived)
        with Transport(proxy.url, retries=2, backoff=0.01) as t:
            report = engine.sync(vault, transport=t)
        assert proxy.seen[start:] == ["busy", "pass"]
        assert report.requests >= 1
        # Retry-After: 1. Before: the retry came after the backoff alone (~10 ms).
        assert proxy.arrived[start + 1] - proxy.arrived[start] >= 1.0
    finally:
        proxy.close()
        vault.lock()
