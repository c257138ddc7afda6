"""The window's sync in steps (``services.session.SyncRun``) lets go of each answer and
request as it goes, as ``engine.sync`` does (``test_push_memory``), with the cyclic
collector off for the whole sync (the window pauses it for its vault steps; off
throughout, a reference cycle would show as a hold too). Measured at 10k (issue 13,
round 18, bench/bench_sync_memory.py): the window's first push and first pull hold at
most three answers at any step, and their memory does not grow with the batches or
pages. These keep it so. Real vault, real server on loopback."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spt_common import protocol as p
from spt_desktop.services.session import VaultSession
from spt_desktop.sync import engine
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    count,
    window_session,
)
from tests.sync.test_pull_client_cpu import served_caseload

# Notes (each with its audit entry): four full batches of p.MAX_BATCH_TAKEN and a last one.
NOTES = 2 * p.MAX_BATCH_TAKEN + 150


@pytest.fixture
def collector_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _session(tmp_path: Path, live: LiveServer) -> VaultSession:
    return window_session(tmp_path / "anna.sptvault", live.url)


def _noting_answers(monkeypatch: pytest.MonkeyPatch) -> list[list[bool]]:
    """For every answer applied: which answers applied before it are still alive."""
    applied: list[weakref.ref[engine.Answer]] = []
    alive_at_apply: list[list[bool]] = []
    apply = engine.Syncer.apply

    def noting(self: engine.Syncer, answer: engine.Answer) -> Any:
        alive_at_apply.append([ref() is not None for ref in applied])
        applied.append(weakref.ref(answer))
        return apply(self, answer)

    monkeypatch.setattr(engine.Syncer, "apply", noting)
    return alive_at_apply


def _steps(session: VaultSession) -> dict[str, Any]:
    run = session.sync_start()
    while not run.finished:
        run.send()
        session.sync_step(run)
    return run.report


def test_the_windows_push_lets_go_of_each_batch_as_it_goes(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch,
    collector_off: None,
) -> None:  # fmt: skip
    admin.add_coach("anna@spt.nl")
    session = _session(tmp_path, live)
    session.sync()  # the server says its batch size, which the vault keeps
    vault = session._vault
    add_notes(vault, add_candidate(vault), NOTES)
    waiting = count(vault, "outbox")
    sent: list[weakref.ref[engine.Exchange]] = []
    send = engine.Syncer.send

    def noting_send(self: engine.Syncer, exchange: engine.Exchange, **kw: Any) -> engine.Answer:
        if exchange.body.get("batch") is not None:
            sent.append(weakref.ref(exchange))
        return send(self, exchange, **kw)

    monkeypatch.setattr(engine.Syncer, "send", noting_send)
    answers = _noting_answers(monkeypatch)
    requests: list[list[bool]] = []
    apply = engine.Syncer.apply

    def noting_requests(self: engine.Syncer, answer: engine.Answer) -> Any:
        requests.append([ref() is not None for ref in sent])
        return apply(self, answer)

    monkeypatch.setattr(engine.Syncer, "apply", noting_requests)
    report = _steps(session)
    assert report["pushed"] == waiting and count(vault, "outbox") == 0
    assert len(sent) == -(-waiting // p.MAX_BATCH_TAKEN) >= 4  # several, behind another
    # When an answer is applied, only it and the one sent behind it may still be held.
    for k, alive in enumerate(requests):
        assert not any(alive[: max(0, k - 1)]), (k, alive)
    for k, alive in enumerate(answers):
        assert not any(alive[: max(0, k - 1)]), (k, alive)
    session.lock()


def test_the_windows_pull_lets_go_of_each_page_as_it_goes(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch,
    collector_off: None,
) -> None:  # fmt: skip
    """Its pages asked for ahead (``engine.PagesAhead``) included: each is let go of
    once applied."""
    served_caseload(tmp_path, admin, live, 8)
    session = _session(tmp_path, live)
    answers = _noting_answers(monkeypatch)
    syncer = engine.Syncer
    monkeypatch.setattr(engine, "Syncer", lambda vault: syncer(vault, page=50))  # pages
    report = _steps(session)
    assert report["pulled"] > 250 and len(answers) >= 6
    # When page k is applied, pages k - 1 and k - 2 may still be held for a moment (the
    # pages ahead: a thread of the run's may not have dropped its reference yet; seen in
    # about half the runs, page k - 2 only, and never at the end); none before them.
    for k, alive in enumerate(answers):
        assert not any(alive[: max(0, k - 2)]), (k, alive)
    session.lock()
