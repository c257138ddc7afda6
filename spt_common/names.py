"""Dutch name order: "van Dijk" sorts under D, as Dutch lists do. Standard library only,
so the vault's generated sort column (models.people) and the caseload table's own
column sort (ui) follow one list."""

from __future__ import annotations

# Dutch tussenvoegsels, longest first (so "van der " wins over "van ").
TUSSENVOEGSELS = (
    "van der ", "van den ", "van de ", "van het ", "van 't ", "in 't ", "op de ", "uit de ",
    "van ", "de ", "den ", "der ", "ter ", "ten ", "te ", "het ", "'t ", "d'",
)  # fmt: skip


def sort_name(last_name: str, first_name: str) -> str:
    """The key the vault computes as ``candidate.sort_name``: the last name lower-cased
    without its tussenvoegsel, a separator below every letter, then the first name."""
    last = last_name.lower()
    for prefix in TUSSENVOEGSELS:
        if last.startswith(prefix):
            last = last[len(prefix) :]
            break
    return f"{last}\x01{first_name.lower()}"
