"""The leaky-pipeline monitor's figures, as pure functions of plain facts.

Whitepaper §1 and lesson 9 ("data en monitoring zijn noodzakelijk voor sturing"): where do
candidates leave the pipeline, how long do they stay in each phase, how many placements
last. The definitions live here, free of storage, so the desktop (over the coach's vault)
and the server (over a whole SPT) compute exactly the same figures.

Definitions, for a period [start, end]:
- *in phase at a date*: registered by then, not dropped out by then, and the last journey
  event on or before that date put the candidate in that phase (closed dossiers count
  until they were closed; the vault records no closing date, so they are left out);
- *flow*: a journey event inside the period, from one phase to another (back moves too);
- *dropout*: a dropout inside the period, by the phase it happened in and its leak;
- *time in phase*: the days of each stay in a phase that ended inside the period (a stay
  ends with the next move or a dropout); mean and median per phase;
- *duurzame plaatsing*: of the placements started in the period, how many were still in
  service at the 3-, 6- and 12-month checkpoints recorded so far.
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
from operator import attrgetter
from typing import NamedTuple

from spt_desktop.enums import (
    CheckpointOutcome,
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
    "Cell",
    "CheckpointOutcome",
    "DropoutFact",
    "DropoutReason",
    "Facts",
    "MoveFact",
    "Period",
    "Persona",
    "Phase",
    "PlacementFact",
    "Prepared",
    "ReferralSource",
    "Report",
    "Spt",
    "Table",
    "compute",
    "group_of",
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
    """One candidate; enum fields are codes (a models.enums member is one too)."""

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


@dataclass(frozen=True)
class Facts:
    candidates: Sequence[CandidateFact]
    moves: Sequence[MoveFact]
    dropouts: Sequence[DropoutFact]
    placements: Sequence[PlacementFact]


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


def group_of(by: str | None) -> Callable[[CandidateFact], str]:
    """How a candidate's group under the split ``by`` reads (its Dutch label)."""
    if by is None:
        return lambda c: ALL
    if by not in DIMENSIONS:
        raise ValueError(f"onbekende indeling {by!r}; kies uit {', '.join(DIMENSIONS)}")
    if by in _LABELS:  # a dict look-up by code: the enum call by value is slow on 20k rows
        labels, attr = _LABELS[by], by
        return lambda c: labels[getattr(c, attr)]
    return (lambda c: c.region) if by == "region" else (lambda c: c.coach)


@dataclass(frozen=True)
class Prepared:
    """The facts arranged once for any period and split: each candidate's moves in date
    order, the latest dropouts, registration dates. Keep it while the facts hold."""

    facts: Facts
    moves: dict[str, list[MoveFact]]
    dropped: dict[str, DropoutFact]
    registered: dict[str, date]


def prepare(facts: Facts) -> Prepared:
    registered = {c.id: c.registered_on for c in facts.candidates}
    return Prepared(
        facts,
        _moves_by_candidate(facts.moves, registered),
        _last_dropouts(facts.dropouts),
        registered,
    )


def compute(facts: Facts | Prepared, period: Period, by: str | None = None) -> Report:
    """Every monitor figure for ``period``, split by the dimension ``by`` (or not)."""
    ready = facts if isinstance(facts, Prepared) else prepare(facts)
    key = group_of(by)
    group = {c.id: key(c) for c in ready.facts.candidates}
    walk = _walk(ready.moves, ready.dropped, group, ready.registered, period)
    g = DIMENSION_LABELS.get(by or "", "Groep")
    return Report(
        period,
        by,
        (
            _phases_over_time(walk, g),
            _flows(walk, g),
            _dropouts(ready.facts.dropouts, group, period, g),
            _time_in_phase(walk, g),
            _retention(ready.facts.placements, group, period, g),
        ),
    )


def _moves_by_candidate(
    moves: Iterable[MoveFact], known: dict[str, date]
) -> dict[str, list[MoveFact]]:
    """Each known candidate's moves in date order (ties keep their given order)."""
    out: dict[str, list[MoveFact]] = defaultdict(list)
    for m in moves:
        if m.candidate_id in known:
            out[m.candidate_id].append(m)
    for lst in out.values():
        if len(lst) > 1:
            lst.sort(key=_ON)  # a C-level key: this runs for every candidate
    return out


_ON = attrgetter("on")


def _last_dropouts(dropouts: Iterable[DropoutFact]) -> dict[str, DropoutFact]:
    """Each candidate's latest dropout (of equal dates, the last given)."""
    last: dict[str, DropoutFact] = {}
    for d in dropouts:
        seen = last.get(d.candidate_id)
        if seen is None or d.on >= seen.on:
            last[d.candidate_id] = d
    return last


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
    moves: dict[str, list[MoveFact]],
    dropped: dict[str, DropoutFact],
    group: dict[str, str],
    registered: dict[str, date],
    period: Period,
) -> _Walk:
    """One pass over each candidate's moves in date order. A move starts a stay in its
    phase that lasts until the next move, or the (latest) dropout; for the phase counts
    it is also clipped to the registration date and the dropout."""
    days = period.month_ends()
    n, first, start, end = len(days), days[0], period.start, period.end
    walk = _Walk(days, {}, Counter(), defaultdict(list))
    diff, flows, stays = walk.diff, walk.flows, walk.stays
    for cid, lst in moves.items():
        out = dropped.get(cid)
        stop = out.on if out is not None else None
        final = stop if stop is not None else date.max
        reg, grp, k = registered[cid], group[cid], len(lst)
        for i, m in enumerate(lst):
            on = m.on
            nxt = lst[i + 1].on if i + 1 < k else None
            left = nxt if nxt is not None else final
            if start <= left <= end:  # (a dropout before a later move ends its stay too)
                stays[(grp, m.to_phase)].append((left - on).days)
            if on > end:
                continue  # no flow, no phase count: after the period
            if m.from_phase is not None and on >= start:
                flows[(grp, m.from_phase, m.to_phase)] += 1
            since = on if on > reg else reg
            until = nxt if nxt is not None else stop
            if stop is not None and until is not None and stop < until:
                until = stop
            if since > end or (until is not None and until <= first):
                continue
            lo = bisect_left(days, since)
            hi = n if until is None else bisect_left(days, until)
            if lo < hi:
                arr = diff.get((grp, m.to_phase))
                if arr is None:
                    arr = diff[(grp, m.to_phase)] = [0] * (n + 1)
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
    dropouts: Sequence[DropoutFact], group: dict[str, str], period: Period, g: str
) -> Table:
    counts: Counter[tuple[str, str, str]] = Counter(
        (group[d.candidate_id], d.reason, d.phase)
        for d in dropouts
        if period.start <= d.on <= period.end and d.candidate_id in group
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
    placements: Sequence[PlacementFact], group: dict[str, str], period: Period, g: str
) -> Table:
    started: Counter[str] = Counter()
    kept: Counter[tuple[str, int]] = Counter()
    measured: Counter[tuple[str, int]] = Counter()
    for p in placements:
        if not period.start <= p.starts_on <= period.end or p.candidate_id not in group:
            continue
        grp = group[p.candidate_id]
        started[grp] += 1
        outcomes = dict(p.checkpoints)
        left_at = min((m for m, o in outcomes.items() if o == CheckpointOutcome.LEFT), default=None)
        for months in (3, 6, 12):
            if months in outcomes or (left_at is not None and left_at <= months):
                measured[(grp, months)] += 1
                if outcomes.get(months) == CheckpointOutcome.RETAINED:
                    kept[(grp, months)] += 1
    rows = []
    for grp in sorted(started):
        row: list[Cell] = [grp, started[grp]]
        for months in (3, 6, 12):
            n, k = measured[(grp, months)], kept[(grp, months)]
            row += [n, k, round(100 * k / n, 1) if n else None]
        rows.append(tuple(row))
    return Table(
        "retention",
        "Plaatsingen en duurzame plaatsing",
        (g, "Geplaatst", "Gemeten 3 mnd", "Behouden 3 mnd", "% 3 mnd", "Gemeten 6 mnd",
         "Behouden 6 mnd", "% 6 mnd", "Gemeten 12 mnd", "Behouden 12 mnd", "% 12 mnd"),
        tuple(rows),
        frozenset({1, 2, 3, 5, 6, 8, 9}),
    )  # fmt: skip
