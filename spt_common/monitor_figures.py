"""The leaky-pipeline monitor's figures, as pure functions of plain facts.

Whitepaper §1 and lesson 9 ("data en monitoring zijn noodzakelijk voor sturing"): where do
candidates leave the pipeline, how long do they stay in each phase, how many placements
last. The definitions live here, free of storage, so the desktop (over the coach's vault)
and the server (over a whole SPT) compute exactly the same figures.

Definitions, for a period [start, end]:
- *in phase at a date*: registered by then, not dropped out by then, and the last journey
  event on or before that date put the candidate in that phase (closed dossiers count
  until they were closed (a closing, like a dropout, ends the stay in the phase);
- *flow*: a journey event inside the period, from one phase to another (back moves too);
- *dropout*: a dropout inside the period, by the phase it happened in and its leak (a
  dossier closed as gestopt, verhuisd, elders aan het werk ... while still in the journey
  has its dropout, written when it was closed);
- *time in phase*: the days of each stay in a phase that ended inside the period (a stay
  ends with the next move or a dropout); mean and median per phase;
- *duurzame plaatsing*: of the placements started in the period, how many were still in
  service at the 3-, 6- and 12-month checkpoints recorded so far; and the dossiers closed
  in the period as duurzaam geplaatst, and as elders aan het werk.
"""

from __future__ import annotations

import csv
import io
import itertools
import statistics
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import NamedTuple

from spt_common.enums import (
    CheckpointOutcome,
    ClosingOutcome,
    DropoutReason,
    Persona,
    Phase,
    ReferralSource,
    Spt,
)

__all__ = [
    "ALL",
    "DIMENSIONS",
    "DIMENSION_LABELS",
    "SUPPRESSED",
    "SUPPRESS_BELOW",
    "CandidateFact",
    "CandidateRow",
    "Cell",
    "CheckpointOutcome",
    "ClosureFact",
    "ClosureRow",
    "DropoutFact",
    "DropoutReason",
    "DropoutRow",
    "Facts",
    "MoveFact",
    "MoveRow",
    "Period",
    "Persona",
    "Phase",
    "PlacementFact",
    "PlacementRow",
    "Prepared",
    "ReferralSource",
    "Report",
    "Spt",
    "Table",
    "compute",
    "group_of",
    "in_day_order",
    "prepare",
]

SUPPRESS_BELOW = 5
SUPPRESSED = "<5"
DIMENSIONS = ("persona", "spt", "region", "coach", "referral_source")
DIMENSION_LABELS = {
    "persona": "Persona",
    "spt": "SPT",
    "region": "Arbeidsmarktregio",
    "coach": "Coach",
    "referral_source": "Verwijzer",
}
ALL = "Totaal"


# Facts are named tuples: tens of thousands are made per report, and a tuple is made
# several times faster than a frozen dataclass.


class CandidateFact(NamedTuple):
    """One candidate; enum fields are codes (an spt_common.enums member is one too)."""

    id: str
    persona: str
    spt: str
    region: str
    referral_source: str
    coach: str  # a display name or an opaque id
    registered_on: date


class MoveFact(NamedTuple):
    candidate_id: str
    from_phase: str | None
    to_phase: str
    on: date


class DropoutFact(NamedTuple):
    candidate_id: str
    phase: str
    reason: str
    on: date


class PlacementFact(NamedTuple):
    candidate_id: str
    starts_on: date
    # (months, outcome) of the checkpoints recorded so far
    checkpoints: tuple[tuple[int, str], ...] = ()


class ClosureFact(NamedTuple):
    """A dossier closed: its outcome (ClosingOutcome code) and day."""

    candidate_id: str
    outcome: str
    on: date


@dataclass(frozen=True)
class Facts:
    candidates: Sequence[CandidateFact]
    moves: Sequence[MoveFact]
    dropouts: Sequence[DropoutFact]
    placements: Sequence[PlacementFact]
    closures: Sequence[ClosureFact] = ()


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def month_ends(self) -> list[date]:
        """The last day of every month in the period, and the period's end."""
        days, y, m = [], self.start.year, self.start.month
        while True:
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            last = date.fromordinal(nxt.toordinal() - 1)
            if last >= self.end:
                days.append(self.end)
                return days
            days.append(last)
            y, m = nxt.year, nxt.month


Cell = int | float | str | None


@dataclass(frozen=True)
class Table:
    """One figure as a table: what the monitor shows beside its chart and exports."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    count_columns: frozenset[int] = field(default_factory=frozenset)  # suppressible

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(self.columns)
        writer.writerows(["" if c is None else c for c in row] for row in self.rows)
        return out.getvalue()

    def suppressed(self, below: int = SUPPRESS_BELOW) -> Table:
        """The table with every count from 1 to ``below``-1 replaced by "<5", and every
        derived figure (mean, share) of such a row blanked: nothing traceable to a person."""
        rows = []
        for row in self.rows:
            small = any(
                isinstance(row[i], int) and 0 < int(row[i] or 0) < below for i in self.count_columns
            )
            new: list[Cell] = []
            for i, cell in enumerate(row):
                if i in self.count_columns and isinstance(cell, int) and 0 < cell < below:
                    new.append(SUPPRESSED)
                elif small and isinstance(cell, float):
                    new.append(None)
                else:
                    new.append(cell)
            rows.append(tuple(new))
        return Table(self.key, self.title, self.columns, tuple(rows), self.count_columns)


@dataclass(frozen=True)
class Report:
    period: Period
    by: str | None
    tables: tuple[Table, ...]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def suppressed(self) -> Report:
        return Report(self.period, self.by, tuple(t.suppressed() for t in self.tables))


PHASE_ORDER: dict[str, int] = {p.value: i for i, p in enumerate(Phase)}
_LABELS: dict[str, dict[str, str]] = {
    "persona": {m.value: m.label for m in Persona},
    "spt": {m.value: m.label for m in Spt},
    "referral_source": {m.value: m.label for m in ReferralSource},
    "phase": {m.value: m.label for m in Phase},
}


def group_of(by: str | None) -> Callable[[CandidateRow], str]:
    """How a candidate's group under the split ``by`` reads (its Dutch label), from its
    prepared row (see ``Prepared.candidates``)."""
    if by is None:
        return lambda c: ALL
    if by not in DIMENSIONS:
        raise ValueError(f"onbekende indeling {by!r}; kies uit {', '.join(DIMENSIONS)}")
    i = _ROW_INDEX[by]
    if by in _LABELS:  # a dict look-up by code: the enum call by value is slow on 20k rows
        labels = _LABELS[by]
        return lambda c: labels[str(c[i])]
    return lambda c: str(c[i])


# A prepared candidate: (persona, spt, region, referral_source, coach, registered day).
# Days are day numbers (date.toordinal()): the walk compares and subtracts them tens of
# thousands of times, and plain ints make the prepared facts a value the standard library
# can store and load quickly (the desktop keeps them in the vault, services/monitor.py).
CandidateRow = tuple[str, str, str, str, str, int]
MoveRow = tuple[str | None, str, int]  # from phase, to phase, day
DropoutRow = tuple[str, str, str, int]  # candidate, phase, reason, day
PlacementRow = tuple[str, int, tuple[tuple[int, str], ...]]  # candidate, start day, checkpoints
ClosureRow = tuple[str, str, int]  # candidate, outcome, day
_ROW_INDEX = {"persona": 0, "spt": 1, "region": 2, "referral_source": 3, "coach": 4}


@dataclass(frozen=True)
class Prepared:
    """The facts arranged once for any period and split, in plain values only (str, int,
    None, tuples, lists, dicts): the candidates by id, each candidate's moves in day
    order, the dropouts and placements. Keep it while the facts hold."""

    candidates: dict[str, CandidateRow]
    moves: dict[str, list[MoveRow]]
    dropouts: list[DropoutRow]
    placements: list[PlacementRow]
    closures: list[ClosureRow] = field(default_factory=list)

    def replaced(self, ids: Iterable[str], fresh: Prepared) -> Prepared:
        """These facts with everything about the candidates ``ids`` replaced by what
        ``fresh`` holds about them (nothing, for a candidate that is gone)."""
        gone = frozenset(ids)
        if not gone:
            return self
        candidates, moves = dict(self.candidates), dict(self.moves)  # copies made in C
        for cid in gone:
            candidates.pop(cid, None)
            moves.pop(cid, None)
        candidates.update(fresh.candidates)
        moves.update(fresh.moves)
        return Prepared(
            candidates,
            moves,
            [d for d in self.dropouts if d[0] not in gone] + fresh.dropouts,
            [p for p in self.placements if p[0] not in gone] + fresh.placements,
            [c for c in self.closures if c[0] not in gone] + fresh.closures,
        )

    def move_count(self) -> int:
        return sum(map(len, self.moves.values()))


def prepare(facts: Facts) -> Prepared:
    """The facts as ``Prepared``: moves grouped per known candidate and put in day order
    (moves of one day keep their given order), dates as day numbers, codes as text."""
    candidates: dict[str, CandidateRow] = {
        c.id: (str(c.persona), str(c.spt), c.region, str(c.referral_source), c.coach,
               c.registered_on.toordinal())
        for c in facts.candidates
    }  # fmt: skip
    moves: dict[str, list[MoveRow]] = defaultdict(list)
    for m in facts.moves:
        if m.candidate_id in candidates:
            frm = None if m.from_phase is None else str(m.from_phase)
            moves[m.candidate_id].append((frm, str(m.to_phase), m.on.toordinal()))
    return Prepared(
        candidates,
        in_day_order(moves),
        [(d.candidate_id, str(d.phase), str(d.reason), d.on.toordinal()) for d in facts.dropouts],
        [(p.candidate_id, p.starts_on.toordinal(), tuple((m, str(o)) for m, o in p.checkpoints))
         for p in facts.placements],
        [(c.candidate_id, str(c.outcome), c.on.toordinal())
         for c in facts.closures if c.candidate_id in candidates],
    )  # fmt: skip


def in_day_order(moves: dict[str, list[MoveRow]]) -> dict[str, list[MoveRow]]:
    """Each candidate's moves sorted by day, in place (a stable sort: moves of one day
    keep their given order); returns ``moves`` as a plain dict."""
    for lst in moves.values():
        if len(lst) > 1:
            lst.sort(key=_DAY)  # a C-level key: this runs for every candidate
    return dict(moves)


_DAY = itemgetter(2)


def compute(facts: Facts | Prepared, period: Period, by: str | None = None) -> Report:
    """Every monitor figure for ``period``, split by the dimension ``by`` (or not)."""
    ready = facts if isinstance(facts, Prepared) else prepare(facts)
    key = group_of(by)
    group = {cid: key(c) for cid, c in ready.candidates.items()}
    walk = _walk(ready, _stops(ready), group, period)
    g = DIMENSION_LABELS.get(by or "", "Groep")
    return Report(
        period,
        by,
        (
            _phases_over_time(walk, g),
            _flows(walk, g),
            _dropouts(ready.dropouts, group, period, g),
            _time_in_phase(walk, g),
            _retention(ready.placements, ready.closures, group, period, g),
        ),
    )


# A day a candidate's stay in her phase ends without a move: a dropout (with the phase it
# happened in) or a closing (phase None).
Stop = tuple[int, str | None]


def _stops(ready: Prepared) -> dict[str, list[Stop]]:
    """Each candidate's dropout and closing days, in day order."""
    stops: dict[str, list[Stop]] = defaultdict(list)
    for cid, phase, _, on in ready.dropouts:
        stops[cid].append((on, phase))
    for cid, _, on in ready.closures:
        stops[cid].append((on, None))
    for lst in stops.values():
        lst.sort(key=lambda s: s[0])
    return dict(stops)


def _stop_of(stops: list[Stop], on: int, frm: str | None) -> int | None:
    """The first stop on or after a move on day ``on`` from phase ``frm``. A stop on the
    move's own day ends that move's stay too, unless the move leaves the phase the
    dropout happened in: that is the re-entry after it (a reactivation that same day)."""
    for day, phase in stops[bisect_left(stops, (on,)) :]:
        if day > on or phase is None or phase != frm:
            return day
    return None


_FOREVER = date.max.toordinal()


@dataclass
class _Walk:
    """What one pass over every candidate's moves collects for three figures."""

    days: list[date]
    # (group, phase) -> +1/-1 at month-end indexes: a stay [since, until) counts at the
    # month ends inside it (a difference array: O(moves · log months)).
    diff: dict[tuple[str, str], list[int]]
    flows: Counter[tuple[str, str, str]]  # (group, from, to) of moves in the period
    stays: dict[tuple[str, str], list[int]]  # (group, phase) -> days of stays ending in it


def _walk(
    ready: Prepared, stopped: dict[str, list[Stop]], group: dict[str, str], period: Period
) -> _Walk:
    """One pass over each candidate's moves in day order. A move starts a stay in its
    phase that lasts until the next move, or a dropout or closing before it; for the
    phase counts it is also clipped to the registration date."""
    days = period.month_ends()
    ends = [d.toordinal() for d in days]
    n, first = len(ends), ends[0]
    start, end = period.start.toordinal(), period.end.toordinal()
    walk = _Walk(days, {}, Counter(), defaultdict(list))
    diff, flows, stays, candidates = walk.diff, walk.flows, walk.stays, ready.candidates
    none: list[Stop] = []
    for cid, lst in ready.moves.items():
        stops = stopped.get(cid, none)
        reg, grp, k = candidates[cid][5], group[cid], len(lst)
        for i, (frm, to, on) in enumerate(lst):
            nxt = lst[i + 1][2] if i + 1 < k else None
            stop = _stop_of(stops, on, frm) if stops else None
            until = stop if stop is not None and (nxt is None or stop < nxt) else nxt
            left = until if until is not None else _FOREVER
            if start <= left <= end:
                stays[(grp, to)].append(left - on)
            if on > end:
                continue  # no flow, no phase count: after the period
            if frm is not None and on >= start:
                flows[(grp, frm, to)] += 1
            since = on if on > reg else reg
            if since > end or (until is not None and until <= first):
                continue
            lo = bisect_left(ends, since)
            hi = n if until is None else bisect_left(ends, until)
            if lo < hi:
                arr = diff.get((grp, to))
                if arr is None:
                    arr = diff[(grp, to)] = [0] * (n + 1)
                arr[lo] += 1
                arr[hi] -= 1
    return walk


def _phases_over_time(walk: _Walk, g: str) -> Table:
    days, n = walk.days, len(walk.days)
    counts: dict[tuple[str, str], list[int]] = {
        k: list(itertools.accumulate(arr[:n])) for k, arr in walk.diff.items()
    }
    zero = [0] * n
    groups = sorted({grp for grp, _ in counts})
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (day.isoformat(), grp, *(counts.get((grp, p), zero)[i] for p in Phase))
        for i, day in enumerate(days)
        for grp in groups
    )
    return Table(
        "phases",
        "Kandidaten per fase",
        ("Datum", g, *(p.label for p in Phase)),
        rows,
        frozenset(range(2, 2 + len(Phase))),
    )


def _flows(walk: _Walk, g: str) -> Table:
    counts = walk.flows
    order, label = PHASE_ORDER, _LABELS["phase"]
    rows = tuple(
        (grp, label[a], label[b], "terug" if order[b] < order[a] else "verder", n)
        for (grp, a, b), n in sorted(
            counts.items(), key=lambda kv: (kv[0][0], order[kv[0][1]], order[kv[0][2]])
        )
    )
    return Table(
        "flows", "Stromen tussen fasen", (g, "Van", "Naar", "Richting", "Aantal"), rows,
        frozenset({4}),
    )  # fmt: skip


def _dropouts(
    dropouts: Sequence[DropoutRow], group: dict[str, str], period: Period, g: str
) -> Table:
    start, end = period.start.toordinal(), period.end.toordinal()
    counts: Counter[tuple[str, str, str]] = Counter(
        (group[cid], reason, phase)
        for cid, phase, reason, on in dropouts
        if start <= on <= end and cid in group
    )
    groups = sorted({k[0] for k in counts})
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (grp, reason.label, *(counts[(grp, reason, p)] for p in Phase),
         sum(counts[(grp, reason, p)] for p in Phase))
        for grp in groups
        for reason in DropoutReason
    )  # fmt: skip
    return Table(
        "dropouts",
        "Uitval per fase en oorzaak (lek)",
        (g, "Oorzaak", *(p.label for p in Phase), "Totaal"),
        rows,
        frozenset(range(2, 3 + len(Phase))),
    )


def _time_in_phase(walk: _Walk, g: str) -> Table:
    stays = walk.stays
    groups = sorted({k[0] for k in stays})
    rows = tuple(
        (grp, p.label, len(d), round(statistics.fmean(d), 1) if d else None,
         float(statistics.median(d)) if d else None)
        for grp in groups
        for p in Phase
        for d in [stays.get((grp, p), [])]
    )  # fmt: skip
    return Table(
        "time_in_phase",
        "Verblijfsduur per fase (afgeronde periodes, dagen)",
        (g, "Fase", "Aantal", "Gemiddeld", "Mediaan"),
        rows,
        frozenset({2}),
    )


def _retention(
    placements: Sequence[PlacementRow],
    closures: Sequence[ClosureRow],
    group: dict[str, str],
    period: Period,
    g: str,
) -> Table:
    start, end = period.start.toordinal(), period.end.toordinal()
    started: Counter[str] = Counter()
    kept: Counter[tuple[str, int]] = Counter()
    measured: Counter[tuple[str, int]] = Counter()
    for cid, starts, checkpoints in placements:
        if not start <= starts <= end or cid not in group:
            continue
        grp = group[cid]
        started[grp] += 1
        outcomes = dict(checkpoints)
        left_at = min((m for m, o in outcomes.items() if o == CheckpointOutcome.LEFT), default=None)
        for months in (3, 6, 12):
            if months in outcomes or (left_at is not None and left_at <= months):
                measured[(grp, months)] += 1
                if outcomes.get(months) == CheckpointOutcome.RETAINED:
                    kept[(grp, months)] += 1
    closed: Counter[tuple[str, str]] = Counter(
        (group[cid], outcome)
        for cid, outcome, on in closures
        if start <= on <= end and cid in group
    )
    rows = []
    for grp in sorted(set(started) | {grp for grp, _ in closed}):
        row: list[Cell] = [grp, started[grp]]
        for months in (3, 6, 12):
            n, k = measured[(grp, months)], kept[(grp, months)]
            row += [n, k, round(100 * k / n, 1) if n else None]
        row += [
            closed[(grp, ClosingOutcome.RETAINED)],
            closed[(grp, ClosingOutcome.WORKING_ELSEWHERE)],
        ]
        rows.append(tuple(row))
    return Table(
        "retention",
        "Plaatsingen en duurzame plaatsing",
        (g, "Geplaatst", "Gemeten 3 mnd", "Behouden 3 mnd", "% 3 mnd", "Gemeten 6 mnd",
         "Behouden 6 mnd", "% 6 mnd", "Gemeten 12 mnd", "Behouden 12 mnd", "% 12 mnd",
         "Afgesloten: duurzaam geplaatst", "Afgesloten: elders aan het werk"),
        tuple(rows),
        frozenset({1, 2, 3, 5, 6, 8, 9, 11, 12}),
    )  # fmt: skip
