"""The typed seam between the window and the use cases (ui.ops): a callback gets the
use case's DTO, a write says what it changed without the caller declaring it, the
newest query of a key wins, and work without the vault never waits behind it."""

from __future__ import annotations

import threading

import pytest

from spt_desktop.gc_pause import gc_paused
from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import CandidateDTO, Dossier, VisitDTO
from tests.ui.conftest import register_kim, settle, unlocked_window

# Only a guard against a hang when the code under test is wrong; no test waits this
# long when it is right, and none asserts a time.
GUARD_S = 10


def test_a_read_gets_the_dto_and_a_write_says_what_it_changed(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops = unlocked_window(build_window, qtbot)
    kim = register_kim(ops)
    dossiers: list[Dossier] = []
    ops.read(lambda svc: svc.dossier(kim.id)).success(dossiers.append).run()
    settle(qtbot, ops)
    assert isinstance(dossiers[0], Dossier) and isinstance(dossiers[0].candidate, CandidateDTO)
    assert dossiers[0].candidate.full_name == "Kim de Vries"

    announced: list[Changes] = []
    ops.changed.connect(announced.append)
    visits: list[VisitDTO] = []
    values = {"visited_at": "2026-11-30T09:00", "mode": "on_site", "topics": "Eerste week"}
    ops.write(lambda svc: svc.visits.log(kim.id, values)).success(visits.append).run()
    settle(qtbot, ops)
    assert isinstance(visits[0], VisitDTO) and visits[0].topics == "Eerste week"
    assert announced == [Changes(candidates=True, dossier=True, visits=True)]

    announced.clear()
    ops.write(lambda svc: svc.candidates.get(kim.id)).run()  # reads only
    settle(qtbot, ops)
    assert announced == []


def test_the_newest_query_of_a_key_wins(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops = unlocked_window(build_window, qtbot)
    started, gate = threading.Event(), threading.Event()
    shown: list[str] = []

    def first(_svc: object) -> str:
        started.set()
        gate.wait(GUARD_S)
        return "first"

    ops.read(first).newest("search").success(shown.append).run()
    qtbot.waitUntil(started.is_set)  # the first query runs on the worker now
    ops.read(lambda _svc: "second").newest("search").success(shown.append).run()
    ops.read(lambda _svc: "third").newest("search").success(shown.append).run()
    ops.read(lambda _svc: "other").newest("elsewhere").success(shown.append).run()
    gate.set()
    settle(qtbot, ops)
    # The first ran but a newer one was asked meanwhile: its result is dropped. The
    # second was replaced before it started: never run. Another key is not affected.
    assert shown == ["other", "third"]


def test_a_pdf_render_does_not_hold_up_a_vault_read(build_window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from spt_desktop.ui import print_actions

    window, ops = unlocked_window(build_window, qtbot)
    kim = register_kim(ops)
    page = window.workspace.candidate_page
    window.workspace.open_candidate(kim.id)
    settle(qtbot, ops)
    page.printing.choose_path = lambda *_: str(tmp_path / "dossier.pdf")

    order: list[str] = []
    read_started = threading.Event()
    real_save = print_actions.save_export

    def slow_save(path: str, data: bytes) -> None:  # the PDF is being written ...
        read_started.wait(GUARD_S)  # ... until the read started after it has run
        real_save(path, data)
        order.append("pdf")

    monkeypatch.setattr(print_actions, "save_export", slow_save)
    page.print_document("dossier", "save")
    qtbot.waitUntil(lambda: ops.pending == 1)  # the document's data is read, it renders

    def search(svc):  # type: ignore[no-untyped-def]
        read_started.set()
        return svc.queries.count()

    ops.read(search).success(lambda _n: order.append("read")).run()
    settle(qtbot, ops)
    assert order == ["read", "pdf"]
    assert (tmp_path / "dossier.pdf").read_bytes().startswith(b"%PDF")


def test_the_collector_is_paused_only_on_one_thread(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops = unlocked_window(build_window, qtbot)

    def pause() -> str:
        with gc_paused():
            return "paused"

    failed: list[BaseException] = []
    ops.work(pause).failure(lambda exc: failed.append(exc) or True).run()  # not the vault
    done: list[str] = []
    ops.vault(lambda _s: pause()).success(done.append).run()  # the vault thread
    settle(qtbot, ops)
    assert done == ["paused"]
    assert len(failed) == 1 and isinstance(failed[0], AssertionError)

    inside, leave = threading.Event(), threading.Event()

    def hold() -> None:
        with gc_paused():
            inside.set()
            leave.wait(GUARD_S)

    other = threading.Thread(target=hold)
    other.start()
    inside.wait(GUARD_S)
    try:
        with pytest.raises(AssertionError), gc_paused():
            pass
    finally:
        leave.set()
        other.join()
