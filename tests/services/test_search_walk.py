"""Search per keystroke walks the caseload in name order (services/queries.py ``_walked``,
services/textmatch.py): on a seeded demo vault it finds the same candidates in the same
order as the query before it, for every prefix of names, particles, common words,
accents, a single letter and nothing typed, with every page size and each of its three
ways (text walk, walk against the index's matches, the index's whole answer); and for a
common word SQLite does a fraction of the work the query before it did."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common.enums import Phase, Role
from spt_desktop import demo
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services, queries, textmatch
from spt_desktop.services.dto import CaseloadFilter
from tests.conftest import FAST_KDF, PASSPHRASE, TODAY
from tests.services.factories import ONLY_PROCESSING, profile

# The caseload's text query as it was before the walk (main 7df64d3): every matching
# document turned into its candidate, the candidates walked in name order.
BEFORE = (
    "SELECT candidate.id FROM candidate WHERE NOT candidate.deleted {extra} "
    "ORDER BY candidate.sort_name, candidate.id LIMIT :limit"
)
MATCHED = (
    "AND +candidate.id IN (SELECT o.candidate_id FROM search_fts JOIN search_owner AS o "
    "ON o.doc = search_fts.rowid WHERE search_fts MATCH :q)"
)
WORDS = (
    "Bakker", "Jansen", "de Vries", "van der", "van Dijk", "werkplek", "Eindhoven", "las",
    "veiligheid", "de", "José", "Öztürk", "oz", "Çelik", "celik", "Ødegaard", "straße",
    "x_y", "b", "V", "", "  ", "zzzz",
)  # fmt: skip
LIMITS = (1, 10, 50, 1000)


class Seeded(Services):
    """The services of the seeded vault, and that vault (for the query before)."""

    vault: Vault


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """400 demo candidates, 4,000 visits, and a few names and notes with accents."""
    path: Path = tmp_path_factory.mktemp("seeded") / "demo.sptvault"
    vault, _ = Vault.create(
        path, PASSPHRASE, owner_roles=(Role.LOOPBAANCOACH, Role.JOBCOACH), kdf=FAST_KDF
    )
    demo.fill_vault(vault, 400, 7, TODAY, n_visits=4000)
    services = Seeded(vault, today=lambda: TODAY, now=lambda: datetime(2026, 11, 30, 9))
    services.vault = vault
    for first, last, note in (
        ("José", "Öztürk", "Straße en veiligheid op de werkplek"),
        ("Aylin", "Çelik", "Wil als lasser aan de slag: x_y"),
        ("Ole", "Ødegaard", "de Vries belde over een werkplek"),
        ("Lotte", "van der Berg", "Vrijdag vrij; Eindhoven"),
    ):
        c = services.candidates.register(profile(first_name=first, last_name=last), ONLY_PROCESSING)
        services.candidates.add_note(c.id, note)
    yield services
    vault.lock()


def before(services: Seeded, text: str, limit: int, extra: str = "") -> list[str]:
    """The candidates the caseload query before the walk showed for ``text``."""
    words = queries._WORD.findall(text)
    params: dict[str, Any] = {"limit": limit}
    if len(words) == 1 and len(words[0]) == 1:
        extra += " AND candidate.sort_name >= :lo AND candidate.sort_name < :hi"
        letter = words[0].lower()
        params.update(lo=letter, hi=chr(ord(letter) + 1))
    elif text.strip():
        extra += " " + MATCHED
        params["q"] = queries.fts_query(text)
    with services.vault.engine.connect() as c:
        return [r[0] for r in c.execute(sa.text(BEFORE.format(extra=extra)), params)]


def prefixes() -> list[str]:
    return sorted({w[:n] for w in WORDS for n in range(len(w) + 1)})


@pytest.mark.parametrize("walk_docs", [0, 3000, 10**9])
def test_every_prefix_finds_what_the_query_before_found(
    seeded: Seeded, walk_docs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 0: every text search that finds a candidate early goes to the walk against the
    # index's matches; 10**9: the text walk never gives up for it; 3000: as shipped.
    monkeypatch.setattr(queries, "WALK_DOCS", walk_docs)
    for text in prefixes():
        for limit in LIMITS:
            got = [r.id for r in seeded.queries.caseload(CaseloadFilter(text=text, limit=limit))]
            assert got == before(seeded, text, limit), (text, limit)


def test_filters_and_search_find_what_the_query_before_found(seeded: Seeded) -> None:
    for text in ("we", "werkplek", "de V", "van d", "las", "Bak"):
        for phase in (Phase.ORIENTATION, Phase.RETENTION):
            f = CaseloadFilter(text=text, phases=frozenset({phase}), limit=20)
            got = [r.id for r in seeded.queries.caseload(f)]
            assert got == before(seeded, text, 20, f"AND candidate.phase = '{phase.value}'")


def test_the_walk_is_the_whole_page_the_next_pages_follow_it(seeded: Seeded) -> None:
    first = [r.id for r in seeded.queries.caseload(CaseloadFilter(text="we", limit=30))]
    later = seeded.queries.caseload(CaseloadFilter(text="we", limit=30, offset=30))
    assert len(first) == 30 and first + [r.id for r in later] == before(seeded, "we", 60)
    assert seeded.queries.count(CaseloadFilter(text="we")) == len(before(seeded, "we", 10**6))


def test_a_note_is_found_right_after_it_is_saved(seeded: Seeded) -> None:
    first = seeded.queries.caseload(CaseloadFilter(limit=1))[0]
    assert first.id not in [r.id for r in seeded.queries.search("de werkplekzebra", limit=5)]
    seeded.candidates.add_note(first.id, "Op de werkplekzebra geoefend")
    for text in ("werkplekz", "de werkplekzebra", "de w"):
        assert seeded.queries.search(text, limit=5)[0].id == first.id, text
        assert [r.id for r in seeded.queries.search(text, limit=5)] == before(seeded, text, 5)


def test_the_tokenizer_is_the_vaults(seeded: Seeded) -> None:
    with seeded.vault.engine.connect() as c:
        sql = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").scalar()
    assert f"tokenize = '{textmatch.TOKENIZER}'" in sql
    assert textmatch.tokens("Öztürk-Çelik Straße_ØDEGAARD José") == [
        "ozturk",
        "celik",
        "straße",
        "ødegaard",
        "jose",
    ]  # fmt: skip  (unicode61 folds no ø: it has no diacritic to take off)


def _statements(services: Seeded, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SQL statements (and their parameters) the vault ran while ``run`` ran."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    engine = services.vault.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return seen


@pytest.mark.parametrize("text", ["we", "de", "de V"])
def test_a_common_word_reads_a_few_documents_not_every_match(seeded: Seeded, text: str) -> None:
    """Before, every document matching a common word was taken from the index and turned
    into its candidate; now a page of 50 reads a fraction of them and asks the index
    nothing."""
    ran = _statements(seeded, lambda: seeded.queries.search(text, limit=50))
    assert [s for s, _ in ran if "MATCH" in s] == []
    read = sum(len(p) for s, p in ran if "search_fts_content" in s)
    with seeded.vault.engine.connect() as c:
        matching = c.exec_driver_sql(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (queries.fts_query(text),)
        ).scalar()
    assert 0 < read * 5 < matching, (read, matching)
