"""A push's requests and answers are let go of as the run goes (issue 13, round 17): the
run pauses the cyclic garbage collector, so what a batch's request and answer hold must
be freed by reference counting once that answer is applied. Before, each batch sent
behind another kept the one before it alive (a future's done callback), and each
request stayed in a reference cycle with its answer (httpx's response and its stream):
every request body and answer of a push stayed in memory until the run ended (10k first
push: the client's memory 100 -> 870 MB). Real vault, real server on loopback.
"""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

import pytest

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import Admin, LiveServer, add_candidate, add_notes, bound, count

# Notes (each with its audit entry): four full batches of p.MAX_BATCH_TAKEN and a last one.
NOTES = 2 * p.MAX_BATCH_TAKEN + 150


def test_a_pushed_batchs_request_and_answer_are_freed_once_it_is_applied(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    sent: list[weakref.ref[engine.Exchange]] = []
    alive_at_apply: list[list[bool]] = []
    collector_on: list[bool] = []
    send, apply = engine.Syncer.send, engine.Syncer._apply

    def noting_send(self: engine.Syncer, exchange: engine.Exchange, **kw: Any) -> engine.Answer:
        if exchange.body.get("batch") is not None:
            sent.append(weakref.ref(exchange))
        return send(self, exchange, **kw)

    def noting_apply(self: engine.Syncer, *args: Any, **kw: Any) -> Any:
        collector_on.append(gc.isenabled())
        alive_at_apply.append([ref() is not None for ref in sent])
        return apply(self, *args, **kw)

    monkeypatch.setattr(engine.Syncer, "send", noting_send)
    monkeypatch.setattr(engine.Syncer, "_apply", noting_apply)
    with Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting and count(a, "outbox") == 0
    assert len(sent) == -(-waiting // p.MAX_BATCH_TAKEN) >= 4  # several batches, behind
    # The collector was paused while the answers were applied (as a run does).
    assert not any(collector_on)
    # When an answer is applied, the requests before the one it answers are gone: only
    # it and the one sent behind it may still be held (failed before: every batch's
    # request, and the answers, alive to the end of the run).
    for k, alive in enumerate(alive_at_apply):
        assert not any(alive[: max(0, k - 1)]), (k, alive)
    a.lock()


def test_a_read_answer_is_no_longer_bound_to_its_stream(live: LiveServer) -> None:
    """``Transport._answer`` unbinds a read response from its stream (httpx makes them
    a reference cycle), so that dropping it frees it, and all it holds, at once."""
    was = gc.isenabled()
    gc.disable()
    try:
        with Transport(live.url) as t:
            resp = t._client.get(f"{live.url}{p.API_PREFIX}/health")
            freed = weakref.ref(resp)
            assert json.loads(t._answer(resp))["status"]
            del resp
            assert freed() is None  # failed before: held by its stream until a collection
    finally:
        if was:
            gc.enable()
