"""The vault owner's colleagues: who holds the roles the owner does not."""

from __future__ import annotations

from spt_common.enums import Role, Spt
from spt_desktop.demo.people import ascii_slug
from spt_desktop.demo.state import State, sync_columns

# Colleagues known to the vault (the owner is the vault's own coach row).
_COLLEAGUES = (
    ("Marloes Kaandorp", Spt.NOORD_HOLLAND, "loopbaancoach"),
    ("Youssef El Amrani", Spt.NOORD_HOLLAND, "arbeidsmarktcoach"),
    ("Petra Schermerhorn", Spt.NOORD_HOLLAND, "jobcoach"),
    ("Dennis Beemsterboer", Spt.NOORD_HOLLAND, "arbeidsmarktcoach,jobcoach"),
    ("Anouk Tesselaar", Spt.NOORD_HOLLAND, "coordinator"),
    ("Esther van Leeuwen", Spt.GROOT_AMSTERDAM, "loopbaancoach"),
    ("Kerem Yıldız", Spt.GROOT_AMSTERDAM, "arbeidsmarktcoach"),
    ("Shanti Ramdin", Spt.GROOT_AMSTERDAM, "jobcoach"),
    ("Joost de Graaf", Spt.MIDDEN, "loopbaancoach,arbeidsmarktcoach"),
    ("Iryna Kovalenko", Spt.MIDDEN, "jobcoach"),
)
_SPT_DOMAIN = {
    Spt.NOORD_HOLLAND: "sptnoord-holland.example",
    Spt.GROOT_AMSTERDAM: "sptga.example",
    Spt.MIDDEN: "sptmidden.example",
}


def make_coaches(st: State) -> None:
    """The colleagues, each with an e-mail address at their SPT."""
    st.coach_names[st.owner_id] = "de coach"
    for name, spt, roles in _COLLEAGUES:
        coach_id = st.ids()
        first, _, last = name.partition(" ")
        st.rows["coach"].append(
            {
                **sync_columns(st, coach_id),
                "name": name,
                "email": f"{ascii_slug(first)}.{ascii_slug(last)}@{_SPT_DOMAIN[spt]}",
                "roles": roles,
                "spt": spt,
            }
        )
        st.coach_names[coach_id] = name
        for role in roles.split(","):
            st.coaches.setdefault((Role(role), spt), []).append(coach_id)


def colleague(st: State, role: Role, spt: Spt) -> str:
    """A colleague in ``role``: of the same SPT if there is one, else any, else the owner."""
    local = st.coaches.get((role, spt)) or []
    if local:
        return st.rng.choice(local)
    anywhere = [c for (r, _), ids in st.coaches.items() if r == role for c in ids]
    return st.rng.choice(anywhere) if anywhere else st.owner_id
