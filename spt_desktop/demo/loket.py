"""The loket register of the demo (issue 16 §2): questions from employers, job seekers,
workers, intermediaries and schools over the last months, a few still open (with the
asker's name and how to reach her), the rest closed without them."""

from __future__ import annotations

import random
from datetime import timedelta

from spt_common.enums import LoketAsker, LoketChannel, LoketOutcome, LoketStatus, Role
from spt_desktop.demo.state import State, sync_columns

TOPICS = {
    LoketAsker.EMPLOYER: ("Hoe werven wij zij-instromers?", "Subsidie voor een BBL-plek",
                          "Vacature voor servicemonteurs"),
    LoketAsker.JOB_SEEKER: ("Omscholen naar installatietechniek", "Welke opleiding past bij mij?",
                            "Kan ik met een uitkering een opleiding doen?"),
    LoketAsker.WORKER: ("Overstappen naar de techniek", "Zijn er avondopleidingen?"),
    LoketAsker.INTERMEDIARY: ("Aanmelden van een kandidaat", "Samenwerking met het werkcentrum"),
    LoketAsker.EDUCATION: ("Gastles techniek", "Stageplekken voor zij-instromers"),
}  # fmt: skip
ANSWERS = ("Informatie gemaild", "Uitgenodigd voor een oriëntatiegesprek",
           "Doorverwezen naar de arbeidsmarktcoach", "Gebeld en beantwoord")  # fmt: skip
NAMES = ("Sanne de Wit", "Mehmet Kaya", "Linda Smit", "Joost Visser", "Fatima El Amrani")


def make_loket_questions(st: State) -> None:
    """Questions to the owner's SPT's loket. Made last, from a stream of its own: the
    rows before stay what they were."""
    rng = random.Random(f"loket/{st.today}")
    spt = st.owner_spt
    coaches = [*(st.coaches.get((Role.LOOPBAANCOACH, spt)) or []), st.owner_id]
    for i in range(12):
        asker = rng.choice(list(LoketAsker))
        received = st.today - timedelta(days=rng.randint(0, 120))
        still_open = i < 4
        passed = rng.random() < 0.5
        st.rows["loket_question"].append(
            {
                **sync_columns(st),
                "spt": spt,
                "received_on": received,
                "channel": rng.choice(list(LoketChannel)),
                "asker": asker,
                "topic": rng.choice(TOPICS[asker]),
                "answer": "" if still_open else rng.choice(ANSWERS),
                "to_coach_id": rng.choice(coaches) if passed else None,
                "follow_up_on": received + timedelta(days=7) if still_open else None,
                "status": LoketStatus.OPEN if still_open else LoketStatus.CLOSED,
                "closed_on": None if still_open else received + timedelta(days=rng.randint(0, 9)),
                "outcome": None if still_open else rng.choice(list(LoketOutcome)),
                "outcome_id": None,
                "name": rng.choice(NAMES) if still_open else None,
                "contact": f"06 {rng.randint(10000000, 99999999)}" if still_open else None,
                "recorded_by": st.owner_id,
            }
        )
