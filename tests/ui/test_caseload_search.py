"""Search-as-you-type without a fixed debounce: the first key queries at once, keys
typed while that query runs coalesce into one more query for the newest text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spt_common.enums import ConsentPurpose
from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle, unlocked_window

PEOPLE = (("Kim", "de Vries"), ("Kees", "Bakker"), ("Karin", "Bakker"), ("Ali", "Yilmaz"))


def test_typing_fast_runs_two_queries_and_shows_the_last_text(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker"))).run()
    settle(qtbot, ops)
    for first, last in PEOPLE:
        ops.session.services.candidates.register(
            {"first_name": first, "last_name": last, "municipality": "Alkmaar",
             "referral_source": "uwv", "persona": "no_work_benefit_technical",
             "benefit_status": "ww"},
            {ConsentPurpose.PROCESSING: True},
        )  # fmt: skip
    window._unlocked()
    settle(qtbot, ops)
    page = window.workspace.caseload
    window.workspace.show_page("caseload")
    assert page.model.rowCount() == 4

    started = ops.started  # ops handed to the worker
    qtbot.keyClicks(page.search, "Bakker")  # six keys before any result comes back
    settle(qtbot, ops)
    assert ops.started - started == 2  # "B" at once, then one for "Bakker"
    assert page._filter.text == "Bakker"
    assert sorted(r.first_name for r in page.model.rows) == ["Karin", "Kees"]
    assert page.count.text() == "2 kandidaten"

    page.search.clear()
    settle(qtbot, ops)
    assert page.model.rowCount() == 4


def test_pages_are_fetched_when_seen_and_all_before_a_sort(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = _seven_candidates(build_window, qtbot, lambda i: "Alkmaar" if i % 2 else "Hoorn")
    page = window.workspace.caseload
    page.page_size = 2
    page.refresh()  # Vandaag is in view: the caseload's table asks for nothing more
    settle(qtbot, ops)
    assert (page.model.rowCount(), page.model.total) == (2, 7)
    assert page.count.text() == "7 kandidaten"

    # A column sort is over every candidate: the rest comes first.
    page.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    settle(qtbot, ops)
    assert page.model.rowCount() == 7
    proxy = page.view.model()
    places = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert places == ["Alkmaar"] * 3 + ["Hoorn"] * 4

    # On screen, the table fetches pages until its viewport is full.
    page.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    page.refresh()
    settle(qtbot, ops)
    assert page.model.rowCount() == 2
    window.workspace.show_page("caseload")
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=10000)


def test_a_query_made_stale_while_queued_is_skipped(build_window, qtbot):  # type: ignore[no-untyped-def]
    import threading

    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.caseload
    queries = ops.session.services.queries
    asked: list[str] = []
    real_caseload = queries.caseload
    queries.caseload = lambda f: asked.append(f.text) or real_caseload(f)  # spy, real query

    gate = threading.Event()
    ops.vault(lambda s: gate.wait()).run()  # the worker is busy with something else
    try:
        qtbot.keyClicks(page.search, "B")  # queued behind it
        qtbot.keyClicks(page.search, "a")  # makes the queued one stale
    finally:
        gate.set()
    settle(qtbot, ops)
    assert asked == ["Ba"] and page._filter.text == "Ba"


def test_a_search_shows_a_short_first_page_and_the_rest_as_the_table_needs_it(  # type: ignore[no-untyped-def]
    build_window, qtbot
):
    """A search's first page is shorter than the caseload's (the vault walks the caseload
    until it is full: its cost follows the page); the count says how many there are and
    the table fetches the rest as it is seen."""
    window, ops = _seven_candidates(build_window, qtbot, lambda i: "Alkmaar")
    page = window.workspace.caseload
    page.search_page = 3
    assert page.model.rowCount() == 7  # no search: the caseload's page (1000)

    qtbot.keyClicks(page.search, "Alkm")  # Vandaag in view: the table asks for nothing more
    settle(qtbot, ops)
    assert page._filter.limit == 3
    assert (page.model.rowCount(), page.model.total) == (3, 7)
    assert page.count.text() == "7 kandidaten"
    assert [r.last_name for r in page.model.rows] == ["Achternaam0", "Achternaam1", "Achternaam2"]

    window.workspace.show_page("caseload")  # on screen: fetched until the viewport is full
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=10000)
    assert [r.last_name for r in page.model.rows] == [f"Achternaam{i}" for i in range(7)]


def _seven_candidates(build_window, qtbot, municipality):  # type: ignore[no-untyped-def]
    """A new vault with seven candidates (``municipality(i)`` for the i-th), unlocked."""
    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker"))).run()
    settle(qtbot, ops)
    for i in range(7):
        ops.session.services.candidates.register(
            {"first_name": f"Kandidaat{i}", "last_name": f"Achternaam{i}",
             "municipality": municipality(i), "referral_source": "uwv",
             "persona": "no_work_benefit_technical", "benefit_status": "ww"},
            {ConsentPurpose.PROCESSING: True},
        )  # fmt: skip
    window._unlocked()
    settle(qtbot, ops)
    return window, ops
