"""Plans of approach: versions (an agreed plan is not rewritten, a newer draft waits),
goals and actions."""

from __future__ import annotations

from datetime import date, timedelta

from spt_common.enums import ActionStatus, PlanStatus
from spt_desktop.demo.draw import span_days
from spt_desktop.demo.scenarios import Life
from spt_desktop.demo.state import State, sync_columns

_GOALS = (
    "Een beeld krijgen van werken in de techniek",
    "Een richting kiezen: installatie, metaal, bouw of energie",
    "Taalniveau Nederlands naar B1",
    "Een erkend vakcertificaat halen (VCA, NEN 3140)",
    "Een leerwerkplek vinden bij een werkgever in de regio",
    "Financiering van de opleiding regelen",
    "Duurzaam aan het werk: proeftijd goed doorkomen",
)
_ACTIONS = (
    "Meeloopdag plannen bij een installatiebedrijf",
    "Aanmelden voor de Techniektuin",
    "Cv bijwerken met technische vaardigheden",
    "Scholingsvoucher aanvragen bij het werkcentrum",
    "Taalcursus zoeken en inschrijven",
    "Gesprek met de arbeidsmarktcoach over vacatures",
    "VCA-examen plannen",
    "Kinderopvang regelen voor de werkdagen",
    "Afspraak met praktijkopleider over inwerkplan",
)
_ACTION_OWNERS = ("kandidaat", "loopbaancoach", "arbeidsmarktcoach", "jobcoach", "werkgever")


def plan_versions(st: State, cid: str, life: Life, coach: str) -> None:
    """The versions of the candidate's plan of approach, each with goals and actions."""
    rng, today = st.rng, st.today
    intake = life.registered
    if span_days(intake, life.end) < 5:
        return
    reviewed = intake + timedelta(days=rng.randint(3, 14))
    fresh = span_days(intake, today) < 21
    versions = 1 if fresh else rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    for v in range(1, versions + 1):
        last = v == versions
        if fresh:
            status = PlanStatus.DRAFT
        elif not last:
            status = PlanStatus.SUPERSEDED
        else:
            # A newer draft waits for agreement for some (an agreed plan is not rewritten).
            status = PlanStatus.DRAFT if v > 1 and rng.random() < 0.5 else PlanStatus.AGREED
        reviewed = min(reviewed, today)
        agreed = (
            None
            if status == PlanStatus.DRAFT
            else min(reviewed + timedelta(days=rng.randint(0, 7)), today)
        )
        plan_id = st.ids()
        st.rows["plan"].append(
            {
                **sync_columns(st, plan_id),
                "candidate_id": cid,
                "version": v,
                "status": status,
                "summary": rng.choice(
                    (
                        "Oriënteren op installatietechniek en toewerken naar een leerwerkbaan.",
                        "Eerst taal en certificaten, daarna matching met werkgevers in de regio.",
                        "Via de Techniektuin naar een BBL-plek in de metaal.",
                        "Directe bemiddeling naar werk met opleiding op de werkvloer.",
                    )
                ),
                "reviewed_on": reviewed,
                "agreed_on": agreed,
                "agreed_by": coach if agreed else None,
            }
        )
        _goals(st, cid, plan_id, reviewed, status)
        reviewed = reviewed + timedelta(days=rng.randint(30, 120))


def _goals(st: State, cid: str, plan_id: str, start: date, status: PlanStatus) -> None:
    rng, today = st.rng, st.today
    for g, text in enumerate(rng.sample(_GOALS, rng.randint(2, 3)), start=1):
        goal_id = st.ids()
        st.rows["goal"].append(
            {
                **sync_columns(st, goal_id),
                "candidate_id": cid,
                "plan_id": plan_id,
                "position": g,
                "description": text,
            }
        )
        for a, action in enumerate(rng.sample(_ACTIONS, rng.randint(1, 2)), start=1):
            due = start + timedelta(days=rng.randint(7, 90))
            if status == PlanStatus.SUPERSEDED:
                state = rng.choice((ActionStatus.DONE, ActionStatus.CANCELLED))
            elif due < today:
                state = ActionStatus.DONE if rng.random() < 0.8 else ActionStatus.OPEN
            else:
                state = ActionStatus.OPEN
            st.rows["action"].append(
                {
                    **sync_columns(st),
                    "candidate_id": cid,
                    "goal_id": goal_id,
                    "position": a,
                    "description": action,
                    "owner": rng.choice(_ACTION_OWNERS),
                    "due_on": due,
                    "status": state,
                }
            )
