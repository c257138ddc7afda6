"""The caseload table's own column sort and the vault's generated sort column agree."""

from __future__ import annotations

import sqlite3

import pytest

from spt_common.names import sort_name
from spt_desktop.models.people import sort_name_sql


@pytest.mark.parametrize(
    ("last", "first"),
    [("van der Veen", "Mark"), ("de Boer", "Cor"), ("Aalders", "Bas"), ("d'Hondt", "Els"),
     ("van 't Hof", "Lars"), ("Van Dijk", "Bram"), ("Vries", "Kim")],
)  # fmt: skip
def test_python_and_sql_sort_keys_agree(last: str, first: str) -> None:
    with sqlite3.connect(":memory:") as c:
        (sql,) = c.execute(f"SELECT {sort_name_sql('?1', '?2')}", (last, first)).fetchone()
    assert sql == sort_name(last, first)


def test_tussenvoegsel_sorts_under_the_name() -> None:
    names = [("van Dijk", "Bram"), ("Aalders", "Bas"), ("de Boer", "Cor")]
    assert [n for n, _ in sorted(names, key=lambda n: sort_name(*n))] == [
        "Aalders", "de Boer", "van Dijk"
    ]  # fmt: skip
