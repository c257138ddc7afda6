"""The generator's shared state: the tables it fills, the rows so far, and the
people and places later rows refer to."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from spt_common.enums import Role, Spt

T = TypeVar("T")
Row = dict[str, Any]

# Parents before children: the order the bulk loader inserts them in.
TABLES = (
    "coach",
    "employer",
    "contact_person",
    "vacancy",
    "employer_contact",
    "candidate",
    "consent",
    "assignment",
    "intake",
    "note",
    "journey_event",
    "plan",
    "goal",
    "action",
    "activity",
    "training",
    "match",
    "placement",
    "retention_checkpoint",
    "visit",
    "handover",
    "dropout",
    "referral",
    "referral_letter",
    "loket_question",
)


@dataclass(frozen=True)
class DemoData:
    """Generated rows per table (``TABLES`` order), plus the owner they were made for."""

    owner_id: str
    rows: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


@dataclass
class PlacementFacts:
    """What the visits need to know of a placement."""

    id: str
    candidate_id: str
    employer_id: str
    site: str
    jobcoach_id: str
    starts_on: date
    last_day: date  # the last day visits can happen
    ongoing: bool
    failing: bool


@dataclass
class State:
    """Everything generated so far, and the random streams it came from."""

    rng: random.Random
    ids: Callable[[], str]
    today: date
    stamp: datetime
    owner_id: str
    owner_roles: tuple[Role, ...]
    owner_spt: Spt
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})
    coaches: dict[tuple[Role, Spt], list[str]] = field(default_factory=dict)
    coach_names: dict[str, str] = field(default_factory=dict)
    employers: dict[Spt, list[Row]] = field(default_factory=dict)
    vacancies: dict[str, list[Row]] = field(default_factory=dict)
    mentors: dict[str, str] = field(default_factory=dict)  # employer id -> praktijkopleider
    placements: list[PlacementFacts] = field(default_factory=list)


def sync_columns(st: State, row_id: str | None = None) -> Row:
    """The sync columns of a new record: a new id (or ``row_id``), not yet synced."""
    return {
        "id": row_id or st.ids(),
        "server_rev": None,
        "modified_at": st.stamp,
        "deleted": False,
    }
