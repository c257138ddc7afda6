"""The gap computation of the side-by-side view (services/match_gaps.py): pure, each
topic on its own, with an empty field read as unknown, never as a misfit."""

from __future__ import annotations

from spt_common.enums import LanguageLevel
from spt_desktop.services.match_gaps import (
    Level,
    Terms,
    Travel,
    hours,
    language,
    pattern,
    salary,
    skills,
    travel,
    travel_between,
)


def test_salary_expectation_against_the_range() -> None:
    t = Terms(salary_low=2600, salary_high=3100)
    assert salary(3400, t).level == Level.GAP and salary(3400, t).detail["short"] == 300
    assert salary(2900, t).level == Level.FITS
    assert salary(None, t).level == Level.UNKNOWN
    assert salary(3400, Terms()).level == Level.UNKNOWN  # the vacancy has no range yet


def test_hours_differ_by_four_or_more() -> None:
    assert hours(24, Terms(hours=38)).level == Level.GAP
    assert hours(36, Terms(hours=38)).level == Level.FITS
    assert hours(None, Terms(hours=38)).level == Level.UNKNOWN


def test_day_only_availability_against_shifts() -> None:
    assert pattern("Alleen dagdiensten", Terms(pattern="shifts")).level == Level.GAP
    assert pattern("Niet in het weekend", Terms(pattern="24_7")).level == Level.GAP
    assert pattern("Ploegendienst is mogelijk", Terms(pattern="shifts")).level == Level.FITS
    assert pattern("Alleen dagdiensten", Terms(pattern="day")).level == Level.FITS
    assert pattern("Alleen dagdiensten", Terms()).level == Level.UNKNOWN


def test_dutch_level_against_the_level_asked() -> None:
    gap = language(LanguageLevel.A2, Terms(dutch_level=LanguageLevel.B1))
    assert (gap.level, gap.detail["steps"]) == (Level.GAP, 1)
    assert language(LanguageLevel.B2, Terms(dutch_level=LanguageLevel.B1)).level == Level.FITS
    assert language(None, Terms(dutch_level=LanguageLevel.B1)).level == Level.UNKNOWN


def test_travel_by_gemeente_and_region() -> None:
    assert travel_between("zaanstad", "Zaanstad") == Travel.SAME
    assert travel_between("Zaanstad", "Purmerend") == Travel.REGION
    assert travel_between("Zaanstad", "Haarlem") == Travel.SPT
    assert travel_between("Zaanstad", "Hilversum") == Travel.FAR
    assert travel_between("Zaanstad", "Eindhoven") == Travel.UNKNOWN
    assert travel("Zaanstad", "Purmerend").level == Level.FITS
    assert travel("Zaanstad", "Hilversum").level == Level.GAP
    assert travel("Zaanstad", None).level == Level.UNKNOWN


def test_skills_and_interests_against_the_function() -> None:
    t = Terms(title="Lasser", description="MIG/MAG lassen in de scheepsbouw")
    fit = skills("Lassen, rijbewijs B", "metaal", t)
    assert (fit.level, fit.detail["shared"]) == (Level.FITS, ["lassen"])
    assert skills("Klantcontact", "koken", t).level == Level.GAP
    assert skills(None, None, t).level == Level.UNKNOWN
