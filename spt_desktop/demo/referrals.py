"""The demo's referrals (issue 16): the warm handovers that brought its candidates in,
drawn last so every record drawn before keeps its values."""

from __future__ import annotations

from datetime import timedelta

from spt_common.enums import ConsentPurpose, LetterMoment, ReferralSource, ReferralStatus
from spt_desktop.demo.state import State, sync_columns
from spt_desktop.models.referrals import PERSONAL

# Referrers that hand someone over with a referral (a candidate who came of her own
# accord, or through an employer or school, came without one).
WARM = {
    ReferralSource.WERKCENTRUM: ("Werkcentrum Zaanstreek-Waterland", "Zaanstreek-Waterland"),
    ReferralSource.UWV: ("UWV Werkbedrijf", None),
    ReferralSource.GEMEENTE: ("Gemeente, team Werk en Inkomen", None),
    ReferralSource.WSP: ("Werkgeversservicepunt", None),
    ReferralSource.CAMPAIGN: ("Campagne", None),
}
CAMPAIGNS = ("Techniek doe je zo", "Zij-instroom Energietransitie", "Open dag Techcourt")
PEOPLE = ("A. de Vries", "M. Bakker", "S. Yilmaz", "J. Visser", "R. Mulder")
QUESTIONS = (
    "Wil graag praktisch aan de slag in de techniek; wat zijn de mogelijkheden?",
    "Heeft interesse in installatietechniek, zoekt een leerwerkbaan.",
    "Oriënteert zich op een overstap; twijfelt tussen elektro en werktuigbouw.",
)


def make_referrals(st: State) -> None:
    """A referral, in begeleiding and linked (so without her personal data), for each
    candidate a warm referrer sent; the terugkoppeling after the intake where she
    consented to it."""
    shared = {
        c["candidate_id"]
        for c in st.rows["consent"]
        if c["purpose"] == ConsentPurpose.SHARE_REFERRER_FUNDER
        and c["granted"]
        and c["withdrawn_on"] is None
    }
    for cand in st.rows["candidate"]:
        source = ReferralSource(cand["referral_source"])
        if source not in WARM:
            continue
        organisation, region = WARM[source]
        campaign = st.rng.choice(CAMPAIGNS) if source is ReferralSource.CAMPAIGN else None
        person = st.rng.choice(PEOPLE)
        st.rows["referral"].append(
            {
                **sync_columns(st),
                "spt": cand["spt"],
                "referred_on": cand["registered_on"] - timedelta(days=st.rng.randint(3, 20)),
                "referrer_kind": source,
                "referrer_region": region,
                "campaign": campaign,
                "referrer_organisation": campaign or organisation,
                "referrer_person": "" if campaign else person,
                "referrer_contact": "" if campaign else "0800-0000000",
                "first_name": cand["first_name"],
                "last_name": cand["last_name"],
                "email": cand["email"],
                "phone": cand["phone"],
                "municipality": cand["municipality"],
                "question": st.rng.choice(QUESTIONS),
                "known": "",
                "consent_spt": True,
                "consent_report_back": st.rng.random() < 0.8,
                "status": ReferralStatus.IN_GUIDANCE,
                "intake_on": cand["registered_on"],
                "not_started_reason": None,
                "not_started_note": None,
                "coach_id": st.owner_id,
                "candidate_id": cand["id"],
                "recorded_by": st.owner_id,
            }
        )
        row = st.rows["referral"][-1]
        # Accepted: her data live in her own record, not in the referral (0015, 0016).
        row.update(PERSONAL)
        if cand["id"] in shared:
            st.rows["referral_letter"].append(
                {
                    **sync_columns(st),
                    "candidate_id": cand["id"],
                    "referral_id": row["id"],
                    "moment": LetterMoment.INTAKE,
                    "sent_on": cand["registered_on"],
                    "coach_id": st.owner_id,
                    "recipient": ", ".join(
                        x for x in (row["referrer_organisation"], row["referrer_person"]) if x
                    ),
                }
            )
