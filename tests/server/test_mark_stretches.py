"""``store._stretches``: the revisions of a range that ``mark_scopes`` reads back (those
not covered by what the push noted), found in C since round 16, as the loop over every
revision found them (kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spt_server import store


def _reference(first: int, last: int, covered: set[int]) -> list[tuple[int, int]]:
    if not covered:
        return [(first, last)]
    out: list[tuple[int, int]] = []
    start: int | None = None
    for rev in range(first, last + 1):
        if rev in covered:
            if start is not None:
                out.append((start, rev - 1))
                start = None
        elif start is None:
            start = rev
    if start is not None:
        out.append((start, last))
    return out if len(out) <= store.MAX_STRETCHES else [(first, last)]


@settings(max_examples=400, deadline=None)
@given(
    first=st.integers(1, 50),
    length=st.integers(0, 120),
    data=st.data(),
)
def test_the_stretches_are_the_reference_loops(
    first: int, length: int, data: st.DataObject
) -> None:
    last = first + length
    inside = st.integers(first - 3, last + 3)
    covered = data.draw(st.sets(inside, max_size=length + 6))
    assert store._stretches(first, last, covered) == _reference(first, last, covered)


def test_the_edges() -> None:
    full = set(range(1, 101))
    assert store._stretches(1, 100, full) == []
    assert store._stretches(1, 100, full - {1}) == [(1, 1)]
    assert store._stretches(1, 100, full - {100}) == [(100, 100)]
    assert store._stretches(1, 100, {0}) == [(1, 100)]
    # Exactly MAX_STRETCHES stretches are read one by one; one more reads the range.
    n = store.MAX_STRETCHES
    gaps = full - set(range(2, 2 * n + 1, 2))
    assert store._stretches(1, 100, gaps) == [(r, r) for r in range(2, 2 * n + 1, 2)]
    assert store._stretches(1, 100, gaps - {2 * n + 2}) == [(1, 100)]
    assert store._stretches(5, 5, frozenset({5})) == []
