"""One list of municipalities (``spt_desktop.models.regions``), equal to the domain's
``regions.csv`` (shared/domain, copied into the repo beside the list so this never skips)."""

from __future__ import annotations

import csv
from pathlib import Path

import spt_desktop.models.regions as regions_module
from spt_desktop.models.regions import MUNICIPALITIES, canonical_municipality

REGIONS_CSV = Path(regions_module.__file__).with_name("regions.csv")


def csv_rows() -> list[tuple[str, str, str]]:
    with REGIONS_CSV.open(encoding="utf-8", newline="") as f:
        return [(r["gemeente"], r["arbeidsmarktregio"], r["spt"]) for r in csv.DictReader(f)]


def test_the_list_is_the_domains_csv_in_its_order() -> None:
    listed = [(name, r.labour_market_region, r.spt.label) for name, r in MUNICIPALITIES.items()]
    assert listed == csv_rows()


def test_every_municipality_is_found_by_its_spelling_in_any_case() -> None:
    for name, _region, _spt in csv_rows():
        assert canonical_municipality(f"  {name.upper()} ") == name
    assert canonical_municipality("Den_Helder") is None  # the demo's old spelling
