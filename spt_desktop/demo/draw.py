"""Drawing from the seeded random stream: weighted picks, days and times, record ids.
Everything here is a pure function of the stream, so the same seed gives the same rows."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from spt_common.ids import seeded_stream
from spt_desktop.demo.state import T

# The stamp of a demo's first record id (1 Jan 2026, 00:00 UTC, in ms).
DEMO_ID_EPOCH_MS = 1_767_225_600_000


class FastRandom(random.Random):
    """``random.Random`` with a cheaper integer draw, used by choice/randint/sample.

    The stdlib draws bits until the value fits, in Python; one float per draw is about
    three times faster, and its bias (< 2**-40 for our small ranges) is irrelevant here.
    Still fully determined by the seed.
    """

    def _randbelow(self, n: int) -> int:
        return int(self.random() * n)


def id_stream(seed: str) -> Callable[[], str]:
    """Deterministic record ids (as text) from their own random stream: time-ordered
    (version 7, ``spt_common.ids``), the n-th stamped 1 Jan 2026 + n ms, so a demo's
    records are made, queued and pushed in the order of their ids, as a coach's are."""
    return seeded_stream(random.Random(seed).getrandbits, DEMO_ID_EPOCH_MS)


def weighted(rng: random.Random, weights: dict[T, int]) -> T:
    """One key of ``weights``, drawn by its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def span_days(start: date, end: date) -> int:
    """Days from ``start`` to ``end``; 0 when ``end`` comes first."""
    return max(0, (end - start).days)


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A day from ``start`` to ``end``, both included."""
    return start + timedelta(days=rng.randint(0, span_days(start, end)))


def time_on(rng: random.Random, day: date, first_hour: int = 8, last_hour: int = 16) -> datetime:
    """A moment on ``day`` in office hours, on the quarter hour."""
    return datetime.combine(
        day, time(rng.randint(first_hour, last_hour), rng.choice((0, 15, 30, 45)))
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has none."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
