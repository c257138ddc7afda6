"""Params for every error code, as a raise site gives them: the presenters' tests walk
the whole vocabulary with these (tests/unit/test_error_vocabulary.py for the CLI,
tests/ui/test_error_messages.py for the UI)."""

from __future__ import annotations

from spt_common.enums import CandidateStatus, MatchStatus, Phase, Role
from spt_desktop.errors import (
    DAY_PARAMS,
    PARAMS,
    PROBLEM_PARAMS,
    Code,
    FieldError,
    Problem,
    Reason,
    Thing,
)

# One domain code per labelled param (``LABELLED_PARAMS``).
LABELLED_SAMPLES: dict[str, str] = {
    "phase": Phase.MATCHING.value,
    "candidate_status": CandidateStatus.DROPPED_OUT.value,
    "match_status": MatchStatus.TRIAL.value,
    "to_status": MatchStatus.PROPOSED.value,
    "role": Role.JOBCOACH.value,
}


def sample_params(code: Code) -> dict[str, str | int]:
    """Params of ``code``: a worded code where the param is one (a reason, a kind of
    record, a domain code), a number otherwise."""
    params: dict[str, str | int] = {}
    for name in PARAMS[code]:
        if name == "reason":
            params[name] = Reason.UNKNOWN.value
        elif name == "what":
            params[name] = Thing.CANDIDATE.value
        elif name in LABELLED_SAMPLES:
            params[name] = LABELLED_SAMPLES[name]
        else:
            params[name] = 1
    return params


def sample_field_error(problem: Problem) -> FieldError:
    """``problem`` with the params it carries: a date where the param is one, a number
    otherwise."""
    return FieldError(
        problem,
        **{name: "2026-12-01" if name in DAY_PARAMS else 7 for name in PROBLEM_PARAMS[problem]},
    )
