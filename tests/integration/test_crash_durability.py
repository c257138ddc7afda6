"""SIGKILL at random moments loses nothing that was acknowledged.

A child process writes in a loop and reports each record's id only after its commit
returned; the parent kills it with SIGKILL at a random moment, reopens the vault and
checks that every acknowledged record is there, whole, and that the vault is intact.
The same for the key header: a passphrase change killed halfway leaves a header that
opens with the old or the new passphrase, never neither.

The children are forked from the test process (modules already imported) rather than
started afresh: the kill is just as real, and 25 runs cost seconds instead of a minute
of interpreter start-ups. Nothing is open on the vault in the parent when it forks.
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn, TextIO

import pytest
import sqlalchemy as sa

from spt_common.enums import (
    BenefitStatus,
    CandidateStatus,
    Persona,
    Phase,
    ReferralSource,
    Spt,
)
from spt_desktop.models import Candidate, Note, OutboxEntry
from spt_desktop.models.errors import WrongPassphrase
from spt_desktop.models.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE, VAULT_NAME

RUNS = 25
HEADER_RUNS = 8
SEED = int(os.environ.get("SPT_CRASH_SEED", "20261129"))


def _fork(work: Callable[[TextIO], None]) -> tuple[int, TextIO]:
    """Run ``work(out)`` in a forked child; the parent reads ``out`` through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        _child(read_end, write_end, work)
    os.close(write_end)
    return pid, os.fdopen(read_end, "r")


def _child(read_end: int, write_end: int, work: Callable[[TextIO], None]) -> NoReturn:
    try:
        os.close(read_end)
        work(os.fdopen(write_end, "w"))
    except BaseException:
        traceback.print_exc()
    os._exit(1)  # never back into pytest; a normal end is a failure too: it must be killed


def _kill(pid: int, out: TextIO) -> list[str]:
    """SIGKILL the child; the complete lines it wrote."""
    os.kill(pid, signal.SIGKILL)
    rest = out.read()
    out.close()
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "died on its own"
    return rest.split("\n")[:-1]


# --- records ----------------------------------------------------------------------------


def _writer(path: Path) -> Callable[[TextIO], None]:
    def work(out: TextIO) -> None:
        vault = Vault(path)
        vault.unlock(PASSPHRASE)
        out.write("ready\n")
        out.flush()
        n = 0
        while True:
            n += 1
            with vault.transaction() as s:
                c = _candidate(n)
                s.add(c)
                s.flush()
                # Every tenth transaction is large, so the WAL grows and checkpoints run.
                for k in range(40 if n % 10 == 0 else 1):
                    s.add(
                        Note(
                            candidate_id=c.id,
                            author_id=vault.owner_id,
                            written_at=datetime(2026, 11, 29, 9, 0),
                            text=f"notitie {k} " * 20,
                        )
                    )
            out.write(c.id + "\n")  # acknowledged: the commit has returned
            out.flush()

    return work


def _candidate(n: int) -> Candidate:
    return Candidate(
        first_name="Kandidaat",
        last_name=f"Nummer {n}",
        municipality="Zaanstad",
        spt=Spt.NOORD_HOLLAND,
        labour_market_region="Zaanstreek/Waterland",
        referral_source=ReferralSource.UWV,
        persona=Persona.NO_WORK_NO_BENEFIT,
        benefit_status=BenefitStatus.NONE,
        phase=Phase.ORIENTATION,
        status=CandidateStatus.ACTIVE,
        registered_on=date(2026, 11, 29),
        notes="x" * (n % 7) * 300,
    )


def _kill_at_random(path: Path, rng: random.Random) -> list[str]:
    """Let a writer acknowledge a random number of records, kill it after a random
    pause, and return every id it acknowledged (complete lines only)."""
    pid, out = _fork(_writer(path))
    acked: list[str] = []
    if rng.random() < 0.15:
        # Now and then, kill during unlock (which recovers the WAL of the last crash).
        time.sleep(rng.uniform(0.0, 0.08))
    else:
        assert out.readline() == "ready\n"
        for _ in range(rng.randint(0, 25)):
            line = out.readline()
            assert line.endswith("\n"), "the writer died on its own"
            acked.append(line.strip())
        time.sleep(rng.uniform(0.0, 0.01))
    return acked + [line for line in _kill(pid, out) if line != "ready"]


def _check_vault(path: Path, acked: set[str]) -> int:
    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    try:
        assert vault.integrity_problems() == []
        with vault.transaction() as s:
            ids = set(s.scalars(sa.select(Candidate.id)))
            missing = acked - ids
            assert not missing, f"{len(missing)} acknowledged records lost"
            # Whole transactions or nothing: every candidate has its notes and outbox rows.
            orphans = s.scalar(
                sa.select(sa.func.count())
                .select_from(Candidate)
                .where(~sa.exists().where(Note.candidate_id == Candidate.id))
            )
            assert orphans == 0
            in_outbox = s.scalar(
                sa.select(sa.func.count(sa.distinct(OutboxEntry.record_id))).where(
                    OutboxEntry.entity == "candidate"
                )
            )
            assert in_outbox == len(ids)
        return len(ids)
    finally:
        vault.lock()


@pytest.mark.slow
def test_sigkill_during_writes_loses_no_acknowledged_record(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / VAULT_NAME, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    rng = random.Random(SEED)
    acked: set[str] = set()
    for run in range(RUNS):
        acked.update(_kill_at_random(tmp_path / VAULT_NAME, rng))
        stored = _check_vault(tmp_path / VAULT_NAME, acked)
        # At most the one transaction in flight at the kill is there unacknowledged.
        assert stored - len(acked) <= run + 1, f"run {run} (seed {SEED})"
    assert len(acked) > RUNS  # the loop did write, so the check above meant something
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {VAULT_NAME, f"{VAULT_NAME}.key"}


# --- the key header -------------------------------------------------------------------


def _changer(path: Path, phrases: list[str]) -> Callable[[TextIO], None]:
    def work(out: TextIO) -> None:
        vault = Vault(path)
        out.write("ready\n")
        out.flush()
        i = 0
        while True:
            vault.change_passphrase(phrases[i % 2], phrases[(i + 1) % 2])
            i += 1
            out.write(phrases[i % 2] + "\n")  # acknowledged: this one opens the vault now
            out.flush()

    return work


@pytest.mark.slow
def test_sigkill_during_passphrase_change_keeps_a_working_header(tmp_path: Path) -> None:
    phrases = [PASSPHRASE, "tweede wachtwoordzin voor de test"]
    vault, _ = Vault.create(tmp_path / VAULT_NAME, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    rng = random.Random(SEED + 1)
    current = PASSPHRASE
    for _ in range(HEADER_RUNS):
        pid, out = _fork(_changer(tmp_path / VAULT_NAME, _order(phrases, current)))
        assert out.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.3))
        acked = _kill(pid, out)
        last = acked[-1] if acked else current
        following = phrases[1 - phrases.index(last)]
        current = _opening_phrase(tmp_path / VAULT_NAME, [last, following])
        # The acknowledged passphrase works, unless the next change had already landed.
        assert current in (last, following)
    # A later change cleans up whatever temp file a killed write left behind.
    Vault(tmp_path / VAULT_NAME).change_passphrase(current, PASSPHRASE)
    assert {p.name for p in tmp_path.iterdir()} == {VAULT_NAME, f"{VAULT_NAME}.key"}


def _order(phrases: list[str], current: str) -> list[str]:
    return [current, phrases[1 - phrases.index(current)]]


def _opening_phrase(path: Path, candidates: list[str]) -> str:
    for phrase in candidates:
        vault = Vault(path)
        try:
            vault.unlock(phrase)
        except WrongPassphrase:
            continue
        vault.lock()
        return phrase
    raise AssertionError("the header opens with neither passphrase")
