"""Administration: create the schema, accounts, assignments, device revocation,
(de)activation of accounts, stats.

Used by ``spt-server`` commands and by tests; every function takes an open session.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
import uuid
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.entities import SYNCED_ENTITIES, WORDS
from spt_server import audit, security, store
from spt_server.db import (
    Account,
    Counter,
    Device,
    Record,
    ServerSetting,
    Watermark,
    bump_auth_epoch,
    utcnow,
)

ROLES = ("loopbaancoach", "arbeidsmarktcoach", "jobcoach", "coordinator", "admin", "loket")
SPTS = ("spt_noord_holland", "spt_groot_amsterdam", "spt_midden")
MIGRATIONS = Path(__file__).with_name("migrations")
SIGNING_KEY = "signing_key"  # the server_setting row of the database's fallback key
log = logging.getLogger(__name__)


class AdminError(Exception):
    """A refused admin command; the message is Dutch and carries no personal data."""


def upgrade(engine: sa.Engine) -> None:
    """Bring the database to the newest schema (Alembic), then seed what it needs."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            # One transaction for the whole upgrade: the driver begins one only before a
            # write, so DDL before a migration's first write would commit on its own and a
            # failed upgrade would leave a half-migrated database (PostgreSQL's DDL is
            # transactional through the driver already).
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with Session(engine) as s, s.begin():
        for name in (store.REV, store.AUTH):
            if s.get(Counter, name) is None:
                s.add(Counter(name=name, value=0))
        if not security.key_source_configured():
            signing_key(s)  # the fallback; none when a key file or key is configured


def signing_key(s: Session) -> bytes:
    """The key in the database that signs access tokens when no key file or key in the
    environment is configured (the embedded single-office setup); made once.

    Its risk: whoever reads the database or a backup of it can sign tokens for any
    account (within ACCESS_TTL, which read_access enforces). docs/deploy.md says how to
    move it out ("Geheimen en sleutels")."""
    row = s.get(ServerSetting, SIGNING_KEY)
    if row is None:
        row = ServerSetting(key=SIGNING_KEY, value=secrets.token_hex(security.KEY_BYTES))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def signing_keys(s: Session) -> security.KeyRing:
    """The keys the server signs and verifies access tokens with: those of a key file
    or the environment when configured (security.configured_keys), else the database's."""
    ring = security.configured_keys()
    if ring is None:
        return security.KeyRing((security.SigningKey(signing_key(s)),), "database")
    if s.get(ServerSetting, SIGNING_KEY) is not None:
        log.warning(
            "De database bevat nog een ondertekeningssleutel, maar de server gebruikt de "
            "sleutels uit het %s. Haal hem uit de database met: spt-server signing-key "
            "move-out --file BESTAND",
            "sleutelbestand" if ring.source == "file" else "omgeving",
        )
    return ring


def move_key_out(s: Session, path: Path) -> security.SigningKey:
    """Move the database's signing key into the key file at ``path`` (made if missing):
    it keeps its id, so tokens it signed stay valid; the database holds no key after."""
    row = s.get(ServerSetting, SIGNING_KEY)
    if row is None:
        raise AdminError("De database bevat geen ondertekeningssleutel (meer).")
    ring = security.read_key_file(path) if path.exists() else security.KeyRing((), "file")
    key = security.SigningKey(bytes.fromhex(row.value), signs_from=0, added=int(time.time()))
    if ring.find(key.kid) is None:
        # First in the file and signing since always: any newer key there takes over.
        ring = security.KeyRing((key, *ring.keys), "file")
        security.write_key_file(path, ring)
    s.delete(row)
    audit.log(s, "signing_key_move_out", "key", key.kid, actor=None)
    s.flush()
    return key


def parse_roles(text: str) -> list[str]:
    roles = [r.strip() for r in text.split(",") if r.strip()]
    bad = [r for r in roles if r not in ROLES]
    if not roles or bad:
        raise AdminError("Onbekende rol; kies uit: " + ", ".join(ROLES))
    return roles


def add_coach(
    s: Session, *, email: str, name: str, roles: list[str], spt: str, password: str
) -> str:
    """A new coach account, and her record in the staff directory every device receives."""
    if spt not in SPTS:
        raise AdminError("Onbekend SPT; kies uit: " + ", ".join(SPTS))
    if len(password) < 10:
        raise AdminError("Kies een wachtwoord van minstens 10 tekens.")
    email = email.strip().lower()
    if s.execute(sa.select(Account.id).where(Account.email == email)).first():
        raise AdminError("Er is al een account met dit e-mailadres.")
    account_id = str(uuid.uuid4())
    s.add(
        Account(
            id=account_id,
            email=email,
            name=name,
            roles=",".join(roles),
            spt=spt,
            password_hash=security.hash_password(password),
        )
    )
    seq = store.Sequence(s)
    data = {"name": name, "email": email, "roles": ",".join(roles), "spt": spt}
    store._new_record(s, "coach", account_id, data, seq.next(), None, None)
    seq.flush()
    s.flush()
    return account_id


def set_roles(s: Session, *, email: str, roles: list[str], actor: str | None = None) -> None:
    """Give a coach these roles (in place of her old ones): her record in the staff
    directory follows, so her app shows the pages they open.

    A role that makes the SPT's desk records hers (the loket register, every referral of
    her SPT) brings the older ones too: their grant's revision goes on her account, and
    her next pull brings them at it, as a handover brings a whole dossier (pull.py). A
    role that ends takes them off her devices again: its revision goes on her account
    too, and her next pull names those she no longer sees in its purge list
    (``pull.desk_revoked_ids``; what was passed on or given to her, or belongs to her
    own candidate, stays)."""
    seq = store.Sequence(s)
    seq.lock()  # before reading: no push sees her half-changed
    account = account_by_email(s, email)
    before = store.roles_of(s, account.id)
    after = frozenset(roles)
    if before == after:
        return
    account.roles = ",".join(roles)
    gains = store.desk_entities(after) - store.desk_entities(before)
    losses = store.desk_entities(before) - store.desk_entities(after)
    if gains:
        account.desk_granted_rev = seq.next()
        # Her pulls look past their cursor again (the staff record's mark does too).
        s.add(Watermark(key=store.account_mark(account.id), rev=account.desk_granted_rev))
    if losses:
        account.desk_revoked_rev = seq.next()
        s.add(Watermark(key=store.account_mark(account.id), rev=account.desk_revoked_rev))
    rec = s.get(Record, account.id)
    if rec is not None and rec.entity == "coach":
        store._write_fields(rec, {"roles": account.roles}, seq.next(), actor, None)
    s.info.pop(store._ROLES_CACHE, None)
    s.info.pop(store.DESK_CACHE, None)
    seq.flush()
    s.flush()
    audit.log(s, "set_roles", "account", account.id, actor=actor)


def account_by_email(s: Session, email: str) -> Account:
    account = s.execute(
        sa.select(Account).where(Account.email == email.strip().lower())
    ).scalar_one_or_none()
    if account is None:
        raise AdminError("Geen account met dit e-mailadres.")
    return account


def assign(
    s: Session,
    candidate_id: str,
    email: str,
    role: str | None,
    active: bool,
    *,
    actor: str | None = None,
) -> None:
    """(Un)assign a coach to a candidate; her devices get (or purge) the dossier.
    ``actor``: the account acting through the API; None for the command line."""
    seq = store.Sequence(s)
    seq.lock()  # before reading: what is read stays so until this commits
    account = account_by_email(s, email)
    cand = s.get(Record, candidate_id)
    if cand is None or cand.entity != "candidate":
        raise AdminError("Geen kandidaat met deze id.")
    if active and not account.active:
        raise AdminError(
            "Dit account is uitgeschakeld; wijs de kandidaat toe aan een actieve coach."
        )
    use_role = role or account.roles.split(",")[0]
    try:
        store.set_assignment(s, seq, candidate_id, account.id, use_role, active=active, by=actor)
    except store.CandidateGone:
        raise AdminError(
            "Deze kandidaat is verwijderd of gewist; toewijzen kan niet meer."
        ) from None
    seq.flush()
    audit.log(s, "assign" if active else "unassign", "candidate", candidate_id, actor=actor)


def revoke_device(
    s: Session, *, device_id: str | None, email: str | None, actor: str | None = None
) -> int:
    """Revoke one device, or every device of a coach; returns how many."""
    store.exclude_pushes(s)
    q = sa.select(Device).where(Device.revoked_at.is_(None))
    if device_id:
        q = q.where(Device.id == device_id)
    elif email:
        q = q.where(Device.account_id == account_by_email(s, email).id)
    else:
        raise AdminError("Geef --device of --email.")
    devices = list(s.execute(q).scalars())
    for d in devices:
        # Its refresh tokens stay known, so whichever one it presents is answered
        # device_revoked (and the client wipes), never just "unknown token".
        d.revoked_at = utcnow()
        d.family_id = None
        audit.log(s, "revoke_device", "device", d.id, actor=actor)
    bump_auth_epoch(s)
    return len(devices)


def devices(s: Session, *, email: str) -> list[dict[str, str | None]]:
    """A coach's devices, oldest first: which to name in ``revoke-device --device``."""
    account = account_by_email(s, email)
    rows = s.scalars(
        sa.select(Device).where(Device.account_id == account.id).order_by(Device.created_at)
    )

    def when(at: datetime | None) -> str | None:
        return at.isoformat(timespec="minutes") if at else None

    return [
        {
            "id": d.id,
            "name": d.name,
            "created_at": when(d.created_at),
            "last_seen": when(d.last_seen),
            "revoked_at": when(d.revoked_at),
            "app_version": d.app_version,
        }
        for d in rows
    ]


def deactivate(s: Session, *, email: str, actor: str | None = None) -> int:
    """A coach who leaves: her account refuses every login and refresh, and all her
    devices are revoked (each vault is wiped at its next contact). Returns how many
    devices were revoked now."""
    store.exclude_pushes(s)
    account = account_by_email(s, email)
    if account.active:
        account.active = False
        bump_auth_epoch(s)
        audit.log(s, "deactivate", "account", account.id, actor=actor)
    return revoke_device(s, device_id=None, email=email, actor=actor)


def reactivate(s: Session, *, email: str, actor: str | None = None) -> None:
    """She may log in again, on a new device: her old devices stay revoked."""
    account = account_by_email(s, email)
    if not account.active:
        account.active = True
        audit.log(s, "reactivate", "account", account.id, actor=actor)


def stats(s: Session) -> dict[str, int]:
    """Counts of live records per entity (plural names), plus accounts and devices."""
    rows = dict(
        s.execute(
            sa.select(Record.entity, sa.func.count())
            .where(Record.deleted.is_(False))
            .group_by(Record.entity)
        ).all()
    )
    out = {WORDS[e].key: int(rows.get(e, 0)) for e in SYNCED_ENTITIES}
    out["accounts"] = s.execute(sa.select(sa.func.count()).select_from(Account)).scalar_one()
    out["devices"] = s.execute(
        sa.select(sa.func.count()).select_from(Device).where(Device.revoked_at.is_(None))
    ).scalar_one()
    out["deleted"] = s.execute(
        sa.select(sa.func.count()).select_from(Record).where(Record.deleted.is_(True))
    ).scalar_one()
    return out


def record_json(s: Session, rid: str) -> dict[str, object] | None:
    rec = s.get(Record, rid)
    return None if rec is None else json.loads(rec.data)
