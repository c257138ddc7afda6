"""One candidate: the person by persona, who guides them, consents, intake and
notes, and the rest of the dossier (journey, plan, work) by the other modules."""

from __future__ import annotations

from datetime import timedelta

from spt_common.enums import (
    BenefitStatus,
    CandidateStatus,
    ClosingOutcome,
    ConsentPurpose,
    DropoutReason,
    LanguageLevel,
    Persona,
    Phase,
    ReferralSource,
    Role,
    Spt,
)
from spt_desktop.demo.coaches import colleague
from spt_desktop.demo.draw import day_between, time_on, weighted
from spt_desktop.demo.journeys import activities, handovers, journey_events
from spt_desktop.demo.people import LANGUAGE_BY_ORIGIN, ascii_slug, person_name
from spt_desktop.demo.placements import matches_and_placement, trainings
from spt_desktop.demo.places import pick_place
from spt_desktop.demo.plans import plan_versions
from spt_desktop.demo.scenarios import Life, Scenario, draw_life
from spt_desktop.demo.state import State, sync_columns

# --- personas ------------------------------------------------------------------------------

_PERSONA_WEIGHTS = {
    Persona.NO_WORK_NO_BENEFIT: 18,
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: 30,
    Persona.NO_WORK_BENEFIT_TECHNICAL: 14,
    Persona.EMPLOYED_OUTSIDE_TECH: 28,
    Persona.EMPLOYED_IN_TECH: 10,
}
# Who they meet first (whitepaper §2, the touchpoints of each persona).
_REFERRALS = {
    Persona.NO_WORK_NO_BENEFIT: "gemeente school campaign self werkcentrum",
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: "uwv wsp uitzendbureau gemeente werkcentrum uwv",
    Persona.NO_WORK_BENEFIT_TECHNICAL: "uwv werkcentrum uitzendbureau employer uwv",
    Persona.EMPLOYED_OUTSIDE_TECH: "employer uitzendbureau campaign self werkcentrum",
    Persona.EMPLOYED_IN_TECH: "employer uitzendbureau self campaign",
}
_BENEFITS = {
    Persona.NO_WORK_NO_BENEFIT: ("none",),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: ("ww", "ww", "bijstand", "bijstand", "wia_wajong"),
    Persona.NO_WORK_BENEFIT_TECHNICAL: ("ww", "ww", "ww", "bijstand", "other"),
    Persona.EMPLOYED_OUTSIDE_TECH: ("none",),
    Persona.EMPLOYED_IN_TECH: ("none",),
}
_AGES = {
    Persona.NO_WORK_NO_BENEFIT: (18, 34),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: (23, 58),
    Persona.NO_WORK_BENEFIT_TECHNICAL: (25, 60),
    Persona.EMPLOYED_OUTSIDE_TECH: (22, 55),
    Persona.EMPLOYED_IN_TECH: (21, 50),
}
_BACKGROUNDS = {
    Persona.NO_WORK_NO_BENEFIT: (
        "Net van school (havo) zonder diploma, woont bij ouders en zoekt richting.",
        "Mbo-opleiding zorg afgebroken; wil iets met de handen doen.",
        "Was jaren thuis voor de kinderen; partner werkt, geen uitkering.",
        "Statushouder, inburgering bijna afgerond, nog geen werk.",
    ),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: (
        "Tien jaar in de retail gewerkt; winkel failliet, nu WW.",
        "Voormalig horecamedewerker, bijstand sinds de coronaperiode.",
        "Werkte in de logistiek (orderpicker), contract niet verlengd.",
        "Administratief medewerker, baan vervallen bij reorganisatie.",
    ),
    Persona.NO_WORK_BENEFIT_TECHNICAL: (
        "Elektromonteur in het land van herkomst; diploma nog niet gewaardeerd.",
        "Jaren als lasser gewerkt, na een faillissement in de WW.",
        "Monteur in de autobranche geweest, wil naar installatietechniek.",
        "Oud-militair met technische opleiding, zoekt werk in de energie.",
    ),
    Persona.EMPLOYED_OUTSIDE_TECH: (
        "Werkt als buschauffeur, zoekt werk met meer toekomst.",
        "Verpleegkundige die overstapt naar de techniek; werkt nog in de zorg.",
        "Bezorger in vaste dienst, wil een vak leren.",
        "Beveiliger met nachtdiensten, zoekt werk overdag in de techniek.",
    ),
    Persona.EMPLOYED_IN_TECH: (
        "Werkt als productiemedewerker in de metaal, wil doorgroeien naar monteur.",
        "Assistent-monteur bij een installateur, wil BBL niveau 3 halen.",
        "Werkt bij een reorganiserend bedrijf; behoud van vakmanschap.",
        "Onderhoudsmonteur die wil overstappen naar warmtepompen.",
    ),
}

# --- text fragments ------------------------------------------------------------------------

_SKILLS = (
    "handig met gereedschap",
    "technisch inzicht",
    "rijbewijs B",
    "VCA basis",
    "ervaring met klantcontact",
    "nauwkeurig",
    "werkt graag in teamverband",
    "tekeninglezen",
    "ervaring met lassen (MIG/MAG)",
    "zelfstandig",
    "computervaardig",
    "fysiek sterk",
    "oplossingsgericht",
    "heftruckcertificaat",
)
_INTERESTS = (
    "installatietechniek",
    "elektrotechniek",
    "warmtepompen en duurzame energie",
    "zonnepanelen",
    "metaalbewerking",
    "lassen",
    "bouw en timmeren",
    "onderhoud van machines",
    "CNC-verspanen",
    "netbeheer en laadpalen",
    "werkvoorbereiding",
)
_MOTIVATIONS = (
    "Wil een vak leren met toekomst en bijdragen aan de energietransitie.",
    "Zoekt zekerheid: een vaste baan en een salaris waar het gezin van kan leven.",
    "Wil met de handen werken en aan het eind van de dag zien wat er gedaan is.",
    "Heeft altijd al van techniek gehouden, maar kwam er nooit aan toe.",
    "Wil weer aan het werk na een moeilijke periode, en dan graag buiten.",
    "Vader was installateur; wil het vak alsnog leren.",
)
_AVAILABILITY = (
    "Ma t/m vr overdag",
    "Ma t/m do, vrijdag zorgdag",
    "Niet in het weekend; brengt de kinderen naar school",
    "Ploegendienst is mogelijk",
    "Alleen dagdiensten",
    "Direct beschikbaar, fulltime",
    "Na opzegtermijn van een maand",
)
_WISHES = (
    "Werk in de buurt, maximaal een half uur reizen.",
    "Een leerwerkbaan met BBL-opleiding.",
    "Vast contract na de proeftijd.",
    "Afwisselend werk, niet elke dag hetzelfde.",
    "Binnenwerk, liever niet op hoogte.",
)
_OBSTACLES = (
    "Taalniveau Nederlands nog onvoldoende voor de theorie.",
    "Salaris mag niet veel lager zijn dan nu.",
    "Kinderopvang moet geregeld zijn.",
    "Geen rijbewijs.",
    "Schulden; hulp van de gemeente loopt.",
    "Geen erkend diploma.",
    "Geen bijzonderheden.",
)
_NOTES = (
    "Gebeld over de voortgang; kandidaat is positief.",
    "Kandidaat twijfelt over de reistijd; samen alternatieven bekeken.",
    "Afspraak verzet wegens ziekte van een kind.",
    "Cv bijgewerkt en doorgestuurd naar de arbeidsmarktcoach.",
    "Kandidaat heeft de VCA-cursus aangevraagd.",
    "Overleg met werkcentrum over de scholingsvoucher.",
    "Taalcursus Nederlands op B1-niveau gestart.",
    "Kandidaat vraagt of parttime werken mogelijk is.",
)


_DROPOUT_TEXT = {
    DropoutReason.LANGUAGE_GAP: "Werkgevers vragen minimaal B1; taaltraject duurt te lang.",
    DropoutReason.SALARY_GAP: "Startsalaris ligt ver onder het huidige inkomen.",
    DropoutReason.AVAILABILITY_EXPECTATIONS: (
        "Werkgever verwacht storingsdiensten en weekendwerk; past niet bij de thuissituatie."
    ),
    DropoutReason.TOO_LITTLE_GUIDANCE: (
        "Geen praktijkopleider beschikbaar; kandidaat stond er alleen voor."
    ),
    DropoutReason.NO_SUITABLE_VACANCIES: "Vacatures vragen een hoger niveau dan haalbaar is.",
    DropoutReason.NO_CERTIFIABLE_TRAINING: (
        "Geen erkend, modulair aanbod; zonder certificaat geen vervolg."
    ),
    DropoutReason.FUNDING: "Scholingsvoucher niet toegekend; opleiding niet te betalen.",
    DropoutReason.PERSONAL_CIRCUMSTANCES: "Persoonlijke omstandigheden (gezondheid, gezin).",
    DropoutReason.OTHER: "Kandidaat reageert niet meer op berichten.",
    DropoutReason.TOO_FEW_PRAKTIJKOPLEIDERS: (
        "Geen praktijkopleider op de ploeg; niemand die het vak kon overbrengen."
    ),
    DropoutReason.TOO_LITTLE_MIDDENKADER: (
        "De voorman had het te druk met lopende klussen; geen tijd voor inwerken."
    ),
    DropoutReason.TRANSITION_READINESS: (
        "Werkgever wilde alleen ervaren monteurs; geen ruimte voor een zij-instromer."
    ),
    DropoutReason.FOUND_WORK_ELSEWHERE: "Heeft zelf werk gevonden buiten de techniek.",
}
# How early closings end (a closing after a year of retention is duurzaam geplaatst), and
# the leak each is recorded with: closing a candidate still in the journey is an uitval.
_EARLY_CLOSINGS = {
    ClosingOutcome.WORKING_ELSEWHERE: DropoutReason.FOUND_WORK_ELSEWHERE,
    ClosingOutcome.STOPPED: DropoutReason.PERSONAL_CIRCUMSTANCES,
    ClosingOutcome.MOVED: DropoutReason.PERSONAL_CIRCUMSTANCES,
    ClosingOutcome.REFERRED_BACK: DropoutReason.LANGUAGE_GAP,
}
_DROPOUT_WEIGHTS = {
    Phase.ORIENTATION: {
        "personal_circumstances": 35, "availability_expectations": 10, "salary_gap": 15,
        "other": 20, "language_gap": 20,
    },
    Phase.DEEP_ORIENTATION: {
        "no_certifiable_training": 25, "funding": 20, "personal_circumstances": 25,
        "language_gap": 15, "other": 15,
    },
    Phase.MATCHING: {
        "language_gap": 20, "salary_gap": 20, "no_suitable_vacancies": 25,
        "availability_expectations": 20, "personal_circumstances": 10, "other": 5,
    },
    Phase.TRAINING: {
        "funding": 30, "no_certifiable_training": 25, "personal_circumstances": 25,
        "language_gap": 10, "too_little_guidance": 10,
    },
    Phase.RETENTION: {
        "too_little_guidance": 35, "availability_expectations": 25, "salary_gap": 15,
        "personal_circumstances": 20, "other": 5, "too_few_praktijkopleiders": 10,
        "too_little_middenkader": 10,
    },
}  # fmt: skip


def make_candidate(st: State, sc: Scenario) -> None:
    """One candidate of the scenario, with every row of their dossier."""
    rng, today = st.rng, st.today
    persona = sc.persona or weighted(rng, _PERSONA_WEIGHTS)
    origin, first, last = person_name(rng)
    place = pick_place(st)
    life = draw_life(st, sc, persona)
    cid = st.ids()
    lo, hi = _AGES[persona]
    language = rng.choice(LANGUAGE_BY_ORIGIN[origin])
    if sc.reason == DropoutReason.LANGUAGE_GAP:
        language = rng.choice(("A1", "A2", "B1"))
    ongoing = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    closing: ClosingOutcome | None = None
    if sc.status == CandidateStatus.CLOSED:
        early = list(_EARLY_CLOSINGS)
        closing = ClosingOutcome.RETAINED if sc.phase == Phase.RETENTION else rng.choice(early)
    st.rows["candidate"].append(
        {
            **sync_columns(st, cid),
            "first_name": first,
            "last_name": last,
            "birth_date": today - timedelta(days=rng.randint(lo * 365, hi * 365 + 300)),
            "email": f"{ascii_slug(first)}.{ascii_slug(last)}{rng.randint(1, 99)}@mail.example",
            "phone": f"06-{rng.randint(10000000, 99999999)}",
            "municipality": place.municipality,
            "spt": place.spt,
            "labour_market_region": place.region,
            "referral_source": ReferralSource(rng.choice(_REFERRALS[persona].split())),
            "persona": persona,
            "benefit_status": BenefitStatus(rng.choice(_BENEFITS[persona])),
            "language_level": LanguageLevel(language),
            "hours_per_week": rng.choice((24, 32, 32, 36, 40, 40, 40)),
            "availability": rng.choice(_AVAILABILITY),
            "salary_expectation": rng.randrange(2300, 3800, 50)
            + (400 if persona == Persona.EMPLOYED_OUTSIDE_TECH else 0),
            "skills": ", ".join(rng.sample(_SKILLS, 3)),
            "interests": ", ".join(rng.sample(_INTERESTS, 2)),
            "motivation": rng.choice(_MOTIVATIONS),
            "notes": rng.choice(
                (None, None, "Voorkeur voor contact via WhatsApp.", "Bereikbaar na 16.00 uur.")
            ),
            "phase": sc.phase,
            "status": sc.status,
            "registered_on": life.registered,
            "next_follow_up": (
                today + timedelta(days=rng.randint(-6, 21))
                if ongoing and rng.random() < 0.9
                else None
            ),
            "closed_on": life.end if closing is not None else None,
            "closing_outcome": closing,
        }
    )
    holders = _assign(st, cid, sc, life, place.spt)
    _consents(st, cid, life, holders[Role.LOOPBAANCOACH])
    _intake_and_notes(st, cid, persona, life, holders[Role.LOOPBAANCOACH])
    journey_events(st, cid, life, holders)
    plan_versions(st, cid, life, holders[Role.LOOPBAANCOACH])
    activities(st, cid, life, ongoing)
    employer = matches_and_placement(st, cid, sc, life, holders, place.spt, persona)
    trainings(st, cid, sc, life, persona, employer)
    handovers(st, cid, sc, life, holders)
    reason: DropoutReason | None = None
    if sc.status == CandidateStatus.DROPPED_OUT:
        reason = sc.reason or DropoutReason(weighted(rng, _DROPOUT_WEIGHTS[sc.phase]))
    elif closing in _EARLY_CLOSINGS:
        reason = _EARLY_CLOSINGS[closing]
    if reason is not None:
        st.rows["dropout"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "phase": sc.phase,
                "reason": reason,
                "occurred_on": life.end,
                "coach_id": holders.get(Role.JOBCOACH) or holders[Role.LOOPBAANCOACH],
                "explanation": _DROPOUT_TEXT[reason],
            }
        )


def _roles_needed(life: Life) -> list[Role]:
    roles = [Role.LOOPBAANCOACH]
    if Phase.MATCHING in life.route or life.placement_start:
        roles.append(Role.ARBEIDSMARKTCOACH)
    if life.placement_start:
        roles.append(Role.JOBCOACH)
    return roles


def _assign(st: State, cid: str, sc: Scenario, life: Life, spt: Spt) -> dict[Role, str]:
    """Who guides the candidate in which role; the owner always holds one of them."""
    needed = _roles_needed(life)
    mine = [r for r in needed if r in st.owner_roles] or [st.owner_roles[0]]
    owner_role = st.rng.choice(mine)
    holders = {r: colleague(st, r, spt) for r in needed if r != owner_role}
    holders[owner_role] = st.owner_id
    active = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    for role in (*needed, *([owner_role] if owner_role not in needed else [])):
        st.rows["assignment"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "coach_id": holders[role],
                "role": role,
                "active": active,
            }
        )
    holders.setdefault(Role.LOOPBAANCOACH, st.owner_id)
    return holders


def _consents(st: State, cid: str, life: Life, recorder: str) -> None:
    rng = st.rng
    chances = {
        ConsentPurpose.PROCESSING: 1.0,
        ConsentPurpose.SHARE_EMPLOYER: 0.85,
        ConsentPurpose.SHARE_REFERRER_FUNDER: 0.75,
        ConsentPurpose.SHARE_TRAINING_PROVIDER: 0.7,
        ConsentPurpose.AANBODKRANT: 0.5,
    }
    for purpose, chance in chances.items():
        granted = rng.random() < chance
        withdrawn = None
        if granted and purpose != ConsentPurpose.PROCESSING and rng.random() < 0.07:
            withdrawn = day_between(rng, life.registered, life.end)
        st.rows["consent"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "purpose": purpose,
                "granted": granted,
                "recorded_on": life.registered,
                "recorded_by": recorder,
                "withdrawn_on": withdrawn,
            }
        )


def _intake_and_notes(st: State, cid: str, persona: Persona, life: Life, coach: str) -> None:
    rng = st.rng
    held = min(life.registered + timedelta(days=rng.randint(0, 10)), life.end, st.today)
    st.rows["intake"].append(
        {
            **sync_columns(st),
            "candidate_id": cid,
            "held_on": held,
            "coach_id": coach,
            "background": rng.choice(_BACKGROUNDS[persona]),
            "motivation": rng.choice(_MOTIVATIONS),
            "wishes": " ".join(rng.sample(_WISHES, 2)),
            "obstacles": rng.choice(_OBSTACLES),
            "persona_rationale": f"Ingedeeld als '{persona.label}' op grond van werk- en "
            "uitkeringssituatie bij aanmelding.",
        }
    )
    for _ in range(rng.randint(0, 3)):
        st.rows["note"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "author_id": coach,
                "written_at": time_on(rng, day_between(rng, life.registered, life.end)),
                "text": rng.choice(_NOTES),
                "visit_id": None,
            }
        )
