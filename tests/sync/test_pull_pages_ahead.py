"""A pull asks for its pages ahead from the network thread (issue 13, round 13,
"pull13"; ``engine.PagesAhead``): the request for page n + 2 goes out as soon as page
n + 1 is read, while the vault thread still applies page n. Before, the next page was
asked for only when the vault thread took the page before it, so a page waited for the
server whenever the apply was quicker than the server's page. Every page asked for is
still the page wanted (one request a page), each applied in order. Real vaults, a real
server on loopback; the vault thread's apply slowed so that the order is certain."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import Admin, LiveServer, add_candidate, add_notes, bound, local_rows

NOTES = 600
PAGE = 100


def test_the_page_after_next_is_asked_for_while_a_page_is_applied(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the request for page n + 2 went out after page n was applied, never
    during it. Now it goes out while page n is applied, and still one request a page."""
    admin.add_coach("anna@spt.nl")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), NOTES)
    with Transport(live.url) as t:
        engine.sync(a, transport=t)

    events: list[tuple[str, int]] = []  # ("sent", request) / ("begin"|"end", page)
    lock = threading.Lock()
    sent = 0
    applied = 0
    sync_bytes = Transport.sync_bytes
    apply = engine.Syncer.apply

    def sending(self: Transport, *args: Any, **kwargs: Any) -> bytes:
        nonlocal sent
        with lock:
            sent += 1
            events.append(("sent", sent))
        return sync_bytes(self, *args, **kwargs)

    def applying(self: engine.Syncer, answer: engine.Answer) -> engine.Exchange | None:
        nonlocal applied
        applied += 1
        with lock:
            events.append(("begin", applied))
        time.sleep(0.1)  # a slow vault: the server's next pages are ready meanwhile
        try:
            return apply(self, answer)
        finally:
            with lock:
                events.append(("end", applied))

    monkeypatch.setattr(Transport, "sync_bytes", sending)
    monkeypatch.setattr(engine.Syncer, "apply", applying)
    with Transport(live.url) as t:
        pulled = engine.sync(b, transport=t, page=PAGE)
    assert len(local_rows(b, "note")) == NOTES
    pages = -(-pulled.pulled // PAGE)
    assert pages >= 4 and pulled.requests == pages  # every page asked for was wanted
    # The request for page n + 2 went out before page n's apply ended, for some n.
    ended = {n: i for i, (what, n) in enumerate(events) if what == "end"}
    asked = {n: i for i, (what, n) in enumerate(events) if what == "sent"}
    assert any(asked[n + 2] < ended[n] for n in range(1, pages - 1))
    assert not b.integrity_problems()
