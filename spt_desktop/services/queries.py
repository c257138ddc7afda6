"""Read-only views: the caseload, full-text search, the 'today' list, a dossier's history."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

import sqlalchemy as sa

from spt_common.enums import CandidateStatus
from spt_desktop.models import (
    Assignment,
    AuditEntry,
    Candidate,
    Coach,
    ContactPerson,
    Dropout,
    Employer,
    EmployerContact,
    Vacancy,
)
from spt_desktop.services import textmatch
from spt_desktop.services.base import Service
from spt_desktop.services.dto import (
    CandidateRef,
    CaseloadFilter,
    CaseloadRow,
    DropoutDTO,
    HistoryEntry,
    TodayList,
    dossier_number,
    from_row,
)
from spt_desktop.services.today import today_list

ROW_COLUMNS = (
    Candidate.id, Candidate.first_name, Candidate.last_name, Candidate.municipality,
    Candidate.persona, Candidate.phase, Candidate.status, Candidate.next_follow_up,
    Candidate.registered_on,
)  # fmt: skip
OPEN = (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
# The records of the employer register, by entity: a conflict of one is named by its
# employer (sync.conflicts.REGISTER).
EMPLOYER_OF: dict[str, Any] = {
    "employer": Employer,
    "contact_person": ContactPerson,
    "vacancy": Vacancy,
    "employer_contact": EmployerContact,
}
EVERYONE = CaseloadFilter()  # frozen, so safe as a default
_WORD = re.compile(r"\w+", re.UNICODE)
# A text search's first page is found by walking the caseload in name order (_walked)
# while that reads at most WALK_DOCS documents for the page; a later page, a count or a rare
# word asks the index for every match (_matching_ids).
WALK_DOCS = 3000
WALK_BY_INDEX = 200  # the largest page the walk against the index's matches is for
WALK_FIRST = 16  # candidates in the walk's first step: the pace is judged on them
# A candidate's documents (search_owner by candidate, vault 0019; one row a candidate), and
# documents' text from the index's own content table (FTS5 keeps column ``body`` as ``c1``).
_OWNED = (
    "SELECT candidate_id, group_concat(doc) FROM search_owner "
    "WHERE candidate_id IN ({}) GROUP BY candidate_id"
)
_TEXTS = "SELECT id, c1 FROM search_fts_content WHERE id IN ({})"


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def fts_query(text: str) -> str | None:
    """An FTS5 query for search-as-you-type: every word must match as a prefix. Only
    word characters pass, so user input can never be FTS5 syntax."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:8])


def _matching_ids(text: str) -> sa.Select[tuple[str]] | None:
    query = fts_query(text)
    if query is None:
        return None
    # The candidate of each match comes from search_owner (small rows), not from the FTS
    # content table (whole documents: a page decrypted per match).
    return sa.select(sa.text("o.candidate_id")).select_from(
        sa.text(
            "search_fts JOIN search_owner AS o ON o.doc = search_fts.rowid "
            "WHERE search_fts MATCH :q"
        ).bindparams(q=query)
    )


def _holding(s: Any, ids: list[str], wanted: list[str]) -> tuple[set[str], int]:
    """Which of the candidates ``ids`` have a document holding every phrase of ``wanted``,
    and how many documents were read to know. Read in rounds: each candidate's first
    document, her next two, then the rest, and only while she has no match yet; a common
    word is mostly found in the first round."""
    conn = s.connection()
    docs = {
        candidate_id: held.split(",")
        for candidate_id, held in conn.exec_driver_sql(_OWNED.format(_marks(len(ids))), tuple(ids))
    }
    hits: set[str] = set()
    read = 0
    for take in (1, 2, None):
        owner = {int(doc): c for c, held in docs.items() for doc in held[:take]}
        if not owner:
            break
        sql = _TEXTS.format(_marks(len(owner)))
        for doc, text in conn.exec_driver_sql(sql, tuple(owner)):
            read += 1
            if owner[doc] not in hits and textmatch.matches(text or "", wanted):
                hits.add(owner[doc])
        if take is None:
            break
        docs = {c: held[take:] for c, held in docs.items() if c not in hits and held[take:]}
    return hits, read


def _walk(name: str) -> sa.ColumnElement[Any]:
    """``+candidate.<name>``: SQLite's no-op unary plus keeps the planner from looking rows
    up by that column's own index. The caseload then walks the sort index instead of
    sorting the rows found, which means computing the generated sort_name per row (~0.3 ms
    each); Vandaag walks the index of the due dates."""
    col = Candidate.__table__.c[name]
    return sa.literal_column(f"+candidate.{name}", type_=col.type)


class QueryService(Service):
    def caseload(self, f: CaseloadFilter = EVERYONE) -> list[CaseloadRow]:
        """Candidates by coach, role, phase, persona, status and text, sorted by name."""
        q = self._filtered(sa.select(*ROW_COLUMNS), f)
        if q is None:
            return []
        # "van Dijk" under D (Candidate.sort_name, computed and indexed by SQLite).
        q = q.order_by(Candidate.sort_name, Candidate.id)

        if f.limit is not None:
            q = q.limit(f.limit).offset(f.offset)
        with self.ctx.tx() as s:
            walked = self._walked(s, f)
            if walked is not None:
                return walked
            return [CaseloadRow(*row) for row in s.execute(q)]

    def count(self, f: CaseloadFilter = EVERYONE) -> int:
        q = self._filtered(sa.select(sa.func.count(Candidate.id)), f)
        if q is None:
            return 0
        with self.ctx.tx() as s:
            return int(s.scalar(q) or 0)

    def search(self, text: str, limit: int = 200) -> list[CaseloadRow]:
        """Full-text search over names, profile texts, intakes, notes and visit reports
        (prefix match on every word, diacritics ignored); one letter alone finds the last
        names with that initial."""
        return self.caseload(CaseloadFilter(text=text, limit=limit))

    def _walked(self, s: Any, f: CaseloadFilter) -> list[CaseloadRow] | None:
        """A text search's first page, found by walking the filtered caseload in name order
        and testing each candidate's own documents (textmatch), until the page is full.

        The index's answer is every matching document: for a common word (``werkplek``,
        in most visit reports) or a particle (``de`` of ``de Vries``) 60,000-240,000 of
        them at 20,000 candidates, each turned into a candidate before the first 50 in
        name order are known (50-180 ms of CPU). The walk reads a few thousand documents
        at most: it gives up (None: ask the index) when its pace says the page would take
        more than WALK_DOCS, which is the case for a rarer word, whose answer from the
        index is small. The same candidates in the same order either way
        (tests/services/test_search_walk.py)."""
        words = _WORD.findall(f.text)
        if not words or (len(words) == 1 and len(words[0]) == 1):
            return None  # everyone, or the last-name initial: no documents to test
        if f.limit is None or f.offset:
            return None
        wanted = textmatch.phrases(words[:8])  # fts_query's words
        if wanted is None:
            return None
        walk = self._filtered(sa.select(*ROW_COLUMNS), replace(f, text=""))
        assert walk is not None  # no text: never the empty answer
        walk = walk.order_by(Candidate.sort_name, Candidate.id)
        found: list[CaseloadRow] = []
        seen = read = 0
        batch = WALK_FIRST
        while True:
            rows = s.execute(walk.limit(batch).offset(seen)).all()
            if not rows:
                return found  # the whole caseload walked
            hits, n = _holding(s, [r[0] for r in rows], wanted)
            read += n
            for row in rows:
                if row[0] in hits:
                    found.append(CaseloadRow(*row))
                    if len(found) == f.limit:
                        return found
            seen += len(rows)
            if not found:
                return None  # a rare word: the index's answer is small
            # The pace so far (documents read per candidate found) projects the page past
            # the budget: a word of many documents spread thinly over the candidates.
            if read + (f.limit - len(found)) * read / len(found) > WALK_DOCS:
                # Tested against the index's matches the walk still pays per candidate
                # walked: a short page only (a page of 1000 walks thousands).
                return self._walked_by_index(s, f) if f.limit <= WALK_BY_INDEX else None
            # The next step doubles, but to no more than the candidates the rest of the
            # page needs at this pace and a quarter (a blind double read 2,300 documents
            # for the last 19 of 100).
            need = int((f.limit - len(found)) * seen / len(found) * 1.25) + 1
            batch = min(batch * 2, need, 400)

    def _walked_by_index(self, s: Any, f: CaseloadFilter) -> list[CaseloadRow]:
        """The page by the same walk in name order, each candidate tested against the
        index's matching documents as a set of numbers (built once; a Bloom filter in
        front), not by reading her text: for a word in many documents that most
        candidates lack (``werkplek`` is in the reports of placed candidates), where
        turning every match into a candidate (_matching_ids) costs 3-5 times more."""
        query = fts_query(f.text)
        assert query is not None  # _walked checked the words
        # +o.doc: the matching documents as a list to test each of her documents
        # against, never as keys looked up one by one (60,000 seeks per candidate).
        held = sa.text(
            "EXISTS (SELECT 1 FROM search_owner AS o WHERE o.candidate_id = candidate.id "
            "AND +o.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :q))"
        ).bindparams(q=query)
        walk = self._filtered(sa.select(*ROW_COLUMNS), replace(f, text=""))
        assert walk is not None
        q = walk.where(held).order_by(Candidate.sort_name, Candidate.id).limit(f.limit)
        return [CaseloadRow(*row) for row in s.execute(q)]

    def _filtered(self, q: sa.Select, f: CaseloadFilter) -> sa.Select | None:  # type: ignore[type-arg]
        # Filters are written as +column (see _walk) so SQLite walks ix_candidate_sort_name
        # in name order and stops at the page's end, filtering from the index itself.
        q = q.where(~Candidate.deleted)
        words = _WORD.findall(f.text)
        if len(words) == 1 and len(words[0]) == 1:
            # One letter: last names with that initial, as an address book jumps. As a
            # full-text prefix it would match most documents (70 % on the demo caseload)
            # and cost ~0.3 s on 20,000 candidates for a list that filters nothing.
            letter = words[0].lower()
            q = q.where(Candidate.sort_name >= letter, Candidate.sort_name < chr(ord(letter) + 1))
        elif f.text.strip():
            ids = _matching_ids(f.text)
            if ids is None:
                return None
            q = q.where(_walk("id").in_(ids.scalar_subquery()))
        coach_id = self.ctx.actor_id if f.mine else f.coach_id
        if coach_id is not None or f.role is not None:
            a = sa.select(Assignment.candidate_id).where(Assignment.active, ~Assignment.deleted)
            if coach_id is not None:
                a = a.where(Assignment.coach_id == coach_id)
            if f.role is not None:
                a = a.where(Assignment.role == f.role)
            q = q.where(_walk("id").in_(a.scalar_subquery()))
        if f.phases:
            q = q.where(_walk("phase").in_(sorted(f.phases)))
        if f.personas:
            q = q.where(_walk("persona").in_(sorted(f.personas)))
        if f.statuses:
            q = q.where(_walk("status").in_(sorted(f.statuses)))
        return q

    def today(self, on: date | None = None) -> TodayList:
        """What needs me today, grouped by whose work it is (services/today.py)."""
        with self.ctx.tx() as s:
            return today_list(s, self.ctx.actor_id, on or self.ctx.today())

    def find_candidates(self, ref: str) -> list[CandidateRef]:
        """The candidates ``ref`` names: her id, her dossier number (8 characters, any
        case), or her name as the dossier shows it (any case); failing an exact name,
        every name that contains ``ref``. Several is the caller's to resolve."""
        ref = " ".join(ref.split())
        if not ref:
            return []
        with self.ctx.tx() as s:
            live = sa.select(Candidate.id, Candidate.first_name, Candidate.last_name,
                             Candidate.municipality).where(~Candidate.deleted)  # fmt: skip
            by_id = s.execute(live.where(Candidate.id == ref)).all()
            if not by_id and re.fullmatch(r"[0-9A-Fa-f]{8}", ref):
                # A dossier number is the start of an older id, the end of a newer one
                # (dto.dossier_number): both looked up, then held against the number.
                near = Candidate.id.like(ref.lower() + "%") | Candidate.id.like("%" + ref.lower())
                by_id = [row for row in s.execute(live.where(near))
                         if dossier_number(row[0]) == ref.upper()]  # fmt: skip
            if by_id:
                return [CandidateRef(i, f"{f} {last}", m) for i, f, last, m in by_id]
            # Names are compared in Python: SQLite's lower() folds ASCII only (Öztürk).
            # A read of four short columns: ~20 ms for the 20,000 of the bench vault.
            rows = s.execute(live).all()
        folded = ref.casefold()
        found = [CandidateRef(i, f"{f} {last}", m) for i, f, last, m in rows]
        exact = [c for c in found if c.full_name.casefold() == folded]
        return exact or [c for c in found if folded in c.full_name.casefold()]

    def employer_names(self, ids: Iterable[str]) -> dict[str, str]:
        """The names of the employers ``ids``, in one query (a dossier's matches and
        placements name them)."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        with self.ctx.tx() as s:
            rows = s.execute(sa.select(Employer.id, Employer.name).where(Employer.id.in_(wanted)))
            return {i: n for i, n in rows}

    def candidate_names(self, ids: Iterable[str | None]) -> dict[str, str]:
        """The names of the candidates ``ids`` as her caseload shows them (first and
        last name), in one query; a candidate purged since is left out."""
        rows = self._by_id(ids, Candidate.id, Candidate.first_name, Candidate.last_name)
        return {i: f"{first} {last}" for i, first, last in rows}

    def coach_names(self, ids: Iterable[str | None]) -> dict[str, str]:
        """The names of the coaches ``ids`` (colleagues and herself), in one query."""
        return {i: n for i, n in self._by_id(ids, Coach.id, Coach.name)}

    def employer_names_of(self, records: Iterable[tuple[str, str]]) -> dict[str, str]:
        """The name of the employer each record of the employer register is, or is of
        (its contact person, vacancy or contact moment), by the record's id; records of
        other entities, and records gone since, are left out. A query per entity."""
        wanted: dict[str, set[str]] = {}
        for entity, record_id in records:
            if entity in EMPLOYER_OF:
                wanted.setdefault(entity, set()).add(record_id)
        names: dict[str, str] = {}
        with self.ctx.tx() as s:
            for entity, ids in wanted.items():
                model = EMPLOYER_OF[entity]
                if model is Employer:
                    q = sa.select(Employer.id, Employer.name)
                else:
                    q = sa.select(model.id, Employer.name).join(
                        Employer, Employer.id == model.employer_id
                    )
                rows = s.execute(q.where(model.id.in_(sorted(ids))))
                names.update({i: name for i, name in rows})
        return names

    def vacancy_titles(self, ids: Iterable[str | None]) -> dict[str, str]:
        """The titles of the vacancies ``ids``, in one query."""
        return {i: t for i, t in self._by_id(ids, Vacancy.id, Vacancy.title)}

    def _by_id(self, ids: Iterable[str | None], key: Any, *columns: Any) -> list[Any]:
        """The rows (``key``, ``columns``...) of the records ``ids`` (None skipped), in
        one query."""
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return []
        with self.ctx.tx() as s:
            return list(s.execute(sa.select(key, *columns).where(key.in_(wanted))))

    def dropouts(self, candidate_id: str) -> list[DropoutDTO]:
        """A candidate's dropouts (uitval), oldest first."""
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Dropout)
                .where(Dropout.candidate_id == candidate_id, ~Dropout.deleted)
                .order_by(Dropout.occurred_on)
            )
            return [from_row(DropoutDTO, r) for r in rows]

    def history(self, candidate_id: str) -> list[HistoryEntry]:
        """The audit trail of one dossier: who changed which record when."""
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(AuditEntry)
                .where(AuditEntry.candidate_id == candidate_id)
                .order_by(AuditEntry.at.desc())
            )
            return [from_row(HistoryEntry, r) for r in rows]
