"""Hand-made document data: a candidate with a full dossier."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    CandidateStatus,
    CheckpointOutcome,
    ConsentPurpose,
    ContractKind,
    DropoutReason,
    FundingKind,
    HandoverStatus,
    LanguageLevel,
    MatchStatus,
    Persona,
    Phase,
    PlanStatus,
    ReferralSource,
    Role,
    Spt,
    TrainingFund,
    TrainingStatus,
    VisitMode,
)
from spt_desktop.print.data import (
    AanbodkrantData,
    AanbodkrantProfile,
    ActionLine,
    ActivityLine,
    AssignedCoach,
    CandidateProfile,
    CheckpointLine,
    ConsentLine,
    DossierData,
    DropoutLine,
    GoalLine,
    HandoverLine,
    IntakeSummary,
    JourneyLine,
    Letterhead,
    MatchLine,
    PlacementLine,
    PlanData,
    PlanVersion,
    TrainingLine,
    VisitRecord,
    VisitReportData,
)

PRINTED = date(2026, 11, 29)
LETTERHEAD = Letterhead(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland", PRINTED)
NAME = "Joëlle Verhoeven"
EMAIL = "joelle.verhoeven@example.nl"
PHONE = "06-12345678"
BIRTH = date(1988, 3, 14)

PROFILE = CandidateProfile(
    full_name=NAME,
    birth_date=BIRTH,
    email=EMAIL,
    phone=PHONE,
    municipality="Purmerend",
    spt=Spt.NOORD_HOLLAND,
    labour_market_region="Zaanstreek-Waterland",
    referral_source=ReferralSource.WERKCENTRUM,
    persona=Persona.EMPLOYED_OUTSIDE_TECH,
    benefit_status=BenefitStatus.NONE,
    language_level=LanguageLevel.B2,
    hours_per_week=32,
    availability="Ma–do overdag; vrijdag zorgt zij voor haar dochter.",
    salary_expectation=2850,
    skills="Handig met gereedschap, nauwkeurig, rijbewijs B, ervaring met logistiek.",
    interests="Elektrotechniek en zonnepanelen; later doorgroeien naar monteur.",
    motivation="Wil werk met zichtbaar resultaat dat bijdraagt aan de energietransitie.",
    phase=Phase.RETENTION,
    status=CandidateStatus.PLACED,
    registered_on=date(2025, 9, 2),
    next_follow_up=date(2026, 12, 10),
)

PLAN = PlanVersion(
    version=2,
    status=PlanStatus.AGREED,
    summary="Via oriëntatie en een BBL-traject naar een duurzame baan als monteur zonnepanelen.",
    reviewed_on=date(2026, 3, 1),
    agreed_on=date(2026, 3, 3),
    agreed_by="Karin de Wit",
    goals=(
        GoalLine(
            "Een realistisch beeld van werk in de elektrotechniek",
            (
                ActionLine(
                    "Deelnemen aan de Techniektuin",
                    "Kandidaat",
                    date(2026, 3, 20),
                    ActionStatus.DONE,
                ),
                ActionLine(
                    "Meelopen bij installateur (één dag)",
                    "Arbeidsmarktcoach",
                    date(2026, 4, 15),
                    ActionStatus.DONE,
                ),
            ),
        ),
        GoalLine(
            "Een BBL-plek als monteur zonnepanelen",
            (
                ActionLine(
                    "Cv en motivatie bijwerken", "Kandidaat", date(2026, 4, 1), ActionStatus.DONE
                ),
                ActionLine(
                    "Voorstellen bij drie werkgevers via de matchtafel",
                    "Arbeidsmarktcoach",
                    date(2026, 5, 1),
                    ActionStatus.OPEN,
                ),
                ActionLine(
                    "Scholingsvoucher aanvragen", "Loopbaancoach", None, ActionStatus.CANCELLED
                ),
            ),
        ),
    ),
)


def visits(n: int) -> tuple[VisitRecord, ...]:
    start = datetime(2026, 5, 4, 9, 30)
    return tuple(
        VisitRecord(
            visited_at=start + timedelta(days=7 * i),
            employer="Zon & Dak Installaties B.V.",
            coach="Peter Smit",
            mode=VisitMode.ON_SITE if i % 3 else VisitMode.PHONE,
            site="Werkplaats Zaandam",
            attendees="Kandidaat, praktijkopleider Ruud",
            topics=f"Voortgang week {i + 1}: werken op hoogte, planning BBL-lesdag.",
            progress_score=3 + i % 3,
            wellbeing_score=4,
            agreements="Volgende week zelfstandig omvormer aansluiten onder toezicht.",
            notes="Vertelde over zorgen thuis (vertrouwelijk)." if i == 0 else "",
            follow_up_on=(start + timedelta(days=7 * i + 14)).date(),
            dropout_risk=i == 2,
            signed_off=True,
        )
        for i in range(n)
    )


def dossier(n_visits: int = 3) -> DossierData:
    return DossierData(
        letterhead=LETTERHEAD,
        candidate=PROFILE,
        coaches=(
            AssignedCoach(Role.LOOPBAANCOACH, "Karin de Wit"),
            AssignedCoach(Role.ARBEIDSMARKTCOACH, "Mehmet Yılmaz"),
            AssignedCoach(Role.JOBCOACH, "Peter Smit"),
        ),
        consents=(
            ConsentLine(ConsentPurpose.PROCESSING, True, date(2025, 9, 2), "Karin de Wit"),
            ConsentLine(ConsentPurpose.SHARE_EMPLOYER, True, date(2026, 5, 1), "Peter Smit"),
            ConsentLine(
                ConsentPurpose.AANBODKRANT,
                True,
                date(2025, 9, 2),
                "Karin de Wit",
                withdrawn_on=date(2026, 6, 1),
            ),
        ),
        intake=IntakeSummary(
            held_on=date(2025, 9, 2),
            coach="Karin de Wit",
            background="Tien jaar orderpicker in een distributiecentrum; mbo-2 logistiek.",
            motivation="Zoekt vakmanschap en doorgroeimogelijkheden.",
            wishes="Werken in de regio Zaanstad/Purmerend, maximaal 32 uur.",
            obstacles="Kinderopvang op vrijdag; startsalaris mag niet veel lager zijn.",
            persona_rationale="Heeft werk, maar buiten de techniek.",
        ),
        plan=PLAN,
        journey=(
            JourneyLine(
                date(2025, 9, 2),
                None,
                Phase.ORIENTATION,
                "Karin de Wit",
                "Aangemeld via het werkcentrum",
            ),
            JourneyLine(
                date(2025, 11, 10),
                Phase.ORIENTATION,
                Phase.DEEP_ORIENTATION,
                "Karin de Wit",
                "Wil elektrotechniek verkennen",
            ),
            JourneyLine(
                date(2026, 1, 15),
                Phase.DEEP_ORIENTATION,
                Phase.ORIENTATION,
                "Karin de Wit",
                "Twijfel na Techcourt; terug naar brede oriëntatie",
            ),
            JourneyLine(
                date(2026, 3, 1),
                Phase.ORIENTATION,
                Phase.MATCHING,
                "Mehmet Yılmaz",
                "Keuze gemaakt: zonnepanelen",
            ),
            JourneyLine(
                date(2026, 5, 4),
                Phase.MATCHING,
                Phase.RETENTION,
                "Peter Smit",
                "Geplaatst in BBL-traject",
            ),
        ),
        activities=(
            ActivityLine(
                date(2025, 12, 3),
                ActivityKind.TECHCOURT,
                "Techcourt Zaandam",
                ActivityOutcome.NEUTRAL,
                "Metaal sprak minder aan.",
            ),
            ActivityLine(
                date(2026, 3, 20),
                ActivityKind.TECHNIEKTUIN,
                "Techniektuin Hoorn",
                ActivityOutcome.POSITIVE,
                "Enthousiast over installatietechniek.",
            ),
            ActivityLine(
                date(2026, 4, 10),
                ActivityKind.MATCHTAFEL,
                "Gemeentehuis Purmerend",
                ActivityOutcome.POSITIVE,
            ),
        ),
        trainings=(
            TrainingLine(
                "Techniek College",
                "BBL Monteur elektrotechnische installaties",
                True,
                FundingKind.FUND,
                TrainingFund.WIJ_TECHNIEK,
                date(2026, 5, 4),
                date(2027, 7, 1),
                TrainingStatus.IN_PROGRESS,
                None,
            ),
            TrainingLine(
                "VCA Opleidingen Noord",
                "VCA Basis",
                False,
                FundingKind.SCHOLINGSVOUCHER,
                None,
                date(2026, 4, 20),
                date(2026, 4, 21),
                TrainingStatus.COMPLETED,
                "VCA Basis",
            ),
        ),
        matches=(
            MatchLine(
                date(2026, 4, 10),
                "Zon & Dak Installaties B.V.",
                "BBL monteur zon-PV",
                MatchStatus.PLACED,
                5,
                "Mehmet Yılmaz",
                "Direct een klik met de ploeg.",
            ),
            MatchLine(
                date(2026, 4, 12),
                "Elektro Kooiman",
                None,
                MatchStatus.DECLINED,
                2,
                "Mehmet Yılmaz",
                "Geen praktijkopleider beschikbaar.",
            ),
        ),
        placements=(
            PlacementLine(
                "Zon & Dak Installaties B.V.",
                "Leerling-monteur zonnepanelen",
                ContractKind.BBL,
                date(2026, 5, 4),
                None,
                "Peter Smit",
                (
                    CheckpointLine(
                        1, date(2026, 6, 4), date(2026, 6, 5), CheckpointOutcome.RETAINED
                    ),
                    CheckpointLine(
                        3, date(2026, 8, 4), date(2026, 8, 4), CheckpointOutcome.RETAINED
                    ),
                    CheckpointLine(6, date(2026, 11, 4), None, None),
                    CheckpointLine(12, date(2027, 5, 4), None, None),
                ),
            ),
        ),
        visits=visits(n_visits),
        handovers=(
            HandoverLine(
                datetime(2026, 3, 1, 10, 0),
                "Karin de Wit",
                Role.LOOPBAANCOACH,
                "Mehmet Yılmaz",
                Role.ARBEIDSMARKTCOACH,
                "Klaar voor matching; wil zonnepanelen, max 32 uur.",
                HandoverStatus.ACCEPTED,
                datetime(2026, 3, 2, 8, 45),
            ),
        ),
        dropouts=(
            DropoutLine(
                date(2026, 1, 15),
                Phase.DEEP_ORIENTATION,
                DropoutReason.PERSONAL_CIRCUMSTANCES,
                "Tijdelijk gestopt; later hervat.",
            ),
        ),
    )


def plan() -> PlanData:
    return PlanData(LETTERHEAD, NAME, "Karin de Wit", Role.LOOPBAANCOACH, PLAN)


def visit_report(*, shared: bool) -> VisitReportData:
    visit = visits(3)[0]
    return VisitReportData.for_employer(
        visit,
        letterhead=LETTERHEAD,
        employer="Zon & Dak Installaties B.V.",
        candidate_name=NAME,
        share_with_employer=shared,
    )


def aanbodkrant(n: int = 3) -> AanbodkrantData:
    base = [
        dict(
            first_name="Joëlle",
            municipality="Purmerend",
            last_name="Verhoeven",
            birth_date=BIRTH,
            labour_market_region="Zaanstreek-Waterland",
            language_level=LanguageLevel.B2,
            hours_per_week=32,
            availability="Ma–do overdag. Bel Joëlle op 06-12345678 of mail "
            "joelle.verhoeven@example.nl.",
            skills="Handig met gereedschap, nauwkeurig, rijbewijs B. Woont Kerkstraat 12, "
            "1441 AB Purmerend.",
            interests="Monteur zonnepanelen worden; Verhoeven wil doorgroeien.",
            orientation=(ActivityKind.TECHNIEKTUIN, ActivityKind.TECHCOURT),
            certificates=("VCA Basis",),
        ),
        dict(
            first_name="Mohamed",
            last_name="el Amrani",
            birth_date=date(1999, 7, 1),
            labour_market_region="Noord-Holland Noord",
            language_level=LanguageLevel.A2,
            hours_per_week=40,
            availability="Fulltime, ook ploegendienst.",
            skills="Ervaring als lasser in Marokko (MIG/MAG), leert snel, teamspeler.",
            interests="Lassen en constructiewerk in de metaal; BBL-opleiding volgen.",
            orientation=(ActivityKind.TECHCOURT,),
            certificates=(),
        ),
        dict(
            first_name="Anouk",
            last_name="Bakker",
            birth_date=date(1969, 12, 30),
            labour_market_region="Zuid-Kennemerland en IJmond",
            language_level=LanguageLevel.C2,
            hours_per_week=24,
            availability="Drie dagen per week, flexibel in te delen.",
            skills="Twintig jaar administratief werk; nauwkeurig en klantgericht; "
            "affiniteit met installaties.",
            interests="Werkvoorbereider of servicemonteur in de installatietechniek.",
            orientation=(ActivityKind.BEROEPENTUIN, ActivityKind.BTO_VTO),
            certificates=("Entree Techniek (module 1)",),
        ),
    ]
    profiles = tuple(
        AanbodkrantProfile.anonymise(candidate_id=f"cand-{i}", on=PRINTED, **base[i % 3])
        for i in range(n)
    )
    return AanbodkrantData(LETTERHEAD, "Mehmet Yılmaz", "m.yilmaz@sptnoord-holland.nl", profiles)
