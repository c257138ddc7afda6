"""Which enum each synced code field takes its codes from (``spt_common.enums``).

A ``"code"`` field of ``protocol.ENTITY_FIELDS`` holds one of its enum's codes, and
nothing else: the server refuses a record with another (``protocol.validate_fields``),
so no device can store a code its colleagues' laptops cannot read. Before, a code was
only checked for its form, and one employer with an unknown sector, shared with the
whole SPT, stopped every colleague's pull (the desktop's columns take their enum's
codes only). ``tests/sync/test_sync_protocol.py`` keeps this map equal to the desktop's
``Code(...)`` columns.

Standard library and ``spt_common`` only: the server imports it.
"""

from __future__ import annotations

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    BranchOrganisation,
    CandidateStatus,
    CheckpointOutcome,
    ClosingOutcome,
    ConsentPurpose,
    ContractKind,
    DropoutReason,
    EmployerContactKind,
    FundingKind,
    HandoverStatus,
    Labelled,
    LanguageLevel,
    LetterMoment,
    LoketAsker,
    LoketChannel,
    LoketOutcome,
    LoketStatus,
    MatchParty,
    MatchStatus,
    Persona,
    Phase,
    PlanStatus,
    ReferralNotStarted,
    ReferralSource,
    ReferralStatus,
    Role,
    Sector,
    Spt,
    TrainingFund,
    TrainingStatus,
    TransitionReadiness,
    VacancyKind,
    VacancySource,
    VacancyStatus,
    VisitMode,
    WorkLevel,
    WorkPattern,
)

ENTITY_CODES: dict[str, dict[str, type[Labelled]]] = {
    "coach": {"spt": Spt},
    "candidate": {
        "spt": Spt,
        "referral_source": ReferralSource,
        "persona": Persona,
        "benefit_status": BenefitStatus,
        "language_level": LanguageLevel,
        "phase": Phase,
        "status": CandidateStatus,
        "closing_outcome": ClosingOutcome,
    },
    "consent": {"purpose": ConsentPurpose},
    "assignment": {"role": Role},
    "journey_event": {"from_phase": Phase, "to_phase": Phase},
    "plan": {"status": PlanStatus},
    "action": {"status": ActionStatus},
    "activity": {"kind": ActivityKind, "outcome": ActivityOutcome},
    "training": {"funding": FundingKind, "fund": TrainingFund, "status": TrainingStatus},
    "handover": {"from_role": Role, "to_role": Role, "status": HandoverStatus},
    "dropout": {"phase": Phase, "reason": DropoutReason},
    "employer": {
        "sector": Sector,
        "spt": Spt,
        "branch": BranchOrganisation,
        "training_fund": TrainingFund,
        "transition_readiness": TransitionReadiness,
    },
    "vacancy": {
        "kind": VacancyKind,
        "status": VacancyStatus,
        "work_pattern": WorkPattern,
        "language_level": LanguageLevel,
        "work_level": WorkLevel,
        "source": VacancySource,
    },
    "employer_contact": {"kind": EmployerContactKind},
    "match": {"status": MatchStatus, "declined_by": MatchParty},
    "placement": {"contract": ContractKind, "fund": TrainingFund},
    "retention_checkpoint": {"outcome": CheckpointOutcome},
    "visit": {"mode": VisitMode},
    "referral": {
        "spt": Spt,
        "referrer_kind": ReferralSource,
        "status": ReferralStatus,
        "not_started_reason": ReferralNotStarted,
    },
    "referral_letter": {"moment": LetterMoment},
    "loket_question": {
        "spt": Spt,
        "channel": LoketChannel,
        "asker": LoketAsker,
        "status": LoketStatus,
        "outcome": LoketOutcome,
    },
}
