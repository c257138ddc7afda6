"""Dossiersamenvatting: one candidate's whole dossier, for case meetings and for the
candidate (who has the right to see it, AVG art. 15)."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from spt_common.enums import MatchParty
from spt_desktop.print.data import (
    CandidateProfile,
    CheckpointLine,
    ConsentLine,
    DossierData,
    MatchLine,
    NoteLine,
    PlacementLine,
    PlanVersion,
    TrainingLine,
    VisitRecord,
)
from spt_desktop.print.layout import (
    data_table,
    date_time,
    euro,
    field_table,
    heading,
    keep,
    long_date,
    no_data,
    notice,
    para,
    render,
    short_date,
    site_beyond,
    subheading,
    text_or_dash,
)

TITLE = "Dossiersamenvatting"


def dossier_pdf(data: DossierData) -> bytes:
    """The Dossiersamenvatting of ``data`` as PDF bytes."""
    return render(dossier_story(data), data.letterhead, TITLE)


def dossier_story(data: DossierData) -> list[Flowable]:
    c = data.candidate
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(c.full_name, "name"),
        para(
            f"Fase: {c.phase.label} · Status: {c.status.label} · "
            f"ingeschreven op {long_date(c.registered_on)}",
            "subtitle",
        ),
    ]
    if c.closed_on and c.closing_outcome:
        story.append(
            para(
                f"Dossier afgesloten op {long_date(c.closed_on)}: {c.closing_outcome.label}.",
                "subtitle",
            )
        )
    story += _profile(data)
    story += _consents(data.consents)
    story += _intake(data)
    story += heading("Plan van aanpak")
    story += plan_flowables(data.plan)
    story += _journey(data)
    story += _activities(data)
    story += _trainings(data.trainings)
    story += _notes(data.notes)
    story += _matches(data)
    story += _placements(data.placements)
    story += _visits(data.visits)
    story += _handovers(data)
    if data.dropouts:
        story += _dropouts(data)
    return story


def _profile(data: DossierData) -> list[Flowable]:
    c: CandidateProfile = data.candidate
    hours = f"{c.hours_per_week} uur per week" if c.hours_per_week else None
    personal = [
        ("Naam", c.full_name),
        ("Geboortedatum", long_date(c.birth_date) if c.birth_date else None),
        ("E-mail", c.email),
        ("Telefoon", c.phone),
        ("Gemeente", c.municipality),
        ("Arbeidsmarktregio", f"{c.labour_market_region} ({c.spt.label})"),
        ("Verwezen door", c.referral_source.label),
    ]
    profile = [
        ("Persona", c.persona.label),
        ("Uitkering", c.benefit_status.label),
        ("Taalniveau Nederlands", c.language_level.label if c.language_level else None),
        ("Beschikbaarheid", "; ".join(x for x in (hours, c.availability) if x) or None),
        (
            "Salarisindicatie",
            f"{euro(c.salary_expectation)} bruto per maand" if c.salary_expectation else None,
        ),
        ("Vaardigheden", c.skills),
        ("Interesses", c.interests),
        ("Motivatie", c.motivation),
        ("Volgende afspraak", long_date(c.next_follow_up) if c.next_follow_up else None),
    ]
    coaches: list[tuple[str, object]] = [(a.role.label, a.name) for a in data.coaches]
    return [
        *heading("Persoonsgegevens en profiel"),
        field_table(personal),
        subheading("Profiel"),
        field_table(profile),
        subheading("Begeleiding"),
        field_table(coaches) if coaches else no_data("Er is nog geen coach toegewezen."),
    ]


def consent_status(line: ConsentLine) -> str:
    if line.withdrawn_on:
        return f"Ingetrokken op {short_date(line.withdrawn_on)}"
    return "Gegeven" if line.granted else "Niet gegeven"


def _consents(consents: tuple[ConsentLine, ...]) -> list[Flowable]:
    out: list[Flowable] = heading("Toestemming (AVG)")
    if not consents:
        return [
            *out,
            notice(
                "Er is geen toestemming vastgelegd. Leg de toestemming vast "
                "voordat u gegevens deelt."
            ),
        ]
    rows = [
        (x.purpose.label, consent_status(x), short_date(x.recorded_on), x.recorded_by)
        for x in consents
    ]
    return [
        *out,
        data_table(("Doel", "Status", "Vastgelegd op", "Door"), rows, (0.45, 0.2, 0.16, 0.19)),
    ]


def _intake(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = heading("Intake")
    i = data.intake
    if i is None:
        return [*out, no_data("Er is nog geen intake vastgelegd.")]
    return [
        *out,
        para(f"Gehouden op {long_date(i.held_on)} door {i.coach}.", "muted"),
        Spacer(1, 3),
        field_table(
            [
                ("Achtergrond", i.background),
                ("Motivatie", i.motivation),
                ("Wensen", i.wishes),
                ("Belemmeringen", i.obstacles),
                ("Onderbouwing persona", i.persona_rationale),
            ]
        ),
    ]


def plan_flowables(plan: PlanVersion | None, *, with_status: bool = True) -> list[Flowable]:
    """Goals and their actions; shared by the dossier and the Plan van aanpak."""
    if plan is None:
        return [no_data("Er is nog geen plan van aanpak opgesteld.")]
    out: list[Flowable] = []
    if with_status:
        agreed = f", afgesproken op {long_date(plan.agreed_on)}" if plan.agreed_on else ""
        out.append(para(f"Versie {plan.version} · {plan.status.label}{agreed}", "muted"))
    if plan.summary:
        out += [Spacer(1, 3), para(plan.summary)]
    if not plan.goals:
        out.append(no_data("Er zijn nog geen doelen vastgelegd."))
    for n, goal in enumerate(plan.goals, start=1):
        title = subheading(f"Doel {n}: {goal.description}")
        if not goal.actions:
            out.append(keep(title, no_data("Nog geen acties bij dit doel.")))
            continue
        rows = [
            (a.description, a.owner, short_date(a.due_on), a.status.label) for a in goal.actions
        ]
        table = data_table(("Actie", "Wie", "Uiterlijk", "Status"), rows, (0.55, 0.2, 0.13, 0.12))
        out.append(keep(title, table))
    return out


def _journey(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = heading("Kandidaatreis")
    if not data.journey:
        return [*out, no_data()]
    rows = [
        (
            short_date(j.occurred_on),
            j.from_phase.label if j.from_phase else "Start",
            j.to_phase.label,
            j.coach,
            j.reason,
        )
        for j in data.journey
    ]
    return [
        *out,
        data_table(
            ("Datum", "Van", "Naar", "Coach", "Reden"), rows, (0.12, 0.18, 0.18, 0.16, 0.36)
        ),
    ]


def _activities(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = heading("Oriëntatie- en matchingsactiviteiten")
    if not data.activities:
        return [*out, no_data()]
    rows = [
        (short_date(a.held_on), a.kind.label, a.location, a.outcome.label, a.notes)
        for a in data.activities
    ]
    return [
        *out,
        data_table(
            ("Datum", "Activiteit", "Locatie", "Uitkomst", "Toelichting"),
            rows,
            (0.12, 0.17, 0.19, 0.13, 0.39),
        ),
    ]


def _funding(t: TrainingLine) -> str:
    parts = ["Rijksbekostigd" if t.publicly_funded else "Niet rijksbekostigd", t.funding.label]
    if t.fund:
        parts.append(t.fund.label)
    return "\n".join(parts)


def _certificate(t: TrainingLine) -> str | None:
    if not t.certifiable:
        return t.certificate
    return "\n".join(x for x in (t.certificate, "Certificeerbare eenheden") if x)


def _notes(notes: tuple[NoteLine, ...]) -> list[Flowable]:
    out: list[Flowable] = heading("Gespreksverslagen")
    if not notes:
        return [*out, no_data()]
    rows = [(date_time(n.written_at), n.author, n.text) for n in notes]
    return [*out, data_table(("Datum", "Door", "Verslag"), rows, (0.16, 0.18, 0.66))]


# Who said no, as a sentence says it ("Afgewezen door: Kandidaat: reistijd" read as two
# labels in a row).
DECLINED_BY = {
    MatchParty.CANDIDATE: "de kandidaat",
    MatchParty.EMPLOYER: "de werkgever",
    MatchParty.SPT: "het SPT",
}


def _match_notes(m: MatchLine) -> str:
    parts = [m.notes] if m.notes else []
    if m.declined_by is not None:
        why = f": {m.declined_reason}" if m.declined_reason else ""
        parts.append(f"Afgewezen door {DECLINED_BY[m.declined_by]}{why}")
    return "\n".join(parts)


def _trainings(trainings: tuple[TrainingLine, ...]) -> list[Flowable]:
    out: list[Flowable] = heading("Scholing")
    if not trainings:
        return [*out, no_data()]
    rows = [
        (
            f"{t.programme}\n{t.provider}",
            _funding(t),
            f"{short_date(t.starts_on)} t/m {short_date(t.ends_on)}",
            t.status.label,
            _certificate(t),
        )
        for t in trainings
    ]
    return [
        *out,
        data_table(
            ("Opleiding", "Bekostiging", "Periode", "Status", "Certificaat"),
            rows,
            (0.3, 0.22, 0.2, 0.1, 0.18),
        ),
    ]


def _matches(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = heading("Matches")
    if not data.matches:
        return [*out, no_data()]
    rows = [
        (
            short_date(m.proposed_on),
            m.employer,
            m.vacancy,
            m.status.label,
            f"{m.klik} van 5" if m.klik else None,
            _match_notes(m),
        )
        for m in data.matches
    ]
    return [
        *out,
        data_table(
            ("Datum", "Werkgever", "Vacature", "Status", "Klik", "Toelichting"),
            rows,
            (0.12, 0.2, 0.18, 0.13, 0.09, 0.28),
        ),
    ]


def _placements(placements: tuple[PlacementLine, ...]) -> list[Flowable]:
    head = heading("Plaatsing en behoud")
    if not placements:
        return [*head, no_data("Nog niet geplaatst.")]
    out: list[Flowable] = []
    for p in placements:
        period = f"vanaf {long_date(p.starts_on)}"
        if p.ended_on:
            period += f" tot {long_date(p.ended_on)}"
        fields = field_table(
            [
                ("Werkgever", p.employer),
                ("Functie", p.job_title),
                ("Contract", p.contract.label),
                ("Periode", period),
                ("Jobcoach", p.jobcoach),
            ]
        )
        block: list[Flowable] = [fields, Spacer(1, 4)]
        if p.checkpoints:
            rows = [
                (
                    f"Na {cp.months} {'maand' if cp.months == 1 else 'maanden'}",
                    short_date(cp.due_on),
                    short_date(cp.done_on),
                    _checkpoint_outcome(cp),
                )
                for cp in p.checkpoints
            ]
            block.append(
                data_table(
                    ("Behoudmoment", "Gepland", "Gedaan", "Uitkomst"), rows, (0.3, 0.2, 0.2, 0.3)
                )
            )
        # The first block carries the heading with it: kept together on their own, the
        # block could move to the next page and leave the heading alone at this one's foot.
        out += [keep(*block) if out else keep(*head, *block), Spacer(1, 6)]
    return out


def _checkpoint_outcome(cp: CheckpointLine) -> str:
    """The outcome, with the coach's note under it (why someone left, say)."""
    outcome = cp.outcome.label if cp.outcome else "Nog niet bekend"
    if not cp.note:
        return outcome
    # A note that opens with the outcome ("Nog in dienst, wil de BBL-opleiding afmaken.")
    # says it already: once is enough.
    if cp.note.casefold().startswith(outcome.casefold()):
        return cp.note
    return f"{outcome}\n{cp.note}"


def _scores(v: VisitRecord) -> str:
    return (
        f"Voortgang {text_or_dash(v.progress_score)}/5\nWelzijn {text_or_dash(v.wellbeing_score)}/5"
    )


_AMENDMENT_WORD = re.compile(r"^\s*aanvulling\s*:\s*", re.IGNORECASE)


def _visit_content(v: VisitRecord) -> str:
    parts = []
    if v.topics:
        parts.append(f"Besproken: {v.topics}")
    if v.agreements:
        parts.append(f"Afspraken: {v.agreements}")
    if v.notes:
        parts.append(f"Notitie: {v.notes}")
    if v.dropout_risk:
        parts.append("Let op: risico op uitval.")
    if v.signed_off:
        parts.append("Afgetekend.")
    for a in v.amendments:
        text = _AMENDMENT_WORD.sub("", a.text, count=1)  # "Aanvulling …: Aanvulling: …"
        parts.append(f"Aanvulling van {date_time(a.written_at)} ({a.author}): {text}")
    return "\n".join(parts) or "–"


def _where_and_who(v: VisitRecord, *, with_employer: bool) -> str:
    """The employer (unless the table's summary names it), the site and the coach."""
    site = site_beyond(v.site, v.employer, v.mode.label)
    employer = v.employer if with_employer else None
    where = ", ".join(x for x in (employer, site) if x)
    return "\n".join(x for x in (where, v.coach) if x)


def _visits(visits: tuple[VisitRecord, ...]) -> list[Flowable]:
    out: list[Flowable] = heading("Bezoeken van de jobcoach")
    if not visits:
        return [*out, no_data()]
    risks = sum(v.dropout_risk for v in visits)
    summary = f"{len(visits)} {'bezoek' if len(visits) == 1 else 'bezoeken'}"
    # One employer for all (the usual: the placement's) is named once, above the table;
    # else each row names its own. A site repeats neither it nor the visit's form.
    employers = {v.employer for v in visits}
    one = employers.pop() if len(employers) == 1 else None
    if one:
        summary += f" bij {one}"
    if risks:
        summary += f", waarvan {risks} met risico op uitval"
    rows = [
        (
            f"{short_date(v.visited_at.date())}\n{v.visited_at:%H:%M} uur\n{v.mode.label}",
            _where_and_who(v, with_employer=one is None),
            _visit_content(v),
            _scores(v),
            short_date(v.follow_up_on),
        )
        for v in visits
    ]
    table = data_table(
        ("Datum en vorm", "Waar en wie", "Inhoud", "Scores", "Vervolg"),
        rows,
        (0.14, 0.19, 0.38, 0.16, 0.13),
        plain=(0, 3, 4),  # short fixed values: cheap plain lines in a long table
    )
    return [*out, para(summary + ".", "muted"), Spacer(1, 3), table]


def _handovers(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = heading("Warme overdrachten")
    if not data.handovers:
        return [*out, no_data()]
    rows = [
        (
            date_time(h.created_at),
            f"{h.from_coach}\n{h.from_role.label}",
            f"{h.to_coach}\n{h.to_role.label}",
            h.summary,
            date_time(h.accepted_at) if h.accepted_at else h.status.label,
        )
        for h in data.handovers
    ]
    return [
        *out,
        data_table(
            ("Datum", "Van", "Naar", "Samenvatting", "Geaccepteerd"),
            rows,
            (0.13, 0.2, 0.2, 0.31, 0.16),
        ),
    ]


def _dropouts(data: DossierData) -> list[Flowable]:
    rows = [
        (short_date(d.occurred_on), d.phase.label, d.reason.label, d.explanation)
        for d in data.dropouts
    ]
    return [
        *heading("Uitval"),
        data_table(("Datum", "Fase", "Reden", "Toelichting"), rows, (0.12, 0.2, 0.3, 0.38)),
        Spacer(1, 2 * mm),
        para(
            "De redenen volgen de lekken van de pijplijn uit de whitepaper "
            "'Leeropbrengsten 5 jaar SPT'.",
            "small",
        ),
    ]
