"""The login rate limit: per source address, per account and per (account, address) pair,
with a wait that grows with the failures (capped) instead of a lockout.

An attempt is *reserved* before the password is checked: one atomic UPDATE per key that
only succeeds when the key's wait is over, in one short transaction of its own. Concurrent
requests therefore cannot all pass a check made before any of them failed (the old limit
let 19 wrong passwords be checked where 5 were allowed). A reservation counts as a
failure until the login succeeds, which undoes it. Everything lives in the database, so
the limit holds across restarts and several server processes.

Why three keys:

- the pair (this account from this address) is the tightest: a guesser at one account from
  one address waits soonest;
- the account holds a guesser with many addresses back — but not the owner at an address
  she logged in from before (a *known* pair): she is not locked out by an attack from
  elsewhere;
- the address holds back one address guessing across many accounts.

Rows are removed a day after their last attempt (a known pair: 90 days after the success),
a bounded number per reservation. Keys are hashes: the table holds no e-mail addresses or
IP addresses.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from spt_server.db import LoginLimit

FORGET_MS = 24 * 3600 * 1000  # failures are forgotten a day after the last attempt
KNOWN_MS = 90 * 24 * 3600 * 1000  # a pair that logged in stays known this long
CLEANUP_BATCH = 100  # old rows removed per reservation at most: a write stays cheap
_TABLE = cast(sa.Table, LoginLimit.__table__)
_MAX_SHIFT = 30  # 2**30 times the base is far past any cap: no huge integers


@dataclass(frozen=True)
class Rule:
    """``free`` failures without a wait; then ``base`` seconds, doubling up to ``cap``."""

    kind: str
    free: int
    base: int = 15
    cap: int = 15 * 60

    def delay_ms(self, failures: int) -> int:
        """The wait after ``failures`` failures, before the next attempt."""
        if failures < self.free:
            return 0
        return min(self.base << min(failures - self.free, _MAX_SHIFT), self.cap) * 1000

    def delay_sql(self, failures: sa.ColumnElement[int]) -> sa.ColumnElement[int]:
        """``delay_ms`` as SQL (a CASE: no power function needed on SQLite)."""
        whens: list[tuple[sa.ColumnElement[bool], int]] = [(failures < self.free, 0)]
        n = self.free
        while self.delay_ms(n) < self.cap * 1000:
            whens.append((failures == n, self.delay_ms(n)))
            n += 1
        return sa.case(*whens, else_=self.cap * 1000)


PAIR = Rule("pair", free=5)
ACCOUNT = Rule("account", free=10)
ADDRESS = Rule("address", free=20)  # an office behind one address has several coaches


class Refused(Exception):
    """Too many failures: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Attempt:
    """A reserved attempt: its keys (kind → key) and the time it was made."""

    keys: dict[str, str]
    now_ms: int


def _source(address: str) -> str:
    """The address as the limit counts it: an IPv6 client has a whole /64 to itself."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip.ipv4_mapped or ip) if isinstance(ip, ipaddress.IPv6Address) else str(ip)


def _hash(kind: str, value: str) -> str:
    return hashlib.sha256(f"spt-login\x00{kind}\x00{value}".encode()).hexdigest()


def keys(email: str, address: str) -> dict[str, str]:
    """The three keys of an attempt on ``email`` (normalised) from ``address``."""
    source = _source(address)
    return {
        PAIR.kind: _hash(PAIR.kind, f"{email}\x00{source}"),
        ACCOUNT.kind: _hash(ACCOUNT.kind, email),
        ADDRESS.kind: _hash(ADDRESS.kind, source),
    }


def clock_ms() -> int:
    """The limiter's clock: milliseconds since the epoch."""
    return int(time.time() * 1000)


def reserve(engine: sa.Engine, email: str, address: str, now_ms: int | None = None) -> Attempt:
    """Reserve one password check for ``email`` from ``address``, or raise Refused.

    All keys in one transaction, always in the same order (pair, account, address): a key
    that refuses rolls the others back, and two reservations never wait on each other in
    a cycle.
    """
    now = now_ms if now_ms is not None else clock_ms()
    found = keys(email, address)
    with engine.begin() as conn:
        known = conn.execute(
            sa.select(_TABLE.c.known).where(_TABLE.c.key == found[PAIR.kind])
        ).scalar_one_or_none()
        rules = (PAIR, ADDRESS) if known else (PAIR, ACCOUNT, ADDRESS)
        for rule in rules:
            wait = _take(conn, rule, found[rule.kind], now)
            if wait > 0:  # leaving the block by an exception rolls the others back
                raise Refused(max(1, math.ceil(wait / 1000)))
        _cleanup(conn, now)
    counted = {rule.kind: found[rule.kind] for rule in rules}
    return Attempt(counted, now)


def _take(conn: sa.Connection, rule: Rule, key: str, now: int) -> int:
    """Count one attempt on ``key`` if its wait is over: 0, else the wait left (ms)."""
    t = _TABLE
    expires = now + FORGET_MS
    # No wait due, or the wait is over. "No wait" is checked on its own: concurrent
    # requests read the clock in any order, and one that read it a moment before another
    # that committed first must not find itself a few milliseconds early.
    delay = rule.delay_sql(t.c.failures)
    take = (
        sa.update(t)
        .where(t.c.key == key, sa.or_(delay == 0, t.c.last_at + delay <= now))
        .values(
            failures=t.c.failures + 1,
            last_at=sa.case((t.c.last_at > now, t.c.last_at), else_=now),  # never back
            expires_at=sa.case((t.c.expires_at > expires, t.c.expires_at), else_=expires),
        )
    )
    row = {"key": key, "failures": 1, "last_at": now, "expires_at": expires, "known": False}
    insert = (
        _insert(conn)
        .values(**row)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(t.c.key)  # the row count of a skipped insert is not the same everywhere
    )
    # A few rounds: a concurrent first attempt may insert the row between our update and
    # our insert (PostgreSQL reads each statement's committed state afresh).
    for _ in range(5):
        if conn.execute(take).rowcount == 1 or conn.execute(insert).first() is not None:
            return 0
        failures, last_at = conn.execute(
            sa.select(t.c.failures, t.c.last_at).where(t.c.key == key)
        ).one()
        delay_ms = rule.delay_ms(int(failures))
        wait = int(last_at) + delay_ms - now
        if delay_ms and wait > 0:
            return wait
    return 1000


def _insert(conn: sa.Connection) -> postgresql.Insert | sqlite.Insert:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(_TABLE)
    return sqlite.insert(_TABLE)


def _cleanup(conn: sa.Connection, now: int) -> None:
    """Remove up to CLEANUP_BATCH expired rows (SKIP LOCKED: never wait on a row another
    login holds, so two cleanups cannot deadlock)."""
    t = _TABLE
    old = (
        sa.select(t.c.key)
        .where(t.c.expires_at < now)
        .limit(CLEANUP_BATCH)
        .with_for_update(skip_locked=True)
    )
    conn.execute(sa.delete(t).where(t.c.key.in_(old)))


def succeeded(session: Session, attempt: Attempt) -> None:
    """The password was right: the pair becomes known and starts afresh; the account's
    and address's reservation is undone (a success is not a failure), in the login's own
    transaction."""
    t = _TABLE
    session.execute(
        sa.update(t)
        .where(t.c.key == attempt.keys[PAIR.kind])
        .values(failures=0, known=True, expires_at=attempt.now_ms + KNOWN_MS)
    )
    others = [key for kind, key in attempt.keys.items() if kind != PAIR.kind]
    session.execute(
        sa.update(t)
        .where(t.c.key.in_(others))
        .values(failures=sa.case((t.c.failures > 0, t.c.failures - 1), else_=0))
    )


def failures(session: Session, email: str, address: str) -> dict[str, int]:
    """The failures counted per kind for ``email`` from ``address`` (tests, support)."""
    found = keys(email, address)
    query = sa.select(_TABLE.c.key, _TABLE.c.failures).where(_TABLE.c.key.in_(list(found.values())))
    counts = {key: n for key, n in session.execute(query)}
    return {kind: int(counts.get(key, 0)) for kind, key in found.items()}
