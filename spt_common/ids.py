"""Record ids: time-ordered UUIDs (version 7, RFC 9562), as text.

A record's id is the primary key of its row in the vault and on the server. Random
(version 4) ids land anywhere in those B-trees: a batch of 2,000 new records dirtied
nearly every leaf page of a big table's key index, and each commit wrote them all again
(SQLite's WAL; SQLCipher encrypts each one). Bare sqlite3, 391,000 rows in batches of
2,000 with a text key and one index: 6.5 s CPU / 38.5 s wall with random ids, 1.5 s /
6.9 s with time-ordered ones. Ids made in the order records are made arrive in that
order (the outbox, the server's revisions, a pull), so they are appended.

The first 48 bits are the Unix time in milliseconds when the id was made; a record
carries its creation time in its fields already, and its id goes only where the record
goes. The next 12 bits count within the millisecond (monotonic in this process, RFC 9562
§6.2 method 1); 62 bits are random, so ids made on two laptops in the same millisecond
still differ. Python 3.14's ``uuid.uuid7`` does the same; this module goes when we move.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

_VERSION = 0x7
_VARIANT = 0b10
_RAND_B = (1 << 62) - 1

_lock = threading.Lock()
_last = 0  # the last id's (milliseconds << 12 | counter), this process


def as_text(millis: int, counter: int, rand_b: int) -> str:
    """The UUID text of a version-7 id with these parts."""
    value = (
        (millis & ((1 << 48) - 1)) << 80
        | _VERSION << 76
        | (counter & 0xFFF) << 64
        | _VARIANT << 62
        | (rand_b & _RAND_B)
    )
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def is_time_ordered(record_id: str) -> bool:
    """Whether ``record_id`` (UUID text) is a version-7 id (older records have random,
    version-4 ones)."""
    return len(record_id) == 36 and record_id[14] == "7"


def uuid7() -> str:
    """A new id, greater than every id this process made before (the clock going back
    included: the counter then carries on from the last id)."""
    global _last
    now = (time.time_ns() // 1_000_000) << 12
    with _lock:
        stamp = now if now > _last else _last + 1
        _last = stamp
    rand_b = int.from_bytes(os.urandom(8), "big")
    return as_text(stamp >> 12, stamp & 0xFFF, rand_b)


def uuid7s(n: int) -> list[str]:
    """``n`` new ids, ascending, each as ``uuid7()`` would have made it had it been called
    ``n`` times in a row, with one read of the system's randomness for all of them (a
    read each was a third of the cost of an id: a first push records some 19,000
    conflict rows at once; issue 13, round 15)."""
    global _last
    if n <= 0:
        return []
    now = (time.time_ns() // 1_000_000) << 12
    with _lock:
        first = now if now > _last else _last + 1
        _last = first + n - 1
    rand = os.urandom(8 * n)
    return [
        as_text(stamp >> 12, stamp & 0xFFF, int.from_bytes(rand[i : i + 8], "big"))
        for i, stamp in zip(range(0, 8 * n, 8), range(first, first + n), strict=True)
    ]


def seeded_stream(bits: Callable[[int], int], start_millis: int) -> Callable[[], str]:
    """Deterministic version-7 ids (the demo): the n-th id is stamped ``start_millis`` +
    n, its random part drawn from ``bits`` (a seeded ``random.Random().getrandbits``)."""
    count = 0

    def next_id() -> str:
        nonlocal count
        millis = start_millis + count
        count += 1
        return as_text(millis, 0, bits(62))

    return next_id
