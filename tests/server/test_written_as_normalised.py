"""What the server stores differs from what a device sent only when the server made it
so; the device then gets the stored version back in its next pull (SQLite and
PostgreSQL, live server). Here: values the protocol normalises (a date sent as a
timestamp at midnight), which the device that sent them kept as sent while every other
device holds the server's form. The desktop sends every value in the normal form
already: its records are not sent back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.server.test_loket import Login, _login, question
from tests.support.server_kit import Admin, LiveServer, candidate_change


@pytest.fixture
def spt(db_url: str) -> Iterator[tuple[Login, Login, Admin]]:
    admin = Admin(db_url)
    live = LiveServer(db_url).start()
    admin.add_coach("anna@spt.nl")
    admin.add_coach("lotte@spt.nl", roles="loket")
    anna, lotte = _login(live, "anna@spt.nl"), _login(live, "lotte@spt.nl")
    anna.sync(), lotte.sync()
    yield anna, lotte, admin
    anna.http.close(), lotte.http.close()
    live.stop()
    admin.close()


def _back(who: Login, *changes: dict[str, Any]) -> dict[str, Any]:
    """The records (id -> data) the device gets with the answer to ``changes`` and in its
    next pull."""
    out = who.sync(*changes)
    assert {r["status"] for r in out["push"]["results"]} == {"applied"}, out["push"]
    records = out["pull"]["records"] + who.sync()["pull"]["records"]
    return {r["id"]: r["data"] for r in records}


def test_a_normalised_value_goes_back_to_the_device_that_sent_it(
    spt: tuple[Login, Login, Admin],
) -> None:
    who, lotte, admin = spt
    plain = candidate_change()
    odd = candidate_change(registered_on="2026-11-02T00:00:00")
    back = _back(who, plain, odd)
    assert plain["id"] not in back  # the normal form: not sent back
    assert back[odd["id"]]["registered_on"] == "2026-11-02"

    def edit(day: str) -> dict[str, Any]:
        base = admin.records()[plain["id"]]["rev"]
        return {**plain, "fields": {"registered_on": day}, "base_rev": base}

    assert _back(who, edit("2026-11-03T00:00:00"))[plain["id"]]["registered_on"] == "2026-11-03"
    # The stored value, sent as a timestamp again: nothing changes, but her device holds
    # what it sent, so it gets the stored form back.
    assert _back(who, edit("2026-11-03T00:00:00"))[plain["id"]]["registered_on"] == "2026-11-03"
    # In its normal form: stored already, nothing comes back.
    assert plain["id"] not in _back(who, edit("2026-11-04"))
    assert plain["id"] not in _back(who, edit("2026-11-04"))

    # A loket question (written record by record, not with the batch's new records).
    asked = question(lotte.id, received_on="2026-12-05T00:00:00")
    assert _back(lotte, asked)[asked["id"]]["received_on"] == "2026-12-05"
    normal = question(lotte.id)
    assert normal["id"] not in _back(lotte, normal)
