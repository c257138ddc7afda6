"""Where the candidates and employers are: the municipalities of the three SPTs
(``spt_desktop.models.regions``), weighted by how many people live there."""

from __future__ import annotations

from dataclasses import dataclass

from spt_common.enums import Spt
from spt_desktop.demo.state import State
from spt_desktop.models.regions import MUNICIPALITIES

# Inhabitants in thousands (rounded), so Amsterdam has more candidates than Opmeer.
_POPULATION = {
    "Aalsmeer": 33, "Amstelveen": 95, "Amsterdam": 930, "Diemen": 32, "Haarlemmermeer": 160,
    "Ouder-Amstel": 15, "Uithoorn": 31, "Zaanstad": 160, "Purmerend": 93,
    "Edam-Volendam": 37, "Landsmeer": 12, "Oostzaan": 10, "Waterland": 18,
    "Wormerland": 17, "Haarlem": 165, "Zandvoort": 17, "Bloemendaal": 24, "Heemstede": 28,
    "Velsen": 69, "Beverwijk": 42, "Heemskerk": 40, "Alkmaar": 111, "Bergen": 30,
    "Castricum": 37, "Den Helder": 56, "Dijk en Waard": 90, "Drechterland": 20,
    "Enkhuizen": 19, "Heiloo": 25, "Hollands Kroon": 49, "Hoorn": 75, "Koggenland": 24,
    "Medemblik": 48, "Opmeer": 12, "Schagen": 47, "Stede Broec": 22, "Texel": 14,
    "Uitgeest": 14, "Blaricum": 12, "Eemnes": 9, "Gooise Meren": 59, "Hilversum": 92,
    "Huizen": 41, "Laren": 11, "Wijdemeren": 24,
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A municipality with its labour-market region and SPT."""

    municipality: str
    region: str
    spt: Spt


PLACES: tuple[Place, ...] = tuple(
    Place(name, region.labour_market_region, region.spt) for name, region in MUNICIPALITIES.items()
)


def pick_place(st: State) -> Place:
    """A municipality by population; the owner's own SPT three times as likely."""
    weights = [_POPULATION[p.municipality] * (3 if p.spt == st.owner_spt else 1) for p in PLACES]
    return st.rng.choices(PLACES, weights=weights)[0]
