"""Municipalities of the three SPTs (2026) and their labour-market regions: the one list
(the services validate against it, the demo draws its places from it).

Source: the domain's regions.csv, copied beside this file; tests/unit/test_regions.py keeps
the two equal, order included. SPT Noord-Holland bundles Noord-Holland Noord,
Zaanstreek-Waterland and Zuid-Kennemerland en IJmond since 2026.
"""

from __future__ import annotations

from typing import NamedTuple

from spt_common.enums import Spt


class Region(NamedTuple):
    """The SPT and labour-market region a municipality belongs to."""

    spt: Spt
    labour_market_region: str


MUNICIPALITIES: dict[str, Region] = {
    "Aalsmeer": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Amstelveen": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Amsterdam": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Diemen": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Haarlemmermeer": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Ouder-Amstel": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Uithoorn": Region(Spt.GROOT_AMSTERDAM, "Groot-Amsterdam"),
    "Zaanstad": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Purmerend": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Edam-Volendam": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Landsmeer": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Oostzaan": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Waterland": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Wormerland": Region(Spt.NOORD_HOLLAND, "Zaanstreek-Waterland"),
    "Haarlem": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Zandvoort": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Bloemendaal": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Heemstede": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Velsen": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Beverwijk": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Heemskerk": Region(Spt.NOORD_HOLLAND, "Zuid-Kennemerland en IJmond"),
    "Alkmaar": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Bergen": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Castricum": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Den Helder": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Dijk en Waard": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Drechterland": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Enkhuizen": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Heiloo": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Hollands Kroon": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Hoorn": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Koggenland": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Medemblik": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Opmeer": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Schagen": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Stede Broec": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Texel": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Uitgeest": Region(Spt.NOORD_HOLLAND, "Noord-Holland Noord"),
    "Blaricum": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Eemnes": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Gooise Meren": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Hilversum": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Huizen": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Laren": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
    "Wijdemeren": Region(Spt.MIDDEN, "Gooi en Vechtstreek"),
}


_BY_KEY = {name.casefold(): name for name in MUNICIPALITIES}


def canonical_municipality(municipality: str) -> str | None:
    """The municipality's official spelling (case-insensitive match), or None."""
    return _BY_KEY.get(municipality.strip().casefold())
