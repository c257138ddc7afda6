"""The coordinator's view of her SPT (issue 15): team, assignments, targets.

Authorisation, one rule for every endpoint here (``which_spt``): the caller must hold the
role coordinator or admin; a coordinator sees and changes only her own SPT, an admin may
name any SPT. A coach without those roles gets 403 whatever she asks, before anything is
looked up. Every read of team data and every assignment change is written to the audit
log (``spt_server.audit``: ids and action codes only).

The figures come from the server's own tables, never from a coach's device: device times
are the server's clock at login/refresh (``last_seen``) and at the end of an answered sync
(``last_sync``, see ``note_sync``), to within 30 s: a server process notes a device's sync
at most every 30 s (``app.NOTE_EVERY``; every push is noted), so an idle sync writes
nothing.
"""

from __future__ import annotations

import json
from collections import Counter as Tally
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import audit, monitor, store
from spt_server.db import Account, Conflict, Device, Record, SptTarget, utcnow

COORDINATION_ROLES = frozenset({"coordinator", "admin"})
CONFLICT_DAYS = 30  # the Team view counts conflicts of the last month
CLOSED = "closed"
SUSTAINED_MONTHS = 12


class Refused(Exception):
    """Why a coordination request is refused: (HTTP status, code, Dutch message)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _roles(account: Account | None) -> set[str]:
    return {r for r in (account.roles if account else "").split(",") if r}


def which_spt(s: Session, caller: store.Caller, spt: str | None) -> str:
    """The SPT the caller may coordinate: her own, or any for an admin; Refused (403)
    otherwise."""
    roles = _roles(s.get(Account, caller.account_id))
    if not roles & COORDINATION_ROLES:
        raise Refused(403, p.ERR_FORBIDDEN, "Dit is er voor coördinatoren en beheerders.")
    if spt is not None and spt != caller.spt and "admin" not in roles:
        raise Refused(403, p.ERR_FORBIDDEN, "U coördineert alleen uw eigen SPT.")
    return spt or caller.spt


def note_sync(s: Session, device_id: str) -> None:
    """The server's time of a device's successful sync (called in the sync's own
    transaction, so a failed sync leaves the old time). Called when due only
    (``app._note_due``: to within 30 s)."""
    s.execute(sa.update(Device).where(Device.id == device_id).values(last_sync=utcnow()))


# --- reading the SPT ---------------------------------------------------------------


def _candidates(s: Session, spt: str) -> dict[str, dict[str, Any]]:
    """The live candidates of ``spt``: id -> data."""
    rows = s.execute(
        sa.select(Record.id, Record.data).where(
            Record.entity == "candidate", Record.spt == spt, Record.deleted.is_(False)
        )
    )
    return {rid: json.loads(data) for rid, data in rows}


def _active_assignments(s: Session, candidate_ids: set[str]) -> dict[str, list[tuple[str, str]]]:
    """candidate id -> [(coach id, role)] of her active assignments."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    ids = sorted(candidate_ids)
    for i in range(0, len(ids), 500):
        rows = s.execute(
            sa.select(Record.candidate_id, Record.data).where(
                Record.entity == "assignment",
                Record.deleted.is_(False),
                Record.candidate_id.in_(ids[i : i + 500]),
            )
        )
        for _cid, data in rows:
            d = json.loads(data)
            if d.get("active"):
                out[d["candidate_id"]].append((d["coach_id"], d["role"]))
    return out


def _pending_handovers(s: Session, candidate_ids: set[str]) -> list[dict[str, Any]]:
    ids = sorted(candidate_ids)
    out = []
    for i in range(0, len(ids), 500):
        rows = s.scalars(
            sa.select(Record.data).where(
                Record.entity == "handover",
                Record.deleted.is_(False),
                Record.candidate_id.in_(ids[i : i + 500]),
            )
        )
        out += [d for d in map(json.loads, rows) if d.get("status") == "pending"]
    return out


def _utc(moment: datetime | None) -> datetime | None:
    """A stored (naive UTC) time as an aware one: RFC 3339 on the wire, as the schema's
    date-time format says."""
    return None if moment is None else moment.replace(tzinfo=UTC)


def team(s: Session, caller: store.Caller, spt: str | None) -> p.TeamReport:
    """The SPT's coaches: roles, caseload per phase, open handovers, recent conflicts and
    each device's last sync. Audited as a read of team data."""
    which = which_spt(s, caller, spt)
    accounts = list(
        s.scalars(sa.select(Account).where(Account.spt == which).order_by(Account.name))
    )
    ids = [a.id for a in accounts]
    candidates = _candidates(s, which)
    caseload: dict[str, Tally[str]] = defaultdict(Tally)
    for cid, pairs in _active_assignments(s, set(candidates)).items():
        data = candidates[cid]
        if data.get("status") == CLOSED:
            continue
        for coach in {c for c, _ in pairs}:
            caseload[coach][data.get("phase", "")] += 1
    handovers: dict[str, list[datetime]] = defaultdict(list)
    for d in _pending_handovers(s, set(candidates)):
        handovers[d["from_coach_id"]].append(datetime.fromisoformat(d["created_at"]))
    since = utcnow() - timedelta(days=CONFLICT_DAYS)
    conflicts = dict(
        s.execute(
            sa.select(Conflict.account_id, sa.func.count())
            .where(Conflict.account_id.in_(ids), Conflict.at >= since)
            .group_by(Conflict.account_id)
        ).all()
    )
    devices: dict[str, list[p.TeamDevice]] = defaultdict(list)
    for dev in s.scalars(
        sa.select(Device)
        .where(Device.account_id.in_(ids), Device.revoked_at.is_(None))
        .order_by(Device.created_at)
    ):
        devices[dev.account_id].append(
            p.TeamDevice(
                id=dev.id,
                name=dev.name,
                last_sync=_utc(dev.last_sync),
                last_seen=_utc(dev.last_seen),
            )
        )
    audit.log(s, "coord_read_team", "spt", which, actor=caller.account_id)
    return p.TeamReport(
        spt=which,
        conflict_days=CONFLICT_DAYS,
        coaches=[
            p.TeamCoach(
                id=a.id,
                name=a.name,
                roles=sorted(_roles(a)),
                active=a.active,
                caseload=dict(caseload.get(a.id, {})),
                open_handovers=len(handovers.get(a.id, [])),
                oldest_handover=_utc(min(handovers[a.id])) if handovers.get(a.id) else None,
                conflicts=int(conflicts.get(a.id, 0)),
                devices=devices.get(a.id, []),
            )
            for a in accounts
        ],
    )


def candidates(
    s: Session,
    caller: store.Caller,
    spt: str | None,
    *,
    without_role: str | None = None,
    coach: str | None = None,
) -> p.CandidateList:
    """Open candidates of the SPT to assign: with ``coach``, hers (in ``without_role``'s
    role if given: to hand over a caseload); else those without an active assignment in
    ``without_role`` (or with none at all). Audited as a read of team data."""
    which = which_spt(s, caller, spt)
    found = _candidates(s, which)
    active = _active_assignments(s, set(found))
    picked = []
    for cid, d in found.items():
        if d.get("status") == CLOSED:
            continue
        pairs = active.get(cid, [])
        if coach is not None:
            keep = any(c == coach and without_role in (None, r) for c, r in pairs)
        elif without_role is not None:
            keep = all(r != without_role for _, r in pairs)
        else:
            keep = not pairs
        if keep:
            picked.append(
                p.CoordinatedCandidate(
                    id=cid,
                    name=f"{d.get('first_name', '')} {d.get('last_name', '')}".strip(),
                    municipality=d.get("municipality", ""),
                    phase=d.get("phase", ""),
                    registered_on=date.fromisoformat(d["registered_on"]),
                    assignments=[p.CandidateAssignment(coach_id=c, role=r) for c, r in pairs],
                )
            )
    picked.sort(key=lambda c: (c.registered_on, c.name, c.id))
    audit.log(s, "coord_read_candidates", "spt", which, actor=caller.account_id)
    return p.CandidateList(spt=which, candidates=picked)


# --- changing assignments ----------------------------------------------------------


def assign(s: Session, caller: store.Caller, req: p.AssignRequest) -> p.AssignResult:
    """Assign the candidates to the coach in the role; other coaches holding that role on
    them lose it (their devices purge the dossier at their next sync unless another
    role keeps it). All checked before anything changes; each change audited.

    The writers' lock comes first: the candidates and assignments are read as they are
    once every push in flight has committed (the acceptance of a handover among them),
    and no push changes them before this commits."""
    seq = store.Sequence(s)
    seq.lock()
    which = which_spt(s, caller, req.spt)
    coach = s.get(Account, req.coach_id)
    if coach is None or coach.spt != which or not coach.active or req.role not in _roles(coach):
        # 404 like an unknown candidate: the request is well formed, its coach not found.
        raise Refused(404, p.ERR_BAD_COACH, "Kies een actieve coach van het SPT met deze rol.")
    ids = list(dict.fromkeys(req.candidate_ids))
    for cid in ids:
        rec = s.get(Record, cid)
        if rec is None or rec.entity != "candidate" or rec.deleted or rec.spt != which:
            raise Refused(404, p.ERR_NOT_FOUND, "Niet gevonden.")
    active = _active_assignments(s, set(ids))
    assigned = ended = 0
    for cid in ids:
        pairs = active.get(cid, [])
        if (coach.id, req.role) not in pairs:
            store.set_assignment(s, seq, cid, coach.id, req.role, active=True, by=caller.account_id)
            audit.log(s, "assign", "candidate", cid, actor=caller.account_id)
            assigned += 1
        for other in sorted({c for c, r in pairs if r == req.role and c != coach.id}):
            store.set_assignment(s, seq, cid, other, req.role, active=False, by=caller.account_id)
            audit.log(s, "unassign", "candidate", cid, actor=caller.account_id)
            ended += 1
    seq.flush()
    return p.AssignResult(assigned=assigned, ended=ended)


# --- referrals (issue 16) ----------------------------------------------------------

REFERRAL_COACH_ROLE = "loopbaancoach"  # who takes up a referral: the intake is hers


def _live_referrals(s: Session, spt: str) -> list[tuple[Record, dict[str, Any]]]:
    rows = s.scalars(
        sa.select(Record).where(
            Record.entity == "referral", Record.spt == spt, Record.deleted.is_(False)
        )
    )
    return [(rec, json.loads(rec.data)) for rec in rows]


def referrals(s: Session, caller: store.Caller, spt: str | None) -> p.ReferralList:
    """The SPT's referrals received and not yet given to a coach, oldest first. Audited
    as a read of team data."""
    which = which_spt(s, caller, spt)
    out = [
        p.CoordinatedReferral(
            id=rec.id,
            name=f"{d.get('first_name', '')} {d.get('last_name', '')}".strip(),
            municipality=d.get("municipality", ""),
            referrer_kind=d.get("referrer_kind", ""),
            referrer=d.get("campaign") or d.get("referrer_organisation")
            or d.get("referrer_region") or "",
            referred_on=date.fromisoformat(d["referred_on"]),
            status=d.get("status", ""),
            coach_id=d.get("coach_id"),
        )
        for rec, d in _live_referrals(s, which)
        if d.get("coach_id") is None and d.get("candidate_id") is None
        and d.get("status") == "received"
    ]  # fmt: skip
    out.sort(key=lambda r: (r.referred_on, r.name, r.id))
    audit.log(s, "coord_read_referrals", "spt", which, actor=caller.account_id)
    return p.ReferralList(spt=which, referrals=out)


def assign_referrals(
    s: Session, caller: store.Caller, req: p.ReferralAssignRequest
) -> p.ReferralAssignResult:
    """Give the referrals to a loopbaancoach of the SPT: she is their coach (and their
    addressee: her next sync brings them). All checked before anything changes; each
    change audited."""
    which = which_spt(s, caller, req.spt)
    coach = s.get(Account, req.coach_id)
    if (
        coach is None
        or coach.spt != which
        or not coach.active
        or REFERRAL_COACH_ROLE not in _roles(coach)
    ):
        raise Refused(404, p.ERR_BAD_COACH, "Kies een actieve loopbaancoach van het SPT.")
    ids = list(dict.fromkeys(req.referral_ids))
    found: list[Record] = []
    for rid in ids:
        rec = s.get(Record, rid)
        if rec is None or rec.entity != "referral" or rec.deleted or rec.spt != which:
            raise Refused(404, p.ERR_NOT_FOUND, "Niet gevonden.")
        found.append(rec)
    seq = store.Sequence(s)
    assigned = 0
    for rec in found:
        before = json.loads(rec.data).get("coach_id")
        if before != coach.id:
            store._write_fields(rec, {"coach_id": coach.id}, seq.next(), caller.account_id, None)
            store.referral_moved(s, seq, rec.id, before, coach.id, rec.candidate_id)
            audit.log(s, "assign", "referral", rec.id, actor=caller.account_id)
            assigned += 1
    seq.flush()
    s.flush()
    return p.ReferralAssignResult(assigned=assigned)


# --- targets -----------------------------------------------------------------------


def _shown(n: int) -> int | str:
    return n if n == 0 or n >= 5 else "<5"


def realised(s: Session, spt: str, year: int) -> p.Realised:
    """The year's figures so far: instroom (registered in the year), placements (started
    in it), sustained placements (a 12-month checkpoint 'retained' reached in the year)
    and the uitval rate of the year's instroom (of those registered in the year, the
    share with a dropout), in %. Counts 1-4 are "<5"; a rate over such counts None."""
    facts = monitor.load_facts(s, spt)
    first, last = date(year, 1, 1), date(year, 12, 31)
    cohort = {c.id for c in facts.candidates if first <= c.registered_on <= last}
    placed = [pl for pl in facts.placements if first <= pl.starts_on <= last]
    sustained = 0
    for pl in facts.placements:
        reached = _add_months(pl.starts_on, SUSTAINED_MONTHS)
        if first <= reached <= last and (SUSTAINED_MONTHS, "retained") in pl.checkpoints:
            sustained += 1
    dropped = len({d.candidate_id for d in facts.dropouts if d.candidate_id in cohort})
    n = len(cohort)
    rate = None
    if n >= 5 and (dropped == 0 or dropped >= 5):
        rate = round(100 * dropped / n, 1)
    return p.Realised(
        instroom=_shown(n),
        placements=_shown(len(placed)),
        sustained=_shown(sustained),
        dropout_rate=rate,
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError  # pragma: no cover


def _values(row: SptTarget | None) -> p.TargetValues:
    if row is None:
        return p.TargetValues()
    return p.TargetValues(
        instroom=row.instroom,
        placements=row.placements,
        sustained=row.sustained,
        dropout_rate=row.dropout_rate,
    )


def targets(s: Session, caller: store.Caller, spt: str | None, year: int) -> p.TargetsReport:
    """The year's targets of the SPT and what is realised so far (aggregates only)."""
    which = which_spt(s, caller, spt)
    row = s.get(SptTarget, (which, year))
    return p.TargetsReport(
        spt=which, year=year, targets=_values(row), realised=realised(s, which, year)
    )


def set_targets(s: Session, caller: store.Caller, req: p.TargetsRequest) -> p.TargetsReport:
    """Set (replace) the year's targets of the SPT; audited."""
    which = which_spt(s, caller, req.spt)
    row = s.get(SptTarget, (which, req.year))
    if row is None:
        row = SptTarget(spt=which, year=req.year)
        s.add(row)
    row.instroom, row.placements = req.instroom, req.placements
    row.sustained, row.dropout_rate = req.sustained, req.dropout_rate
    row.set_by, row.set_at = caller.account_id, utcnow()
    s.flush()
    audit.log(s, "targets_set", "spt", which, actor=caller.account_id)
    return targets(s, caller, which, req.year)


# --- instroom (the stuurgroep's report) ---------------------------------------------


def intake(
    s: Session, caller: store.Caller, spt: str | None, start: date, end: date
) -> p.IntakeReport:
    """Candidates of the SPT registered in [start, end], per referrer and per persona;
    counts 1-4 as "<5". An empty or reversed period counts nobody."""
    from spt_common.monitor_figures import _LABELS

    which = which_spt(s, caller, spt)
    facts = monitor.load_facts(s, which)
    came = [c for c in facts.candidates if start <= c.registered_on <= end]

    placed_ids = {pl.candidate_id for pl in facts.placements}

    def grouped(pairs: list[tuple[str, str]]) -> list[p.IntakeRow]:
        counts, placed = Tally(g for g, _ in pairs), Tally(g for g, c in pairs if c in placed_ids)
        return [
            p.IntakeRow(group=g, count=_shown(n), placed=_shown(placed[g]))
            for g, n in sorted(counts.items())
        ]

    def rows(field: str, kind: str) -> list[p.IntakeRow]:
        return grouped(
            [(_LABELS[kind].get(getattr(c, field), getattr(c, field)), c.id) for c in came]
        )

    campaign_of = {
        d["candidate_id"]: d["campaign"]
        for _rec, d in _live_referrals(s, which)
        if d.get("candidate_id") and d.get("campaign")
    }
    return p.IntakeReport(
        spt=which,
        start=start,
        end=end,
        total=_shown(len(came)),
        by_referrer=rows("referral_source", "referral_source"),
        by_persona=rows("persona", "persona"),
        by_campaign=grouped([(campaign_of[c.id], c.id) for c in came if c.id in campaign_of]),
    )
