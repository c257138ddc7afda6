"""The gaps between a candidate and a vacancy that the whitepaper names as leaks: salary
expectation against the range, hours and availability against the working-time
pattern, Dutch level against the level asked, travel from gemeente to gemeente, skills
and interests against the function, and the consent to share with employers.

Pure functions over DTOs: no session, no Qt. A gap is shown to the coach, never used to
leave a candidate out (the SPT matches on potential, lesson 10). Nothing here is worded:
each ``Gap`` carries a topic, a level and plain values, and the UI says it in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from spt_common.enums import ConsentPurpose, LanguageLevel
from spt_desktop.models.regions import MUNICIPALITIES, canonical_municipality
from spt_desktop.services.dto import CandidateDTO, EmployerDTO, VacancyDTO


class Topic(StrEnum):
    SALARY = "salary"
    HOURS = "hours"
    PATTERN = "pattern"
    LANGUAGE = "language"
    TRAVEL = "travel"
    SKILLS = "skills"
    CONSENT = "consent"


class Level(StrEnum):
    FITS = "fits"
    GAP = "gap"
    UNKNOWN = "unknown"  # one side is not filled in: nothing to compare


class Travel(StrEnum):
    SAME = "same"  # the same gemeente
    REGION = "region"  # the same labour-market region
    SPT = "spt"  # another region of the same SPT
    FAR = "far"  # another SPT
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Gap:
    topic: Topic
    level: Level
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SideBySide:
    """A candidate next to an employer (and maybe a vacancy), with every gap.
    ``elsewhere``: the employer is another SPT's, not on this device (``employer`` and
    ``vacancy`` are then None: their names and terms never reach it)."""

    candidate: CandidateDTO
    employer: EmployerDTO | None
    vacancy: VacancyDTO | None
    gaps: tuple[Gap, ...]
    elsewhere: bool = False


@dataclass(frozen=True)
class Terms:
    """What a vacancy asks, read from whatever the vacancy holds (``terms_of``)."""

    title: str = ""
    description: str = ""
    hours: int | None = None
    salary_low: int | None = None
    salary_high: int | None = None
    pattern: str | None = None  # a working-time pattern code: day, shifts, 24_7, flexible
    dutch_level: LanguageLevel | None = None
    work_level: str | None = None


# The vacancy's fields by the names they may have (the employers part of issue 12 adds
# them); a missing or empty one reads as unknown.
_ALIASES = {
    "salary_low": ("salary_min", "salary_low", "salary_from"),
    "salary_high": ("salary_max", "salary_high", "salary_to"),
    "pattern": ("work_pattern", "working_pattern", "pattern", "schedule"),
    "dutch_level": ("dutch_level", "language_level", "required_language_level"),
    "work_level": ("work_level", "level", "education_level"),
}


def _first(row: Any, names: tuple[str, ...]) -> Any:
    for name in names:
        value = getattr(row, name, None)
        if value not in (None, ""):
            return value
    return None


def terms_of(vacancy: VacancyDTO | None) -> Terms:
    """The terms of ``vacancy`` (none: all unknown)."""
    if vacancy is None:
        return Terms()
    level = _first(vacancy, _ALIASES["dutch_level"])
    try:
        dutch = LanguageLevel(str(level)) if level is not None else None
    except ValueError:
        dutch = None
    pattern = _first(vacancy, _ALIASES["pattern"])
    work = _first(vacancy, _ALIASES["work_level"])
    low, high = _first(vacancy, _ALIASES["salary_low"]), _first(vacancy, _ALIASES["salary_high"])
    return Terms(
        title=vacancy.title,
        description=vacancy.description,
        hours=vacancy.hours_per_week,
        salary_low=int(low) if low is not None else None,
        salary_high=int(high) if high is not None else None,
        pattern=str(getattr(pattern, "value", pattern)) if pattern is not None else None,
        dutch_level=dutch,
        work_level=str(getattr(work, "label", work)) if work is not None else None,
    )


_LEVELS = list(LanguageLevel)
# Hours a week that differ by this much or more are worth talking about.
HOURS_GAP = 4
# Availability words that rule out, or allow, work outside the day (whitepaper: firms
# expect 24/7, candidates need flexibility).
_DAY_ONLY = re.compile(r"overdag|dagdienst|niet\s+in\s+het\s+weekend|zorgdag|schooltijd", re.I)
_ANY_TIME = re.compile(r"ploeg|avond|nacht|flexibel|24/7|altijd", re.I)
_WORD = re.compile(r"[a-zà-ÿ]{4,}", re.I)
# Words too common to say anything about a fit.
_STOP = frozenset(
    {
        "voor", "met", "naar", "zijn", "heeft", "door", "over", "werk", "werken", "goed",
        "graag", "niet", "maar", "ook", "hebben", "kandidaat", "vacature", "functie",
        "medewerker", "bedrijf",
    }
)  # fmt: skip


def salary(expectation: int | None, t: Terms) -> Gap:
    detail = {"expect": expectation, "low": t.salary_low, "high": t.salary_high}
    if expectation is None or (t.salary_low is None and t.salary_high is None):
        return Gap(Topic.SALARY, Level.UNKNOWN, detail)
    if t.salary_high is not None and expectation > t.salary_high:
        return Gap(Topic.SALARY, Level.GAP, {**detail, "short": expectation - t.salary_high})
    return Gap(Topic.SALARY, Level.FITS, detail)


def hours(candidate_hours: int | None, t: Terms) -> Gap:
    detail = {"candidate": candidate_hours, "vacancy": t.hours}
    if candidate_hours is None or t.hours is None:
        return Gap(Topic.HOURS, Level.UNKNOWN, detail)
    diff = candidate_hours - t.hours
    return Gap(Topic.HOURS, Level.GAP if abs(diff) >= HOURS_GAP else Level.FITS,
               {**detail, "diff": diff})  # fmt: skip


def pattern(availability: str | None, t: Terms) -> Gap:
    text = (availability or "").strip()
    detail = {"availability": text, "pattern": t.pattern}
    if not text or t.pattern is None:
        return Gap(Topic.PATTERN, Level.UNKNOWN, detail)
    outside_day = t.pattern not in ("day", "flexible")
    if outside_day and _DAY_ONLY.search(text) and not _ANY_TIME.search(text):
        return Gap(Topic.PATTERN, Level.GAP, detail)
    return Gap(Topic.PATTERN, Level.FITS, detail)


def language(level: LanguageLevel | None, t: Terms) -> Gap:
    detail = {"has": level.value if level else None,
              "needs": t.dutch_level.value if t.dutch_level else None}  # fmt: skip
    if level is None or t.dutch_level is None:
        return Gap(Topic.LANGUAGE, Level.UNKNOWN, detail)
    steps = _LEVELS.index(t.dutch_level) - _LEVELS.index(level)
    return Gap(Topic.LANGUAGE, Level.GAP if steps > 0 else Level.FITS, {**detail, "steps": steps})


def travel_between(home: str, work: str) -> Travel:
    """How far apart two gemeenten are, roughly: the regions of models/regions.py."""
    a, b = canonical_municipality(home or ""), canonical_municipality(work or "")
    if a is None or b is None:
        return Travel.UNKNOWN
    if a == b:
        return Travel.SAME
    ra, rb = MUNICIPALITIES[a], MUNICIPALITIES[b]
    if ra.labour_market_region == rb.labour_market_region:
        return Travel.REGION
    return Travel.SPT if ra.spt == rb.spt else Travel.FAR


def travel(home: str, work: str | None) -> Gap:
    how = travel_between(home, work or "")
    detail = {"from": home, "to": work or "", "how": how.value}
    if how == Travel.UNKNOWN:
        return Gap(Topic.TRAVEL, Level.UNKNOWN, detail)
    return Gap(Topic.TRAVEL, Level.FITS if how in (Travel.SAME, Travel.REGION) else Level.GAP,
               detail)  # fmt: skip


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


def skills(skills_text: str | None, interests: str | None, t: Terms) -> Gap:
    own = _words(f"{skills_text or ''} {interests or ''}")
    asked = _words(f"{t.title} {t.description}")
    if not own or not asked:
        return Gap(Topic.SKILLS, Level.UNKNOWN, {"shared": []})
    # A shared stem counts too (lassen / lasser, installatie / installateur).
    shared = sorted(w for w in own if any(w[:5] == a[:5] for a in asked))
    return Gap(Topic.SKILLS, Level.FITS if shared else Level.GAP, {"shared": shared})


def consent(candidate: CandidateDTO) -> Gap:
    ok = candidate.has_consent(ConsentPurpose.SHARE_EMPLOYER)
    return Gap(Topic.CONSENT, Level.FITS if ok else Level.GAP, {})


def gaps(
    candidate: CandidateDTO, employer: EmployerDTO | None, vacancy: VacancyDTO | None
) -> tuple[Gap, ...]:
    """Every topic, in the whitepaper's order, fitting or not: the coach sees all."""
    t = terms_of(vacancy)
    return (
        salary(candidate.salary_expectation, t),
        hours(candidate.hours_per_week, t),
        pattern(candidate.availability, t),
        language(candidate.language_level, t),
        travel(candidate.municipality, employer.municipality if employer else None),
        skills(candidate.skills, candidate.interests, t),
        consent(candidate),
    )
