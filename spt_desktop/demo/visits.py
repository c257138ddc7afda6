"""Jobcoach visits to placed candidates: most in the first weeks, a dropout risk
that shows before a placement fails."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from spt_common.enums import VisitMode
from spt_desktop.demo.draw import span_days
from spt_desktop.demo.state import PlacementFacts, Row, State, sync_columns

_VISIT_TOPICS = (
    "inwerken",
    "veiligheid op de werkplek",
    "samenwerking met collega's",
    "voortgang BBL-opleiding",
    "werktijden",
    "reistijd",
    "begeleiding door praktijkopleider",
    "taal op de werkvloer",
    "salaris en contract",
    "vakinhoudelijke groei",
    "werkdruk",
    "thuissituatie",
)
_VISIT_AGREEMENTS = (
    "Praktijkopleider plant wekelijks een kort evaluatiemoment.",
    "Kandidaat houdt een logboek bij van nieuwe taken.",
    "Volgende maand samen de voortgang met de leidinggevende bespreken.",
    "Werkgever regelt een tweede werkplekbegeleider.",
    "Kandidaat meldt zich bij vragen eerst bij de meewerkend voorman.",
    "Rooster aangepast: vrijdagmiddag vrij voor de opleiding.",
)
_VISIT_NOTES = (
    "Gaat goed; kandidaat voelt zich op zijn of haar plek.",
    "Eerste weken zwaar, maar de motivatie is hoog.",
    "Collega's positief over de inzet.",
    "Zorgen over de reistijd; alternatief besproken.",
    "Werkgever tevreden, wil meer zij-instromers aannemen.",
    "Spanning rond de werktijden; vervolgafspraak gemaakt.",
)
_RISK_NOTES = (
    "Kandidaat overweegt te stoppen; begeleiding op de werkvloer schiet tekort.",
    "Praktijkopleider vaak afwezig; kandidaat voelt zich niet gezien.",
)


def _allocate(rng: random.Random, placements: list[PlacementFacts], total: int) -> list[int]:
    """``total`` visits over the placements, by how long each has run (at least one)."""
    if not placements:
        return []
    weights = [min(400, span_days(p.starts_on, p.last_day)) + 14 for p in placements]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    short = total - sum(counts)
    for i in rng.sample(range(len(placements)), min(max(short, 0), len(placements))):
        counts[i] += 1
    while sum(counts) < total:  # only when total > 2x the placements' weight
        counts[rng.randrange(len(counts))] += 1
    return counts


def make_visits(st: State, total: int) -> None:
    """``total`` jobcoach visits over the placements, by how long each has run."""
    rng = st.rng
    rows = st.rows["visit"]
    modes = (VisitMode.ON_SITE,) * 7 + (VisitMode.PHONE,) * 2 + (VisitMode.VIDEO,)
    for p, n in zip(st.placements, _allocate(rng, st.placements, total), strict=True):
        if n == 0:
            continue
        span = span_days(p.starts_on, p.last_day)
        # Most visits in the first weeks, fewer as the candidate settles in.
        days = sorted(int(span * rng.random() ** 1.6) for _ in range(n))
        base = 2 if p.failing else rng.choice((3, 4, 4, 5))
        mentor = st.mentors.get(p.employer_id, "praktijkopleider")
        for k, offset in enumerate(days):
            day = p.starts_on + timedelta(days=offset)
            last = k == n - 1
            at_risk = p.failing and span - offset < 45
            mode = rng.choice(modes)
            visited = datetime.combine(day, time(8 + offset % 9, (offset * 15) % 60))
            if last:
                follow = st.today + timedelta(days=rng.randint(-4, 14)) if p.ongoing else None
            else:
                follow = p.starts_on + timedelta(days=days[k + 1])
            unsigned = last and p.ongoing and span_days(day, st.today) <= 3 and rng.random() < 0.5
            rows.append(
                {
                    "id": st.ids(),
                    "server_rev": None,
                    "modified_at": st.stamp,
                    "deleted": False,
                    "candidate_id": p.candidate_id,
                    "placement_id": p.id,
                    "employer_id": p.employer_id,
                    "coach_id": p.jobcoach_id,
                    "visited_at": visited,
                    "site": "Telefonisch" if mode == VisitMode.PHONE else p.site,
                    "mode": mode,
                    "attendees": f"kandidaat, {mentor} (praktijkopleider)",
                    "topics": "; ".join(rng.sample(_VISIT_TOPICS, 2)),
                    "progress_score": max(1, min(5, base + rng.choice((-1, 0, 0, 1)))),
                    "wellbeing_score": max(1, min(5, base + rng.choice((-1, 0, 0, 1)) - at_risk)),
                    "agreements": rng.choice(_VISIT_AGREEMENTS),
                    "notes": rng.choice(_RISK_NOTES if at_risk else _VISIT_NOTES),
                    "follow_up_on": follow,
                    "dropout_risk": at_risk or rng.random() < 0.03,
                    "signed_off_at": None if unsigned else visited + timedelta(hours=2),
                }
            )
    _aanvullingen(st, rows)


_AANVULLINGEN = (
    "Aanvulling: de praktijkopleider belde na afloop, de BHV-cursus is ingepland.",
    "Aanvulling: kandidaat gaf later aan dat de reistijd toch zwaar valt; volgend bezoek op.",
    "Aanvulling: werkgever bevestigt per mail de afspraken over de werktijden.",
)


def _aanvullingen(st: State, visits: list[Row]) -> None:
    """An aanvulling (a note pointing at the visit) on every 15th signed-off report, a
    few days later: what the jobcoach heard after signing. No random draws, so the rest
    of the demo stays as it was."""
    signed = [v for v in visits if v["signed_off_at"] is not None]
    for k, visit in enumerate(signed[7::15]):
        written = min(visit["signed_off_at"] + timedelta(days=1 + k % 3), st.stamp)
        st.rows["note"].append(
            {
                **sync_columns(st),
                "candidate_id": visit["candidate_id"],
                "author_id": visit["coach_id"],
                "written_at": written,
                "text": _AANVULLINGEN[k % len(_AANVULLINGEN)],
                "visit_id": visit["id"],
            }
        )
