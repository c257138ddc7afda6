"""Retention of closed dossiers, with a clock (SQLite and PostgreSQL): a dossier closed
longer ago than its SPT's period is erased (on the command line, and by the serve
process's daily job); a younger one and an open one stay. The SPT monitor's figures do
not change when a closed candidate is erased: an anonymous fact row stands in for her."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from spt_common import protocol as p
from spt_common.monitor_figures import Period, compute
from spt_server import audit, cli, monitor, privacy, store
from spt_server.db import AnonymousFact, Record, utcnow
from tests.support.server_kit import GA, NH, Admin, candidate_change, uid

SECRET = "Retentiana"


def push(admin: Admin, caller: store.Caller, *changes: dict[str, Any]) -> list[p.ChangeResult]:
    with Session(admin.engine) as s, s.begin():
        b = p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})
        return store.push(s, caller, b).results


def upsert(entity: str, rid: str, base: int | None = None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def close(admin: Admin, caller: store.Caller, cand: str) -> None:
    with Session(admin.engine) as s:
        rec = s.get(Record, cand)
        assert rec is not None
        rev = rec.rev
    [r] = push(admin, caller, upsert("candidate", cand, rev, status="closed"))
    assert r.status == "applied"


def erased(admin: Admin, cand: str) -> bool:
    with Session(admin.engine) as s:
        rec = s.get(Record, cand)
        assert rec is not None
        return rec.deleted and rec.data == "{}"


def test_add_months_clamps_to_the_months_last_day() -> None:
    assert privacy.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert privacy.add_months(date(2026, 12, 5), 24) == date(2028, 12, 5)
    assert privacy.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_closed_dossiers_are_erased_after_their_spts_period(
    admin: Admin, db_url: str, capsys: Any
) -> None:
    anna = admin.add_coach("anna@spt.nl")
    gijs = admin.add_coach("gijs@spt.nl", spt=GA)
    a, g = store.Caller(anna, NH, uid()), store.Caller(gijs, GA, uid())
    closed, still_open, ga_closed = uid(), uid(), uid()
    push(admin, a, candidate_change(closed, first_name=SECRET), candidate_change(still_open))
    push(admin, g, candidate_change(ga_closed, spt=GA))
    close(admin, a, closed)
    close(admin, g, ga_closed)
    today = utcnow().date()  # the server's closing date of both
    # Retention per SPT: Groot-Amsterdam keeps 6 months, Noord-Holland the default 24.
    assert cli.main(["retention", "--spt", GA, "--months", "6", "--db", db_url]) == cli.OK
    assert cli.main(["retention", "--spt", NH, "--db", db_url]) == cli.OK
    out = capsys.readouterr().out
    assert "6 maanden" in out and f"{NH}: afgesloten dossiers worden 24 maanden" in out
    assert cli.main(["retention", "--spt", "spt_nergens", "--db", db_url]) == cli.USAGE
    sessions = sessionmaker(admin.engine)
    # 5 months after closing: nothing; 7: Groot-Amsterdam's; 23: NH's is kept still.
    assert privacy.enforce_retention(sessions, privacy.add_months(today, 5)) == 0
    assert privacy.enforce_retention(sessions, privacy.add_months(today, 7)) == 1
    assert erased(admin, ga_closed) and not erased(admin, closed)
    assert privacy.enforce_retention(sessions, privacy.add_months(today, 23)) == 0
    assert not erased(admin, closed)
    # 25 months, on the command line with --today: erased. The open dossier: never.
    when = privacy.add_months(today, 25).isoformat()
    assert cli.main(["enforce-retention", "--today", when, "--db", db_url]) == cli.OK
    assert erased(admin, closed) and not erased(admin, still_open)
    far = privacy.add_months(today, 1200)
    assert privacy.enforce_retention(sessions, far) == 0 and not erased(admin, still_open)
    with Session(admin.engine) as s:
        rows = [(r.action, r.target_id, r.actor_id) for r in audit.entries(s)]
        secret_rows = s.execute(sa.text("SELECT data FROM record")).scalars().all()
    assert ("retention_erase", ga_closed, None) in rows
    assert ("retention_erase", closed, None) in rows
    assert ("set_retention", GA, None) in rows
    assert not [d for d in secret_rows if SECRET in d]


def test_a_reopened_dossier_is_not_erased(admin: Admin) -> None:
    anna = admin.add_coach("anna@spt.nl")
    a = store.Caller(anna, NH, uid())
    cand = uid()
    push(admin, a, candidate_change(cand))
    close(admin, a, cand)
    with Session(admin.engine) as s:
        rec = s.get(Record, cand)
        assert rec is not None
        rev = rec.rev
    push(admin, a, upsert("candidate", cand, rev, status="active"))
    far = privacy.add_months(utcnow().date(), 100)
    assert privacy.enforce_retention(sessionmaker(admin.engine), far) == 0


def test_the_closing_date_the_device_sends_is_kept_within_limits(admin: Admin) -> None:
    """Vault 0008 sends the dossier's closing date: retention counts from it, not from
    the day the server heard of it; a date too far back (a typo of years would erase the
    dossier at once) counts from CLOSING_BACKDATE_DAYS back, a future one from today."""
    from datetime import timedelta

    from spt_server.db import CandidateClosure

    anna = admin.add_coach("anna@spt.nl")
    a = store.Caller(anna, NH, uid())
    today = utcnow().date()
    month_ago, years_ago, tomorrow = (
        today - timedelta(days=30), date(2019, 5, 1), today + timedelta(days=1),
    )  # fmt: skip
    ids = [uid() for _ in range(4)]
    push(admin, a, *(candidate_change(i) for i in ids))
    for cand, day in zip(ids, (month_ago, years_ago, tomorrow, None), strict=True):
        with Session(admin.engine) as s:
            rec = s.get(Record, cand)
            assert rec is not None
            rev = rec.rev
        sent = {"closed_on": day.isoformat()} if day else {}
        [r] = push(admin, a, upsert("candidate", cand, rev, status="closed", **sent))
        assert r.status == "applied"
    with Session(admin.engine) as s:
        got = [s.get(CandidateClosure, i).closed_on for i in ids]  # type: ignore[union-attr]
    back = today - timedelta(days=store.CLOSING_BACKDATE_DAYS)
    assert got == [month_ago, back, today, today]
    # A corrected closing date moves the retention's start too.
    with Session(admin.engine) as s:
        rev = s.get(Record, ids[0]).rev  # type: ignore[union-attr]
    push(
        admin,
        a,
        upsert("candidate", ids[0], rev, closed_on=(today - timedelta(days=3)).isoformat()),
    )
    with Session(admin.engine) as s:
        assert s.get(CandidateClosure, ids[0]).closed_on == today - timedelta(days=3)  # type: ignore[union-attr]


def test_the_daily_job_enforces_retention(admin: Admin) -> None:
    anna = admin.add_coach("anna@spt.nl")
    a = store.Caller(anna, NH, uid())
    cand = uid()
    push(admin, a, candidate_change(cand))
    close(admin, a, cand)
    with Session(admin.engine) as s, s.begin():  # a period already over: 1 month, 0 days
        privacy.set_retention(s, NH, 1, actor=None)
        s.execute(sa.text("UPDATE candidate_closure SET closed_on = :d"), {"d": date(2020, 1, 1)})
    stop = threading.Event()
    stop.set()  # one round, then stop (no waiting)
    privacy.run_daily(sessionmaker(admin.engine), stop)
    assert erased(admin, cand)


# --- the monitor keeps its figures ----------------------------------------------------


def _history(cand: str, coach: str, start: date, days: list[int]) -> list[dict[str, Any]]:
    """Journey moves orientation -> deep_orientation -> matching on the given days after
    ``start`` (as many as given)."""
    phases = ["orientation", "deep_orientation", "matching", "training"]
    out = []
    for i, offset in enumerate(days):
        on = date.fromordinal(start.toordinal() + offset).isoformat()
        out.append(
            upsert(
                "journey_event", uid(), candidate_id=cand,
                from_phase=phases[i - 1] if i else None, to_phase=phases[i],
                occurred_on=on, coach_id=coach, reason="",
            )
        )  # fmt: skip
    return out


@pytest.mark.parametrize("by", [None, "persona"])
def test_the_monitor_counts_the_same_after_erasing_a_closed_candidate(
    admin: Admin, by: str | None
) -> None:
    coord = admin.add_coach("cora@spt.nl", roles="loopbaancoach,coordinator")
    a = store.Caller(coord, NH, uid())
    changes: list[dict[str, Any]] = []
    cands = [uid() for _ in range(7)]
    for i, cand in enumerate(cands):
        reg = date(2026, 1 + i, 3 + 2 * i)
        changes.append(candidate_change(cand, registered_on=reg.isoformat()))
        changes += _history(cand, coord, reg, [0, 17 + i, 40 + 3 * i][: 1 + i % 3])
    # The one to erase: moved on, dropped out once, placed with checkpoints, closed.
    gone = cands[5]
    placement = uid()
    changes += [
        upsert(
            "dropout", uid(), candidate_id=gone, phase="matching", reason="salary_gap",
            occurred_on="2026-07-19", coach_id=coord, explanation="Geheime reden",
        ),
        upsert(
            "placement", placement, candidate_id=gone, employer_id=uid(), job_title="Monteur",
            contract="bbl", starts_on="2026-08-11",
        ),
        upsert(
            "retention_checkpoint", uid(), candidate_id=gone, placement_id=placement,
            months=3, due_on="2026-11-11", done_on="2026-11-12", outcome="retained",
        ),
    ]  # fmt: skip
    assert {r.status for r in push(admin, a, *changes)} == {"applied"}
    close(admin, a, gone)

    def figures() -> dict[str, Any]:
        # Unsuppressed: a "<5" would hide a candidate gone missing.
        with Session(admin.engine) as s:
            facts = monitor.load_facts(s, NH)
        report = compute(facts, Period(date(2026, 1, 1), date(2026, 12, 31)), by)
        return {t.key: t.rows for t in report.tables} | {"n": len(facts.candidates)}

    before = figures()
    with Session(admin.engine) as s, s.begin():
        privacy.erase(s, gone, actor=None)
    after = figures()
    assert before["n"] == 7 and before["dropouts"] and before["retention"]
    # Time in a phase is counted in days: between the first days of the months for the
    # erased candidate, so only how many stays ended is the same there.
    assert {k: v for k, v in after.items() if k != "time_in_phase"} == {
        k: v for k, v in before.items() if k != "time_in_phase"
    }
    assert [r[:3] for r in after["time_in_phase"]] == [r[:3] for r in before["time_in_phase"]]
    with Session(admin.engine) as s:
        [fact] = s.scalars(sa.select(AnonymousFact)).all()
        row = " ".join(str(getattr(fact, c.key)) for c in AnonymousFact.__table__.columns)
    # Months, codes and a random id only: nothing of hers, no day, no text.
    assert gone not in row and "Geheime" not in row and "Kim" not in row
    assert "2026-07-19" not in row and "2026-07" in row
