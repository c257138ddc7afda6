"""``generate``: a whole caseload, in the order its parts draw from the stream."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from spt_common.enums import Role, Spt
from spt_desktop.demo.candidates import make_candidate
from spt_desktop.demo.coaches import make_coaches
from spt_desktop.demo.draw import FastRandom, id_stream
from spt_desktop.demo.employers import make_employer_contacts, make_employers
from spt_desktop.demo.loket import make_loket_questions
from spt_desktop.demo.referrals import make_referrals
from spt_desktop.demo.scenarios import draw_scenarios
from spt_desktop.demo.state import DemoData, State
from spt_desktop.demo.visits import make_visits


def generate(
    n_candidates: int,
    seed: int,
    today: date,
    owner_id: str,
    *,
    owner_roles: Sequence[Role] = (Role.LOOPBAANCOACH,),
    owner_spt: Spt = Spt.NOORD_HOLLAND,
    visits_per_placement: float = 10.0,
    n_visits: int | None = None,
    id_salt: str = "",
) -> DemoData:
    """A caseload of ``n_candidates`` for the coach ``owner_id``, as of ``today``.

    Every candidate is assigned to the owner in one of ``owner_roles``; colleagues hold
    the other roles. Placements get ``visits_per_placement`` jobcoach visits on average,
    or ``n_visits`` in total when given. ``id_salt`` varies the record ids only (to fill
    one vault twice); the content depends on ``seed`` and ``today`` alone.
    """
    if n_candidates < 0:
        raise ValueError("n_candidates must be >= 0")
    st = State(
        rng=FastRandom(seed),
        ids=id_stream(f"{seed}/{owner_id}/{id_salt}"),
        today=today,
        stamp=datetime.combine(today, time(7, 30)),
        owner_id=owner_id,
        owner_roles=tuple(owner_roles) or (Role.LOOPBAANCOACH,),
        owner_spt=owner_spt,
    )
    make_coaches(st)
    make_employers(st, max(12, n_candidates // 12))
    for scenario in draw_scenarios(st.rng, n_candidates):
        make_candidate(st, scenario)
    total = n_visits if n_visits is not None else round(visits_per_placement * len(st.placements))
    make_visits(st, total)
    make_employer_contacts(st)
    make_referrals(st)  # last: drawn after everything else, which stays as it was
    make_loket_questions(st)
    return DemoData(owner_id=owner_id, rows=st.rows)
